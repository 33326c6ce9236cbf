/**
 * "Att rapportera": for each open follow-up period a user may report on, what is still to do — indicators
 * without a value for the period, goals and uppdrag without a comment or colour — counting drafts as done
 * (they still need publishing, which the page says), with progress per plan and per top-level goal. An indicator
 * is done when it has a value (or a missing symbol) for the period the follow-up reports (`reportedPeriod`).
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { goalTarget, planTarget, type Target } from '../auth/guard';
import { mayEdit } from './scope';
import { reportedPeriod } from '../../domain/period';
import type { PeriodKind } from '../../domain/types';

export interface TodoItem {
	kind: 'indicator' | 'goal' | 'uppdrag';
	id: number;
	name: string;
	/** The goal the item is reported under (for indicators: the first linking goal in scope). */
	goalId: number | null;
	done: boolean;
	/** Indicators: the period whose value the follow-up reports (src/lib/domain/period.ts reportedPeriod). */
	period?: string;
	/** Done only as a draft: not yet published. */
	draft: boolean;
}

export interface TodoArea {
	/** The top-level goal; 0 for the plan's uppdrag without a goal (`planLevel`). */
	goalId: number;
	planLevel?: boolean;
	title: string;
	items: TodoItem[];
	done: number;
	total: number;
}

export interface TodoPeriod {
	periodId: number;
	label: string;
	deadline: string | null;
	state: string;
	organisation: string;
	plan: string;
	planId: number;
	areas: TodoArea[];
	done: number;
	total: number;
	drafts: number;
}

interface GoalRow {
	id: number;
	parent_id: number | null;
	title: string;
	label: string | null;
	number: string | null;
}

