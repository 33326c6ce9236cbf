/** Small query pieces shared by the page query modules. All take `db` and run prepared statements. */
import type { Db } from '../db/client';
import type { Colour, IndicatorStatus, MissingSymbol, Trend } from '../../domain/types';

export type Row = Record<string, unknown>;

export interface AssessmentView {
	colour: Colour | null;
	trend: Trend | null;
	indicatorStatus: IndicatorStatus | null;
	comment: string | null;
	source: 'computed' | 'manual';
	explanation: { sv: string; en: string } | null;
	computedReason: string | null;
	dataPeriod: string | null;
}

export function assessmentFrom(r: Row | undefined): AssessmentView | null {
	if (!r) return null;
	return {
		colour: (r.colour as Colour) ?? null,
		trend: (r.trend as Trend) ?? null,
		indicatorStatus: (r.indicator_status as IndicatorStatus) ?? null,
		comment: (r.comment as string) ?? null,
		source: r.source as 'computed' | 'manual',
		explanation: r.explanation ? JSON.parse(r.explanation as string) : null,
		computedReason: (r.computed_reason as string) ?? null,
		dataPeriod: (r.data_period as string) ?? null
	};
}

export interface LatestValue {
	period: string;
	value: number | null;
	textValue: string | null;
	missingSymbol: MissingSymbol | null;
	printed: string | null;
	note: string | null;
}

export function latestValueFrom(r: Row | undefined): LatestValue | null {
	if (!r) return null;
	return {
		period: r.period as string,
		value: (r.value as number) ?? null,
		textValue: (r.text_value as string) ?? null,
		missingSymbol: (r.missing_symbol as MissingSymbol) ?? null,
		printed: (r.printed as string) ?? null,
		note: (r.note as string) ?? null
	};
}

/**
 * The latest observation (totalt) of each indicator for one geography, up to `endDate`. Read from
 * observation_latest (one row per series); only a series whose latest row lies after `endDate` (a page for an
 * older follow-up period) is ranked in `observation`.
 */
export function latestValues(db: Db, indicatorIds: number[], geographyId: number | null, endDate = '9999-12-31') {
	const out = new Map<number, LatestValue>();
	if (indicatorIds.length === 0 || geographyId === null) return out;
	const sql = db.$client;
	// CROSS JOIN: the id list is the outer loop, so each indicator is one primary-key look-up.
	const latest = sql
		.prepare(
			`SELECT l.indicator_id, l.period, l.period_end, l.value, l.text_value, l.missing_symbol, l.printed, l.note
			 FROM json_each(?) j CROSS JOIN observation_latest l ON l.indicator_id = j.value AND l.geography_id = ? AND l.sex = 'T'`
		)
		.all(JSON.stringify(indicatorIds), geographyId) as Row[];
	const older: number[] = [];
	for (const r of latest) {
		if ((r.period_end as string) <= endDate) out.set(r.indicator_id as number, latestValueFrom(r)!);
		else older.push(r.indicator_id as number);
	}
	if (older.length === 0) return out;
	const rows = sql
		.prepare(
			`SELECT * FROM (
			   SELECT indicator_id, period, value, text_value, missing_symbol, printed, note,
			     row_number() OVER (PARTITION BY indicator_id ORDER BY period_end DESC, period_start DESC) AS rn
			   FROM observation
			   WHERE geography_id = ? AND sex = 'T' AND period_end <= ?
			     AND indicator_id IN (SELECT value FROM json_each(?))
			 ) WHERE rn = 1`
		)
		.all(geographyId, endDate, JSON.stringify(older)) as Row[];
	for (const r of rows) out.set(r.indicator_id as number, latestValueFrom(r)!);
	return out;
}

export interface SeriesPoint {
	period: string;
	value: number | null;
}

/** Each indicator's numeric series (totalt) for one geography, oldest first: for sparklines. */
export function seriesFor(db: Db, indicatorIds: number[], geographyId: number | null, endDate = '9999-12-31') {
	const out = new Map<number, SeriesPoint[]>();
	if (indicatorIds.length === 0 || geographyId === null) return out;
	const rows = db.$client
		.prepare(
			`SELECT indicator_id, period, value FROM observation
			 WHERE geography_id = ? AND sex = 'T' AND period_end <= ? AND indicator_id IN (SELECT value FROM json_each(?))
			 ORDER BY indicator_id, period_end, period_start`
		)
		.all(geographyId, endDate, JSON.stringify(indicatorIds)) as Row[];
	for (const r of rows) {
		const list = out.get(r.indicator_id as number) ?? [];
		list.push({ period: r.period as string, value: (r.value as number) ?? null });
		out.set(r.indicator_id as number, list);
	}
	return out;
}

export interface PeriodView {
	id: number;
	slug: string;
	label: string;
	kind: 'delar' | 'helar';
	endDate: string;
}

/** Published follow-up periods of a plan, oldest first. */
export function publishedPeriods(db: Db, planId: number): PeriodView[] {
	const rows = db.$client
		.prepare(
			`SELECT id, slug, label, kind, end_date FROM follow_up_period
			 WHERE plan_id = ? AND state = 'published' ORDER BY end_date`
		)
		.all(planId) as Row[];
	return rows.map((p) => ({
		id: p.id as number,
		slug: p.slug as string,
		label: p.label as string,
		kind: p.kind as 'delar' | 'helar',
		endDate: p.end_date as string
	}));
}

/**
 * The period a page shows: the one named in the URL, else the latest published one.
 * `undefined` when the URL names a period that does not exist (the page answers 404).
 */
export function choosePeriod(periods: PeriodView[], slug: string | null | undefined): PeriodView | null | undefined {
	if (slug) return periods.find((p) => p.slug === slug);
	return periods.at(-1) ?? null;
}
