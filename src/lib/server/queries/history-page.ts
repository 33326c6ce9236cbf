/**
 * The history page of one value (observation) or assessment: what it is, in words, and its audit entries
 * (editing/history.ts), newest first. Ids are those the editing module writes to the audit log:
 * values "indicator:geography:sex:period", assessments "period:kind:subject".
 */
import type { Db } from '../db/client';
import { historyOf, type HistoryEntry } from '../editing/history';
import type { Sex } from '../../domain/types';

export type HistoryEntity = 'observation' | 'assessment';

export interface ValueSubject {
	entity: 'observation';
	indicator: string;
	unit: string | null;
	geography: string;
	sex: Sex;
	period: string;
}

export interface AssessmentSubject {
	entity: 'assessment';
	kind: 'goal' | 'uppdrag' | 'indicator';
	name: string;
	periodLabel: string;
	plan: string;
}

export interface HistoryPage {
	entity: HistoryEntity;
	id: string;
	subject: ValueSubject | AssessmentSubject;
	entries: HistoryEntry[];
}

export const isHistoryEntity = (x: unknown): x is HistoryEntity => x === 'observation' || x === 'assessment';

const OBSERVATION_ID = /^(\d{1,9}):(\d{1,9}):([TKM]):([0-9A-Za-z-]{4,12})$/;
const ASSESSMENT_ID = /^(\d{1,9}):(goal|uppdrag|indicator):(\d{1,9})$/;

function valueSubject(db: Db, id: string): ValueSubject | null {
	const m = OBSERVATION_ID.exec(id);
	if (!m) return null;
	const r = db.$client
		.prepare('SELECT i.name AS indicator, i.unit, g.name AS geography FROM indicator i, geography g WHERE i.id = ? AND g.id = ?')
		.get(Number(m[1]), Number(m[2])) as { indicator: string; unit: string | null; geography: string } | undefined;
	return r ? { entity: 'observation', ...r, sex: m[3] as Sex, period: m[4] } : null;
}

function assessmentSubject(db: Db, id: string): AssessmentSubject | null {
	const m = ASSESSMENT_ID.exec(id);
	if (!m) return null;
	const kind = m[2] as AssessmentSubject['kind'];
	const p = db.$client
		.prepare('SELECT p.label, pl.name AS plan FROM follow_up_period p JOIN plan pl ON pl.id = p.plan_id WHERE p.id = ?')
		.get(Number(m[1])) as { label: string; plan: string } | undefined;
	const sql = {
		goal: "SELECT trim(coalesce(label, number, '') || ' ' || title) AS name FROM goal WHERE id = ?",
		uppdrag: "SELECT trim(coalesce(label, CASE WHEN number IS NOT NULL THEN 'Uppdrag ' || number END, '') || ' ' || text) AS name FROM uppdrag WHERE id = ?",
		indicator: 'SELECT name FROM indicator WHERE id = ?'
	}[kind];
	const s = db.$client.prepare(sql).get(Number(m[3])) as { name: string } | undefined;
	return p && s ? { entity: 'assessment', kind, name: s.name, periodLabel: p.label, plan: p.plan } : null;
}

/** Null when the id does not name an existing value or assessment. */
export function getHistoryPage(db: Db, entity: HistoryEntity, id: string): HistoryPage | null {
	const subject = entity === 'observation' ? valueSubject(db, id) : assessmentSubject(db, id);
	if (!subject) return null;
	const entries = historyOf(db, entity, id);
	return { entity, id, subject, entries: entity === 'observation' ? withImports(db, id, entries) : entries };
}

type Json = Record<string, unknown> | null;
const batchOf = (j: unknown): number | null => (j && typeof (j as Json)!.batch === 'number' ? ((j as Json)!.batch as number) : null);

/**
 * A value an import created has no audit entry of its own (an import writes one entry per batch, and one per
 * value only for values it changes or removes: import/observations.ts), so its history gets one from the
 * batch's provenance: "importerad (fil.csv, batch 12)", when and by whom the batch was read, and the value it
 * brought. Which batches: the one the value comes from now, and those the logged changes replaced (`old.batch`),
 * unless an entry already logs that batch writing it (`new.batch`) or the batch is a form publication.
 */
function withImports(db: Db, id: string, entries: HistoryEntry[]): HistoryEntry[] {
	const m = OBSERVATION_ID.exec(id)!;
	const current = db.$client
		.prepare('SELECT value, text_value, missing_symbol, note, batch_id FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?')
		.get(Number(m[1]), Number(m[2]), m[3], m[4]) as { value: number | null; text_value: string | null; missing_symbol: string | null; note: string | null; batch_id: number | null } | undefined;
	const logged = new Set(entries.map((e) => batchOf(e.new)).filter((b) => b !== null));
	const brought = new Map<number, Json>();
	if (current?.batch_id != null) brought.set(current.batch_id, { value: current.value, text: current.text_value, missing: current.missing_symbol, note: current.note });
	for (const e of entries) {
		const b = batchOf(e.old);
		if (b !== null && !brought.has(b)) brought.set(b, e.old as Json);
	}
	const batch = db.$client.prepare(
		`SELECT b.kind, b.file_name, b.source, b.imported_at, b.imported_by, a.channel, u.name AS who
		 FROM import_batch b
		 LEFT JOIN audit_log a ON a.entity = 'import_batch' AND a.entity_id = CAST(b.id AS TEXT)
		 LEFT JOIN user u ON u.id = a.user_id
		 WHERE b.id = ?`
	);
	const added: HistoryEntry[] = [];
	for (const [b, value] of brought) {
		if (logged.has(b)) continue;
		const r = batch.get(b) as { kind: string; file_name: string | null; source: string; imported_at: string; imported_by: string | null; channel: string | null; who: string | null } | undefined;
		if (!r || r.kind === 'form') continue;
		added.push({
			at: r.imported_at,
			who: r.who ?? (r.imported_by === 'seed' ? null : r.imported_by),
			channel: r.channel ?? 'system',
			action: 'import.new',
			old: null,
			new: value,
			note: `${r.file_name ?? r.source}, batch ${b}`
		});
	}
	return added.length ? [...entries, ...added].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0)) : entries;
}

/**
 * The plans a history id belongs to (for who may read it): an assessment's period's plan; a value's every plan
 * whose goals link its indicator.
 */
export function historyPlans(db: Db, entity: HistoryEntity, id: string): number[] {
	if (entity === 'assessment') {
		const m = ASSESSMENT_ID.exec(id);
		const p = m ? (db.$client.prepare('SELECT plan_id FROM follow_up_period WHERE id = ?').get(Number(m[1])) as { plan_id: number } | undefined) : undefined;
		return p ? [p.plan_id] : [];
	}
	const m = OBSERVATION_ID.exec(id);
	if (!m) return [];
	return (
		db.$client
			.prepare('SELECT DISTINCT g.plan_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE gi.indicator_id = ?')
			.all(Number(m[1])) as { plan_id: number }[]
	).map((r) => r.plan_id);
}
