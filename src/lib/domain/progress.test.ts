import { describe, expect, it } from 'vitest';
import {
	cagr,
	classifyProgress,
	computeProgress,
	computeProgressFromSeries,
	limitCoefficient,
	PROGRESS_THRESHOLDS,
	type ProgressInput,
	type ProgressStatus
} from './progress';

const NBSP = '\u00a0';

/** Expected numbers were computed independently with Python's float arithmetic. */
type ProgressCase = [
	string,
	ProgressInput,
	ProgressStatus | null,
	{ cagr?: number | null; requiredCagr?: number | null; ratio?: number | null }
];

const up = (baseValue: number | null, currentValue: number | null, extra: Partial<ProgressInput> = {}): ProgressInput => ({
	baseYear: 2015,
	baseValue,
	currentYear: 2020,
	currentValue,
	direction: 'up',
	...extra
});
const down = (baseValue: number | null, currentValue: number | null, extra: Partial<ProgressInput> = {}): ProgressInput =>
	up(baseValue, currentValue, { direction: 'down', ...extra });

const cases: ProgressCase[] = [
	// Without a numeric target: fixed thresholds on the annual growth (1,5 % / 0,5 % / 0).
	['no target: +1,92 %/year', up(100, 110), 'substantial', { cagr: 0.019244876491456564, requiredCagr: null, ratio: null }],
	['no target: +0,79 %/year', up(100, 104), 'moderate', { cagr: 0.007874988517892145 }],
	['no target: +0,20 %/year', up(100, 101), 'limited', { cagr: 0.001992047666533381 }],
	['no target: no change is limited (lower bound inclusive)', up(100, 100), 'limited', { cagr: 0 }],
	['no target: −1,02 %/year', up(100, 95), 'deterioration', { cagr: -0.010206218313011495 }],
	['no target, lower is better: −2,09 %/year', down(100, 90), 'substantial', { cagr: -0.0208516376390232 }],
	['no target, lower is better: rising', down(100, 110), 'deterioration', { cagr: 0.019244876491456564 }],
	['negative values: −100 → −90 is a rise', up(-100, -90), 'substantial', { cagr: -0.0208516376390232 }],
	['base 0 is replaced by 0,001 as in sdg-build', up(0, 5), 'substantial', { cagr: 4.49280271653059 }],
	// Natural limit: 1 − (95/100)^4,44 = 0,2037 scales the thresholds to 0,31 % and 0,10 %.
	['limit near 100 %: moderate instead of limited', up(95, 96, { limit: 100 }), 'moderate', { cagr: 0.0020964544675570185 }],
	['same series without limit', up(95, 96), 'limited', { cagr: 0.0020964544675570185 }],
	['base at the limit: holding it is substantial', up(100, 100, { limit: 100 }), 'substantial', { cagr: 0 }],
	// With a numeric target: ratio of observed to required growth (0,95 / 0,60 / 0).
	[
		'target 80 by 2030: ratio 1,17',
		up(50, 60, { target: 80, targetYear: 2030 }),
		'substantial',
		{ cagr: 0.03713728933664817, requiredCagr: 0.03182963934979388, ratio: 1.1667518104281838 }
	],
	['target 80 by 2030: ratio 0,60', up(50, 55, { target: 80, targetYear: 2030 }), 'moderate', { ratio: 0.604621255049853 }],
	['target 80 by 2030: ratio 0,25', up(50, 52, { target: 80, targetYear: 2030 }), 'limited', { ratio: 0.24741054811678667 }],
	['target 80 by 2030: falling', up(50, 48, { target: 80, targetYear: 2030 }), 'deterioration', { ratio: -0.2554587762706255 }],
	['target year defaults to 2030 as in sdg-build', up(50, 60, { target: 80 }), 'substantial', { ratio: 1.1667518104281838 }],
	['later target year needs less growth', up(50, 60, { target: 80, targetYear: 2040 }), 'substantial', { ratio: 1.9568620144341904 }],
	[
		'lower is better, target 5: ratio 0,97',
		down(10, 8, { target: 5, targetYear: 2030 }),
		'substantial',
		{ cagr: -0.043647500209963, requiredCagr: -0.0451583960895835, ratio: 0.9665423041902719 }
	],
	['target 0 is replaced by 0,001 as in sdg-build', down(10, 5, { target: 0 }), 'limited', { ratio: 0.28212911781890315 }],
	['limit is ignored when a target exists', up(50, 55, { target: 80, limit: 100 }), 'moderate', { ratio: 0.604621255049853 }],
	// Target already met.
	['target met', up(50, 85, { target: 80 }), 'target_achieved', { cagr: null, requiredCagr: null, ratio: null }],
	['target met exactly', up(50, 80, { target: 80 }), 'target_achieved', {}],
	['lower is better, target met', down(10, 4, { target: 5 }), 'target_achieved', {}],
	['target 0 met by 0', down(10, 0, { target: 0 }), 'target_achieved', {}],
	['target met wins even with one year of data', up(90, 90, { baseYear: 2020, target: 80 }), 'target_achieved', {}],
	['target equal to base and missed: deterioration', up(80, 78, { target: 80 }), 'deterioration', { requiredCagr: 0, ratio: null }],
	// Not computable.
	['no direction', up(100, 110, { direction: 'none' }), null, { cagr: null }],
	['base value missing', up(null, 110), null, {}],
	['current value missing', up(100, null), null, {}],
	['values change sign', up(10, -5), null, {}],
	['only one year', up(100, 110, { baseYear: 2020 }), null, {}],
	['base after current', up(100, 110, { baseYear: 2021 }), null, {}],
	['target year not after base year', up(50, 60, { target: 80, targetYear: 2015 }), null, {}],
	['target on the other side of zero', up(50, 60, { target: -10, direction: 'down' }), null, {}]
];

