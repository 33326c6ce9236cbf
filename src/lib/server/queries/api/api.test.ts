import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { seededDb } from '../../../../../tests/helpers/db';
import { BOM, toCsv } from '../../api/csv';
import { parseObservationsQuery } from '../../api/params';
import type { ObservationFilter } from '../../api/types';
import { apiAssessments, assessmentsCsv } from './assessments';
import { loadGeographies, loadOrganisationSlugs, loadPlanRefs } from './context';
import { apiGeographies, geographiesCsv } from './geographies';
import { apiGoal, apiUppdrag } from './goals';
import { apiIndicator, apiIndicators, indicatorHead, indicatorsCsv } from './indicators';
import { apiObservations, observationsCsv } from './observations';
import { apiOrganisation, apiOrganisations, organisationsCsv } from './organisations';
import { apiPlan, planGoalsCsv, type ApiGoalNode } from './plans';

let db: Db;
beforeAll(() => {
	db = seededDb();
});

/** Runs `fn` inside a savepoint that is rolled back, so the shared seeded database stays as seeded. */
function withRollback(fn: () => void) {
	db.$client.exec('SAVEPOINT api_test');
	try {
		fn();
	} finally {
		db.$client.exec('ROLLBACK TO api_test; RELEASE api_test');
	}
}

const walk = (nodes: ApiGoalNode[]): ApiGoalNode[] => nodes.flatMap((n) => [n, ...walk(n.children)]);

/** Filter from a query string, exactly as the route parses it. */
function filter(q: string): ObservationFilter {
	const parsed = parseObservationsQuery(q, null, { geographies: loadGeographies(db) });
	if (!parsed.ok) throw new Error(parsed.errors[0].message);
	return parsed.value.filter;
}

const observations = (slug: string, q: string) => apiObservations(db, indicatorHead(db, slug)!, filter(q));

/** Decode a CSV string (BOM stripped) into lines of fields; enough for these unquoted fixtures. */
const lines = (csv: string, sep: string) =>
	csv
		.slice(1)
		.split('\r\n')
		.filter(Boolean)
		.map((l) => l.split(sep));

describe('context', () => {
	it('loads 313 geographies with parents, riket first, and the organisations and plans', () => {
		const geos = loadGeographies(db);
		expect(geos).toHaveLength(313);
		expect(geos[0]).toEqual({ code: '00', koladaId: '0000', name: 'Riket', level: 'riket', parent: null });
		expect(geos.find((g) => g.code === '2380')).toEqual({
			code: '2380',
			koladaId: '2380',
			name: 'Östersund',
			level: 'kommun',
			parent: '23'
		});
		expect(loadOrganisationSlugs(db)).toEqual(['region-orebro-lan', 'region-jamtland-harjedalen', 'exempelregionen']);
		expect(loadPlanRefs(db)).toContainEqual({
			organisation: 'exempelregionen',
			slug: 'verksamhetsplan-2025',
			periods: ['delar-2-2025', 'helar-2025']
		});
	});
});

describe('organisations', () => {
	it('lists the real organisations before the labelled example, with plans and published periods', () => {
		const orgs = apiOrganisations(db);
		expect(orgs.map((o) => [o.slug, o.isExample])).toEqual([
			['region-orebro-lan', false],
			['region-jamtland-harjedalen', false],
			['exempelregionen', true]
		]);
		const jamtland = orgs[1];
		expect(jamtland.geography).toEqual({ code: '23', name: 'Jämtlands län' });
		expect(jamtland.plans[0]).toMatchObject({
			slug: 'rus-jamtlands-lan-2050',
			kind: 'rus',
			startYear: 2021,
			endYear: 2050,
			url: '/api/v1/organisations/region-jamtland-harjedalen/plans/rus-jamtlands-lan-2050'
		});
		expect(jamtland.plans[0].periods.map((p) => p.slug)).toEqual(['helar-2022']);
		expect(orgs[2].plans[0].periods.map((p) => p.label)).toEqual(['Delår 2 2025', 'Helår 2025']);
		expect(apiOrganisation(db, 'exempelregionen')?.isExample).toBe(true);
		expect(apiOrganisation(db, 'finns-inte')).toBeNull();
		const csv = lines(toCsv(organisationsCsv(orgs), { sep: ',', decimal: '.' }), ',');
		expect(csv[0]).toEqual(['organisation', 'name', 'kind', 'is_example', 'geography', 'geography_name', 'plans', 'description']);
		expect(csv[3].slice(0, 5)).toEqual(['exempelregionen', 'Exempelregionen', 'region', 'true', 'EX']);
	});
});

