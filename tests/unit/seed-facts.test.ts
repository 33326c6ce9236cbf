/**
 * Facts of the real demo data after seeding, checked against the printed documents
 * (Region Örebro län, verksamhetsberättelse 2019; Region Jämtland Härjedalen, RUS 2050; Kolada).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { seededDb } from '../helpers/db';

let db: Db;
const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];

beforeAll(() => {
	db = seededDb();
});

const OREBRO_PLAN = `(SELECT p.id FROM plan p JOIN organisation o ON o.id = p.organisation_id
	WHERE o.slug = 'region-orebro-lan' AND p.slug = 'rtn-verksamhetsplan-2019')`;

describe('geographies', () => {
	it('has riket, 21 län and 290 kommuner with SCB codes and Kolada ids', () => {
		const counts = all<{ level: string; n: number }>('SELECT level, count(*) AS n FROM geography GROUP BY level');
		expect(Object.fromEntries(counts.map((c) => [c.level, c.n]))).toMatchObject({ riket: 1, lan: 21, kommun: 290 });
		expect(one('SELECT code, kolada_id, name, level FROM geography WHERE code = ?', '23')).toEqual({
			code: '23',
			kolada_id: '0023',
			name: 'Jämtlands län',
			level: 'lan'
		});
		const ostersund = one<{ name: string; parent: string }>(
			`SELECT g.name, p.code AS parent FROM geography g JOIN geography p ON p.id = g.parent_id WHERE g.code = '2380'`
		);
		expect(ostersund).toEqual({ name: 'Östersund', parent: '23' });
	});
});

describe('Region Örebro län, verksamhetsberättelse 2019', () => {
	it('has 16 goals, 48 indicator links and 18 uppdrag', () => {
		expect(one<{ n: number }>(`SELECT count(*) AS n FROM goal WHERE plan_id = ${OREBRO_PLAN} AND depth = 2`).n).toBe(16);
		expect(
			one<{ n: number }>(
				`SELECT count(*) AS n FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ${OREBRO_PLAN}`
			).n
		).toBe(48);
		expect(one<{ n: number }>(`SELECT count(*) AS n FROM uppdrag WHERE plan_id = ${OREBRO_PLAN}`).n).toBe(18);
	});

	it('keeps the 8 avsnitt in printed order and the printed Nr of the inriktningsmål, gaps included', () => {
		const avsnitt = all<{ number: string }>(`SELECT number FROM goal WHERE plan_id = ${OREBRO_PLAN} AND depth = 0 ORDER BY sort_order`);
		expect(avsnitt.map((a) => a.number)).toEqual(['3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9']);
		const numbers = all<{ number: string }>(
			`SELECT number FROM goal WHERE plan_id = ${OREBRO_PLAN} AND depth = 2 AND origin = 'council' ORDER BY id`
		).map((g) => g.number);
		expect(numbers).toEqual(['Nr 1', 'Nr 2', 'Nr 3', 'Nr 19', 'Nr 20', 'Nr 21', 'Nr 22', 'Nr 23', 'Nr 24', 'Nr 26', 'Nr 33', 'Nr 34', 'Nr 36']);
		expect(one<{ n: number }>(`SELECT count(*) AS n FROM goal WHERE plan_id = ${OREBRO_PLAN} AND depth = 2 AND origin = 'committee'`).n).toBe(3);
	});

	it('gives the jämställdhetsintegrerade indicator under Nr 2 utfall 58 % and an increase target', () => {
		const row = one<Record<string, unknown>>(
			`SELECT i.unit, o.value, o.printed, o.period, t.kind, t.wording
			 FROM indicator i
			 JOIN goal_indicator gi ON gi.indicator_id = i.id JOIN goal g ON g.id = gi.goal_id
			 JOIN observation o ON o.indicator_id = i.id
			 JOIN target t ON t.indicator_id = i.id AND t.rank = 0
			 WHERE g.number = 'Nr 2' AND g.plan_id = ${OREBRO_PLAN}
			   AND i.name = 'Andel handlingsplaner och understrategier kopplade till RUS som är jämställdhetsintegrerade ska öka.'`
		);
		expect(row).toMatchObject({ unit: '%', value: 58, printed: '58%', period: '2019', kind: 'increase', wording: 'ska öka' });
	});

	it('takes "Antal informationstillfällen" from the comment: 37 for 2019 and 13 for 2018, printed text kept', () => {
		const rows = all<{ period: string; value: number; printed: string }>(
			`SELECT o.period, o.value, o.printed FROM observation o JOIN indicator i ON i.id = o.indicator_id
			 WHERE i.name LIKE 'Antal informationstillfällen%' ORDER BY o.period`
		);
		expect(rows).toEqual([
			{ period: '2018', value: 13, printed: '13 st 2018' },
			{ period: '2019', value: 37, printed: '37 st' }
		]);
	});

	it('puts only Uppdrag 46 under avsnitt 3.7 Digitalisering, with no goals below its övergripande mål', () => {
		const area = one<{ id: number }>(`SELECT id FROM goal WHERE plan_id = ${OREBRO_PLAN} AND number = '3.7'`);
		expect(all<{ label: string }>('SELECT label FROM uppdrag WHERE goal_id = ?', area.id)).toEqual([{ label: 'Uppdrag 46.' }]);
		expect(
			one<{ n: number }>('SELECT count(*) AS n FROM goal WHERE parent_id IN (SELECT id FROM goal WHERE parent_id = ?)', area.id).n
		).toBe(0);
	});

	it('links one indicator to two goals where the document repeats it', () => {
		const shared = all<{ name: string; goals: number }>(
			`SELECT i.name, count(*) AS goals FROM goal_indicator gi JOIN indicator i ON i.id = gi.indicator_id
			 JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ${OREBRO_PLAN} GROUP BY i.id HAVING goals > 1`
		);
		expect(shared.map((s) => s.name.slice(0, 30)).sort()).toEqual(['Internationaliseringsgrad, and', 'Utbildningsnivå, eftergymnasia']);
	});

	it('splits values by sex where the comment does ("79,5 procent av flickorna")', () => {
		const rows = all<{ sex: string; value: number }>(
			`SELECT o.sex, o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id
			 WHERE i.name LIKE 'Andelen elever med behörighet%' AND o.period = '2019' ORDER BY o.sex`
		);
		expect(rows).toEqual([
			{ sex: 'K', value: 79.5 },
			{ sex: 'M', value: 76.2 },
			{ sex: 'T', value: 77.8 }
		]);
	});

	it('invents no colours: goals and uppdrag keep their comments but have no colour', () => {
		const coloured = one<{ n: number }>(
			`SELECT count(*) AS n FROM assessment a JOIN follow_up_period p ON p.id = a.period_id
			 WHERE p.plan_id = ${OREBRO_PLAN} AND (a.goal_id IS NOT NULL OR a.uppdrag_id IS NOT NULL) AND a.colour IS NOT NULL`
		);
		expect(coloured.n).toBe(0);
		const commented = one<{ n: number }>(
			`SELECT count(*) AS n FROM assessment a JOIN follow_up_period p ON p.id = a.period_id
			 WHERE p.plan_id = ${OREBRO_PLAN} AND a.uppdrag_id IS NOT NULL AND a.comment IS NOT NULL`
		);
		expect(commented.n).toBe(18);
	});

	it('computes what the rules can: the result of at least zero is green, with the reason', () => {
		const a = one<{ colour: string; source: string; explanation: string }>(
			`SELECT a.colour, a.source, a.explanation FROM assessment a JOIN indicator i ON i.id = a.indicator_id
			 WHERE i.name = 'Resultatet ska under 2019 uppgå till minst noll.'`
		);
		expect(a.colour).toBe('green');
		expect(a.source).toBe('computed');
		expect(JSON.parse(a.explanation).sv).toMatch(/3,9/);
	});
});

describe('Region Jämtland Härjedalen, RUS 2050 with Kolada series', () => {
	it('has the goal tree with its own level names', () => {
		const plan = one<{ id: number; level_names: string }>(`SELECT id, level_names FROM plan WHERE slug = 'rus-jamtlands-lan-2050'`);
		expect(JSON.parse(plan.level_names)).toEqual(['Långsiktigt mål', 'Långsiktig prioritering', 'Styrkeområde']);
		const depths = all<{ depth: number; n: number }>('SELECT depth, count(*) AS n FROM goal WHERE plan_id = ? GROUP BY depth', plan.id);
		expect(depths).toEqual([
			{ depth: 0, n: 1 },
			{ depth: 1, n: 3 },
			{ depth: 2, n: 4 }
		]);
	});

	it('loads Kolada population for riket, län and kommun, also by sex, with attribution', () => {
		const value = (code: string, year: string, sex = 'T') =>
			one<{ value: number }>(
				`SELECT o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN geography g ON g.id = o.geography_id
				 WHERE i.external_code = 'N01951' AND g.code = ? AND o.period = ? AND o.sex = ?`,
				code,
				year,
				sex
			).value;
		expect(value('23', '2022')).toBe(132670);
		expect(value('2380', '1994')).toBeGreaterThan(50000);
		expect(value('23', '2022', 'K') + value('23', '2022', 'M')).toBe(value('23', '2022'));
		const ind = one<{ attribution: string; n: number }>(
			`SELECT attribution, (SELECT count(DISTINCT geography_id) FROM observation WHERE indicator_id = i.id) AS n
			 FROM indicator i WHERE external_code = 'N01951'`
		);
		expect(ind).toEqual({ attribution: 'Källa: Kolada', n: 312 });
	});

	it('marks unemployment as lower-is-better', () => {
		expect(one<{ direction: string }>(`SELECT direction FROM indicator WHERE external_code = 'N03920'`).direction).toBe('down');
	});
});

describe('Exempelregionen', () => {
	it('is labelled as example data and covers every colour, trend and indicator status', () => {
		expect(one<{ is_example: number }>(`SELECT is_example FROM organisation WHERE slug = 'exempelregionen'`).is_example).toBe(1);
		const seen = (col: string) =>
			all<{ v: string }>(
				`SELECT DISTINCT a.${col} AS v FROM assessment a JOIN follow_up_period p ON p.id = a.period_id
				 JOIN plan pl ON pl.id = p.plan_id WHERE pl.slug = 'verksamhetsplan-2025' AND a.${col} IS NOT NULL`
			)
				.map((r) => r.v)
				.sort();
		expect(seen('colour')).toEqual(['green', 'red', 'yellow']);
		expect(seen('trend')).toEqual(['improved', 'unchanged', 'worsened']);
		expect(seen('indicator_status')).toEqual(['full', 'missing', 'none', 'partial']);
		const kinds = all<{ kind: string }>(
			`SELECT DISTINCT t.kind FROM target t JOIN indicator i ON i.id = t.indicator_id
			 JOIN organisation o ON o.id = i.organisation_id WHERE o.slug = 'exempelregionen'`
		).map((r) => r.kind);
		expect(kinds.sort()).toEqual(['benchmark', 'decrease', 'improve', 'increase', 'max', 'min', 'range', 'report']);
	});

	it('never puts example values on a real geography other than as labelled riket comparison', () => {
		const real = one<{ n: number }>(
			`SELECT count(*) AS n FROM observation o JOIN indicator i ON i.id = o.indicator_id
			 JOIN organisation org ON org.id = i.organisation_id JOIN geography g ON g.id = o.geography_id
			 WHERE org.is_example = 1 AND g.level IN ('lan', 'kommun')`
		);
		expect(real.n).toBe(0);
	});
});
