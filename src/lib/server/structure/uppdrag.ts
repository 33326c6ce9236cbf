/**
 * Uppdrag (assignments) of a plan: printed number, text, origin, owner, the goal they belong to. An editor
 * needs the place of the uppdrag (its goal, or the plan when it has none), and the new place when moving it.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { assertMay, mayChange, placeTarget } from './access';
import { audit, changes, count, insert, pick, str, updateVersioned, type Row } from './common';
import { invalid, notFound, StructureError } from './errors';
import { UPPDRAG_FIELDS, type UppdragInput } from './schemas';

export interface UppdragSummary {
	id: number;
	number: string | null;
	label: string | null;
	text: string;
	origin: string;
	goalId: number | null;
	goalName: string | null;
	archived: boolean;
	mayEdit: boolean;
}

export function listUppdrag(db: Db, user: SessionUser, planId: number): UppdragSummary[] {
	const rows = db.$client
		.prepare(
			`SELECT u.*, g.number AS goal_number, g.title AS goal_title FROM uppdrag u LEFT JOIN goal g ON g.id = u.goal_id
			 WHERE u.plan_id = ? ORDER BY u.archived, u.sort_order, u.id`
		)
		.all(planId) as Row[];
	return rows.map((u) => ({
		id: u.id as number,
		number: (u.number as string) ?? null,
		label: (u.label as string) ?? null,
		text: u.text as string,
		origin: u.origin as string,
		goalId: (u.goal_id as number) ?? null,
		goalName: u.goal_id ? [u.goal_number, u.goal_title].filter(Boolean).join(' ') : null,
		archived: u.archived === 1,
		mayEdit: mayChange(user, placeTarget(db, planId, (u.goal_id as number) ?? null))
	}));
}

export function uppdragForm(row: Row): Record<string, string> {
	return {
		goalId: str(row.goal_id),
		number: str(row.number),
		label: str(row.label),
		planYear: str(row.plan_year),
		text: str(row.text),
		origin: str(row.origin),
		owner: str(row.owner)
	};
}

export interface UppdragRecord {
	id: number;
	planId: number;
	archived: boolean;
	version: number;
	values: Record<string, string>;
}

export function getUppdrag(db: Db, id: number): UppdragRecord | null {
	const row = db.$client.prepare('SELECT * FROM uppdrag WHERE id = ?').get(id) as Row | undefined;
	if (!row) return null;
	return { id, planId: row.plan_id as number, archived: row.archived === 1, version: row.version as number, values: uppdragForm(row) };
}

function uppdragTarget(db: Db, id: number) {
	const row = db.$client.prepare('SELECT plan_id, goal_id FROM uppdrag WHERE id = ?').get(id) as Row | undefined;
	return row ? placeTarget(db, row.plan_id as number, (row.goal_id as number) ?? null) : null;
}

function checkGoal(db: Db, planId: number, goalId: number | null) {
	if (goalId == null) return;
	const g = db.$client.prepare('SELECT plan_id FROM goal WHERE id = ?').get(goalId) as Row | undefined;
	if (!g || g.plan_id !== planId) throw invalid({ goalId: { sv: 'Välj ett mål i samma plan.', en: 'Choose a goal in the same plan.' } });
}

export function createUppdrag(db: Db, user: SessionUser, planId: number, input: UppdragInput): number {
	return db.transaction(() => {
		if (!db.$client.prepare('SELECT 1 FROM plan WHERE id = ?').get(planId)) throw notFound({ sv: 'Planen finns inte.', en: 'The plan does not exist.' });
		assertMay(user, placeTarget(db, planId, input.goalId));
		checkGoal(db, planId, input.goalId);
		const sortOrder = (db.$client.prepare('SELECT coalesce(max(sort_order) + 1, 0) AS n FROM uppdrag WHERE plan_id = ?').get(planId) as { n: number }).n;
		const id = insert(db, 'uppdrag', { planId, sortOrder, ...input });
		audit(db, user, 'create', 'uppdrag', id, null, { planId, ...input });
		return id;
	});
}

export function updateUppdrag(db: Db, user: SessionUser, id: number, version: number, input: UppdragInput): number {
	return db.transaction(() => {
		assertMay(user, uppdragTarget(db, id));
		const before = db.$client.prepare('SELECT * FROM uppdrag WHERE id = ?').get(id) as Row;
		const planId = before.plan_id as number;
		if ((before.goal_id ?? null) !== input.goalId) {
			checkGoal(db, planId, input.goalId);
			assertMay(user, placeTarget(db, planId, input.goalId));
		}
		const next = updateVersioned(db, 'uppdrag', id, version, input, uppdragForm);
		const diff = changes(pick(before, UPPDRAG_FIELDS), input);
		if (diff) audit(db, user, 'update', 'uppdrag', id, diff.old, diff.new);
		return next;
	});
}

export function setUppdragArchived(db: Db, user: SessionUser, id: number, archived: boolean): void {
	db.transaction(() => {
		assertMay(user, uppdragTarget(db, id));
		const info = db.$client
			.prepare("UPDATE uppdrag SET archived = ?, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND archived = ?")
			.run(Number(archived), id, Number(!archived));
		if (info.changes) audit(db, user, archived ? 'archive' : 'restore', 'uppdrag', id, { archived: !archived }, { archived });
	});
}

export function uppdragAttachments(db: Db, id: number): number {
	return (
		count(db, 'SELECT count(*) AS n FROM assessment WHERE uppdrag_id = ?', id) +
		count(db, "SELECT count(*) AS n FROM assessment_draft WHERE subject_kind = 'uppdrag' AND subject_id = ?", id) +
		count(db, "SELECT count(*) AS n FROM review_comment WHERE subject_kind = 'uppdrag' AND subject_id = ?", id)
	);
}

export function deleteUppdrag(db: Db, user: SessionUser, id: number): number {
	return db.transaction(() => {
		assertMay(user, uppdragTarget(db, id));
		if (uppdragAttachments(db, id) > 0) {
			throw new StructureError('in_use', {
				sv: 'Uppdraget har bedömningar eller kommentarer och kan inte tas bort. Arkivera det i stället.',
				en: 'The assignment has assessments or comments and cannot be deleted. Archive it instead.'
			});
		}
		const before = db.$client.prepare('SELECT * FROM uppdrag WHERE id = ?').get(id) as Row;
		db.$client.prepare('DELETE FROM uppdrag WHERE id = ?').run(id);
		audit(db, user, 'delete', 'uppdrag', id, { planId: before.plan_id, ...pick(before, UPPDRAG_FIELDS) }, null);
		return before.plan_id as number;
	});
}

