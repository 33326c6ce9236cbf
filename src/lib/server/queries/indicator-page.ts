/**
 * Everything the indicator page shows for one view state: metadata and provenance, the focus geography and
 * the comparison options that have data, the time series of the chosen geographies and sex, the bar data
 * for one year (the län's kommuner and all län), targets, the goals it serves and their assessments.
 */
import type { Db } from '../db/client';
import type { Direction, MissingSymbol, Sex, TargetKind } from '../../domain/types';
import type { IndicatorViewState } from '../../indicator-view/state';
import { assessmentFrom, type AssessmentView, type Row } from './shared';
import { isComparableAcrossAreas } from '../../domain/units';

export interface BatchRef {
	source: string;
	fileName: string | null;
	importedAt: string;
}

export interface Provenance extends BatchRef {
	/** How many of the values shown come from this batch. */
	values: number;
	firstPeriod: string;
	lastPeriod: string;
	/** The geographies (names, in the page's order) whose shown values come from it. */
	geographies: string[];
}

export type GeoLevel = 'riket' | 'lan' | 'kommun' | 'exempel';

export interface GeoRef {
	id: number;
	code: string;
	name: string;
	level: GeoLevel;
	parentCode: string | null;
}

export interface ObservationPoint {
	period: string;
	value: number | null;
	textValue: string | null;
	missingSymbol: MissingSymbol | null;
	printed: string | null;
}

export interface GeoSeries {
	geo: GeoRef;
	/** context: drawn thin and grey behind the others, unnamed (`context=all`). */
	role: 'focus' | 'riket' | 'compare' | 'context';
	points: ObservationPoint[];
}

export interface BarValue {
	geo: GeoRef;
	value: number | null;
	missingSymbol: MissingSymbol | null;
}

export interface TargetView {
	kind: TargetKind;
	value: number | null;
	valueHigh: number | null;
	reference: string | null;
	basePeriod: string | null;
	targetPeriod: string | null;
	benchmark: string | null;
	wording: string;
	rank: number;
}

export interface IndicatorPage {
	indicator: {
		id: number;
		slug: string;
		name: string;
		definition: string | null;
		unit: string | null;
		decimals: number;
		direction: Direction;
		source: string | null;
		attribution: string | null;
		frequency: string;
		isExample: boolean;
		owner: { slug: string; name: string } | null;
	};
	/**
	 * Where the values shown come from: one entry per import batch behind the chosen geographies, sex and
	 * years, newest first, with how many of the shown values it holds, their first and last period and
	 * geographies. Who imported is left out (it may be an official's e-mail address); the source label is public.
	 */
	provenance: Provenance[];
	/** The focus geography's latest value (any year, the chosen sex) and the batch it came from. */
	focusLatest: { period: string; origin: BatchRef | null } | null;
	lastUpdated: string | null;
	latestPeriod: string | null;
	sexes: Sex[];
	/** The view state with defaults filled in (focus and compare resolved). */
	state: IndicatorViewState & { focus: string; compare: string[] };
	focus: GeoRef;
	options: { riket: GeoRef | null; lan: GeoRef[]; kommuner: GeoRef[]; other: GeoRef[] };
	years: number[];
	series: GeoSeries[];
	bars: { period: string | null; kommuner: BarValue[]; lan: BarValue[]; focusLan: GeoRef | null; riket: BarValue | null; lanValue: BarValue | null };
	targets: TargetView[];
	goals: { orgSlug: string; orgName: string; planSlug: string; planName: string; goalId: number; label: string | null; title: string }[];
	assessments: { orgSlug: string; planSlug: string; planName: string; periodLabel: string; assessment: AssessmentView }[];
}

function geoFrom(r: Row): GeoRef {
	return {
		id: r.id as number,
		code: r.code as string,
		name: r.name as string,
		level: r.level as GeoLevel,
		parentCode: (r.parent_code as string) ?? null
	};
}

