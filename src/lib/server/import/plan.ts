/**
 * Writes a plan file (see plan-columns.ts) into the database, matching what already exists so that importing
 * the same file again changes nothing, and a revised file changes exactly what was revised:
 * - goals match among the siblings under the same parent by printed number, else by text;
 * - uppdrag match under the same goal by number, else by text;
 * - indicators match by the `indikator` column (slug or source code), else by name within the organisation.
 * Goals and uppdrag the file no longer has are counted as removed, and archived with `replace` (archiving
 * keeps their comments and assessments; nothing is deleted from a plan by an import).
 */
import type { Db } from '../db/client';
import type { Count, Counts, ExampleRow } from './types';
import { emptyCount } from './types';
import type { Issues } from './issues';
import type { ParsedRow } from './plan-rows';
import { ORIGIN_WORDS } from './plan-columns';
import { normalise } from './resolve';
import { differences, orderKeeper, planOwner, planTargets, type Scope } from './plan-owner';

export interface PlanOutcome {
	counts: Counts;
	examples: { new: ExampleRow[]; changed: ExampleRow[]; removed: ExampleRow[] };
	planId: number;
}

interface GoalRow {
	id: number;
	parent_id: number | null;
	depth: number;
	number: string | null;
	label: string | null;
	title: string;
	description: string | null;
	origin: string;
	sort_order: number;
	archived: number;
}
interface UppdragRow {
	id: number;
	goal_id: number | null;
	number: string | null;
	label: string | null;
	plan_year: number | null;
	text: string;
	origin: string;
	owner: string | null;
	sort_order: number;
	archived: number;
}

const MAX_EXAMPLES = 5;
const orNull = (s: string): string | null => (s === '' ? null : s);

