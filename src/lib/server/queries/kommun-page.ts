/**
 * One kommun: every indicator that has kommun data, its latest value against the län and riket for the same
 * period, its rank among the län's kommuner (best first where the indicator has a direction) and its trend.
 */
import type { Db } from '../db/client';
import type { Direction, Movement, Trend } from '../../domain/types';
import { computeTrend } from '../../domain/trend';
import { isPeriod, parsePeriod, previousPeriod } from '../../domain/period';
import type { Row } from './shared';

export interface KommunIndicator {
	slug: string;
	name: string;
	unit: string | null;
	decimals: number;
	direction: Direction;
	attribution: string | null;
	period: string;
	value: number | null;
	lan: number | null;
	riket: number | null;
	rank: number | null;
	of: number;
	trend: Trend | null;
	movement: Movement | null;
	previous: number | null;
}

export interface KommunPage {
	kommun: { code: string; name: string };
	lan: { code: string; name: string };
	neighbours: { code: string; name: string }[];
	organisations: { slug: string; name: string }[];
	indicators: KommunIndicator[];
}

export function getKommunPage(db: Db, code: string): KommunPage | null {
	const sql = db.$client;
	const kommun = sql
		.prepare(
			`SELECT g.id, g.code, g.name, p.id AS lan_id, p.code AS lan_code, p.name AS lan_name
			 FROM geography g JOIN geography p ON p.id = g.parent_id WHERE g.code = ? AND g.level = 'kommun'`
		)
		.get(code) as Row | undefined;
	if (!kommun) return null;
	const riket = sql.prepare(`SELECT id FROM geography WHERE level = 'riket'`).get() as Row | undefined;
	const siblings = sql.prepare(`SELECT id, code, name FROM geography WHERE parent_id = ? AND level = 'kommun' ORDER BY name`).all(kommun.lan_id) as Row[];

	// The kommun's latest value of every indicator: one row per series in observation_latest (issue 7: ranking
	// the kommun's observations read every row of the table on the national database).
	const latest = sql
		.prepare(
			`SELECT i.id, i.slug, i.name, i.unit, i.decimals, i.direction, i.attribution, i.neutral_band, l.period, l.value
			 FROM observation_latest l JOIN indicator i ON i.id = l.indicator_id
			 WHERE l.geography_id = ? AND l.sex = 'T' AND i.archived = 0 ORDER BY i.name`
		)
		.all(kommun.id) as Row[];
	// Per indicator, in SQL (500 indicators × 28 geographies would be 14 000 rows to hand to JavaScript): the
	// län's and riket's value and the rank among the län's kommuner, from the latest rows, where they are of the
	// kommun's period (`mismatched` = 0). Ranking as before: 1 + the kommuner with a strictly better value.
	const geoList = JSON.stringify([kommun.lan_id, riket?.id ?? -1, ...siblings.map((s) => s.id)]);
	const compared = new Map(
		(
			sql
				.prepare(
					`SELECT k.indicator_id AS id, sum(p.period <> k.period) AS mismatched,
					   max(CASE WHEN j.key = 0 THEN p.value END) AS lan, max(CASE WHEN j.key = 1 THEN p.value END) AS riket,
					   sum(j.key >= 2 AND p.value IS NOT NULL) AS peers,
					   sum(j.key >= 2 AND CASE i.direction WHEN 'down' THEN p.value < k.value ELSE p.value > k.value END) AS better
					 FROM observation_latest k JOIN indicator i ON i.id = k.indicator_id
					 CROSS JOIN json_each(?) j
					 CROSS JOIN observation_latest p ON p.geography_id = j.value AND p.sex = 'T' AND p.indicator_id = k.indicator_id
					 WHERE k.geography_id = ? AND k.sex = 'T' AND i.archived = 0 GROUP BY k.indicator_id`
				)
				.all(geoList, kommun.id) as Row[]
		).map((c) => [c.id as number, c])
	);
	const valueAt = sql.prepare(`SELECT value FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = 'T' AND period = ?`);
	/** Where some geography's latest row is of another period: its value at the kommun's period, by key. */
	const comparedAt = (indicatorId: number, period: string, direction: Direction, value: number | null) => {
		const at = (g: unknown) => (valueAt.get(indicatorId, g, period) as Row | undefined)?.value as number | null | undefined;
		const peers = siblings.map((s) => at(s.id)).filter((v): v is number => v !== null && v !== undefined);
		const better = peers.filter((v) => (direction === 'down' ? v < value! : v > value!)).length;
		return { lan: at(kommun.lan_id) ?? null, riket: riket ? (at(riket.id) ?? null) : null, peers: peers.length, better };
	};

	const indicators = latest.map((r): KommunIndicator => {
		const direction = r.direction as Direction;
		const value = (r.value as number) ?? null;
		const c = compared.get(r.id as number);
		const cmp =
			c && c.mismatched === 0
				? { lan: (c.lan as number) ?? null, riket: (c.riket as number) ?? null, peers: c.peers as number, better: (c.better as number) ?? 0 }
				: comparedAt(r.id as number, r.period as string, direction, value);
		// The kommun is one of the peers, so a value always has a rank.
		const rank = value === null ? null : cmp.better + 1;
		const p = parsePeriod(r.period as string);
		const prevCode = isPeriod(p) ? previousPeriod(p).code : null;
		const previous = prevCode ? (((valueAt.get(r.id, kommun.id, prevCode) as Row | undefined)?.value as number | undefined) ?? null) : null;
		const trend = computeTrend(value, previous, direction, (r.neutral_band as number) ?? undefined);
		return {
			slug: r.slug as string,
			name: r.name as string,
			unit: (r.unit as string) ?? null,
			decimals: r.decimals as number,
			direction,
			attribution: (r.attribution as string) ?? null,
			period: r.period as string,
			value,
			lan: cmp.lan,
			riket: cmp.riket,
			rank,
			of: cmp.peers,
			trend: trend.trend,
			movement: trend.movement,
			previous
		};
	});

	const organisations = sql
		.prepare(`SELECT slug, name FROM organisation WHERE geography_id = ? ORDER BY sort_order, name`)
		.all(kommun.lan_id) as Row[];

	return {
		kommun: { code: kommun.code as string, name: kommun.name as string },
		lan: { code: kommun.lan_code as string, name: kommun.lan_name as string },
		neighbours: siblings.filter((s) => s.id !== kommun.id).map((s) => ({ code: s.code as string, name: s.name as string })),
		organisations: organisations.map((o) => ({ slug: o.slug as string, name: o.name as string })),
		indicators
	};
}
