import { describe, expect, it } from 'vitest';
import { computeColour, relativeChange, type ColourInput } from './colour';
import type { Colour, Direction, NotComputableReason, Target, TargetKind } from './types';

const NBSP = '\u00a0';

function target(kind: TargetKind, extra: Partial<Target> = {}): Target {
	return { kind, wording: `(${kind})`, ...extra };
}

const min75 = target('min', { value: 75 });
const max5 = target('max', { value: 5 });
const exact100 = target('exact', { value: 100 });
const range10to20 = target('range', { value: 10, valueHigh: 20 });
const increaseBase = target('increase', { reference: 'base', basePeriod: '2018' });
const increasePrev = target('increase', { reference: 'previous' });
const decreaseBase = target('decrease', { reference: 'base', basePeriod: '2016' });
const improve = target('improve', { reference: 'base', basePeriod: '2016' });
const aboveRiket = target('benchmark', { benchmark: 'riket', benchmarkSide: 'above', benchmarkMeasure: 'level' });
const belowRiket = target('benchmark', { benchmark: 'riket', benchmarkSide: 'below', benchmarkMeasure: 'level' });
const growsMore = target('benchmark', {
	benchmark: 'comparable',
	benchmarkSide: 'above',
	benchmarkMeasure: 'change'
});

type ColourCase = [string, Target | null, Direction, number | null, Partial<ColourInput>, Colour | null, NotComputableReason | null];

