/**
 * Everything the plan page shows, in a handful of set-based queries: the goal tree with level names,
 * each goal's assessment, its indicators (latest value up to the period's end, target wording, computed
 * status) and its uppdrag, for one follow-up period.
 */
import type { Db } from '../db/client';
import type { Direction, Origin, TargetKind } from '../../domain/types';
import {
	assessmentFrom,
	choosePeriod,
	latestValues,
	publishedPeriods,
	type AssessmentView,
	type LatestValue,
	type PeriodView,
	type Row
} from './shared';

export type { AssessmentView, LatestValue };

export interface IndicatorRow {
	id: number;
	slug: string;
	name: string;
	unit: string | null;
	decimals: number;
	direction: Direction;
	attribution: string | null;
	latest: LatestValue | null;
	target: { kind: TargetKind; wording: string } | null;
	assessment: AssessmentView | null;
}

export interface UppdragRow {
	id: number;
	number: string | null;
	label: string | null;
	text: string;
	origin: Origin;
	owner: string | null;
	assessment: AssessmentView | null;
}

export interface GoalNode {
	id: number;
	depth: number;
	levelName: string | null;
	number: string | null;
	label: string | null;
	title: string;
	description: string | null;
	origin: Origin;
	assessment: AssessmentView | null;
	indicators: IndicatorRow[];
	uppdrag: UppdragRow[];
	children: GoalNode[];
}

export interface PlanPage {
	organisation: { slug: string; name: string; isExample: boolean };
	plan: {
		id: number;
		slug: string;
		name: string;
		kind: string;
		levelNames: string[];
		description: string | null;
		source: string | null;
		startYear: number | null;
		endYear: number | null;
		geographyName: string | null;
		geographyCode: string | null;
	};
	periods: Omit<PeriodView, 'id'>[];
	period: Omit<PeriodView, 'id'> | null;
	goals: GoalNode[];
	counts: { goals: number; indicators: number; uppdrag: number };
}