describe('plans', () => {
	it('gives the Örebro goal tree with level names and uppdrag where the plan places them', () => {
		const plan = apiPlan(db, 'region-orebro-lan', 'rtn-verksamhetsplan-2019')!;
		expect(plan.levelNames).toEqual(['Avsnitt', 'Övergripande mål', 'Inriktningsmål']);
		expect(plan.goals.map((g) => g.number)).toEqual(['3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9']);
		expect(plan.goals[0].levelName).toBe('Avsnitt');
		const all = walk(plan.goals);
		expect(all.filter((g) => g.depth === 2)).toHaveLength(16);
		expect(plan.counts).toEqual({ goals: all.length, indicators: 46, uppdrag: 18 });
		const nr2 = all.find((g) => g.number === 'Nr 2')!;
		expect(nr2.levelName).toBe('Inriktningsmål');
		expect(nr2.indicators.map((i) => i.slug)).toContain('andel-handlingsplaner-och-understrategier-kopplade-till-rus');
		expect(plan.goals[0].uppdrag.map((u) => u.label)).toEqual(['Uppdrag 1.', 'Uppdrag 2.']);
		expect(plan.uppdrag).toEqual([]);
		expect(plan.periods).toEqual([
			{
				slug: 'helar-2019',
				label: 'Helår 2019',
				kind: 'helar',
				year: 2019,
				endDate: '2019-12-31',
				assessments: '/api/v1/assessments?organisation=region-orebro-lan&plan=rtn-verksamhetsplan-2019&period=helar-2019'
			}
		]);
	});

	it('gives the Jämtland RUS three levels deep, with the Kolada indicators, and null for unknown plans', () => {
		const plan = apiPlan(db, 'region-jamtland-harjedalen', 'rus-jamtlands-lan-2050')!;
		expect(plan.geography).toEqual({ code: '23', name: 'Jämtlands län' });
		expect(plan.goals).toHaveLength(1);
		const styrkeomraden = walk(plan.goals).filter((g) => g.levelName === 'Styrkeområde').map((g) => g.title);
		expect(styrkeomraden).toEqual(['Jord, skog och vatten', 'Hållbar energi', 'Upplevelser', 'Digitala lösningar']);
		expect(plan.counts.indicators).toBe(5);
		expect(apiPlan(db, 'region-jamtland-harjedalen', 'rtn-verksamhetsplan-2019')).toBeNull();
	});

	it('writes the goal tree as CSV, one goal per row, parents before children', () => {
		const plan = apiPlan(db, 'region-orebro-lan', 'rtn-verksamhetsplan-2019')!;
		const table = planGoalsCsv(plan);
		expect(table.header.slice(0, 6)).toEqual(['organisation', 'plan', 'goal_id', 'parent_id', 'depth', 'level_name']);
		expect(table.rows).toHaveLength(walk(plan.goals).length);
		expect(table.rows[0].slice(4, 7)).toEqual([0, 'Avsnitt', '3.2']);
		expect(table.rows[1][3]).toBe(table.rows[0][2]);
		expect(table.rows[0][11]).toBe('1 2');
	});

	it('shows only published periods', () => {
		withRollback(() => {
			db.$client
				.prepare(
					`INSERT INTO follow_up_period (plan_id, slug, label, kind, year, end_date, state)
					 SELECT id, 'delar-2-2026', 'Delår 2 2026', 'delar', 2026, '2026-08-31', 'open' FROM plan WHERE slug = 'verksamhetsplan-2025'`
				)
				.run();
			const plan = apiPlan(db, 'exempelregionen', 'verksamhetsplan-2025')!;
			expect(plan.periods.map((p) => p.slug)).toEqual(['delar-2-2025', 'helar-2025']);
			expect(loadPlanRefs(db).find((p) => p.slug === 'verksamhetsplan-2025')?.periods).toEqual(['delar-2-2025', 'helar-2025']);
		});
	});
});

