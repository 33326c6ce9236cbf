/**
 * Indicators: create, edit (with optimistic locking), archive/restore, delete while no data hangs on them,
 * and link/unlink them to goals (many-to-many). Tolerance and neutral band are stored as shares (0.05) and
 * shown in per cent (5). Changing links re-computes the colours of the affected follow-up periods.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { goalTarget } from '../auth/guard';
import { assessIndicatorsForPeriod } from '../assess/indicators';
import { slugify, uniqueSlug } from '../../domain/slug';
import { assertMay, assertMayChangeIndicator, mayChange, mayChangeIndicator } from './access';
import { audit, changes, count, insert, pick, str, updateVersioned, type Row } from './common';
import { forbidden, invalid, notFound, StructureError } from './errors';
import { INDICATOR_FIELDS, type IndicatorInput } from './schemas';

export interface IndicatorSummary {
	id: number;
	slug: string;
	name: string;
	unit: string | null;
	archived: boolean;
	goals: number;
	mayEdit: boolean;
}

export function listIndicators(db: Db, user: SessionUser): IndicatorSummary[] {
	const rows = db.$client
		.prepare(
			`SELECT i.id, i.slug, i.name, i.unit, i.archived, (SELECT count(*) FROM goal_indicator gi WHERE gi.indicator_id = i.id) AS goals
			 FROM indicator i ORDER BY i.archived, i.name COLLATE NOCASE`
		)
		.all() as Row[];
	return rows.map((r) => ({
		id: r.id as number,
		slug: r.slug as string,
		name: r.name as string,
		unit: (r.unit as string) ?? null,
		archived: r.archived === 1,
		goals: r.goals as number,
		mayEdit: mayChangeIndicator(db, user, r.id as number)
	}));
}

/** A share as per cent for the form: 0.05 → "5", 0.025 → "2,5". */
export function percentText(share: unknown): string {
	if (typeof share !== 'number') return '';
	return String(Math.round(share * 1e8) / 1e6).replace('.', ',');
}

export function indicatorForm(row: Row): Record<string, string> {
	return {
		name: str(row.name),
		definition: str(row.definition),
		unit: str(row.unit),
		decimals: str(row.decimals),
		direction: str(row.direction),
		source: str(row.source),
		attribution: str(row.attribution),
		frequency: str(row.frequency),
		externalSource: str(row.external_source),
		externalTable: str(row.external_table),
		externalCode: str(row.external_code),
		tolerance: percentText(row.tolerance),
		neutralBand: percentText(row.neutral_band),
		organisationId: str(row.organisation_id)
	};
}

export interface LinkedGoal {
	goalId: number;
	planId: number;
	planName: string;
	levelName: string | null;
	number: string | null;
	title: string;
	archived: boolean;
	mayEdit: boolean;
}

export interface IndicatorRecord {
	id: number;
	slug: string;
	archived: boolean;
	version: number;
	values: Record<string, string>;
	goals: LinkedGoal[];
	attachments: number;
}

export function linkedGoals(db: Db, user: SessionUser, indicatorId: number): LinkedGoal[] {
	const rows = db.$client
		.prepare(
			`SELECT g.id, g.plan_id, g.number, g.title, g.depth, g.archived, p.name AS plan_name, p.level_names
			 FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id JOIN plan p ON p.id = g.plan_id
			 WHERE gi.indicator_id = ? ORDER BY p.name, g.sort_order, g.id`
		)
		.all(indicatorId) as Row[];
	return rows.map((r) => ({
		goalId: r.id as number,
		planId: r.plan_id as number,
		planName: r.plan_name as string,
		levelName: (JSON.parse(r.level_names as string) as string[])[r.depth as number] ?? null,
		number: (r.number as string) ?? null,
		title: r.title as string,
		archived: r.archived === 1,
		mayEdit: mayChange(user, goalTarget(db, r.id as number))
	}));
}

export function getIndicator(db: Db, user: SessionUser, id: number): IndicatorRecord | null {
	const row = db.$client.prepare('SELECT * FROM indicator WHERE id = ?').get(id) as Row | undefined;
	if (!row) return null;
	return {
		id,
		slug: row.slug as string,
		archived: row.archived === 1,
		version: row.version as number,
		values: indicatorForm(row),
		goals: linkedGoals(db, user, id),
		attachments: indicatorAttachments(db, id)
	};
}

