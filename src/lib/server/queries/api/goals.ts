/**
 * One goal or one uppdrag for the API: where it sits in its plan, its indicators with their targets (goal),
 * and its assessments for every published follow-up period.
 */
import type { Db } from '../../db/client';
import type { Direction, Origin, TargetKind } from '../../../domain/types';
import { uppdragRef, type ApiUppdragRef } from './plans';
import {
	apiPath,
	assessmentFields,
	levelName,
	num,
	periodRef,
	str,
	type AssessmentFields,
	type PeriodRef,
	type Row
} from './shared';

export interface ApiGoalRef {
	id: number;
	levelName: string | null;
	number: string | null;
	label: string | null;
	title: string;
	url: string;
}

export interface ApiTarget {
	kind: TargetKind;
	/** The target exactly as printed in the plan. */
	wording: string;
	value: number | null;
	valueHigh: number | null;
	reference: 'base' | 'previous' | null;
	basePeriod: string | null;
	targetPeriod: string | null;
	benchmark: 'riket' | 'comparable' | null;
	benchmarkSide: 'above' | 'below' | null;
	benchmarkMeasure: 'level' | 'change' | null;
	/** 0 = the primary target; secondary targets follow. */
	rank: number;
	/** The goal the target is set for; null = wherever the indicator is used. */
	goal: number | null;
	/** SCB code of the geography the target is for; null = the plan's own. */
	geography: string | null;
}

export interface ApiPeriodAssessment extends AssessmentFields {
	period: PeriodRef;
}

export interface ApiGoal {
	id: number;
	depth: number;
	levelName: string | null;
	number: string | null;
	label: string | null;
	title: string;
	description: string | null;
	origin: Origin;
	isExample: boolean;
	organisation: { slug: string; name: string; url: string };
	plan: { slug: string; name: string; url: string };
	/** From the root of the tree down to the parent. */
	ancestors: ApiGoalRef[];
	children: ApiGoalRef[];
	indicators: {
		slug: string;
		name: string;
		unit: string | null;
		decimals: number;
		direction: Direction;
		attribution: string | null;
		targets: ApiTarget[];
		url: string;
		observations: string;
	}[];
	uppdrag: ApiUppdragRef[];
	assessments: ApiPeriodAssessment[];
	url: string;
}

export interface ApiUppdrag extends ApiUppdragRef {
	isExample: boolean;
	organisation: { slug: string; name: string; url: string };
	plan: { slug: string; name: string; url: string };
	/** The goal (or avsnitt) the plan places the uppdrag under. */
	goal: ApiGoalRef | null;
	assessments: ApiPeriodAssessment[];
}

export function targetFrom(t: Row): ApiTarget {
	return {
		kind: t.kind as TargetKind,
		wording: t.wording as string,
		value: num(t.value),
		valueHigh: num(t.value_high),
		reference: (t.reference as ApiTarget['reference']) ?? null,
		basePeriod: str(t.base_period),
		targetPeriod: str(t.target_period),
		benchmark: (t.benchmark as ApiTarget['benchmark']) ?? null,
		benchmarkSide: (t.benchmark_side as ApiTarget['benchmarkSide']) ?? null,
		benchmarkMeasure: (t.benchmark_measure as ApiTarget['benchmarkMeasure']) ?? null,
		rank: t.rank as number,
		goal: num(t.goal_id),
		geography: str(t.geo_code)
	};
}

function goalRef(g: Row, levelNames: unknown): ApiGoalRef {
	return {
		id: g.id as number,
		levelName: levelName(levelNames, g.depth as number),
		number: str(g.number),
		label: str(g.label),
		title: g.title as string,
		url: apiPath.goal(g.id as number)
	};
}

const HEAD = `SELECT p.id AS plan_id, p.slug AS plan_slug, p.name AS plan_name, p.level_names,
	o.slug AS org_slug, o.name AS org_name, o.is_example
	FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ? AND p.archived = 0`;

/** Published periods only: the officials' drafts stay out of the API. */
function assessmentsFor(db: Db, column: 'goal_id' | 'uppdrag_id', id: number): ApiPeriodAssessment[] {
	const rows = db.$client
		.prepare(
			`SELECT a.*, fp.slug AS p_slug, fp.label AS p_label, fp.kind AS p_kind, fp.year AS p_year, fp.end_date AS p_end_date
			 FROM assessment a JOIN follow_up_period fp ON fp.id = a.period_id
			 WHERE a.${column} = ? AND fp.state = 'published' ORDER BY fp.end_date, fp.id`
		)
		.all(id) as Row[];
	return rows.map((r) => ({ period: periodRef(r, 'p_'), ...assessmentFields(r) }));
}