/** The plan page for `periodSlug` (default: the latest published period), or null when not found. */
export function getPlanPage(db: Db, orgSlug: string, planSlug: string, periodSlug?: string | null): PlanPage | null {
	const sql = db.$client;
	const head = sql
		.prepare(
			`SELECT o.slug AS org_slug, o.name AS org_name, o.is_example, p.*, g.name AS geography_name, g.code AS geography_code
			 FROM plan p JOIN organisation o ON o.id = p.organisation_id LEFT JOIN geography g ON g.id = p.geography_id
			 WHERE o.slug = ? AND p.slug = ? AND p.archived = 0`
		)
		.get(orgSlug, planSlug) as Row | undefined;
	if (!head) return null;
	const planId = head.id as number;
	const levelNames = JSON.parse(head.level_names as string) as string[];

	const periods = publishedPeriods(db, planId);
	const selected = choosePeriod(periods, periodSlug);
	if (selected === undefined) return null;
	const endDate = selected?.endDate ?? '9999-12-31';

	const assessments = selected
		? (sql.prepare('SELECT * FROM assessment WHERE period_id = ?').all(selected.id) as Row[])
		: [];
	const byGoal = new Map(assessments.filter((a) => a.goal_id).map((a) => [a.goal_id as number, a]));
	const byUppdrag = new Map(assessments.filter((a) => a.uppdrag_id).map((a) => [a.uppdrag_id as number, a]));
	const byIndicator = new Map(assessments.filter((a) => a.indicator_id).map((a) => [a.indicator_id as number, a]));

	const links = sql
		.prepare(
			// Only the columns shown: 500 indicator rows with every column cost more than the rest of the page's SQL.
			`SELECT gi.goal_id, i.id, i.slug, i.name, i.unit, i.decimals, i.direction, i.attribution FROM goal_indicator gi
			 JOIN goal g ON g.id = gi.goal_id JOIN indicator i ON i.id = gi.indicator_id
			 WHERE g.plan_id = ? AND i.archived = 0 ORDER BY gi.goal_id, gi.sort_order`
		)
		.all(planId) as Row[];
	const latest = latestValues(db, [...new Set(links.map((l) => l.id as number))], (head.geography_id as number) ?? null, endDate);
	const targetRows = sql
		.prepare(
			`SELECT t.indicator_id, t.goal_id, t.kind, t.wording FROM target t LEFT JOIN goal g ON g.id = t.goal_id
			 WHERE t.rank = 0 AND (t.goal_id IS NULL OR g.plan_id = ?)
			   AND t.indicator_id IN (SELECT gi.indicator_id FROM goal_indicator gi JOIN goal g2 ON g2.id = gi.goal_id WHERE g2.plan_id = ?)
			 ORDER BY t.goal_id IS NOT NULL, t.id`
		)
		.all(planId, planId) as Row[];
	// Per indicator the general target, and per goal × indicator the goal's own one, which wins on that goal.
	const targets = new Map<string, { kind: TargetKind; wording: string }>();
	for (const t of targetRows) {
		const key = `${t.goal_id ?? ''}:${t.indicator_id}`;
		if (!targets.has(key)) targets.set(key, { kind: t.kind as TargetKind, wording: t.wording as string });
	}

	const indicatorsByGoal = new Map<number, IndicatorRow[]>();
	for (const r of links) {
		const id = r.id as number;
		const row: IndicatorRow = {
			id,
			slug: r.slug as string,
			name: r.name as string,
			unit: (r.unit as string) ?? null,
			decimals: r.decimals as number,
			direction: r.direction as Direction,
			attribution: (r.attribution as string) ?? null,
			latest: latest.get(id) ?? null,
			target: targets.get(`${r.goal_id}:${id}`) ?? targets.get(`:${id}`) ?? null,
			assessment: assessmentFrom(byIndicator.get(id))
		};
		const list = indicatorsByGoal.get(r.goal_id as number) ?? [];
		list.push(row);
		indicatorsByGoal.set(r.goal_id as number, list);
	}

	const uppdragRows = sql.prepare('SELECT * FROM uppdrag WHERE plan_id = ? AND archived = 0 ORDER BY sort_order, id').all(planId) as Row[];
	const uppdragByGoal = new Map<number | null, UppdragRow[]>();
	for (const u of uppdragRows) {
		const row: UppdragRow = {
			id: u.id as number,
			number: (u.number as string) ?? null,
			label: (u.label as string) ?? null,
			text: u.text as string,
			origin: u.origin as Origin,
			owner: (u.owner as string) ?? null,
			assessment: assessmentFrom(byUppdrag.get(u.id as number))
		};
		const key = (u.goal_id as number) ?? null;
		uppdragByGoal.set(key, [...(uppdragByGoal.get(key) ?? []), row]);
	}

	const goalRows = sql
		.prepare('SELECT * FROM goal WHERE plan_id = ? AND archived = 0 ORDER BY depth, sort_order, id')
		.all(planId) as Row[];
	const nodes = new Map<number, GoalNode>();
	const roots: GoalNode[] = [];
	for (const g of goalRows) {
		const depth = g.depth as number;
		const node: GoalNode = {
			id: g.id as number,
			depth,
			levelName: levelNames[depth] ?? null,
			number: (g.number as string) ?? null,
			label: (g.label as string) ?? null,
			title: g.title as string,
			description: (g.description as string) ?? null,
			origin: g.origin as Origin,
			assessment: assessmentFrom(byGoal.get(g.id as number)),
			indicators: indicatorsByGoal.get(g.id as number) ?? [],
			uppdrag: uppdragByGoal.get(g.id as number) ?? [],
			children: []
		};
		const parent = g.parent_id ? nodes.get(g.parent_id as number) : undefined;
		// Under an archived goal (not in `nodes`): archived with it, so not shown.
		if (g.parent_id && !parent) continue;
		nodes.set(node.id, node);
		if (parent) parent.children.push(node);
		else roots.push(node);
	}

	const deepest = levelNames.length - 1;
	return {
		organisation: { slug: head.org_slug as string, name: head.org_name as string, isExample: head.is_example === 1 },
		plan: {
			id: planId,
			slug: head.slug as string,
			name: head.name as string,
			kind: head.kind as string,
			levelNames,
			description: (head.description as string) ?? null,
			source: (head.source as string) ?? null,
			startYear: (head.start_year as number) ?? null,
			endYear: (head.end_year as number) ?? null,
			geographyName: (head.geography_name as string) ?? null,
			geographyCode: (head.geography_code as string) ?? null
		},
		periods: periods.map(({ slug, label, kind, endDate }) => ({ slug, label, kind, endDate })),
		period: selected ? { slug: selected.slug, label: selected.label, kind: selected.kind, endDate: selected.endDate } : null,
		goals: roots,
		counts: {
			goals: goalRows.filter((g) => g.depth === deepest).length,
			indicators: links.length,
			uppdrag: uppdragRows.length
		}
	};
}