const cases: ColourCase[] = [
	// min: at or above X is green; within 5 % of X below is yellow (75 − 3,75 = 71,25).
	['min: above', min75, 'up', 80, {}, 'green', null],
	['min: exactly on target', min75, 'up', 75, {}, 'green', null],
	['min: a little below', min75, 'up', 72, {}, 'yellow', null],
	['min: on the edge of the band', min75, 'up', 71.25, {}, 'yellow', null],
	['min: below the band', min75, 'up', 71, {}, 'red', null],
	['min: the real 56,5 % against "Minst 75%"', min75, 'up', 56.5, {}, 'red', null],
	['min: wider tolerance', min75, 'up', 68, { tolerance: 0.1 }, 'yellow', null],
	['min: zero tolerance', min75, 'up', 74.9, { tolerance: 0 }, 'red', null],
	['min 0: zero is green', target('min', { value: 0 }), 'up', 0, {}, 'green', null],
	['min 0: no band, any miss is red', target('min', { value: 0 }), 'up', -0.1, {}, 'red', null],
	['min: negative target uses |X| for the band', target('min', { value: -10 }), 'up', -10.4, {}, 'yellow', null],
	// max mirrors min (5 + 0,25 = 5,25).
	['max: below', max5, 'down', 4, {}, 'green', null],
	['max: on target', max5, 'down', 5, {}, 'green', null],
	['max: a little above', max5, 'down', 5.2, {}, 'yellow', null],
	['max: on the edge of the band', max5, 'down', 5.25, {}, 'yellow', null],
	['max: above the band', max5, 'down', 5.3, {}, 'red', null],
	// exact: equal within float noise is green; within 5 % of X yellow.
	['exact: equal', exact100, 'up', 100, {}, 'green', null],
	['exact: float noise', exact100, 'up', 100 + 1e-12, {}, 'green', null],
	['exact: 3 off', exact100, 'up', 97, {}, 'yellow', null],
	['exact: above counts too', exact100, 'up', 104, {}, 'yellow', null],
	['exact: 5 off', exact100, 'up', 95, {}, 'yellow', null],
	['exact: 6 off', exact100, 'up', 94, {}, 'red', null],
	// range: band is 5 % of the width (0,5).
	['range: inside', range10to20, 'none', 15, {}, 'green', null],
	['range: lower bound', range10to20, 'none', 10, {}, 'green', null],
	['range: upper bound', range10to20, 'none', 20, {}, 'green', null],
	['range: just below', range10to20, 'none', 9.6, {}, 'yellow', null],
	['range: just above', range10to20, 'none', 20.5, {}, 'yellow', null],
	['range: far below', range10to20, 'none', 9, {}, 'red', null],
	['range: far above', range10to20, 'none', 25, {}, 'red', null],
	['range: bounds given reversed', target('range', { value: 20, valueHigh: 10 }), 'none', 15, {}, 'green', null],
	// increase / decrease vs reference.
	['increase: higher than base', increaseBase, 'up', 58, { reference: 47 }, 'green', null],
	['increase: unchanged', increaseBase, 'up', 47, { reference: 47 }, 'yellow', null],
	['increase: 4,3 % down', increaseBase, 'up', 45, { reference: 47 }, 'yellow', null],
	['increase: 6,4 % down', increaseBase, 'up', 44, { reference: 47 }, 'red', null],
	['increase: vs previous period', increasePrev, 'up', 12, { reference: 10 }, 'green', null],
	['increase: reference 0, absolute gain', increasePrev, 'up', 0.01, { reference: 0 }, 'green', null],
	['increase: reference 0, small absolute loss', increasePrev, 'up', -0.01, { reference: 0 }, 'yellow', null],
	['increase: reference 0, large absolute loss', increasePrev, 'up', -1, { reference: 0 }, 'red', null],
	['increase: negative reference uses |ref|', increasePrev, 'up', -9, { reference: -10 }, 'green', null],
	['decrease: lower', decreaseBase, 'down', 9, { reference: 10 }, 'green', null],
	['decrease: unchanged', decreaseBase, 'down', 10, { reference: 10 }, 'yellow', null],
	['decrease: 4 % up', decreaseBase, 'down', 10.4, { reference: 10 }, 'yellow', null],
	['decrease: 6 % up', decreaseBase, 'down', 10.6, { reference: 10 }, 'red', null],
	['decrease: ignores the indicator direction', decreaseBase, 'up', 9, { reference: 10 }, 'green', null],
	// improve follows the indicator's direction.
	['improve, up: higher', improve, 'up', 11, { reference: 10 }, 'green', null],
	['improve, up: lower', improve, 'up', 9, { reference: 10 }, 'red', null],
	['improve, down: lower', improve, 'down', 9, { reference: 10 }, 'green', null],
	['improve, down: 10 % higher', improve, 'down', 11, { reference: 10 }, 'red', null],
	['improve, none: cannot say', improve, 'none', 11, { reference: 10 }, null, 'no_direction'],
	// benchmark level (47 · 0,95 = 44,65; 47 · 1,05 = 49,35).
	['above riket: higher', aboveRiket, 'up', 58, { benchmarkValue: 47 }, 'green', null],
	['above riket: equal is not higher', aboveRiket, 'up', 47, { benchmarkValue: 47 }, 'yellow', null],
	['above riket: a little lower', aboveRiket, 'up', 45, { benchmarkValue: 47 }, 'yellow', null],
	['above riket: much lower', aboveRiket, 'up', 44, { benchmarkValue: 47 }, 'red', null],
	['below riket: lower', belowRiket, 'down', 40, { benchmarkValue: 47 }, 'green', null],
	['below riket: a little higher', belowRiket, 'down', 49, { benchmarkValue: 47 }, 'yellow', null],
	['below riket: much higher', belowRiket, 'down', 50, { benchmarkValue: 47 }, 'red', null],
	['benchmark without side or measure defaults to above/level', target('benchmark'), 'up', 50, { benchmarkValue: 47 }, 'green', null],
	// benchmark change: own +10 % vs +5 %; band is 5 % of the benchmark's change (0,25 percentage points).
	['grows more: +10 % vs +5 %', growsMore, 'up', 110, { reference: 100, benchmarkValue: 210, benchmarkReference: 200 }, 'green', null],
	['grows more: +4,9 % vs +5 %', growsMore, 'up', 104.9, { reference: 100, benchmarkValue: 210, benchmarkReference: 200 }, 'yellow', null],
	['grows more: +4 % vs +5 %', growsMore, 'up', 104, { reference: 100, benchmarkValue: 210, benchmarkReference: 200 }, 'red', null],
	[
		'grows less: −2 % vs +5 %',
		target('benchmark', { benchmark: 'riket', benchmarkSide: 'below', benchmarkMeasure: 'change' }),
		'down',
		98,
		{ reference: 100, benchmarkValue: 210, benchmarkReference: 200 },
		'green',
		null
	],
	// Not computable.
	['no target', null, 'up', 50, {}, null, 'no_target'],
	['reporting only', target('report'), 'up', 50, {}, null, 'text_target'],
	['words only', target('text'), 'up', 50, {}, null, 'text_target'],
	['text target wins over a missing value', target('text'), 'up', null, {}, null, 'text_target'],
	['no value', min75, 'up', null, {}, null, 'no_value'],
	['NaN is no value', min75, 'up', Number.NaN, {}, null, 'no_value'],
	['min without a number', target('min'), 'up', 50, {}, null, 'no_target'],
	['range without upper bound', target('range', { value: 10 }), 'up', 15, {}, null, 'no_target'],
	['increase without reference', increaseBase, 'up', 50, {}, null, 'no_reference'],
	['increase with null reference', increaseBase, 'up', 50, { reference: null }, null, 'no_reference'],
	['benchmark level without benchmark', aboveRiket, 'up', 50, {}, null, 'no_reference'],
	['benchmark change without benchmark reference', growsMore, 'up', 110, { reference: 100, benchmarkValue: 210 }, null, 'no_reference'],
	['benchmark change without own reference', growsMore, 'up', 110, { benchmarkValue: 210, benchmarkReference: 200 }, null, 'no_reference']
];

