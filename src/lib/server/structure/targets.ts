/**
 * Targets (målvärden) of an indicator, for one goal or in general, edited through their wording: the
 * official types it as printed, the domain parser reads it (shown before saving), and the row keeps the
 * wording exactly as typed beside the parsed fields. Unreadable wording is stored as kind `text`.
 * Rank 0 is the main target the public site shows; saving a new main target moves the old one after it.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { goalTarget } from '../auth/guard';
import { previewTarget } from '../../domain/target-preview';
import { describeTarget } from '../../domain/target';
import { toTarget } from '../assess/indicators';
import { assertMay, assertMayChangeIndicator, mayChange, mayChangeIndicator } from './access';
import { audit, count, insert, str, updateVersioned, type Row } from './common';
import { invalid, notFound } from './errors';
import { reassess } from './indicators';
import type { TargetInput } from './schemas';
import type { Locale } from '../../i18n';

export interface TargetRow {
	id: number;
	indicatorId: number;
	goalId: number | null;
	kind: string;
	wording: string;
	rank: number;
	version: number;
	description: string;
	mayEdit: boolean;
}

export function targetForm(row: Row): Record<string, string> {
	return { wording: str(row.wording), rank: (row.rank as number) === 0 ? '0' : '1' };
}

/** The targets of an indicator for one goal (or the general ones, goalId null), main target first. */
export function listTargets(db: Db, user: SessionUser, indicatorId: number, goalId: number | null, locale: Locale): TargetRow[] {
	const rows = db.$client
		.prepare('SELECT * FROM target WHERE indicator_id = ? AND goal_id IS ? ORDER BY rank, id')
		.all(indicatorId, goalId) as Row[];
	const may = goalId == null ? mayChangeIndicator(db, user, indicatorId) : mayChange(user, goalTarget(db, goalId));
	return rows.map((r) => ({
		id: r.id as number,
		indicatorId,
		goalId,
		kind: r.kind as string,
		wording: r.wording as string,
		rank: r.rank as number,
		version: r.version as number,
		description: describeTarget(toTarget(r as never), locale),
		mayEdit: may
	}));
}

export function getTarget(db: Db, id: number): (Row & { values: Record<string, string> }) | null {
	const row = db.$client.prepare('SELECT * FROM target WHERE id = ?').get(id) as Row | undefined;
	return row ? { ...row, values: targetForm(row) } : null;
}

function assertMayTarget(db: Db, user: SessionUser, indicatorId: number, goalId: number | null) {
	if (goalId != null) {
		assertMay(user, goalTarget(db, goalId));
		if (!db.$client.prepare('SELECT 1 FROM goal_indicator WHERE goal_id = ? AND indicator_id = ?').get(goalId, indicatorId)) {
			throw invalid({ wording: { sv: 'Koppla indikatorn till målet innan du anger ett målvärde för målet.', en: 'Link the indicator to the goal before giving it a target for the goal.' } });
		}
	} else assertMayChangeIndicator(db, user, indicatorId);
}

function fields(input: TargetInput) {
	const t = previewTarget(input.wording).target;
	return {
		kind: t.kind,
		value: t.value ?? null,
		valueHigh: t.valueHigh ?? null,
		reference: t.reference ?? null,
		basePeriod: t.basePeriod ?? null,
		targetPeriod: t.targetPeriod ?? null,
		benchmark: t.benchmark ?? null,
		benchmarkSide: t.benchmarkSide ?? null,
		benchmarkMeasure: t.benchmarkMeasure ?? null,
		wording: t.wording
	};
}

/** Rank 0 for a main target (moving the current main one after the others), else after the others. */
function placeRank(db: Db, indicatorId: number, goalId: number | null, main: boolean, except: number | null): number {
	const next = count(db, 'SELECT coalesce(max(rank) + 1, 1) AS n FROM target WHERE indicator_id = ? AND goal_id IS ? AND id IS NOT ?', indicatorId, goalId, except);
	if (!main) return Math.max(next, 1);
	db.$client.prepare('UPDATE target SET rank = ? WHERE indicator_id = ? AND goal_id IS ? AND rank = 0 AND id IS NOT ?').run(next, indicatorId, goalId, except);
	return 0;
}

export function createTarget(db: Db, user: SessionUser, indicatorId: number, goalId: number | null, input: TargetInput): number {
	return db.transaction(() => {
		assertMayTarget(db, user, indicatorId, goalId);
		const row = fields(input);
		const rank = placeRank(db, indicatorId, goalId, input.rank === 0, null);
		const id = insert(db, 'target', { indicatorId, goalId, rank, ...row });
		audit(db, user, 'create', 'target', id, null, { indicatorId, goalId, rank, ...row });
		reassess(db, indicatorId);
		return id;
	});
}

export function updateTarget(db: Db, user: SessionUser, id: number, version: number, input: TargetInput): number {
	return db.transaction(() => {
		const before = db.$client.prepare('SELECT * FROM target WHERE id = ?').get(id) as Row | undefined;
		if (!before) throw notFound({ sv: 'Målvärdet finns inte.', en: 'The target does not exist.' });
		const indicatorId = before.indicator_id as number;
		const goalId = (before.goal_id as number) ?? null;
		assertMayTarget(db, user, indicatorId, goalId);
		const row = fields(input);
		const wasMain = before.rank === 0;
		const main = input.rank === 0;
		// A stale version throws below and rolls back any rank moves made here.
		const rank = main === wasMain ? (before.rank as number) : placeRank(db, indicatorId, goalId, main, id);
		const next = updateVersioned(db, 'target', id, version, { ...row, rank }, targetForm);
		const finalRank = rank;
		const old = { kind: before.kind, value: before.value, wording: before.wording, rank: before.rank };
		const now = { kind: row.kind, value: row.value, wording: row.wording, rank: finalRank };
		if (JSON.stringify(old) !== JSON.stringify(now)) audit(db, user, 'update', 'target', id, old, now);
		reassess(db, indicatorId);
		return next;
	});
}

/** Targets carry no data of their own, so they may always be deleted (the audit entry keeps the wording). */
export function deleteTarget(db: Db, user: SessionUser, id: number): void {
	db.transaction(() => {
		const before = db.$client.prepare('SELECT * FROM target WHERE id = ?').get(id) as Row | undefined;
		if (!before) throw notFound({ sv: 'Målvärdet finns inte.', en: 'The target does not exist.' });
		const goalId = (before.goal_id as number) ?? null;
		if (goalId != null) assertMay(user, goalTarget(db, goalId));
		else assertMayChangeIndicator(db, user, before.indicator_id as number);
		db.$client.prepare('DELETE FROM target WHERE id = ?').run(id);
		audit(db, user, 'delete', 'target', id, { indicatorId: before.indicator_id, goalId, kind: before.kind, wording: before.wording, rank: before.rank }, null);
		reassess(db, before.indicator_id as number);
	});
}