export function worklist(db: Db, user: SessionUser): TodoPeriod[] {
	const sqlite = db.$client;
	const periods = sqlite
		.prepare(
			`SELECT p.id, p.label, p.deadline, p.state, p.plan_id, p.year, p.end_date, pl.name AS plan, pl.geography_id, o.name AS organisation
			 FROM follow_up_period p JOIN plan pl ON pl.id = p.plan_id JOIN organisation o ON o.id = pl.organisation_id
			 WHERE p.state IN ('open', 'ready') AND pl.archived = 0 ORDER BY coalesce(p.deadline, p.end_date), o.sort_order, pl.name`
		)
		.all() as Record<string, never>[];
	const out: TodoPeriod[] = [];
	for (const p of periods) {
		const planT = planTarget(db, p.plan_id);
		const goals = sqlite.prepare('SELECT id, parent_id, title, label, number FROM goal WHERE plan_id = ? AND archived = 0 ORDER BY depth, sort_order, id').all(p.plan_id) as GoalRow[];
		const byId = new Map(goals.map((g) => [g.id, g]));
		const rootOf = (id: number): GoalRow => {
			let g = byId.get(id)!;
			while (g.parent_id != null && byId.has(g.parent_id)) g = byId.get(g.parent_id)!;
			return g;
		};
		const targets = new Map<number, Target | null>();
		const goalT = (id: number) => {
			if (!targets.has(id)) targets.set(id, goalTarget(db, id));
			return targets.get(id)!;
		};
		const inScope = (goalId: number | null) => {
			const t = goalId == null ? planT : goalT(goalId);
			return !!t && mayEdit(user, [t]);
		};
		const assessed = new Set(
			(sqlite.prepare("SELECT coalesce(goal_id, uppdrag_id, indicator_id) AS id, CASE WHEN goal_id IS NOT NULL THEN 'goal' WHEN uppdrag_id IS NOT NULL THEN 'uppdrag' ELSE 'indicator' END AS kind FROM assessment WHERE period_id = ? AND (comment IS NOT NULL OR source = 'manual')").all(p.id) as { id: number; kind: string }[]).map((r) => `${r.kind}:${r.id}`)
		);
		const drafted = new Set((sqlite.prepare('SELECT subject_kind, subject_id FROM assessment_draft WHERE period_id = ?').all(p.id) as { subject_kind: string; subject_id: number }[]).map((r) => `${r.subject_kind}:${r.subject_id}`));
		const valueStmt = sqlite.prepare("SELECT 1 FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = 'T' AND period = ?");
		const draftValueStmt = sqlite.prepare("SELECT 1 FROM observation_draft WHERE indicator_id = ? AND geography_id = ? AND sex = 'T' AND period = ? AND remove = 0");
		const areas = new Map<number, TodoArea>();
		const add = (rootId: number, item: TodoItem) => {
			const root = byId.get(rootId)!;
			let a = areas.get(rootId);
			if (!a) areas.set(rootId, (a = { goalId: rootId, title: [root.label ?? root.number, root.title].filter(Boolean).join(' '), items: [], done: 0, total: 0 }));
			a.items.push(item);
			a.total++;
			if (item.done) a.done++;
		};
		for (const g of goals) {
			if (g.parent_id == null && goals.some((c) => c.parent_id === g.id)) continue; // avsnitt: reported through their goals
			if (!inScope(g.id)) continue;
			const key = `goal:${g.id}`;
			add(rootOf(g.id).id, { kind: 'goal', id: g.id, name: [g.label ?? g.number, g.title].filter(Boolean).join(' '), goalId: g.id, done: assessed.has(key) || drafted.has(key), draft: !assessed.has(key) && drafted.has(key) });
		}
		const links = sqlite
			.prepare('SELECT gi.indicator_id, gi.goal_id, i.name, i.frequency FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id JOIN indicator i ON i.id = gi.indicator_id WHERE g.plan_id = ? AND i.archived = 0 AND g.archived = 0 ORDER BY g.depth, g.sort_order, gi.sort_order')
			.all(p.plan_id) as { indicator_id: number; goal_id: number; name: string; frequency: PeriodKind | 'irregular' }[];
		const seen = new Set<number>();
		for (const l of links) {
			if (seen.has(l.indicator_id) || !inScope(l.goal_id)) continue;
			seen.add(l.indicator_id);
			const period = reportedPeriod(l.frequency, p.end_date).code;
			const published = p.geography_id != null && !!valueStmt.get(l.indicator_id, p.geography_id, period);
			const draft = p.geography_id != null && !!draftValueStmt.get(l.indicator_id, p.geography_id, period);
			add(rootOf(l.goal_id).id, { kind: 'indicator', id: l.indicator_id, name: l.name, goalId: l.goal_id, period, done: published || draft, draft: !published && draft });
		}
		const uppdrag = sqlite.prepare('SELECT id, goal_id, label, number, text FROM uppdrag WHERE plan_id = ? AND archived = 0 ORDER BY sort_order, id').all(p.plan_id) as { id: number; goal_id: number | null; label: string | null; number: string | null; text: string }[];
		const planLevel: TodoArea = { goalId: 0, planLevel: true, title: '', items: [], done: 0, total: 0 };
		for (const u of uppdrag) {
			if (!inScope(u.goal_id)) continue;
			if (u.goal_id == null) {
				// No goal page lists it: it is reported on the plan's page for uppdrag without a goal.
				const key = `uppdrag:${u.id}`;
				const done = assessed.has(key) || drafted.has(key);
				planLevel.items.push({ kind: 'uppdrag', id: u.id, name: [u.label ?? (u.number ? `Uppdrag ${u.number}` : null), u.text].filter(Boolean).join(' '), goalId: null, done, draft: !assessed.has(key) && drafted.has(key) });
				planLevel.total++;
				if (done) planLevel.done++;
				continue;
			}
			const key = `uppdrag:${u.id}`;
			add(rootOf(u.goal_id).id, { kind: 'uppdrag', id: u.id, name: [u.label ?? (u.number ? `Uppdrag ${u.number}` : null), u.text].filter(Boolean).join(' '), goalId: u.goal_id, done: assessed.has(key) || drafted.has(key), draft: !assessed.has(key) && drafted.has(key) });
		}
		const list = [...areas.values(), ...(planLevel.total ? [planLevel] : [])];
		if (list.length === 0) continue;
		const drafts =
			(sqlite.prepare('SELECT count(*) AS n FROM assessment_draft WHERE period_id = ?').get(p.id) as { n: number }).n +
			(sqlite.prepare('SELECT count(*) AS n FROM observation_draft WHERE indicator_id IN (SELECT gi.indicator_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ?)').get(p.plan_id) as { n: number }).n;
		out.push({
			periodId: p.id,
			label: p.label,
			deadline: p.deadline,
			state: p.state,
			organisation: p.organisation,
			plan: p.plan,
			planId: p.plan_id,
			areas: list,
			done: list.reduce((n, a) => n + a.done, 0),
			total: list.reduce((n, a) => n + a.total, 0),
			drafts
		});
	}
	return out;
}