/** Indicators that can be linked to a goal (not archived, not already linked). */
export function linkOptions(db: Db, goalId: number): { id: number; name: string }[] {
	return db.$client
		.prepare(
			`SELECT id, name || coalesce(' (' || unit || ')', '') AS name FROM indicator
			 WHERE archived = 0 AND id NOT IN (SELECT indicator_id FROM goal_indicator WHERE goal_id = ?) ORDER BY name COLLATE NOCASE`
		)
		.all(goalId) as { id: number; name: string }[];
}

function checkOrganisation(db: Db, user: SessionUser, organisationId: number | null) {
	if (organisationId == null) return;
	if (!db.$client.prepare('SELECT 1 FROM organisation WHERE id = ?').get(organisationId)) {
		throw invalid({ organisationId: { sv: 'Välj en organisation i listan.', en: 'Choose an organisation from the list.' } });
	}
	if (!mayChange(user, { organisationId })) {
		throw invalid({
			organisationId: {
				sv: 'Du kan bara välja en organisation som du ansvarar för.',
				en: 'You can only choose an organisation you are responsible for.'
			}
		});
	}
}

const duplicateCode = () =>
	invalid({
		externalCode: {
			sv: 'Det finns redan en indikator med samma källa, tabell och kod. Använd den i stället.',
			en: 'An indicator with the same source, table and code already exists. Use that one instead.'
		}
	});

function guardUnique<T>(fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		if (e instanceof Error && /UNIQUE constraint failed: indicator\.external/.test(e.message)) throw duplicateCode();
		throw e;
	}
}

/**
 * A new indicator. An editor needs the owning organisation in their scope, or a goal in their scope to
 * link it to at once (`linkGoalId`).
 */
export function createIndicator(db: Db, user: SessionUser, input: IndicatorInput, linkGoalId: number | null = null): number {
	return db.transaction(() => {
		if (linkGoalId != null) assertMay(user, goalTarget(db, linkGoalId));
		else if (input.organisationId == null ? user.role !== 'admin' : !mayChange(user, { organisationId: input.organisationId })) throw forbidden();
		checkOrganisation(db, user, input.organisationId);
		const taken = new Set((db.$client.prepare('SELECT slug FROM indicator').all() as { slug: string }[]).map((r) => r.slug));
		const slug = uniqueSlug(slugify(input.name) || 'indikator', taken);
		const id = guardUnique(() => insert(db, 'indicator', { slug, ...input }));
		audit(db, user, 'create', 'indicator', id, null, { slug, ...input });
		if (linkGoalId != null) addLink(db, user, linkGoalId, id);
		return id;
	});
}

export function updateIndicator(db: Db, user: SessionUser, id: number, version: number, input: IndicatorInput): number {
	return db.transaction(() => {
		assertMayChangeIndicator(db, user, id);
		const before = db.$client.prepare('SELECT * FROM indicator WHERE id = ?').get(id) as Row;
		if ((before.organisation_id ?? null) !== input.organisationId) checkOrganisation(db, user, input.organisationId);
		const next = guardUnique(() => updateVersioned(db, 'indicator', id, version, input, indicatorForm));
		const diff = changes(pick(before, INDICATOR_FIELDS), input);
		if (diff) audit(db, user, 'update', 'indicator', id, diff.old, diff.new);
		// Tolerance, band and direction feed the computed colours.
		reassess(db, id);
		return next;
	});
}

export function setIndicatorArchived(db: Db, user: SessionUser, id: number, archived: boolean): void {
	db.transaction(() => {
		assertMayChangeIndicator(db, user, id);
		const info = db.$client
			.prepare("UPDATE indicator SET archived = ?, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND archived = ?")
			.run(Number(archived), id, Number(!archived));
		if (info.changes) audit(db, user, archived ? 'archive' : 'restore', 'indicator', id, { archived: !archived }, { archived });
	});
}

/** What hangs on an indicator: values (published and drafts), assessments (and drafts), links to goals. */
export function indicatorAttachments(db: Db, id: number): number {
	return (
		count(db, 'SELECT count(*) AS n FROM observation WHERE indicator_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM observation_draft WHERE indicator_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM assessment WHERE indicator_id = ?', id) +
		count(db, "SELECT count(*) AS n FROM assessment_draft WHERE subject_kind = 'indicator' AND subject_id = ?", id) +
		count(db, "SELECT count(*) AS n FROM review_comment WHERE subject_kind = 'indicator' AND subject_id = ?", id) +
		count(db, 'SELECT count(*) AS n FROM goal_indicator WHERE indicator_id = ?', id)
	);
}

