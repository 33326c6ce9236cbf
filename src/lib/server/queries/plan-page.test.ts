import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { seededDb } from '../../../../tests/helpers/db';
import { getPlanPage, type GoalNode, type IndicatorRow } from './plan-page';
import { listOrganisations } from './organisations';

let db: Db;
beforeAll(() => {
	db = seededDb();
});

const walk = (nodes: GoalNode[]): GoalNode[] => nodes.flatMap((n) => [n, ...walk(n.children)]);
const indicators = (nodes: GoalNode[]): IndicatorRow[] => walk(nodes).flatMap((n) => n.indicators);

describe('listOrganisations', () => {
	it('lists the two real organisations before the example, each with its plans and latest period', () => {
		const orgs = listOrganisations(db);
		expect(orgs.map((o) => [o.slug, o.isExample])).toEqual([
			['region-orebro-lan', false],
			['region-jamtland-harjedalen', false],
			['exempelregionen', true]
		]);
		expect(orgs[0].plans).toEqual([
			expect.objectContaining({ slug: 'rtn-verksamhetsplan-2019', kind: 'verksamhetsplan', latestPeriod: 'Helår 2019' })
		]);
		expect(orgs[2].plans[0].latestPeriod).toBe('Helår 2025');
	});
});

describe('getPlanPage', () => {
	it('returns null for an unknown organisation, plan or period', () => {
		expect(getPlanPage(db, 'nope', 'rtn-verksamhetsplan-2019')).toBeNull();
		expect(getPlanPage(db, 'region-orebro-lan', 'nope')).toBeNull();
		expect(getPlanPage(db, 'region-orebro-lan', 'rtn-verksamhetsplan-2019', 'delar-9-2019')).toBeNull();
	});

	it('builds the Örebro goal tree with level names, counts and the latest values', () => {
		const page = getPlanPage(db, 'region-orebro-lan', 'rtn-verksamhetsplan-2019')!;
		expect(page.period?.label).toBe('Helår 2019');
		expect(page.counts).toEqual({ goals: 16, indicators: 48, uppdrag: 18 });
		expect(page.goals.map((g) => `${g.number} ${g.title}`)[0]).toBe('3.2 Regional utvecklingsstrategi');
		expect(page.goals[0].levelName).toBe('Avsnitt');
		const nr2 = walk(page.goals).find((g) => g.number === 'Nr 2')!;
		expect(nr2.levelName).toBe('Inriktningsmål');
		const ind = nr2.indicators.find((i) => i.name.includes('jämställdhetsintegrerade'))!;
		expect(ind.latest).toMatchObject({ period: '2019', value: 58, printed: '58%' });
		expect(ind.target).toEqual({ kind: 'increase', wording: 'ska öka' });
		expect(ind.unit).toBe('%');
	});

	it('uses the latest value up to the period end, and the period chosen', () => {
		const delar = getPlanPage(db, 'exempelregionen', 'verksamhetsplan-2025', 'delar-2-2025')!;
		const helar = getPlanPage(db, 'exempelregionen', 'verksamhetsplan-2025', 'helar-2025')!;
		const sick = (p: typeof delar) => indicators(p.goals).find((i) => i.slug === 'exempel-sjukfranvaro')!;
		expect(sick(delar).latest?.period).toBe('2025T2');
		expect(sick(helar).latest?.period).toBe('2025T3');
		expect(sick(delar).assessment?.colour).toBe('green');
		expect(sick(helar).assessment?.colour).toBe('yellow');
		const goal = (p: typeof delar) => walk(p.goals).find((g) => g.number === 'Nr 7')!;
		expect([goal(delar).assessment?.colour, goal(helar).assessment?.colour]).toEqual(['yellow', 'red']);
		expect(helar.periods.map((p) => p.label)).toEqual(['Delår 2 2025', 'Helår 2025']);
	});

	it('shows a missing-value symbol as the latest value rather than an older number', () => {
		const helar = getPlanPage(db, 'exempelregionen', 'verksamhetsplan-2025', 'helar-2025')!;
		const ind = indicators(helar.goals).find((i) => i.slug === 'exempel-beslut-inom-30-dagar')!;
		expect(ind.latest).toMatchObject({ period: '2025', value: null, missingSymbol: '..' });
		expect(ind.assessment?.indicatorStatus).toBe('missing');
	});
});