export function importPlan(db: Db, issues: Issues, rows: ParsedRow[], opts: { org?: string; plan?: string; replace?: boolean; now: string }): PlanOutcome {
	const sqlite = db.$client;
	const counts: Required<Pick<Counts, 'plans' | 'goals' | 'uppdrag' | 'indicators' | 'links' | 'targets'>> = {
		plans: emptyCount(),
		goals: emptyCount(),
		uppdrag: emptyCount(),
		indicators: emptyCount(),
		links: emptyCount(),
		targets: emptyCount()
	};
	const examples: PlanOutcome['examples'] = { new: [], changed: [], removed: [] };
	const note = (kind: keyof typeof examples, what: string, before?: string, after?: string) => {
		if (examples[kind].length < MAX_EXAMPLES) examples[kind].push({ what, before, after });
	};
	const scope: Scope = { db, issues, counts: counts.plans, note, now: opts.now };
	const { orgId, planId, levelNames } = planOwner(scope, rows, opts);

	// ---- goals -------------------------------------------------------------------------------
	const existingGoals = sqlite
		.prepare('SELECT id, parent_id, depth, number, label, title, description, origin, sort_order, archived FROM goal WHERE plan_id = ? ORDER BY sort_order, id')
		.all(planId) as GoalRow[];
	const matched = new Set<number>();
	const goalOf = new Map<string, { id: number; depth: number }>();
	const siblings = new Map<number | null, ReturnType<typeof orderKeeper>>();
	const insertGoal = sqlite.prepare(
		`INSERT INTO goal (plan_id, parent_id, depth, number, label, title, description, origin, sort_order, created_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const updateGoal = sqlite.prepare(
		`UPDATE goal SET parent_id = ?, depth = ?, number = ?, label = ?, title = ?, description = ?, origin = ?, sort_order = ?, archived = 0,
		 version = version + 1, updated_at = ? WHERE id = ?`
	);
	for (const { type, row, line } of rows) {
		if (type !== 'mål') continue;
		const parent = row.förälder ? goalOf.get(row.förälder) : undefined;
		const parentId = parent?.id ?? null;
		const depth = goalDepth(row.nivå, levelNames, parent?.depth, issues, line);
		if (depth === undefined) continue;
		const number = orNull(row.nummer);
		const cands = existingGoals.filter((g) => !matched.has(g.id) && g.parent_id === parentId);
		const hit = (number ? cands.find((g) => g.number === number) : undefined) ?? cands.find((g) => g.title === row.text);
		let keep = siblings.get(parentId);
		if (!keep) siblings.set(parentId, (keep = orderKeeper()));
		const sort = keep(hit?.sort_order);
		const want = { parent_id: parentId, depth, number, label: orNull(row.etikett), title: row.text, description: orNull(row.beskrivning), origin: ORIGIN_WORDS[normalise(row.ursprung)], sort_order: sort, archived: 0 };
		let id: number;
		const label = `mål ${want.number ?? ''} ${want.title.slice(0, 70)}`.replace(/\s+/g, ' ');
		if (!hit) {
			id = Number(insertGoal.run(planId, parentId, depth, want.number, want.label, want.title, want.description, want.origin, sort, opts.now, opts.now).lastInsertRowid);
			counts.goals.new++;
			note('new', label);
		} else {
			id = hit.id;
			matched.add(id);
			const diff = differences(hit, want);
			if (diff) {
				updateGoal.run(parentId, depth, want.number, want.label, want.title, want.description, want.origin, sort, opts.now, id);
				counts.goals.changed++;
				note('changed', label, diff.before, diff.after);
			} else counts.goals.unchanged++;
		}
		if (row.id) goalOf.set(row.id, { id, depth });
	}
	const archiveGoal = sqlite.prepare('UPDATE goal SET archived = 1, version = version + 1, updated_at = ? WHERE id = ?');
	for (const g of existingGoals) {
		if (matched.has(g.id) || g.archived) continue;
		counts.goals.removed++;
		note('removed', `mål ${g.number ?? ''} ${g.title.slice(0, 70)}`.replace(/\s+/g, ' '));
		if (opts.replace) archiveGoal.run(opts.now, g.id);
	}

	importUppdrag(db, rows, planId, goalOf, counts.uppdrag, note, opts);
	planTargets(scope, rows, { orgId, goalOf, counts, replace: !!opts.replace, planId });
	return { counts, examples, planId };
}

function goalDepth(nivå: string, levels: string[], parentDepth: number | undefined, issues: Issues, line: number): number | undefined {
	if (nivå === '') return parentDepth === undefined ? 0 : parentDepth + 1;
	if (/^\d+$/.test(nivå)) return Number(nivå) - 1;
	const i = levels.findIndex((l) => normalise(l) === normalise(nivå));
	if (i === -1) {
		issues.error({ code: 'level', row: line, column: 'nivå', value: nivå, message: `nivån '${nivå}' finns inte bland planens nivåer (${levels.join(', ') || 'inga'})` });
		return undefined;
	}
	return i;
}

function importUppdrag(
	db: Db,
	rows: ParsedRow[],
	planId: number,
	goalOf: Map<string, { id: number }>,
	count: Count,
	note: (kind: 'new' | 'changed' | 'removed', what: string, before?: string, after?: string) => void,
	opts: { replace?: boolean; now: string }
): void {
	const sqlite = db.$client;
	const existing = sqlite
		.prepare('SELECT id, goal_id, number, label, plan_year, text, origin, owner, sort_order, archived FROM uppdrag WHERE plan_id = ? ORDER BY sort_order, id')
		.all(planId) as UppdragRow[];
	const matched = new Set<number>();
	const insert = sqlite.prepare(
		`INSERT INTO uppdrag (plan_id, goal_id, number, label, plan_year, text, origin, owner, sort_order, created_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const update = sqlite.prepare(
		`UPDATE uppdrag SET goal_id = ?, number = ?, label = ?, plan_year = ?, text = ?, origin = ?, owner = ?, sort_order = ?, archived = 0,
		 version = version + 1, updated_at = ? WHERE id = ?`
	);
	const keep = orderKeeper();
	for (const { type, row } of rows) {
		if (type !== 'uppdrag') continue;
		const goalId = row.förälder ? (goalOf.get(row.förälder)?.id ?? null) : null;
		const number = orNull(row.nummer);
		const cands = existing.filter((u) => !matched.has(u.id) && u.goal_id === goalId);
		const hit = (number ? cands.find((u) => u.number === number) : undefined) ?? cands.find((u) => u.text === row.text);
		const want = { goal_id: goalId, number, label: orNull(row.etikett), plan_year: row.år ? Number(row.år) : null, text: row.text, origin: ORIGIN_WORDS[normalise(row.ursprung)], owner: orNull(row.ansvarig), sort_order: keep(hit?.sort_order), archived: 0 };
		const label = `uppdrag ${want.number ?? ''} ${want.text.slice(0, 70)}`.replace(/\s+/g, ' ');
		if (!hit) {
			insert.run(planId, goalId, want.number, want.label, want.plan_year, want.text, want.origin, want.owner, want.sort_order, opts.now, opts.now);
			count.new++;
			note('new', label);
			continue;
		}
		matched.add(hit.id);
		const diff = differences(hit, want);
		if (diff) {
			update.run(goalId, want.number, want.label, want.plan_year, want.text, want.origin, want.owner, want.sort_order, opts.now, hit.id);
			count.changed++;
			note('changed', label, diff.before, diff.after);
		} else count.unchanged++;
	}
	const archive = sqlite.prepare('UPDATE uppdrag SET archived = 1, version = version + 1, updated_at = ? WHERE id = ?');
	for (const u of existing) {
		if (matched.has(u.id) || u.archived) continue;
		count.removed++;
		note('removed', `uppdrag ${u.number ?? ''} ${u.text.slice(0, 70)}`.replace(/\s+/g, ' '));
		if (opts.replace) archive.run(opts.now, u.id);
	}
}
