/**
 * One plan for the API: the whole goal tree with the plan's own level names, each goal's indicators and
 * uppdrag (placed where the plan places them), uppdrag without a goal, and the published periods.
 * Assessments are not in the tree: /api/v1/assessments gives them per period.
 */
import type { Db } from '../../db/client';
import type { CsvTable } from '../../api/csv';
import type { Origin } from '../../../domain/types';
import { apiPath, num, periodRef, str, type PeriodRef, type Row } from './shared';

export interface ApiIndicatorRef {
	slug: string;
	name: string;
	unit: string | null;
	url: string;
}

export interface ApiUppdragRef {
	id: number;
	number: string | null;
	label: string | null;
	planYear: number | null;
	text: string;
	origin: Origin;
	owner: string | null;
	url: string;
}

export interface ApiGoalNode {
	id: number;
	parent: number | null;
	depth: number;
	levelName: string | null;
	number: string | null;
	label: string | null;
	title: string;
	description: string | null;
	origin: Origin;
	url: string;
	indicators: ApiIndicatorRef[];
	uppdrag: ApiUppdragRef[];
	children: ApiGoalNode[];
}

export interface ApiPlan {
	organisation: { slug: string; name: string; url: string };
	slug: string;
	name: string;
	kind: string;
	startYear: number | null;
	endYear: number | null;
	description: string | null;
	source: string | null;
	/** Names of the tree's levels, outermost first; a goal's `depth` indexes into it. */
	levelNames: string[];
	geography: { code: string; name: string } | null;
	isExample: boolean;
	periods: (PeriodRef & { assessments: string })[];
	counts: { goals: number; indicators: number; uppdrag: number };
	goals: ApiGoalNode[];
	/** Uppdrag that the plan does not place under any goal. */
	uppdrag: ApiUppdragRef[];
	url: string;
}

export function uppdragRef(u: Row): ApiUppdragRef {
	return {
		id: u.id as number,
		number: str(u.number),
		label: str(u.label),
		planYear: num(u.plan_year),
		text: u.text as string,
		origin: u.origin as Origin,
		owner: str(u.owner),
		url: apiPath.uppdrag(u.id as number)
	};
}

export function apiPlan(db: Db, orgSlug: string, planSlug: string): ApiPlan | null {
	const sql = db.$client;
	const head = sql
		.prepare(
			`SELECT p.*, o.slug AS org_slug, o.name AS org_name, o.is_example, g.code AS geo_code, g.name AS geo_name
			 FROM plan p JOIN organisation o ON o.id = p.organisation_id LEFT JOIN geography g ON g.id = p.geography_id
			 WHERE o.slug = ? AND p.slug = ? AND p.archived = 0`
		)
		.get(orgSlug, planSlug) as Row | undefined;
	if (!head) return null;
	const planId = head.id as number;
	const levelNames = JSON.parse(head.level_names as string) as string[];

	const periods = (
		sql
			.prepare(
				`SELECT slug, label, kind, year, end_date FROM follow_up_period
				 WHERE plan_id = ? AND state = 'published' ORDER BY end_date, id`
			)
			.all(planId) as Row[]
	).map((fp) => ({ ...periodRef(fp), assessments: apiPath.assessments(orgSlug, planSlug, fp.slug as string) }));

	const links = sql
		.prepare(
			`SELECT gi.goal_id, i.slug, i.name, i.unit FROM goal_indicator gi
			 JOIN goal g ON g.id = gi.goal_id JOIN indicator i ON i.id = gi.indicator_id
			 WHERE g.plan_id = ? AND i.archived = 0 ORDER BY gi.goal_id, gi.sort_order, i.id`
		)
		.all(planId) as Row[];
	const indicatorsByGoal = new Map<number, ApiIndicatorRef[]>();
	for (const l of links) {
		const list = indicatorsByGoal.get(l.goal_id as number) ?? [];
		list.push({ slug: l.slug as string, name: l.name as string, unit: str(l.unit), url: apiPath.indicator(l.slug as string) });
		indicatorsByGoal.set(l.goal_id as number, list);
	}

	const uppdragRows = sql
		.prepare('SELECT * FROM uppdrag WHERE plan_id = ? AND archived = 0 ORDER BY sort_order, id')
		.all(planId) as Row[];

	const goalRows = sql
		.prepare(
			`SELECT id, parent_id, depth, number, label, title, description, origin FROM goal
			 WHERE plan_id = ? AND archived = 0 ORDER BY depth, sort_order, id`
		)
		.all(planId) as Row[];
	const nodes = new Map<number, ApiGoalNode>();
	const roots: ApiGoalNode[] = [];
	for (const g of goalRows) {
		const parentId = num(g.parent_id);
		const parent = parentId === null ? undefined : nodes.get(parentId);
		// A goal under an archived goal is archived with it.
		if (parentId !== null && !parent) continue;
		const node: ApiGoalNode = {
			id: g.id as number,
			parent: parentId,
			depth: g.depth as number,
			levelName: levelNames[g.depth as number] ?? null,
			number: str(g.number),
			label: str(g.label),
			title: g.title as string,
			description: str(g.description),
			origin: g.origin as Origin,
			url: apiPath.goal(g.id as number),
			indicators: indicatorsByGoal.get(g.id as number) ?? [],
			uppdrag: [],
			children: []
		};
		nodes.set(node.id, node);
		if (parent) parent.children.push(node);
		else roots.push(node);
	}
	const unplaced: ApiUppdragRef[] = [];
	for (const u of uppdragRows) {
		const goal = u.goal_id === null ? undefined : nodes.get(u.goal_id as number);
		(goal ? goal.uppdrag : unplaced).push(uppdragRef(u));
	}

	return {
		organisation: { slug: orgSlug, name: head.org_name as string, url: apiPath.organisation(orgSlug) },
		slug: planSlug,
		name: head.name as string,
		kind: head.kind as string,
		startYear: num(head.start_year),
		endYear: num(head.end_year),
		description: str(head.description),
		source: str(head.source),
		levelNames,
		geography: head.geo_code ? { code: head.geo_code as string, name: head.geo_name as string } : null,
		isExample: head.is_example === 1,
		periods,
		counts: {
			goals: nodes.size,
			indicators: new Set([...indicatorsByGoal.values()].flat().map((i) => i.slug)).size,
			uppdrag: uppdragRows.length
		},
		goals: roots,
		uppdrag: unplaced,
		url: apiPath.plan(orgSlug, planSlug)
	};
}

/** The goal tree as one row per goal, depth first in the plan's order. */
export function planGoalsCsv(plan: ApiPlan): CsvTable {
	const rows: (string | number | null)[][] = [];
	const visit = (nodes: ApiGoalNode[]) => {
		for (const g of nodes) {
			rows.push([
				plan.organisation.slug,
				plan.slug,
				g.id,
				g.parent,
				g.depth,
				g.levelName,
				g.number,
				g.label,
				g.title,
				g.origin,
				g.indicators.map((i) => i.slug).join(' '),
				g.uppdrag.map((u) => u.id).join(' '),
				g.description
			]);
			visit(g.children);
		}
	};
	visit(plan.goals);
	return {
		header: [
			'organisation',
			'plan',
			'goal_id',
			'parent_id',
			'depth',
			'level_name',
			'number',
			'label',
			'title',
			'origin',
			'indicators',
			'uppdrag',
			'description'
		],
		rows
	};
}