describe('computeProgress', () => {
	it.each(cases)('%s', (_name, input, status, numbers) => {
		const result = computeProgress(input);
		expect(result.status).toBe(status);
		for (const key of ['cagr', 'requiredCagr', 'ratio'] as const) {
			const expected = numbers[key];
			if (expected === undefined) continue;
			if (expected === null) expect(result[key]).toBeNull();
			else expect(result[key]).toBeCloseTo(expected, 10);
		}
		expect(result.explanation.sv.length).toBeGreaterThan(0);
		expect(result.explanation.en.length).toBeGreaterThan(0);
	});
});

describe('computeProgress explanation', () => {
	it.each<[string, ProgressInput, string, string]>([
		[
			'with target',
			up(50, 60, { target: 80, targetYear: 2030 }),
			`Den genomsnittliga årliga förändringen 2015–2020 är +3,71${NBSP}% (från 50 till 60). För att nå målet 80 till 2030 krävs +3,18${NBSP}% per år. Kvoten mellan faktisk och nödvändig takt är 1,17 (minst 0,95 ger betydande framsteg, minst 0,6 måttliga, minst 0 begränsade). Bedömning: Betydande framsteg.`,
			'The average annual change 2015–2020 is +3.71% (from 50 to 60). Reaching the target 80 by 2030 requires +3.18% a year. The ratio of actual to required rate is 1.17 (at least 0.95 is substantial progress, at least 0.6 moderate, at least 0 limited). Assessment: Substantial progress.'
		],
		[
			'without target',
			down(100, 90),
			`Den genomsnittliga årliga förändringen 2015–2020 är \u22122,09${NBSP}% (från 100 till 90). Målet är att värdet ska minska. Utan numeriskt mål gäller: minst 1,5${NBSP}% per år i rätt riktning ger betydande framsteg, minst 0,5${NBSP}% måttliga, minst 0${NBSP}% begränsade. Bedömning: Betydande framsteg.`,
			'The average annual change 2015–2020 is -2.09% (from 100 to 90). The aim is for the value to decrease. Without a numeric target: at least 1.5% a year in the right direction is substantial progress, at least 0.5% moderate, at least 0% limited. Assessment: Substantial progress.'
		],
		[
			'target achieved',
			up(50, 85, { target: 80 }),
			'Värdet 85 (2020) når målet 80. Bedömning: Målet är nått.',
			'The value 85 (2020) meets the target 80. Assessment: Target achieved.'
		],
		[
			'not computable',
			up(100, 110, { direction: 'none' }),
			'Framsteg kan inte beräknas för en indikator utan riktning.',
			'Progress cannot be calculated for an indicator without direction.'
		]
	])('%s', (_name, input, sv, en) => {
		expect(computeProgress(input).explanation).toEqual({ sv, en });
	});

	it('mentions the scaled thresholds near a limit', () => {
		expect(computeProgress(up(95, 96, { limit: 100 })).explanation.sv).toContain(
			'Gränserna är sänkta med faktorn 0,2 eftersom värdet ligger nära gränsen 100.'
		);
	});
});

