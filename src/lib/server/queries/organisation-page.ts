/**
 * "Läget i länet" for one organisation: its plans, for each plan the areas with a compact status summary
 * for the latest published period, the 3.1-style summary table, and key figures for the län with trend.
 */
import { isFollowedUp } from '../../domain/followed-up';
import type { Db } from '../db/client';
import type { Colour, Direction, Origin, Trend } from '../../domain/types';
import { countColours, summarise, type ColourCounts, type SummaryRow } from '../../domain/summary';
import { computeTrend } from '../../domain/trend';
import { previousPeriod, parsePeriod, isPeriod } from '../../domain/period';
import { latestValues, publishedPeriods, seriesFor, type LatestValue, type Row, type SeriesPoint } from './shared';

export interface AreaSummary {
	id: number;
	number: string | null;
	label: string | null;
	title: string;
	goals: ColourCounts;
	indicators: ColourCounts;
	uppdrag: ColourCounts;
}

export interface PlanOverview {
	slug: string;
	name: string;
	kind: string;
	levelNames: string[];
	period: { slug: string; label: string } | null;
	areas: AreaSummary[];
	summary: SummaryRow[];
}

export interface KeyFigure {
	slug: string;
	name: string;
	unit: string | null;
	decimals: number;
	direction: Direction;
	attribution: string | null;
	latest: LatestValue;
	trend: Trend | null;
	movement: 'up' | 'flat' | 'down' | null;
	previous: { period: string; value: number } | null;
	series: SeriesPoint[];
}

export interface OrganisationPage {
	organisation: { slug: string; name: string; description: string | null; isExample: boolean };
	geography: { code: string; name: string; level: string } | null;
	plans: PlanOverview[];
	keyFigures: KeyFigure[];
	/** The kommuner of the organisation's län, for the kommun pages. */
	kommuner: { code: string; name: string }[];
}

export function getOrganisationPage(db: Db, orgSlug: string): OrganisationPage | null {
	const sql = db.$client;
	const org = sql
		.prepare(
			`SELECT o.*, g.code AS geo_code, g.name AS geo_name, g.level AS geo_level
			 FROM organisation o LEFT JOIN geography g ON g.id = o.geography_id WHERE o.slug = ?`
		)
		.get(orgSlug) as Row | undefined;
	if (!org) return null;

	const plans = (sql.prepare('SELECT * FROM plan WHERE organisation_id = ? AND archived = 0 ORDER BY sort_order, name').all(org.id) as Row[]).map((p) =>
		planOverview(db, p)
	);

	return {
		organisation: {
			slug: org.slug as string,
			name: org.name as string,
			description: (org.description as string) ?? null,
			isExample: org.is_example === 1
		},
		geography: org.geo_code
			? { code: org.geo_code as string, name: org.geo_name as string, level: org.geo_level as string }
			: null,
		plans,
		keyFigures: org.geography_id ? keyFigures(db, org.geography_id as number) : [],
		kommuner: org.geography_id
			? (sql.prepare(`SELECT code, name FROM geography WHERE parent_id = ? AND level = 'kommun' ORDER BY name`).all(org.geography_id) as {
					code: string;
					name: string;
				}[])
			: []
	};
}