export function getIndicatorPage(db: Db, slug: string, asked: IndicatorViewState): IndicatorPage | null {
	const sql = db.$client;
	const ind = sql
		.prepare(
			`SELECT i.*, o.slug AS org_slug, o.name AS org_name, o.is_example
			 FROM indicator i LEFT JOIN organisation o ON o.id = i.organisation_id WHERE i.slug = ? AND i.archived = 0`
		)
		.get(slug) as Row | undefined;
	if (!ind) return null;
	const id = ind.id as number;

	const geos = (
		sql
			.prepare(
				`SELECT g.id, g.code, g.name, g.level, p.code AS parent_code FROM geography g
				 LEFT JOIN geography p ON p.id = g.parent_id
				 WHERE g.id IN (SELECT geography_id FROM observation_latest WHERE indicator_id = ?)
				 ORDER BY g.level = 'kommun', g.code`
			)
			.all(id) as Row[]
	).map(geoFrom);
	const byCode = new Map(geos.map((g) => [g.code, g]));

	const goals = (
		sql
			.prepare(
				`SELECT o.slug AS org_slug, o.name AS org_name, p.slug AS plan_slug, p.name AS plan_name, p.id AS plan_id,
				   g.id AS goal_id, g.label, g.number, g.title, pg.code AS plan_geo
				 FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id JOIN plan p ON p.id = g.plan_id
				 JOIN organisation o ON o.id = p.organisation_id LEFT JOIN geography pg ON pg.id = p.geography_id
				 WHERE gi.indicator_id = ? AND g.archived = 0 AND p.archived = 0 ORDER BY o.sort_order, p.sort_order, g.id`
			)
			.all(id) as Row[]
	);

	// Focus: what the reader asked for, else the geography of a plan that follows the indicator, else riket.
	const preferred = [asked.focus, ...goals.map((g) => g.plan_geo as string | null), '00'];
	const focus = preferred.map((c) => (c ? byCode.get(c) : undefined)).find(Boolean) ?? geos[0];
	if (!focus) return emptyPage(db, ind, asked, goals);

	const riket = byCode.get('00') ?? null;
	const focusLanCode = focus.level === 'kommun' ? focus.parentCode : focus.level === 'lan' ? focus.code : null;
	// By default compare a share or rate with riket (and a kommun with its län); a count compares with nothing.
	const defaultCompare = isComparableAcrossAreas(ind.unit as string | null)
		? [
				...(focus.level === 'kommun' && focusLanCode && byCode.has(focusLanCode) ? [focusLanCode] : []),
				...(riket && focus.code !== '00' ? ['00'] : [])
			]
		: [];
	const compare = (asked.compare ?? defaultCompare).filter((c) => c !== focus.code && byCode.has(c));

	const sexes = (sql.prepare('SELECT DISTINCT sex FROM observation_latest WHERE indicator_id = ? ORDER BY sex DESC').all(id) as Row[]).map(
		(r) => r.sex as Sex
	);
	const sex: Sex = sexes.includes(asked.sex) ? asked.sex : sexes.includes('T') ? 'T' : (sexes[0] ?? 'T');

	const years = (
		sql
			.prepare(`SELECT DISTINCT CAST(substr(period_end, 1, 4) AS INTEGER) AS y FROM observation WHERE indicator_id = ? AND sex = ? ORDER BY y`)
			.all(id, sex) as Row[]
	).map((r) => r.y as number);
	const from = asked.from ?? years[0] ?? null;
	const to = asked.to ?? years.at(-1) ?? null;

	const named = [focus, ...compare.map((c) => byCode.get(c)!)];
	// `context=all`: every other geography with values, after the chosen ones (riket first, then län, then kommuner).
	const namedCodes = new Set(named.map((g) => g.code));
	const chosen = asked.context === 'all' ? [...named, ...geos.filter((g) => !namedCodes.has(g.code))] : named;
	const rows = sql
		.prepare(
			`SELECT geography_id, period, value, text_value, missing_symbol, printed, batch_id FROM observation
			 WHERE indicator_id = ? AND sex = ? AND geography_id IN (SELECT value FROM json_each(?))
			   AND CAST(substr(period_end, 1, 4) AS INTEGER) BETWEEN ? AND ?
			 ORDER BY period_end, period_start`
		)
		.all(id, sex, JSON.stringify(chosen.map((g) => g.id)), from ?? 0, to ?? 9999) as Row[];
	// Grouped once: filtering the rows per geography is quadratic with 312 series (Map.groupBy needs Node 21).
	const byGeo = new Map<number, Row[]>();
	for (const r of rows) {
		const list = byGeo.get(r.geography_id as number);
		if (list) list.push(r);
		else byGeo.set(r.geography_id as number, [r]);
	}
	const series: GeoSeries[] = chosen.map((geo) => ({
		geo,
		role: !namedCodes.has(geo.code) ? 'context' : geo.code === focus.code ? 'focus' : geo.code === '00' ? 'riket' : 'compare',
		points: (byGeo.get(geo.id) ?? []).map((r) => ({
			period: r.period as string,
			value: (r.value as number) ?? null,
			textValue: (r.text_value as string) ?? null,
			missingSymbol: (r.missing_symbol as MissingSymbol) ?? null,
			printed: (r.printed as string) ?? null
		}))
	}));

	const bars = barData(db, id, sex, geos, focus, focusLanCode, asked.year);

	const targets = (sql.prepare('SELECT * FROM target WHERE indicator_id = ? ORDER BY rank, goal_id IS NOT NULL, id').all(id) as Row[]).map(
		(t) => ({
			kind: t.kind as TargetKind,
			value: (t.value as number) ?? null,
			valueHigh: (t.value_high as number) ?? null,
			reference: (t.reference as string) ?? null,
			basePeriod: (t.base_period as string) ?? null,
			targetPeriod: (t.target_period as string) ?? null,
			benchmark: (t.benchmark as string) ?? null,
			wording: t.wording as string,
			rank: t.rank as number
		})
	);

	const provenance = provenanceOf(db, rows, chosen);
	const focusRow = sql
		.prepare(
			`SELECT period, batch_id FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ?
			 ORDER BY period_end DESC, period_start DESC LIMIT 1`
		)
		.get(id, focus.id, sex) as Row | undefined;
	const focusLatest = focusRow ? { period: focusRow.period as string, origin: batchRefs(db, [focusRow.batch_id as number | null]).get(focusRow.batch_id as number) ?? null } : null;
	const updated = sql
		.prepare('SELECT max(imported_at) AS at FROM import_batch WHERE id IN (SELECT DISTINCT batch_id FROM observation WHERE indicator_id = ?)')
		.get(id) as Row;
	const latest = sql
		.prepare('SELECT period FROM observation_latest WHERE indicator_id = ? ORDER BY period_end DESC, period_start DESC LIMIT 1')
		.get(id) as Row | undefined;

	return {
		indicator: indicatorMeta(ind),
		provenance,
		focusLatest,
		lastUpdated: (updated.at as string) ?? null,
		latestPeriod: (latest?.period as string) ?? null,
		sexes,
		state: { ...asked, focus: focus.code, compare, sex, from, to, year: bars.period ? Number(bars.period.slice(0, 4)) : asked.year },
		focus,
		options: {
			riket,
			lan: geos.filter((g) => g.level === 'lan'),
			kommuner: geos.filter((g) => g.level === 'kommun' && g.parentCode === focusLanCode),
			other: geos.filter((g) => g.level === 'exempel')
		},
		years,
		series,
		bars,
		targets,
		goals: goals.map((g) => ({
			orgSlug: g.org_slug as string,
			orgName: g.org_name as string,
			planSlug: g.plan_slug as string,
			planName: g.plan_name as string,
			goalId: g.goal_id as number,
			label: (g.label as string) ?? null,
			title: g.title as string
		})),
		assessments: assessmentsFor(db, id, goals)
	};
}

