/**
 * A plan's goal tree: create, edit (text, printed number, origin, parent), reorder among siblings, move to
 * another parent, archive/restore, and delete while nothing hangs on a goal. `depth` indexes the plan's
 * level names, so moving a goal moves its whole subtree's depth with it.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { goalTarget } from '../auth/guard';
import { assertMay, mayChange, placeTarget } from './access';
import { audit, changes, count, insert, pick, str, updateVersioned, type Row } from './common';
import { invalid, notFound, StructureError, type Message } from './errors';
import { GOAL_FIELDS, type GoalInput } from './schemas';

export interface TreeGoal {
	id: number;
	parentId: number | null;
	depth: number;
	levelName: string | null;
	number: string | null;
	label: string | null;
	title: string;
	origin: string;
	archived: boolean;
	/** Archived itself or under an archived goal: hidden on the public site. */
	hidden: boolean;
	first: boolean;
	last: boolean;
	indicators: number;
	mayEdit: boolean;
	/** May reorder it among its siblings (needs the parent's place). */
	mayMove: boolean;
}

/** The whole tree in reading order (parents before children, siblings by sort order). */
export function goalTree(db: Db, user: SessionUser, planId: number): TreeGoal[] {
	const plan = db.$client.prepare('SELECT organisation_id, level_names FROM plan WHERE id = ?').get(planId) as Row | undefined;
	if (!plan) return [];
	const levels = JSON.parse(plan.level_names as string) as string[];
	const rows = db.$client
		.prepare(
			`SELECT g.*, (SELECT count(*) FROM goal_indicator gi WHERE gi.goal_id = g.id) AS indicators
			 FROM goal g WHERE g.plan_id = ? ORDER BY g.sort_order, g.id`
		)
		.all(planId) as Row[];
	const children = new Map<number | null, Row[]>();
	for (const r of rows) {
		const key = (r.parent_id as number) ?? null;
		children.set(key, [...(children.get(key) ?? []), r]);
	}
	const out: TreeGoal[] = [];
	const walk = (parent: number | null, path: number[], hiddenAbove: boolean) => {
		const list = children.get(parent) ?? [];
		list.forEach((r, i) => {
			const id = r.id as number;
			const here = [...path, id];
			const target = { organisationId: plan.organisation_id as number, planId, goalPath: here };
			const archived = r.archived === 1;
			out.push({
				id,
				parentId: parent,
				depth: r.depth as number,
				levelName: levels[r.depth as number] ?? null,
				number: (r.number as string) ?? null,
				label: (r.label as string) ?? null,
				title: r.title as string,
				origin: r.origin as string,
				archived,
				hidden: archived || hiddenAbove,
				first: i === 0,
				last: i === list.length - 1,
				indicators: r.indicators as number,
				mayEdit: mayChange(user, target),
				mayMove: mayChange(user, { ...target, goalPath: path.length ? path : undefined })
			});
			walk(id, here, archived || hiddenAbove);
		});
	};
	walk(null, [], false);
	return out;
}

export function goalForm(row: Row): Record<string, string> {
	return {
		parentId: str(row.parent_id),
		number: str(row.number),
		label: str(row.label),
		title: str(row.title),
		description: str(row.description),
		origin: str(row.origin)
	};
}

export interface GoalRecord {
	id: number;
	planId: number;
	depth: number;
	levelName: string | null;
	archived: boolean;
	version: number;
	values: Record<string, string>;
}

export function getGoal(db: Db, id: number): GoalRecord | null {
	const row = db.$client.prepare('SELECT g.*, p.level_names FROM goal g JOIN plan p ON p.id = g.plan_id WHERE g.id = ?').get(id) as Row | undefined;
	if (!row) return null;
	const levels = JSON.parse(row.level_names as string) as string[];
	return {
		id,
		planId: row.plan_id as number,
		depth: row.depth as number,
		levelName: levels[row.depth as number] ?? null,
		archived: row.archived === 1,
		version: row.version as number,
		values: goalForm(row)
	};
}

/** Ids of a goal and everything below it. */
export function subtreeIds(db: Db, id: number): number[] {
	const rows = db.$client
		.prepare(
			`WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT g.id FROM goal g JOIN t ON g.parent_id = t.id) SELECT id FROM t`
		)
		.all(id) as { id: number }[];
	return rows.map((r) => r.id);
}

