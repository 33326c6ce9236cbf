/**
 * Indicators for the API: the list (filter by organisation and free text) and one indicator with its
 * metadata, targets in their printed wording, the goals it serves, and what data exists for it.
 */
import type { Db } from '../../db/client';
import type { CsvTable } from '../../api/csv';
import type { GeoLevel, IndicatorFilter } from '../../api/types';
import type { Direction, Sex } from '../../../domain/types';
import { targetFrom, type ApiGoalRef, type ApiTarget } from './goals';
import { apiPath, geoRank, levelName, str, type Row } from './shared';

export interface ApiIndicatorSummary {
	slug: string;
	name: string;
	unit: string | null;
	decimals: number;
	direction: Direction;
	frequency: string;
	source: string | null;
	/** Show this beside the values, e.g. "Källa: Kolada". */
	attribution: string | null;
	external: { source: string; code: string | null; table: string | null } | null;
	/** Owner of a local indicator; null for shared statistics. */
	organisation: string | null;
	isExample: boolean;
	/** Earliest and latest period with data (any geography). */
	firstPeriod: string | null;
	lastPeriod: string | null;
	url: string;
	observations: string;
}

export interface ApiIndicator extends ApiIndicatorSummary {
	definition: string | null;
	/** Parameters of the colour and trend rules, for transparency. */
	rules: { tolerance: number; neutralBand: number; progressRule: string };
	targets: ApiTarget[];
	goals: (ApiGoalRef & { organisation: string; plan: string; planName: string })[];
	coverage: {
		observations: number;
		periods: string[];
		sexes: Sex[];
		levels: Partial<Record<GeoLevel, number>>;
		/** SCB codes with data, riket first, then län, then kommuner. */
		geographies: string[];
	};
}

/** Period codes of the earliest and latest observation per indicator. */
function spans(db: Db): Map<number, { first: string; last: string }> {
	const rows = db.$client
		.prepare(
			`SELECT f.indicator_id, f.period AS first, l.period AS last FROM
			   (SELECT indicator_id, period, min(period_end) FROM observation GROUP BY indicator_id) f
			 JOIN (SELECT indicator_id, period, max(period_end) FROM observation GROUP BY indicator_id) l
			   USING (indicator_id)`
		)
		.all() as Row[];
	return new Map(rows.map((r) => [r.indicator_id as number, { first: r.first as string, last: r.last as string }]));
}

function summary(r: Row, span: { first: string; last: string } | undefined): ApiIndicatorSummary {
	const slug = r.slug as string;
	return {
		slug,
		name: r.name as string,
		unit: str(r.unit),
		decimals: r.decimals as number,
		direction: r.direction as Direction,
		frequency: r.frequency as string,
		source: str(r.source),
		attribution: str(r.attribution),
		external: r.external_source
			? { source: r.external_source as string, code: str(r.external_code), table: str(r.external_table) }
			: null,
		organisation: str(r.org_slug),
		isExample: r.is_example === 1,
		firstPeriod: span?.first ?? null,
		lastPeriod: span?.last ?? null,
		url: apiPath.indicator(slug),
		observations: apiPath.observations(slug)
	};
}

const SELECT = `SELECT i.*, o.slug AS org_slug, coalesce(o.is_example, 0) AS is_example
	FROM indicator i LEFT JOIN organisation o ON o.id = i.organisation_id`;

/**
 * `organisation`: indicators the organisation owns or uses in one of its plans. `q`: every word must occur
 * in the name, slug, definition or external code (case-insensitive; simple substring match — the search
 * page has the Swedish-aware search).
 */
export function apiIndicators(db: Db, filter: IndicatorFilter): ApiIndicatorSummary[] {
	const rows = db.$client
		.prepare(
			`${SELECT}
			 WHERE i.archived = 0 AND (@org IS NULL OR o.slug = @org OR i.id IN (
			   SELECT gi.indicator_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id
			   JOIN plan p ON p.id = g.plan_id JOIN organisation po ON po.id = p.organisation_id
			   WHERE po.slug = @org AND g.archived = 0 AND p.archived = 0))
			 ORDER BY i.id`
		)
		.all({ org: filter.organisation }) as Row[];
	const words = filter.q?.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean) ?? [];
	const matching = words.length
		? rows.filter((r) => {
				const text = [r.slug, r.name, r.definition, r.external_code].filter(Boolean).join(' ').toLocaleLowerCase('sv');
				return words.every((w) => text.includes(w));
			})
		: rows;
	const span = spans(db);
	return matching.map((r) => summary(r, span.get(r.id as number)));
}