function batchRefs(db: Db, ids: (number | null)[]): Map<number, BatchRef> {
	const wanted = ids.filter((i): i is number => i !== null);
	const out = new Map<number, BatchRef>();
	if (wanted.length === 0) return out;
	const rows = db.$client
		.prepare('SELECT id, source, file_name, imported_at FROM import_batch WHERE id IN (SELECT value FROM json_each(?))')
		.all(JSON.stringify(wanted)) as Row[];
	for (const b of rows) out.set(b.id as number, { source: b.source as string, fileName: (b.file_name as string) ?? null, importedAt: b.imported_at as string });
	return out;
}

/** The batches behind the rows shown (ordered by period), newest import first. Values without a batch are left out. */
function provenanceOf(db: Db, rows: Row[], chosen: GeoRef[]): Provenance[] {
	const per = new Map<number, { values: number; first: string; last: string; geos: Set<number> }>();
	for (const r of rows) {
		const id = r.batch_id as number | null;
		if (id === null) continue;
		const p = per.get(id);
		if (p) {
			p.values++;
			p.last = r.period as string;
			p.geos.add(r.geography_id as number);
		} else per.set(id, { values: 1, first: r.period as string, last: r.period as string, geos: new Set([r.geography_id as number]) });
	}
	const refs = batchRefs(db, [...per.keys()]);
	// Newest import first; batch ids grow with time, so they break ties within one millisecond.
	return [...per.entries()]
		.sort(([a], [b]) => refs.get(b)!.importedAt.localeCompare(refs.get(a)!.importedAt) || b - a)
		.map(([id, p]) => ({
			...refs.get(id)!,
			values: p.values,
			firstPeriod: p.first,
			lastPeriod: p.last,
			geographies: chosen.filter((g) => p.geos.has(g.id)).map((g) => g.name)
		}));
}

function indicatorMeta(ind: Row): IndicatorPage['indicator'] {
	return {
		id: ind.id as number,
		slug: ind.slug as string,
		name: ind.name as string,
		definition: (ind.definition as string) ?? null,
		unit: (ind.unit as string) ?? null,
		decimals: ind.decimals as number,
		direction: ind.direction as Direction,
		source: (ind.source as string) ?? null,
		attribution: (ind.attribution as string) ?? null,
		frequency: ind.frequency as string,
		isExample: ind.is_example === 1,
		owner: ind.org_slug ? { slug: ind.org_slug as string, name: ind.org_name as string } : null
	};
}

