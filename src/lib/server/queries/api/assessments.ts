/**
 * Assessments (colour, trend, status, comment) of goals, uppdrag and indicators for published follow-up
 * periods only. Periods that are open, ready or approved are the officials' work in progress.
 */
import type { Db } from '../../db/client';
import type { CsvTable } from '../../api/csv';
import type { AssessmentFilter, SubjectType } from '../../api/types';
import { apiPath, assessmentFields, levelName, periodRef, str, type AssessmentFields, type PeriodRef, type Row } from './shared';

export interface ApiSubject {
	type: SubjectType;
	/** Goal or uppdrag id; null for indicators, which are addressed by slug. */
	id: number | null;
	/** Indicator slug; null for goals and uppdrag. */
	slug: string | null;
	levelName: string | null;
	number: string | null;
	label: string | null;
	/** Goal title, uppdrag text or indicator name. */
	title: string;
	url: string;
}

export interface ApiAssessment extends AssessmentFields {
	organisation: string;
	plan: string;
	period: PeriodRef;
	subject: ApiSubject;
	isExample: boolean;
}

function subjectOf(r: Row): ApiSubject {
	if (r.goal_id !== null) {
		return {
			type: 'goal',
			id: r.goal_id as number,
			slug: null,
			levelName: levelName(r.level_names, r.g_depth as number),
			number: str(r.g_number),
			label: str(r.g_label),
			title: r.g_title as string,
			url: apiPath.goal(r.goal_id as number)
		};
	}
	if (r.uppdrag_id !== null) {
		return {
			type: 'uppdrag',
			id: r.uppdrag_id as number,
			slug: null,
			levelName: null,
			number: str(r.u_number),
			label: str(r.u_label),
			title: r.u_text as string,
			url: apiPath.uppdrag(r.uppdrag_id as number)
		};
	}
	return {
		type: 'indicator',
		id: null,
		slug: r.i_slug as string,
		levelName: null,
		number: null,
		label: null,
		title: r.i_name as string,
		url: apiPath.indicator(r.i_slug as string)
	};
}

const SUBJECT_COLUMN: Record<SubjectType, string> = {
	goal: 'a.goal_id',
	uppdrag: 'a.uppdrag_id',
	indicator: 'a.indicator_id'
};

export function apiAssessments(db: Db, filter: AssessmentFilter): ApiAssessment[] {
	const where = ["fp.state = 'published'", 'coalesce(g.archived, u.archived, i.archived, 0) = 0'];
	const params: unknown[] = [];
	if (filter.organisation) {
		where.push('o.slug = ?');
		params.push(filter.organisation);
	}
	if (filter.plan) {
		where.push('o.slug = ? AND p.slug = ?');
		params.push(filter.plan.organisation, filter.plan.slug);
	}
	if (filter.period) {
		where.push('fp.slug = ?');
		params.push(filter.period);
	}
	if (filter.subjects) where.push(`(${filter.subjects.map((s) => `${SUBJECT_COLUMN[s]} IS NOT NULL`).join(' OR ')})`);
	const rows = db.$client
		.prepare(
			`SELECT a.*, fp.slug AS p_slug, fp.label AS p_label, fp.kind AS p_kind, fp.year AS p_year, fp.end_date AS p_end_date,
			   p.slug AS plan_slug, p.level_names, o.slug AS org_slug, o.is_example,
			   g.depth AS g_depth, g.number AS g_number, g.label AS g_label, g.title AS g_title,
			   u.number AS u_number, u.label AS u_label, u.text AS u_text, i.slug AS i_slug, i.name AS i_name
			 FROM assessment a
			 JOIN follow_up_period fp ON fp.id = a.period_id
			 JOIN plan p ON p.id = fp.plan_id AND p.archived = 0 JOIN organisation o ON o.id = p.organisation_id
			 LEFT JOIN goal g ON g.id = a.goal_id LEFT JOIN uppdrag u ON u.id = a.uppdrag_id
			 LEFT JOIN indicator i ON i.id = a.indicator_id
			 WHERE ${where.join(' AND ')}
			 ORDER BY o.sort_order, o.name, p.sort_order, p.name, fp.end_date, fp.id,
			   CASE WHEN a.goal_id IS NOT NULL THEN 0 WHEN a.uppdrag_id IS NOT NULL THEN 1 ELSE 2 END,
			   g.depth, g.sort_order, u.sort_order, a.goal_id, a.uppdrag_id, a.indicator_id`
		)
		.all(...params) as Row[];
	return rows.map((r) => ({
		organisation: r.org_slug as string,
		plan: r.plan_slug as string,
		period: periodRef(r, 'p_'),
		subject: subjectOf(r),
		...assessmentFields(r),
		isExample: r.is_example === 1
	}));
}

export function assessmentsCsv(list: ApiAssessment[]): CsvTable {
	return {
		header: [
			'organisation',
			'plan',
			'period',
			'period_label',
			'subject_type',
			'subject_id',
			'subject_number',
			'subject_title',
			'colour',
			'colour_label',
			'trend',
			'trend_label',
			'indicator_status',
			'indicator_status_label',
			'comment',
			'source',
			'computed_colour',
			'computed_reason',
			'explanation_sv',
			'explanation_en',
			'override_reason',
			'data_period',
			'is_example'
		],
		rows: list.map((a) => [
			a.organisation,
			a.plan,
			a.period.slug,
			a.period.label,
			a.subject.type,
			a.subject.id ?? a.subject.slug,
			a.subject.number,
			a.subject.title,
			a.colour,
			a.colourLabel,
			a.trend,
			a.trendLabel,
			a.indicatorStatus,
			a.indicatorStatusLabel,
			a.comment,
			a.source,
			a.computedColour,
			a.computedReason,
			a.explanation?.sv ?? null,
			a.explanation?.en ?? null,
			a.overrideReason,
			a.dataPeriod,
			a.isExample
		])
	};
}