describe('goals and uppdrag', () => {
	it('gives a goal with its place in the tree, indicators with targets and assessments per period', () => {
		const goal = apiGoal(db, 42)!;
		expect(goal).toMatchObject({ number: 'Nr 4', levelName: 'Mål', title: 'Fler invånare har ett arbete.', isExample: true });
		expect(goal.ancestors.map((a) => [a.levelName, a.title])).toEqual([['Område', 'Arbete och kompetens']]);
		const employment = goal.indicators.find((i) => i.slug === 'exempel-sysselsattning')!;
		expect(employment.targets.map((t) => [t.kind, t.wording, t.value])).toEqual([
			['min', 'Målvärde: Minst 80 %.', 80],
			['decrease', 'Skillnader mellan kvinnor och män ska minska.', null]
		]);
		expect(goal.assessments.map((a) => [a.period.slug, a.colour, a.colourLabel, a.trend, a.trendLabel])).toEqual([
			['delar-2-2025', 'green', 'Grön', 'improved', 'Förbättrats'],
			['helar-2025', 'green', 'Grön', 'improved', 'Förbättrats']
		]);
		expect(apiGoal(db, 999_999)).toBeNull();
	});

	it('gives the children of an avsnitt and hides archived goals', () => {
		const avsnitt = apiGoal(db, 1)!;
		expect(avsnitt.ancestors).toEqual([]);
		expect(avsnitt.children.map((c) => c.levelName)).toEqual(['Övergripande mål']);
		expect(avsnitt.uppdrag.map((u) => u.label)).toEqual(['Uppdrag 1.', 'Uppdrag 2.']);
		withRollback(() => {
			db.$client.prepare('UPDATE goal SET archived = 1 WHERE id = 1').run();
			expect(apiGoal(db, 1)).toBeNull();
			expect(apiGoal(db, avsnitt.children[0].id)).toBeNull();
		});
	});

	it('gives an uppdrag with its goal and assessments', () => {
		const u = apiUppdrag(db, 19)!;
		expect(u).toMatchObject({ label: 'Uppdrag 3.', owner: 'Exempelförvaltningen', isExample: true });
		expect(u.goal).toMatchObject({ id: 41, levelName: 'Område', title: 'Arbete och kompetens' });
		expect(u.assessments.map((a) => [a.period.slug, a.colourLabel])).toEqual([
			['delar-2-2025', 'Gul'],
			['helar-2025', 'Grön']
		]);
		expect(apiUppdrag(db, 999_999)).toBeNull();
	});
});

describe('indicators', () => {
	it('lists the five Kolada indicators for Jämtland, with attribution and period span', () => {
		const list = apiIndicators(db, { organisation: 'region-jamtland-harjedalen', q: null });
		expect(list.map((i) => i.external?.code)).toEqual(['N01951', 'N02243', 'N00914', 'N01982', 'N03920']);
		expect(list[0]).toMatchObject({
			slug: 'invanare-totalt',
			attribution: 'Källa: Kolada',
			isExample: false,
			firstPeriod: '1994',
			lastPeriod: '2022',
			observations: '/api/v1/indicators/invanare-totalt/observations'
		});
		expect(apiIndicators(db, { organisation: null, q: null })).toHaveLength(64);
		expect(apiIndicators(db, { organisation: 'exempelregionen', q: null }).every((i) => i.isExample)).toBe(true);
	});

	it('searches names, slugs and Kolada codes, every word, case-insensitively', () => {
		const slugs = (q: string) => apiIndicators(db, { organisation: null, q }).map((i) => i.slug);
		expect(slugs('ARBETSLÖSHET')).toEqual(['arbetsloshet-18-65-ar', 'exempel-arbetsloshet']);
		expect(slugs('n01951')).toEqual(['invanare-totalt']);
		expect(slugs('arbetslöshet exempel')).toEqual(['exempel-arbetsloshet']);
		expect(slugs('finns-inte-alls')).toEqual([]);
		expect(apiIndicators(db, { organisation: 'region-orebro-lan', q: 'kolada' })).toEqual([]);
	});

	it('describes one indicator: targets in their wording, goals served and the data available', () => {
		const ind = apiIndicator(db, 'invanare-totalt')!;
		expect(ind.definition).toContain('31 december');
		expect(ind.targets).toEqual([expect.objectContaining({ kind: 'increase', wording: 'Befolkningsutvecklingen är positiv', goal: 34 })]);
		expect(ind.goals).toEqual([
			expect.objectContaining({ id: 34, levelName: 'Långsiktig prioritering', organisation: 'region-jamtland-harjedalen' })
		]);
		expect(ind.coverage).toMatchObject({ sexes: ['T', 'K', 'M'], levels: { riket: 1, lan: 21, kommun: 290 } });
		expect(ind.coverage.periods[0]).toBe('1994');
		expect(ind.coverage.periods.at(-1)).toBe('2022');
		expect(ind.coverage.geographies.slice(0, 3)).toEqual(['00', '01', '03']);
		expect(ind.coverage.geographies).toHaveLength(312);
		expect(ind).not.toHaveProperty('id');
		expect(apiIndicator(db, 'finns-inte')).toBeNull();
		const sick = apiIndicator(db, 'exempel-sjukfranvaro')!;
		expect([sick.firstPeriod, sick.lastPeriod, sick.coverage.periods.length]).toEqual(['2024T1', '2025T3', 6]);
	});

	it('writes the list as CSV', () => {
		const csv = lines(toCsv(indicatorsCsv(apiIndicators(db, { organisation: 'region-jamtland-harjedalen', q: null })), { sep: ';', decimal: ',' }), ';');
		expect(csv[0]).toContain('external_code');
		expect(csv).toHaveLength(6);
		expect(csv[1].slice(0, 2)).toEqual(['invanare-totalt', 'Invånare totalt, antal']);
	});
});

