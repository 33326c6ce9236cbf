import { describe, expect, it } from 'vitest';
import { countColours, summarise, summaryCategory, type SummaryItem, type SummaryRow } from './summary';
import type { Colour } from './types';

function many(count: number, item: SummaryItem): SummaryItem[] {
	return Array.from({ length: count }, () => ({ ...item }));
}

type Counts = Pick<SummaryRow, 'green' | 'yellow' | 'red' | 'notAssessed' | 'total'>;

function counts(rows: SummaryRow[]): [string, Counts][] {
	return rows.map(({ category, green, yellow, red, notAssessed, total }) => [
		category,
		{ green, yellow, red, notAssessed, total }
	]);
}

describe('summarise', () => {
	it('reproduces the 2019 table of Örebro regional tillväxtnämnd (3.1 Sammanfattning)', () => {
		const items: SummaryItem[] = [
			...many(10, { type: 'goal', origin: 'council', colour: 'green' }),
			...many(2, { type: 'goal', origin: 'council', colour: 'yellow' }),
			...many(1, { type: 'goal', origin: 'council', colour: null }),
			...many(16, { type: 'uppdrag', origin: 'council', colour: 'green' }),
			...many(2, { type: 'uppdrag', origin: 'council', colour: 'yellow' }),
			...many(3, { type: 'goal', origin: 'committee', colour: 'green' })
		];
		const rows = summarise(items);
		expect(rows.map((r) => r.label.sv)).toEqual([
			'Mål från regionfullmäktige',
			'Uppdrag från regionfullmäktige',
			'Mål från nämnden',
			'Uppdrag från nämnden'
		]);
		expect(counts(rows)).toEqual([
			['council_goals', { green: 10, yellow: 2, red: 0, notAssessed: 1, total: 13 }],
			['council_uppdrag', { green: 16, yellow: 2, red: 0, notAssessed: 0, total: 18 }],
			['committee_goals', { green: 3, yellow: 0, red: 0, notAssessed: 0, total: 3 }],
			['committee_uppdrag', { green: 0, yellow: 0, red: 0, notAssessed: 0, total: 0 }]
		]);
	});

	it.each<[string, SummaryItem[], [string, Counts][]]>([
		[
			'no items still gives four empty rows',
			[],
			[
				['council_goals', { green: 0, yellow: 0, red: 0, notAssessed: 0, total: 0 }],
				['council_uppdrag', { green: 0, yellow: 0, red: 0, notAssessed: 0, total: 0 }],
				['committee_goals', { green: 0, yellow: 0, red: 0, notAssessed: 0, total: 0 }],
				['committee_uppdrag', { green: 0, yellow: 0, red: 0, notAssessed: 0, total: 0 }]
			]
		],
		[
			"origin 'other' counts with the nämnd",
			[
				{ type: 'goal', origin: 'other', colour: 'red' },
				{ type: 'uppdrag', origin: 'other', colour: null },
				{ type: 'uppdrag', origin: 'committee', colour: 'yellow' }
			],
			[
				['council_goals', { green: 0, yellow: 0, red: 0, notAssessed: 0, total: 0 }],
				['council_uppdrag', { green: 0, yellow: 0, red: 0, notAssessed: 0, total: 0 }],
				['committee_goals', { green: 0, yellow: 0, red: 1, notAssessed: 0, total: 1 }],
				['committee_uppdrag', { green: 0, yellow: 1, red: 0, notAssessed: 1, total: 2 }]
			]
		]
	])('%s', (_name, items, expected) => {
		expect(counts(summarise(items))).toEqual(expected);
	});

	it('gives English labels too', () => {
		expect(summarise([]).map((r) => r.label.en)).toEqual([
			'Goals from the regional council',
			'Assignments from the regional council',
			'Goals from the committee',
			'Assignments from the committee'
		]);
	});
});

describe('summaryCategory', () => {
	it.each([
		['goal', 'council', 'council_goals'],
		['uppdrag', 'council', 'council_uppdrag'],
		['goal', 'committee', 'committee_goals'],
		['uppdrag', 'committee', 'committee_uppdrag'],
		['goal', 'other', 'committee_goals'],
		['uppdrag', 'other', 'committee_uppdrag']
	] as const)('%s from %s → %s', (type, origin, expected) => {
		expect(summaryCategory({ type, origin })).toBe(expected);
	});
});

describe('countColours', () => {
	it.each<[string, (Colour | null)[], Counts]>([
		['empty', [], { green: 0, yellow: 0, red: 0, notAssessed: 0, total: 0 }],
		['one of each', ['green', 'yellow', 'red', null], { green: 1, yellow: 1, red: 1, notAssessed: 1, total: 4 }],
		['only not assessed', [null, null], { green: 0, yellow: 0, red: 0, notAssessed: 2, total: 2 }],
		[
			'mixed',
			['green', 'green', 'red', 'green', null, 'yellow'],
			{ green: 3, yellow: 1, red: 1, notAssessed: 1, total: 6 }
		]
	])('%s', (_name, colours, expected) => {
		expect(countColours(colours)).toEqual(expected);
	});
});