/** The id and metadata needed to serve observations, or null for an unknown or archived slug. */
export function indicatorHead(db: Db, slug: string): (ApiIndicatorSummary & { id: number }) | null {
	const r = db.$client.prepare(`${SELECT} WHERE i.slug = ? AND i.archived = 0`).get(slug) as Row | undefined;
	if (!r) return null;
	const span = db.$client
		.prepare(
			`SELECT (SELECT period FROM observation WHERE indicator_id = @id ORDER BY period_end, period_start LIMIT 1) AS first,
			        (SELECT period FROM observation WHERE indicator_id = @id ORDER BY period_end DESC, period_start DESC LIMIT 1) AS last`
		)
		.get({ id: r.id }) as { first: string | null; last: string | null };
	return { id: r.id as number, ...summary(r, span.first && span.last ? { first: span.first, last: span.last } : undefined) };
}

export function apiIndicator(db: Db, slug: string): ApiIndicator | null {
	const head = indicatorHead(db, slug);
	if (!head) return null;
	const { id, ...rest } = head;
	const sql = db.$client;
	const r = sql.prepare('SELECT definition, tolerance, neutral_band, progress_rule FROM indicator WHERE id = ?').get(id) as Row;
	const targets = (
		sql
			.prepare(
				`SELECT t.*, g.code AS geo_code FROM target t
				 LEFT JOIN geography g ON g.id = t.geography_id LEFT JOIN goal go ON go.id = t.goal_id
				 WHERE t.indicator_id = ? AND coalesce(go.archived, 0) = 0
				 ORDER BY t.goal_id IS NOT NULL, t.goal_id, t.rank, t.id`
			)
			.all(id) as Row[]
	).map(targetFrom);
	const goals = (
		sql
			.prepare(
				`SELECT g.id, g.depth, g.number, g.label, g.title, p.level_names, p.slug AS plan_slug, p.name AS plan_name,
				   o.slug AS org_slug
				 FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id JOIN plan p ON p.id = g.plan_id
				 JOIN organisation o ON o.id = p.organisation_id
				 WHERE gi.indicator_id = ? AND g.archived = 0 AND p.archived = 0
				 ORDER BY o.sort_order, o.name, p.sort_order, p.name, g.depth, g.sort_order, g.id`
			)
			.all(id) as Row[]
	).map((g) => ({
		id: g.id as number,
		levelName: levelName(g.level_names, g.depth as number),
		number: str(g.number),
		label: str(g.label),
		title: g.title as string,
		organisation: g.org_slug as string,
		plan: g.plan_slug as string,
		planName: g.plan_name as string,
		url: apiPath.goal(g.id as number)
	}));
	// Observations are keyed (indicator, geography, sex, period) with no other index (see schema.ts): whatever
	// can be asked per geography or per sex is asked that way, as primary-key searches, not by reading every
	// observation of the indicator.
	const periods = (
		sql
			.prepare(
				`SELECT DISTINCT period_end, period_start, period FROM observation WHERE indicator_id = ?
				 ORDER BY period_end, period_start`
			)
			.all(id) as Row[]
	).map((p) => p.period as string);
	const sexes = (
		sql
			.prepare(
				`SELECT s.sex FROM (SELECT 'T' AS sex, 0 AS o UNION ALL SELECT 'K', 1 UNION ALL SELECT 'M', 2) s
				 WHERE EXISTS (SELECT 1 FROM geography g CROSS JOIN observation o
				   WHERE o.indicator_id = ? AND o.geography_id = g.id AND o.sex = s.sex) ORDER BY s.o`
			)
			.all(id) as Row[]
	).map((s) => s.sex as Sex);
	const geographies = sql
		.prepare(
			`SELECT g.code, g.level FROM geography g
			 WHERE EXISTS (SELECT 1 FROM observation o WHERE o.indicator_id = ? AND o.geography_id = g.id)
			 ORDER BY ${geoRank('g.level')}, g.code`
		)
		.all(id) as Row[];
	const levels: Partial<Record<GeoLevel, number>> = {};
	for (const g of geographies) levels[g.level as GeoLevel] = (levels[g.level as GeoLevel] ?? 0) + 1;
	const count = sql.prepare('SELECT count(*) AS n FROM observation WHERE indicator_id = ?').get(id) as { n: number };

	return {
		...rest,
		definition: str(r.definition),
		rules: { tolerance: r.tolerance as number, neutralBand: r.neutral_band as number, progressRule: r.progress_rule as string },
		targets,
		goals,
		coverage: { observations: count.n, periods, sexes, levels, geographies: geographies.map((g) => g.code as string) }
	};
}

export function indicatorsCsv(list: ApiIndicatorSummary[]): CsvTable {
	return {
		header: [
			'indicator',
			'name',
			'unit',
			'decimals',
			'direction',
			'frequency',
			'source',
			'attribution',
			'external_source',
			'external_code',
			'organisation',
			'is_example',
			'first_period',
			'last_period'
		],
		rows: list.map((i) => [
			i.slug,
			i.name,
			i.unit,
			i.decimals,
			i.direction,
			i.frequency,
			i.source,
			i.attribution,
			i.external?.source ?? null,
			i.external?.code ?? null,
			i.organisation,
			i.isExample,
			i.firstPeriod,
			i.lastPeriod
		])
	};
}
