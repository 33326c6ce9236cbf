/** Pieces the API query modules share: row helpers, API paths and the assessment shape. */
import { colourLabel, statusLabel, trendLabel } from '../../../domain/labels';
import type { Colour, IndicatorStatus, Trend } from '../../../domain/types';

export type Row = Record<string, unknown>;

export const API_ROOT = '/api/v1';

const seg = encodeURIComponent;

/** Paths of API resources, for the `url` fields of responses (relative to the site, so they survive proxies). */
export const apiPath = {
	organisation: (org: string) => `${API_ROOT}/organisations/${seg(org)}`,
	plan: (org: string, plan: string) => `${API_ROOT}/organisations/${seg(org)}/plans/${seg(plan)}`,
	goal: (id: number) => `${API_ROOT}/goals/${id}`,
	uppdrag: (id: number) => `${API_ROOT}/uppdrag/${id}`,
	indicator: (slug: string) => `${API_ROOT}/indicators/${seg(slug)}`,
	observations: (slug: string) => `${API_ROOT}/indicators/${seg(slug)}/observations`,
	assessments: (org: string, plan: string, period?: string) =>
		`${API_ROOT}/assessments?${new URLSearchParams({ organisation: org, plan, ...(period ? { period } : {}) })}`
};

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** `ORDER BY` rank of geography levels: riket, län, kommun, then the example län. */
export const GEO_LEVEL_RANK = `CASE %s WHEN 'riket' THEN 0 WHEN 'lan' THEN 1 WHEN 'kommun' THEN 2 ELSE 3 END`;
export const geoRank = (column: string) => GEO_LEVEL_RANK.replace('%s', column);

export interface PeriodRef {
	slug: string;
	label: string;
	kind: 'delar' | 'helar';
	year: number;
	endDate: string;
}

/** An assessment's own fields, with Swedish labels beside the stable keys. */
export interface AssessmentFields {
	colour: Colour | null;
	/** "Grön", "Gul", "Röd" or "Ej bedömd". */
	colourLabel: string;
	trend: Trend | null;
	trendLabel: string | null;
	indicatorStatus: IndicatorStatus | null;
	indicatorStatusLabel: string | null;
	comment: string | null;
	/** 'computed' by the rules or 'manual' (set by a person). */
	source: 'computed' | 'manual';
	computedColour: Colour | null;
	computedReason: string | null;
	explanation: { sv: string; en: string } | null;
	overrideReason: string | null;
	/** The observation period the assessment rests on (data often lags the report period). */
	dataPeriod: string | null;
	updatedAt: string;
}

export function assessmentFields(r: Row): AssessmentFields {
	const colour = (r.colour as Colour | null) ?? null;
	const trend = (r.trend as Trend | null) ?? null;
	const status = (r.indicator_status as IndicatorStatus | null) ?? null;
	return {
		colour,
		colourLabel: colourLabel(colour).text,
		trend,
		trendLabel: trend ? trendLabel(trend).text : null,
		indicatorStatus: status,
		indicatorStatusLabel: status ? statusLabel(status).text : null,
		comment: str(r.comment),
		source: r.source as 'computed' | 'manual',
		computedColour: (r.computed_colour as Colour | null) ?? null,
		computedReason: str(r.computed_reason),
		explanation: r.explanation ? (JSON.parse(r.explanation as string) as { sv: string; en: string }) : null,
		overrideReason: str(r.override_reason),
		dataPeriod: str(r.data_period),
		updatedAt: r.updated_at as string
	};
}

export function periodRef(r: Row, prefix = ''): PeriodRef {
	return {
		slug: r[`${prefix}slug`] as string,
		label: r[`${prefix}label`] as string,
		kind: r[`${prefix}kind`] as 'delar' | 'helar',
		year: r[`${prefix}year`] as number,
		endDate: r[`${prefix}end_date`] as string
	};
}

/** The level name of a goal at `depth` in a plan whose level_names column is `levelNamesJson`. */
export function levelName(levelNamesJson: unknown, depth: number): string | null {
	const names = JSON.parse(String(levelNamesJson ?? '[]')) as string[];
	return names[depth] ?? null;
}
