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

	const latest = sql
		.prepare(
			`SELECT i.id, i.slug, i.name, i.unit, i.decimals, i.direction, i.attribution, i.neutral_band, o.period, o.value FROM (
			   SELECT indicator_id, period, value,
			     row_number() OVER (PARTITION BY indicator_id ORDER BY period_end DESC, period_start DESC) AS rn
			   FROM observation WHERE geography_id = ? AND sex = 'T'
			 ) o JOIN indicator i ON i.id = o.indicator_id
			 WHERE o.rn = 1 AND i.archived = 0 ORDER BY i.name`
		)
		.all(kommun.id) as Row[];
	const valuesAt = sql.prepare(
		`SELECT geography_id, value FROM observation WHERE indicator_id = ? AND period = ? AND sex = 'T'
		 AND geography_id IN (SELECT value FROM json_each(?))`
	);
	const geoIds = JSON.stringify([kommun.id, kommun.lan_id, riket?.id ?? -1, ...siblings.map((s) => s.id)]);

	const indicators = latest.map((r): KommunIndicator => {
		const values = new Map((valuesAt.all(r.id, r.period, geoIds) as Row[]).map((v) => [v.geography_id as number, (v.value as number) ?? null]));
		const direction = r.direction as Direction;
		const value = (r.value as number) ?? null;
		const peers = siblings.map((s) => values.get(s.id as number)).filter((v): v is number => v !== null && v !== undefined);
		const better = (a: number, b: number) => (direction === 'down' ? a - b : b - a);
		const rank = value === null ? null : [...peers].sort(better).indexOf(value) + 1 || null;
		const p = parsePeriod(r.period as string);
		const prevCode = isPeriod(p) ? previousPeriod(p).code : null;
		const previous = prevCode ? ((valuesAt.all(r.id, prevCode, JSON.stringify([kommun.id])) as Row[])[0]?.value as number | undefined) ?? null : null;
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
			lan: values.get(kommun.lan_id as number) ?? null,
			riket: riket ? (values.get(riket.id as number) ?? null) : null,
			rank,
			of: peers.length,
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