describe('observations', () => {
	it('gives N01951 for Jämtlands län 2022: 132 670 inhabitants, from the Kolada batch', () => {
		const { rows, batches } = observations('invanare-totalt', 'geography=23&sex=T&from=2022&to=2022');
		expect(rows).toEqual([
			{
				indicator: 'invanare-totalt',
				geography: '23',
				geographyName: 'Jämtlands län',
				level: 'lan',
				period: '2022',
				sex: 'T',
				value: 132670,
				textValue: null,
				missingSymbol: null,
				printed: null,
				note: null,
				batch: batches[0].id
			}
		]);
		expect(batches[0].source).toMatch(/^Kolada/);
	});

	it('filters by sex, in the order T, K, M', () => {
		const both = observations('invanare-totalt', 'geography=23&from=2022&to=2022&sex=M,K').rows;
		expect(both.map((r) => [r.sex, r.value])).toEqual([
			['K', 65333],
			['M', 67337]
		]);
		expect(observations('invanare-totalt', 'geography=23&from=2022&to=2022').rows.map((r) => r.sex)).toEqual(['T', 'K', 'M']);
	});

	it('filters by period range, inclusive at both ends', () => {
		const rows = observations('invanare-totalt', 'geography=23&sex=T&from=2010&to=2022').rows;
		expect(rows.map((r) => r.period)).toEqual(Array.from({ length: 13 }, (_, i) => String(2010 + i)));
		expect(observations('invanare-totalt', 'geography=23&sex=T&to=1995').rows.map((r) => r.period)).toEqual(['1994', '1995']);
		expect(observations('exempel-sjukfranvaro', 'from=2025&to=2025T2').rows.map((r) => r.period)).toEqual(['2025T1', '2025T2']);
	});

	it('gives the 8 Jämtland kommuner for level=kommun&parent=23', () => {
		const rows = observations('invanare-totalt', 'level=kommun&parent=23&sex=T&from=2022&to=2022').rows;
		expect(rows.map((r) => r.geographyName)).toEqual(['Ragunda', 'Bräcke', 'Krokom', 'Strömsund', 'Åre', 'Berg', 'Härjedalen', 'Östersund']);
		expect(rows.every((r) => r.level === 'kommun')).toBe(true);
	});

	it('adds named geographies to the chosen group: riket and the län first, then the kommuner', () => {
		const rows = observations('invanare-totalt', 'geography=23,00,2380&parent=23&sex=T&from=2022&to=2022').rows;
		expect(rows.map((r) => r.geography)).toEqual(['00', '23', '2303', '2305', '2309', '2313', '2321', '2326', '2361', '2380']);
		expect(observations('invanare-totalt', 'level=lan&sex=T&from=2022&to=2022').rows).toHaveLength(21);
		expect(observations('invanare-totalt', 'level=riket&parent=23').rows).toEqual([]);
	});

	it('serves text values and missing symbols as they are', () => {
		const rows = observations('exempel-krisplaner', '').rows;
		expect(rows.map((r) => [r.period, r.value, r.textValue])).toEqual([
			['2024', null, 'Delvis'],
			['2025', null, 'Helt']
		]);
		const missing = observations('exempel-beslut-inom-30-dagar', 'from=2025').rows;
		expect(missing.map((r) => [r.geography, r.value, r.missingSymbol])).toEqual([['EX', null, '..']]);
	});

	it('writes CSV with the header and the rows, with a decimal comma on request', () => {
		const { rows } = observations('arbetsloshet-18-65-ar', 'geography=00,23&from=2021&to=2022');
		const table = observationsCsv(rows);
		const point = lines(toCsv(table, { sep: ',', decimal: '.' }), ',');
		expect(point[0]).toEqual([
			'indicator',
			'geography',
			'geography_name',
			'level',
			'period',
			'sex',
			'value',
			'text_value',
			'missing_symbol',
			'printed',
			'note',
			'batch'
		]);
		expect(point).toHaveLength(5);
		expect(point[3].slice(0, 7)).toEqual(['arbetsloshet-18-65-ar', '23', 'Jämtlands län', 'lan', '2021', 'T', '5.354804']);
		const csv = toCsv(table, { sep: ';', decimal: ',' });
		expect(csv.startsWith(BOM)).toBe(true);
		const comma = lines(csv, ';');
		expect(comma[4].slice(4, 7)).toEqual(['2022', 'T', '4,077952']);
	});
});