describe('computeProgressFromSeries', () => {
	const series = [
		{ year: 2019, value: 60 },
		{ year: 2014, value: 40 },
		{ year: 2015, value: null },
		{ year: 2016, value: 50 },
		{ year: 2017, value: 52 },
		{ year: 2020, value: null }
	];

	it.each<[string, Parameters<typeof computeProgressFromSeries>, ProgressStatus | null, number | null]>([
		[
			'base year without value moves to the next year with one; current is the latest value',
			[series, { baseYear: 2015, direction: 'up' }],
			'substantial',
			0.06265856918261115
		],
		['base year before the data starts', [[{ year: 2016, value: 50 }, { year: 2019, value: 60 }], { baseYear: 2010, direction: 'up' }], 'substantial', 0.06265856918261115],
		['only missing values', [[{ year: 2016, value: null }], { baseYear: 2015, direction: 'up' }], null, null],
		['base year after all data', [series, { baseYear: 2021, direction: 'up' }], null, null],
		['with a target', [series, { baseYear: 2015, direction: 'up', target: 60 }], 'target_achieved', null]
	])('%s', (_name, args, status, growth) => {
		const result = computeProgressFromSeries(...args);
		expect(result.status).toBe(status);
		if (growth === null) expect(result.cagr).toBeNull();
		else expect(result.cagr).toBeCloseTo(growth, 10);
	});
});

describe('building blocks', () => {
	it.each([
		[110, 100, 5, 0.019244876491456564],
		[100, 100, 3, 0],
		[121, 100, 2, 0.1],
		[81, 100, 2, -0.1]
	])('cagr(%d, %d, %d years) = %d', (current, base, years, expected) => {
		expect(cagr(current, base, years)).toBeCloseTo(expected, 12);
	});

	it.each([
		[0.95, 'substantial'],
		[1.5, 'substantial'],
		[0.9499, 'moderate'],
		[0.6, 'moderate'],
		[0.5999, 'limited'],
		[0, 'limited'],
		[-0.0001, 'deterioration']
	] as const)('ratio %d → %s (inclusive lower bounds)', (value, expected) => {
		expect(classifyProgress(value, PROGRESS_THRESHOLDS.withTarget)).toBe(expected);
	});

	it.each([
		[0.0151, 'substantial'],
		[0.0149, 'moderate'],
		[0.0051, 'moderate'],
		[0.0049, 'limited'],
		[0, 'limited'],
		[-0.001, 'deterioration']
	] as const)('growth %d without target → %s', (value, expected) => {
		expect(classifyProgress(value, PROGRESS_THRESHOLDS.withoutTarget)).toBe(expected);
	});

	it.each([
		[95, 100, 0.2036704944377239],
		[50, 100, 0.9539290869596531],
		[150, 100, 0.9539290869596531],
		[100, 100, 0],
		[200, 100, 1],
		[0, 0, 1]
	])('limitCoefficient(base %d, limit %d) = %d', (base, limit, expected) => {
		expect(limitCoefficient(base, limit)).toBeCloseTo(expected, 10);
	});

	it('custom thresholds override the defaults', () => {
		expect(computeProgress(up(100, 104, { thresholds: { high: 0.005, med: undefined } })).status).toBe('substantial');
	});
});