/** How many levels a goal's subtree spans (1 for a leaf). */
function subtreeHeight(db: Db, id: number): number {
	const row = db.$client
		.prepare(
			`WITH RECURSIVE t(id, h) AS (SELECT ?, 1 UNION ALL SELECT g.id, t.h + 1 FROM goal g JOIN t ON g.parent_id = t.id)
			 SELECT max(h) AS h FROM t`
		)
		.get(id) as { h: number };
	return row.h;
}

const levelsMessage = (levels: string[]): Message => ({
	sv: `Planen har ${levels.length} nivåer (${levels.join(', ')}); målet skulle hamna under den lägsta. Lägg till ett nivånamn i planen först, eller välj ett annat överordnat mål.`,
	en: `The plan has ${levels.length} levels (${levels.join(', ')}); the goal would end up below the lowest. Add a level name to the plan first, or choose another parent.`
});

/** The depth a goal gets under `parentId` in `planId`, after checking the parent belongs there. */
function placeUnder(db: Db, planId: number, parentId: number | null, height: number): number {
	const plan = db.$client.prepare('SELECT level_names FROM plan WHERE id = ?').get(planId) as Row;
	const levels = JSON.parse(plan.level_names as string) as string[];
	let depth = 0;
	if (parentId != null) {
		const parent = db.$client.prepare('SELECT plan_id, depth FROM goal WHERE id = ?').get(parentId) as Row | undefined;
		if (!parent || parent.plan_id !== planId) {
			throw invalid({ parentId: { sv: 'Välj ett överordnat mål i samma plan.', en: 'Choose a parent goal in the same plan.' } });
		}
		depth = (parent.depth as number) + 1;
	}
	if (depth + height > levels.length) throw invalid({ parentId: levelsMessage(levels) });
	return depth;
}

const nextSortOrder = (db: Db, planId: number, parentId: number | null) =>
	(db.$client.prepare('SELECT coalesce(max(sort_order) + 1, 0) AS n FROM goal WHERE plan_id = ? AND parent_id IS ?').get(planId, parentId) as { n: number }).n;

export function createGoal(db: Db, user: SessionUser, planId: number, input: GoalInput): number {
	return db.transaction(() => {
		if (!db.$client.prepare('SELECT 1 FROM plan WHERE id = ?').get(planId)) throw notFound({ sv: 'Planen finns inte.', en: 'The plan does not exist.' });
		assertMay(user, placeTarget(db, planId, input.parentId));
		const depth = placeUnder(db, planId, input.parentId, 1);
		const sortOrder = nextSortOrder(db, planId, input.parentId);
		const id = insert(db, 'goal', { planId, depth, sortOrder, ...input });
		audit(db, user, 'create', 'goal', id, null, { planId, depth, sortOrder, ...input });
		return id;
	});
}

export function updateGoal(db: Db, user: SessionUser, id: number, version: number, input: GoalInput): number {
	return db.transaction(() => {
		assertMay(user, goalTarget(db, id));
		const before = db.$client.prepare('SELECT * FROM goal WHERE id = ?').get(id) as Row;
		const planId = before.plan_id as number;
		const moved = (before.parent_id ?? null) !== input.parentId;
		const values: Row = { ...input };
		if (moved) {
			if (input.parentId != null && subtreeIds(db, id).includes(input.parentId)) {
				throw invalid({
					parentId: { sv: 'Ett mål kan inte ligga under sig självt eller sina egna delmål.', en: 'A goal cannot be placed under itself or its own sub-goals.' }
				});
			}
			// Moving out of a place and into another: the editor needs both.
			assertMay(user, placeTarget(db, planId, input.parentId));
			const depth = placeUnder(db, planId, input.parentId, subtreeHeight(db, id));
			values.depth = depth;
			values.sortOrder = nextSortOrder(db, planId, input.parentId);
			const delta = depth - (before.depth as number);
			if (delta !== 0) {
				const below = subtreeIds(db, id).filter((g) => g !== id);
				const bump = db.$client.prepare('UPDATE goal SET depth = depth + ? WHERE id = ?');
				for (const g of below) bump.run(delta, g);
			}
		}
		const next = updateVersioned(db, 'goal', id, version, values, goalForm);
		const diff = changes(pick(before, [...GOAL_FIELDS, ...(moved ? ['depth'] : [])]), { ...input, ...(moved ? { depth: values.depth } : {}) });
		if (diff) audit(db, user, moved ? 'move' : 'update', 'goal', id, diff.old, diff.new);
		return next;
	});
}