/** Deletes an indicator without values, assessments or links; its own targets go with it (kept in the audit entry). */
export function deleteIndicator(db: Db, user: SessionUser, id: number): void {
	db.transaction(() => {
		assertMayChangeIndicator(db, user, id);
		if (indicatorAttachments(db, id) > 0) {
			throw new StructureError('in_use', {
				sv: 'Indikatorn har värden, bedömningar eller kopplingar till mål och kan inte tas bort. Arkivera den i stället.',
				en: 'The indicator has values, assessments or links to goals and cannot be deleted. Archive it instead.'
			});
		}
		const before = db.$client.prepare('SELECT * FROM indicator WHERE id = ?').get(id) as Row;
		const targets = db.$client.prepare('SELECT kind, wording, goal_id, rank FROM target WHERE indicator_id = ?').all(id);
		db.$client.prepare('DELETE FROM indicator WHERE id = ?').run(id);
		audit(db, user, 'delete', 'indicator', id, { slug: before.slug, ...pick(before, INDICATOR_FIELDS), targets }, null);
	});
}

function addLink(db: Db, user: SessionUser, goalId: number, indicatorId: number) {
	const sortOrder = count(db, 'SELECT coalesce(max(sort_order) + 1, 0) AS n FROM goal_indicator WHERE goal_id = ?', goalId);
	const info = db.$client.prepare('INSERT OR IGNORE INTO goal_indicator (goal_id, indicator_id, sort_order) VALUES (?, ?, ?)').run(goalId, indicatorId, sortOrder);
	if (info.changes) {
		audit(db, user, 'link', 'goal_indicator', `${goalId}:${indicatorId}`, null, { goalId, indicatorId });
		reassess(db, indicatorId);
	}
}

export function linkIndicator(db: Db, user: SessionUser, goalId: number, indicatorId: number): void {
	db.transaction(() => {
		assertMay(user, goalTarget(db, goalId));
		if (!db.$client.prepare('SELECT 1 FROM indicator WHERE id = ?').get(indicatorId)) {
			throw invalid({ indicatorId: { sv: 'Välj en indikator i listan.', en: 'Choose an indicator from the list.' } });
		}
		addLink(db, user, goalId, indicatorId);
	});
}

/** Removes the link only; the indicator, its values and the goal's targets for it stay. */
export function unlinkIndicator(db: Db, user: SessionUser, goalId: number, indicatorId: number): void {
	db.transaction(() => {
		assertMay(user, goalTarget(db, goalId));
		const info = db.$client.prepare('DELETE FROM goal_indicator WHERE goal_id = ? AND indicator_id = ?').run(goalId, indicatorId);
		if (info.changes) audit(db, user, 'unlink', 'goal_indicator', `${goalId}:${indicatorId}`, { goalId, indicatorId }, null);
	});
}

/** Re-computes the colours of the follow-up periods whose plans link the indicator (as imports do). */
export function reassess(db: Db, indicatorId: number): void {
	const periods = db.$client
		.prepare(
			`SELECT DISTINCT p.id FROM follow_up_period p JOIN goal g ON g.plan_id = p.plan_id
			 JOIN goal_indicator gi ON gi.goal_id = g.id WHERE gi.indicator_id = ?`
		)
		.all(indicatorId) as { id: number }[];
	for (const p of periods) assessIndicatorsForPeriod(db, p.id);
}

export const indicatorNotFound = () => notFound({ sv: 'Indikatorn finns inte.', en: 'The indicator does not exist.' });

/** The indicators linked to a goal, in their order. */
export function linkedIndicatorsOf(db: Db, goalId: number): { id: number; slug: string; name: string; unit: string | null; archived: boolean }[] {
	const rows = db.$client
		.prepare(
			`SELECT i.id, i.slug, i.name, i.unit, i.archived FROM goal_indicator gi JOIN indicator i ON i.id = gi.indicator_id
			 WHERE gi.goal_id = ? ORDER BY gi.sort_order, i.id`
		)
		.all(goalId) as Row[];
	return rows.map((r) => ({ id: r.id as number, slug: r.slug as string, name: r.name as string, unit: (r.unit as string) ?? null, archived: r.archived === 1 }));
}