function place(head: Row) {
	const org = head.org_slug as string;
	const plan = head.plan_slug as string;
	return {
		isExample: head.is_example === 1,
		organisation: { slug: org, name: head.org_name as string, url: apiPath.organisation(org) },
		plan: { slug: plan, name: head.plan_name as string, url: apiPath.plan(org, plan) }
	};
}

export function apiGoal(db: Db, id: number): ApiGoal | null {
	const sql = db.$client;
	const goal = sql.prepare('SELECT * FROM goal WHERE id = ? AND archived = 0').get(id) as Row | undefined;
	if (!goal) return null;
	const head = sql.prepare(HEAD).get(goal.plan_id) as Row;
	const levelNames = head.level_names;

	const all = sql
		.prepare('SELECT id, parent_id, depth, number, label, title, archived FROM goal WHERE plan_id = ? ORDER BY sort_order, id')
		.all(goal.plan_id) as Row[];
	const byId = new Map(all.map((g) => [g.id as number, g]));
	const ancestors: ApiGoalRef[] = [];
	for (let p = num(goal.parent_id); p !== null; ) {
		const parent = byId.get(p);
		if (!parent || parent.archived === 1) return null; // under an archived goal: archived too
		ancestors.unshift(goalRef(parent, levelNames));
		p = num(parent.parent_id);
	}
	const children = all.filter((g) => g.parent_id === id && g.archived === 0).map((g) => goalRef(g, levelNames));

	const indicatorRows = sql
		.prepare(
			`SELECT i.* FROM goal_indicator gi JOIN indicator i ON i.id = gi.indicator_id
			 WHERE gi.goal_id = ? AND i.archived = 0 ORDER BY gi.sort_order, i.id`
		)
		.all(id) as Row[];
	const targetRows = sql
		.prepare(
			`SELECT t.*, g.code AS geo_code FROM target t LEFT JOIN geography g ON g.id = t.geography_id
			 WHERE t.indicator_id IN (SELECT indicator_id FROM goal_indicator WHERE goal_id = ?)
			   AND (t.goal_id IS NULL OR t.goal_id = ?)
			 ORDER BY t.rank, t.goal_id IS NULL, t.id`
		)
		.all(id, id) as Row[];
	const uppdragRows = sql
		.prepare('SELECT * FROM uppdrag WHERE goal_id = ? AND archived = 0 ORDER BY sort_order, id')
		.all(id) as Row[];

	return {
		id,
		depth: goal.depth as number,
		levelName: levelName(levelNames, goal.depth as number),
		number: str(goal.number),
		label: str(goal.label),
		title: goal.title as string,
		description: str(goal.description),
		origin: goal.origin as Origin,
		...place(head),
		ancestors,
		children,
		indicators: indicatorRows.map((i) => ({
			slug: i.slug as string,
			name: i.name as string,
			unit: str(i.unit),
			decimals: i.decimals as number,
			direction: i.direction as Direction,
			attribution: str(i.attribution),
			targets: targetRows.filter((t) => t.indicator_id === i.id).map(targetFrom),
			url: apiPath.indicator(i.slug as string),
			observations: apiPath.observations(i.slug as string)
		})),
		uppdrag: uppdragRows.map(uppdragRef),
		assessments: assessmentsFor(db, 'goal_id', id),
		url: apiPath.goal(id)
	};
}

export function apiUppdrag(db: Db, id: number): ApiUppdrag | null {
	const sql = db.$client;
	const u = sql.prepare('SELECT * FROM uppdrag WHERE id = ? AND archived = 0').get(id) as Row | undefined;
	if (!u) return null;
	const head = sql.prepare(HEAD).get(u.plan_id) as Row;
	const goal = u.goal_id === null ? undefined : (sql.prepare('SELECT * FROM goal WHERE id = ? AND archived = 0').get(u.goal_id) as Row | undefined);
	return {
		...uppdragRef(u),
		...place(head),
		goal: goal ? goalRef(goal, head.level_names) : null,
		assessments: assessmentsFor(db, 'uppdrag_id', id)
	};
}