/** An indicator without any observation still has a page: its metadata, targets and goals. */
function emptyPage(db: Db, ind: Row, asked: IndicatorViewState, goals: Row[]): IndicatorPage {
	const none: GeoRef = { id: -1, code: '', name: '', level: 'riket', parentCode: null };
	return {
		indicator: indicatorMeta(ind),
		provenance: [],
		focusLatest: null,
		lastUpdated: null,
		latestPeriod: null,
		sexes: [],
		state: { ...asked, focus: '', compare: [] },
		focus: none,
		options: { riket: null, lan: [], kommuner: [], other: [] },
		years: [],
		series: [],
		bars: { period: null, kommuner: [], lan: [], focusLan: null, riket: null, lanValue: null },
		targets: (db.$client.prepare('SELECT * FROM target WHERE indicator_id = ? ORDER BY rank, id').all(ind.id) as Row[]).map((t) => ({
			kind: t.kind as TargetKind,
			value: (t.value as number) ?? null,
			valueHigh: (t.value_high as number) ?? null,
			reference: (t.reference as string) ?? null,
			basePeriod: (t.base_period as string) ?? null,
			targetPeriod: (t.target_period as string) ?? null,
			benchmark: (t.benchmark as string) ?? null,
			wording: t.wording as string,
			rank: t.rank as number
		})),
		goals: goals.map((g) => ({
			orgSlug: g.org_slug as string,
			orgName: g.org_name as string,
			planSlug: g.plan_slug as string,
			planName: g.plan_name as string,
			goalId: g.goal_id as number,
			label: (g.label as string) ?? null,
			title: g.title as string
		})),
		assessments: assessmentsFor(db, ind.id as number, goals)
	};
}

/** One period's values for the bar charts: the focus län's kommuner, all län, and riket and the län as references. */
function barData(db: Db, indicatorId: number, sex: Sex, geos: GeoRef[], focus: GeoRef, focusLanCode: string | null, askedYear: number | null) {
	const sql = db.$client;
	const focusPeriods = (
		sql
			.prepare(`SELECT period FROM observation WHERE indicator_id = ? AND sex = ? AND geography_id = ? AND value IS NOT NULL ORDER BY period_end DESC`)
			.all(indicatorId, sex, focus.id) as Row[]
	).map((r) => r.period as string);
	const period = (askedYear !== null && focusPeriods.find((p) => p.startsWith(String(askedYear)))) || focusPeriods[0] || null;
	const empty = { period, kommuner: [], lan: [], focusLan: null, riket: null, lanValue: null };
	if (!period) return empty;
	const values = new Map(
		(
			sql
				// The geographies named, so each value is a primary-key look-up (not a scan of the indicator's rows);
				// CROSS JOIN keeps the list as the outer loop.
				.prepare(
					`SELECT o.geography_id, o.value, o.missing_symbol FROM json_each(?) j
					 CROSS JOIN observation o ON o.indicator_id = ? AND o.geography_id = j.value AND o.sex = ? AND o.period = ?`
				)
				.all(JSON.stringify(geos.map((g) => g.id)), indicatorId, sex, period) as Row[]
		).map((r) => [r.geography_id as number, { value: (r.value as number) ?? null, missingSymbol: (r.missing_symbol as MissingSymbol) ?? null }])
	);
	const bar = (geo: GeoRef): BarValue => ({ geo, value: values.get(geo.id)?.value ?? null, missingSymbol: values.get(geo.id)?.missingSymbol ?? null });
	const focusLan = focusLanCode ? (geos.find((g) => g.code === focusLanCode) ?? null) : null;
	const riket = geos.find((g) => g.code === '00');
	return {
		period,
		kommuner: focusLan ? geos.filter((g) => g.level === 'kommun' && g.parentCode === focusLan.code).map(bar) : [],
		lan: geos.filter((g) => g.level === 'lan').map(bar),
		focusLan,
		riket: riket ? bar(riket) : null,
		lanValue: focusLan ? bar(focusLan) : null
	};
}

/** The indicator's assessment in the latest published period of every plan that follows it. */
function assessmentsFor(db: Db, indicatorId: number, goals: Row[]) {
	const sql = db.$client;
	const plans = [...new Map(goals.map((g) => [g.plan_id as number, g])).values()];
	const out: IndicatorPage['assessments'] = [];
	for (const g of plans) {
		const row = sql
			.prepare(
				`SELECT a.*, p.label AS period_label FROM assessment a JOIN follow_up_period p ON p.id = a.period_id
				 WHERE p.plan_id = ? AND p.state = 'published' AND a.indicator_id = ? ORDER BY p.end_date DESC LIMIT 1`
			)
			.get(g.plan_id, indicatorId) as Row | undefined;
		const assessment = assessmentFrom(row);
		if (row && assessment) {
			out.push({ orgSlug: g.org_slug as string, planSlug: g.plan_slug as string, planName: g.plan_name as string, periodLabel: row.period_label as string, assessment });
		}
	}
	return out;
}