describe('computeColour', () => {
	it.each(cases)('%s', (_name, t, direction, value, extra, colour, reason) => {
		const result = computeColour({ target: t, direction, value, ...extra });
		expect(result.colour).toBe(colour);
		expect(result.reason).toBe(reason);
		expect(result.explanation.sv.length).toBeGreaterThan(0);
		expect(result.explanation.en.length).toBeGreaterThan(0);
	});
});

type ExplanationCase = [string, ColourInput, string, string];

const explanations: ExplanationCase[] = [
	[
		'increase vs base year, as in the brief',
		{ target: increaseBase, direction: 'up', value: 58, reference: 47 },
		'Utfallet 58 är högre än jämförelsevärdet 47 (2018). Målet är att värdet ska öka.',
		'The value 58 is higher than the reference value 47 (2018). The aim is for the value to increase.'
	],
	[
		'increase vs previous period, within tolerance',
		{ target: increasePrev, direction: 'up', value: 45, reference: 47 },
		`Utfallet 45 är lägre än jämförelsevärdet 47 (föregående period). Det är en minskning med 4,3${NBSP}%, inom toleransen på 5${NBSP}%. Målet är att värdet ska öka.`,
		'The value 45 is lower than the reference value 47 (previous period). That is a decrease of 4.3%, within the tolerance of 5%. The aim is for the value to increase.'
	],
	[
		'explicit reference period wins',
		{ target: increasePrev, direction: 'up', value: 12, reference: 10, referencePeriod: '2018T2' },
		'Utfallet 12 är högre än jämförelsevärdet 10 (2018T2). Målet är att värdet ska öka.',
		'The value 12 is higher than the reference value 10 (2018T2). The aim is for the value to increase.'
	],
	[
		'improve explains what improve means here',
		{ target: improve, direction: 'down', value: 47, reference: 47 },
		'Utfallet 47 är oförändrat jämfört med jämförelsevärdet 47 (2016). Målet är att värdet ska förbättras, vilket här betyder att det ska minska.',
		'The value 47 is unchanged compared with the reference value 47 (2016). The aim is for the value to improve, which here means to decrease.'
	],
	[
		'min with decimal comma',
		{ target: min75, direction: 'up', value: 56.5 },
		`Utfallet 56,5 ligger under målvärdet minst 75, mer än toleransen på 5${NBSP}%.`,
		'The value 56.5 is below the target of at least 75, more than the tolerance of 5%.'
	],
	[
		'max met',
		{ target: max5, direction: 'down', value: 4 },
		'Utfallet 4 når målvärdet högst 5.',
		'The value 4 meets the target of at most 5.'
	],
	[
		'range near the bound',
		{ target: range10to20, direction: 'none', value: 9.6 },
		'Utfallet 9,6 ligger utanför målintervallet 10–20, men nära gränsen (avvikelse 0,4).',
		'The value 9.6 is outside the target range 10–20, but close to the bound (deviation 0.4).'
	],
	[
		'benchmark level',
		{ target: aboveRiket, direction: 'up', value: 58, benchmarkValue: 47 },
		'Utfallet 58 är högre än värdet för riket, 47. Målet är att värdet ska vara högre än för riket.',
		'The value 58 is higher than the value for Sweden as a whole, 47. The aim is for the value to be higher than for Sweden as a whole.'
	],
	[
		'benchmark change',
		{ target: growsMore, direction: 'up', value: 110, reference: 100, benchmarkValue: 210, benchmarkReference: 200 },
		`Utfallet har förändrats med +10${NBSP}% (från 100 till 110), jämfört med +5${NBSP}% för jämförbara län. Målet är att värdet ska öka mer procentuellt än för jämförbara län.`,
		'The value has changed by +10% (from 100 to 110), compared with +5% for comparable counties. The aim is for the value to grow more in percent than for comparable counties.'
	],
	[
		'no target',
		{ target: null, direction: 'up', value: 1 },
		'Färgen kan inte beräknas eftersom indikatorn saknar ett målvärde.',
		'The colour cannot be calculated because the indicator has no target value.'
	]
];

describe('computeColour explanation', () => {
	it.each(explanations)('%s', (_name, input, sv, en) => {
		expect(computeColour(input).explanation).toEqual({ sv, en });
	});
});

describe('relativeChange', () => {
	it.each([
		[110, 100, 0.1],
		[90, 100, -0.1],
		[-90, -100, 0.1],
		[-110, -100, -0.1],
		[3, 0, 3],
		[-2, 0, -2]
	])('(%d − %d) → %d', (v, ref, expected) => {
		expect(relativeChange(v, ref)).toBeCloseTo(expected, 12);
	});
});