describe('assessments', () => {
	it('gives all 129 published assessments with labels, subjects and plans', () => {
		const all = apiAssessments(db, { organisation: null, plan: null, period: null, subjects: null });
		expect(all).toHaveLength(129);
		expect(all.filter((a) => a.subject.type === 'goal')).toHaveLength(28);
		expect(all.filter((a) => a.subject.type === 'uppdrag')).toHaveLength(24);
		expect(all[0]).toMatchObject({ organisation: 'region-orebro-lan', period: { slug: 'helar-2019' } });
		const computed = all.find((a) => a.source === 'computed' && a.colour === 'green')!;
		expect(computed.explanation?.sv).toMatch(/\S/);
		expect(computed.subject).toMatchObject({ type: 'indicator', id: null });
		expect(computed.subject.slug).toMatch(/\S/);
	});

	it('filters by plan, period and subject type', () => {
		const helar = apiAssessments(db, {
			organisation: 'exempelregionen',
			plan: { organisation: 'exempelregionen', slug: 'verksamhetsplan-2025' },
			period: 'helar-2025',
			subjects: ['goal', 'uppdrag']
		});
		expect(helar.length).toBeGreaterThan(0);
		expect(new Set(helar.map((a) => a.period.slug))).toEqual(new Set(['helar-2025']));
		expect(helar.every((a) => a.subject.type !== 'indicator' && a.isExample)).toBe(true);
		const nr7 = helar.find((a) => a.subject.number === 'Nr 7')!;
		expect([nr7.colour, nr7.colourLabel]).toEqual(['red', 'Röd']);
		const csv = lines(toCsv(assessmentsCsv(helar), { sep: '\t', decimal: ',' }), '\t');
		expect(csv[0].slice(0, 6)).toEqual(['organisation', 'plan', 'period', 'period_label', 'subject_type', 'subject_id']);
		expect(csv).toHaveLength(helar.length + 1);
	});

	it('leaves out every period that is not published', () => {
		withRollback(() => {
			// The demo's Delår 1 2026 is open for reporting (it already has computed indicator colours).
			db.$client.prepare(`UPDATE follow_up_period SET state = 'approved' WHERE slug = 'delar-1-2026'`).run();
			db.$client
				.prepare(
					`INSERT INTO assessment (period_id, goal_id, colour, comment, source)
					 VALUES ((SELECT id FROM follow_up_period WHERE slug = 'delar-1-2026'), 42, 'red', 'Utkast', 'manual')`
				)
				.run();
			const all = apiAssessments(db, { organisation: null, plan: null, period: null, subjects: null });
			expect(all).toHaveLength(129);
			expect(apiGoal(db, 42)!.assessments.map((a) => a.period.slug)).toEqual(['delar-2-2025', 'helar-2025']);
			db.$client.prepare(`UPDATE follow_up_period SET state = 'published' WHERE slug = 'delar-1-2026'`).run();
			const inPeriod = db.$client.prepare(`SELECT count(*) AS n FROM assessment WHERE period_id = (SELECT id FROM follow_up_period WHERE slug = 'delar-1-2026')`).get() as { n: number };
			const published = apiAssessments(db, { organisation: null, plan: null, period: 'delar-1-2026', subjects: null });
			expect(published).toHaveLength(inPeriod.n);
			expect(published.some((a) => a.comment === 'Utkast')).toBe(true);
			expect(apiGoal(db, 42)!.assessments.map((a) => a.period.slug)).toEqual(['delar-2-2025', 'helar-2025', 'delar-1-2026']);
		});
	});
});

describe('geographies', () => {
	it('filters by level and parent and writes CSV', () => {
		const all = loadGeographies(db);
		expect(apiGeographies(db, { levels: ['lan'], parent: null }, all)).toHaveLength(21);
		const jamtland = apiGeographies(db, { levels: null, parent: '23' }, all);
		expect(jamtland.map((g) => g.code)).toEqual(['2303', '2305', '2309', '2313', '2321', '2326', '2361', '2380']);
		const csv = lines(toCsv(geographiesCsv(jamtland), { sep: ',', decimal: '.' }), ',');
		expect(csv[0]).toEqual(['geography', 'kolada_id', 'name', 'level', 'parent']);
		expect(csv[8]).toEqual(['2380', '2380', 'Östersund', 'kommun', '23']);
	});
});