/** Swap a goal with its previous or next sibling. Sibling orders are renumbered 0, 1, 2 … first. */
export function moveGoal(db: Db, user: SessionUser, id: number, direction: 'up' | 'down'): void {
	db.transaction(() => {
		const row = db.$client.prepare('SELECT plan_id, parent_id FROM goal WHERE id = ?').get(id) as Row | undefined;
		if (!row) throw notFound({ sv: 'Målet finns inte.', en: 'The goal does not exist.' });
		const parentId = (row.parent_id as number) ?? null;
		assertMay(user, placeTarget(db, row.plan_id as number, parentId));
		const siblings = (
			db.$client.prepare('SELECT id FROM goal WHERE plan_id = ? AND parent_id IS ? ORDER BY sort_order, id').all(row.plan_id, parentId) as { id: number }[]
		).map((s) => s.id);
		const i = siblings.indexOf(id);
		const j = direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= siblings.length) return;
		[siblings[i], siblings[j]] = [siblings[j], siblings[i]];
		const set = db.$client.prepare('UPDATE goal SET sort_order = ? WHERE id = ?');
		siblings.forEach((g, n) => set.run(n, g));
		audit(db, user, 'move', 'goal', id, { position: i + 1 }, { position: j + 1 }, direction === 'up' ? 'upp' : 'ned');
	});
}

export function setGoalArchived(db: Db, user: SessionUser, id: number, archived: boolean): void {
	db.transaction(() => {
		assertMay(user, goalTarget(db, id));
		const info = db.$client
			.prepare("UPDATE goal SET archived = ?, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND archived = ?")
			.run(Number(archived), id, Number(!archived));
		if (info.changes) audit(db, user, archived ? 'archive' : 'restore', 'goal', id, { archived: !archived }, { archived });
	});
}

/** What hangs on a goal: sub-goals, indicator links, uppdrag, targets, assessments (drafts too), review comments, insatser, editor scopes. */
export function goalAttachments(db: Db, id: number): number {
	return (
		count(db, 'SELECT count(*) AS n FROM goal WHERE parent_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM goal_indicator WHERE goal_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM uppdrag WHERE goal_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM target WHERE goal_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM assessment WHERE goal_id = ?', id) +
		count(db, "SELECT count(*) AS n FROM assessment_draft WHERE subject_kind = 'goal' AND subject_id = ?", id) +
		count(db, "SELECT count(*) AS n FROM review_comment WHERE subject_kind = 'goal' AND subject_id = ?", id) +
		count(db, 'SELECT count(*) AS n FROM insats_goal WHERE goal_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM user_scope WHERE goal_id = ?', id)
	);
}

export function deleteGoal(db: Db, user: SessionUser, id: number): number {
	return db.transaction(() => {
		assertMay(user, goalTarget(db, id));
		if (goalAttachments(db, id) > 0) {
			throw new StructureError('in_use', {
				sv: 'Målet har delmål, indikatorer, uppdrag, målvärden eller bedömningar kopplade till sig och kan inte tas bort. Arkivera det i stället.',
				en: 'The goal has sub-goals, indicators, assignments, targets or assessments attached and cannot be deleted. Archive it instead.'
			});
		}
		const before = db.$client.prepare('SELECT * FROM goal WHERE id = ?').get(id) as Row;
		db.$client.prepare('DELETE FROM goal WHERE id = ?').run(id);
		audit(db, user, 'delete', 'goal', id, { planId: before.plan_id, ...pick(before, GOAL_FIELDS) }, null);
		return before.plan_id as number;
	});
}

/** Goals a goal can be placed under (its own subtree left out), for the parent select. */
export function parentOptions(db: Db, planId: number, excluding?: number): { id: number; name: string; depth: number }[] {
	const skip = new Set(excluding ? subtreeIds(db, excluding) : []);
	const rows = db.$client.prepare('SELECT id, parent_id, depth, number, title, sort_order FROM goal WHERE plan_id = ? ORDER BY sort_order, id').all(planId) as Row[];
	const byParent = new Map<number | null, Row[]>();
	for (const r of rows) byParent.set((r.parent_id as number) ?? null, [...(byParent.get((r.parent_id as number) ?? null) ?? []), r]);
	const out: { id: number; name: string; depth: number }[] = [];
	const walk = (p: number | null) => {
		for (const r of byParent.get(p) ?? []) {
			if (skip.has(r.id as number)) continue;
			const name = [r.number, r.title].filter(Boolean).join(' ');
			out.push({ id: r.id as number, name: name.length > 90 ? `${name.slice(0, 88)}…` : name, depth: r.depth as number });
			walk(r.id as number);
		}
	};
	walk(null);
	return out;
}