function planOverview(db: Db, p: Row): PlanOverview {
	const sql = db.$client;
	const planId = p.id as number;
	const levelNames = JSON.parse(p.level_names as string) as string[];
	const period = publishedPeriods(db, planId).at(-1) ?? null;
	const goals = sql
		.prepare('SELECT id, parent_id, depth, number, label, title, origin FROM goal WHERE plan_id = ? AND archived = 0 ORDER BY depth, sort_order, id')
		.all(planId) as Row[];
	const assessments = period ? (sql.prepare('SELECT * FROM assessment WHERE period_id = ?').all(period.id) as Row[]) : [];
	const colourOf = (key: 'goal_id' | 'uppdrag_id' | 'indicator_id', id: number) =>
		((assessments.find((a) => a[key] === id)?.colour as Colour) ?? null) as Colour | null;
	const links = sql
		.prepare('SELECT gi.goal_id, gi.indicator_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ?')
		.all(planId) as Row[];
	const uppdrag = sql.prepare('SELECT id, goal_id, origin FROM uppdrag WHERE plan_id = ? AND archived = 0').all(planId) as Row[];

	const children = new Map<number, Row[]>();
	for (const g of goals) if (g.parent_id) children.set(g.parent_id as number, [...(children.get(g.parent_id as number) ?? []), g]);
	const deepest = levelNames.length - 1;
	// Goals that are followed up, counted as the chapter and the printed 3.1 Sammanfattning count them.
	const linked = new Set(links.map((l) => l.goal_id as number));
	const counted = (g: Row) =>
		isFollowedUp({ depth: g.depth as number, hasChildren: children.has(g.id as number), hasIndicators: linked.has(g.id as number) }, deepest);
	const descendants = (id: number): Row[] => (children.get(id) ?? []).flatMap((c) => [c, ...descendants(c.id as number)]);

	const areas = goals
		.filter((g) => g.depth === 0)
		.map((area) => {
			const below = descendants(area.id as number);
			const ids = new Set([area.id as number, ...below.map((g) => g.id as number)]);
			const indicatorIds = [...new Set(links.filter((l) => ids.has(l.goal_id as number)).map((l) => l.indicator_id as number))];
			return {
				id: area.id as number,
				number: (area.number as string) ?? null,
				label: (area.label as string) ?? null,
				title: area.title as string,
				goals: countColours(below.filter(counted).map((g) => colourOf('goal_id', g.id as number))),
				indicators: countColours(indicatorIds.map((id) => colourOf('indicator_id', id))),
				uppdrag: countColours(uppdrag.filter((u) => ids.has(u.goal_id as number)).map((u) => colourOf('uppdrag_id', u.id as number)))
			};
		});

	const summary = summarise([
		...goals.filter(counted).map((g) => ({ type: 'goal' as const, origin: g.origin as Origin, colour: colourOf('goal_id', g.id as number) })),
		...uppdrag.map((u) => ({ type: 'uppdrag' as const, origin: u.origin as Origin, colour: colourOf('uppdrag_id', u.id as number) }))
	]);

	return {
		slug: p.slug as string,
		name: p.name as string,
		kind: p.kind as string,
		levelNames,
		period: period ? { slug: period.slug, label: period.label } : null,
		areas,
		summary
	};
}

/** Shared statistics (Kolada, SCB) that have values for the geography: latest value, trend, series. */
function keyFigures(db: Db, geographyId: number): KeyFigure[] {
	const indicators = db.$client
		.prepare(
			`SELECT i.* FROM indicator i WHERE i.external_source IS NOT NULL AND i.archived = 0
			   AND EXISTS (SELECT 1 FROM observation o WHERE o.indicator_id = i.id AND o.geography_id = ?)
			 ORDER BY i.id`
		)
		.all(geographyId) as Row[];
	const ids = indicators.map((i) => i.id as number);
	const latest = latestValues(db, ids, geographyId);
	const series = seriesFor(db, ids, geographyId);
	const out: KeyFigure[] = [];
	for (const i of indicators) {
		const l = latest.get(i.id as number);
		if (!l) continue;
		const s = series.get(i.id as number) ?? [];
		const p = parsePeriod(l.period);
		const prevCode = isPeriod(p) ? previousPeriod(p).code : null;
		const prev = s.find((x) => x.period === prevCode);
		const t = computeTrend(l.value, prev?.value ?? null, i.direction as Direction, (i.neutral_band as number) ?? undefined);
		out.push({
			slug: i.slug as string,
			name: i.name as string,
			unit: (i.unit as string) ?? null,
			decimals: i.decimals as number,
			direction: i.direction as Direction,
			attribution: (i.attribution as string) ?? null,
			latest: l,
			trend: t.trend,
			movement: t.movement,
			previous: prev && prev.value !== null ? { period: prev.period, value: prev.value } : null,
			series: s.slice(-10)
		});
	}
	return out;
}
