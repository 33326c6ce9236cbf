import { describe, expect, it } from 'vitest';
import { binValues, classCount, DIVERGING, divergingBins, equalBreaks, quantileBreaks, ranks, roundBreaks, roundSignificant, SEQUENTIAL, toUnits } from './mapBins';
import { contrastRatio } from './palette';

/** True when each colour is darker than the one before (higher contrast against white). */
const darkening = (colours: readonly string[]) => colours.every((c, i) => i === 0 || contrastRatio(c, '#ffffff') > contrastRatio(colours[i - 1], '#ffffff'));

const ranges = (b: ReturnType<typeof binValues>) => b.classes.map((c) => [c.lower, c.upper, c.count]);

describe('toUnits rounds as the page prints', () => {
	it.each([
		[4.05, 1, 40], // 4.05 is 4.0499999… in binary: Intl prints "4,0" and so do we
		[4.15, 1, 42],
		[-2.5, 0, -3],
		[2.5, 0, 3],
		[132670, 0, 132670],
		[0.125, 2, 13]
	])('%s with %s decimals → %s', (value, decimals, expected) => {
		expect(toUnits(value, decimals)).toBe(expected);
		expect(Number(value.toFixed(decimals))).toBe(expected / 10 ** decimals);
	});
});

describe('classCount', () => {
	it.each([
		[0, 0, 0],
		[1, 1, 1],
		[5, 1, 1],
		[2, 2, 2],
		[3, 3, 2],
		[5, 5, 3],
		[8, 8, 4],
		[12, 12, 5],
		[21, 21, 5],
		[21, 3, 3],
		[290, 200, 5]
	])('%s areas with %s distinct values → %s classes', (n, distinct, expected) => {
		expect(classCount(n, distinct)).toBe(expected);
	});
});

describe('equalBreaks and quantileBreaks (in units)', () => {
	it.each([
		{ sorted: [29, 33, 41, 45, 52, 69], k: 5, expected: [29, 30, 40, 50, 60] },
		{ sorted: [1, 2, 3, 4], k: 4, expected: [1, 2, 3, 4] },
		{ sorted: [-25, -10, 0, 10, 25], k: 3, expected: [-25, 0, 25] },
		{ sorted: [120, 180, 260], k: 3, expected: [120, 200] }
	])('equal $sorted into ≤ $k', ({ sorted, k, expected }) => {
		expect(equalBreaks(sorted, k)).toEqual(expected);
	});

	it('quantile limits are data values, deduplicated', () => {
		expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([1, 3, 5, 7]);
		expect(quantileBreaks([1, 1, 1, 1, 5, 6], 3)).toEqual([1, 5]);
	});
});

describe('binValues', () => {
	it('gives nothing for no values or only missing ones', () => {
		for (const values of [[], [null, null], [NaN]]) {
			const b = binValues(values, 1);
			expect(b.method).toBe('none');
			expect(b.classes).toEqual([]);
			expect(b.classOf(3)).toBe(-1);
		}
	});

	it('puts a single value (or one value repeated) in one class', () => {
		const b = binValues([4.12, null, 4.08], 1);
		expect(b.method).toBe('single');
		expect(ranges(b)).toEqual([[4.1, 4.1, 2]]);
		expect(b.classes[0].colour).toBe(SEQUENTIAL[1][0]);
		expect(b.classOf(4.1)).toBe(0);
		expect(b.classOf(null)).toBe(-1);
	});

	it('uses round equal intervals for evenly spread shares (21 län)', () => {
		const lan = [2.9, 3.1, 3.3, 3.6, 3.8, 3.9, 4.1, 4.2, 4.4, 4.5, 4.6, 4.8, 5.0, 5.1, 5.3, 5.5, 5.8, 6.1, 6.4, 6.6, 6.9];
		const b = binValues(lan, 1);
		expect(b.method).toBe('equal');
		expect(ranges(b)).toEqual([
			[2.9, 2.9, 1],
			[3.0, 3.9, 5],
			[4.0, 4.9, 6],
			[5.0, 5.9, 5],
			[6.0, 6.9, 4]
		]);
		expect(b.classOf(3.94)).toBe(1);
		expect(b.classOf(3.96)).toBe(2); // prints as 4,0
		expect(b.classes.map((c) => c.colour)).toEqual(SEQUENTIAL[5]);
	});

	it('falls back to quantiles for skewed counts (invånare per län)', () => {
		const people = [2_450_000, 1_760_000, 1_420_000, 600_000, 500_000, 470_000, 420_000, 400_000, 370_000, 350_000, 330_000, 300_000, 290_000, 290_000, 280_000, 250_000, 200_000, 160_000, 160_000, 130_000, 60_000];
		const b = binValues(people, 0);
		expect(b.method).toBe('quantile');
		expect(b.classes).toHaveLength(5);
		expect(b.classes.map((c) => c.count)).toEqual([4, 3, 6, 4, 4]);
		expect(b.classes[0]).toMatchObject({ lower: 60_000, upper: 199_999 });
		expect(b.classes[4]).toMatchObject({ lower: 600_000, upper: 2_450_000 });
		// Limits tile the range: each class starts one unit above the previous one's end.
		for (let i = 1; i < b.classes.length; i++) expect(b.classes[i].lower).toBe(b.classes[i - 1].upper + 1);
	});

	it('handles negative values (a change in percentage points)', () => {
		const b = binValues([-2.4, -1.1, -0.3, 0, 0.4, 1.2, 2.6, -0.8], 1);
		expect(b.classes[0].lower).toBe(-2.4);
		expect(b.classes.at(-1)!.upper).toBe(2.6);
		expect(b.classOf(-2.4)).toBe(0);
		expect(b.classOf(2.6)).toBe(b.classes.length - 1);
		expect(b.classes.reduce((s, c) => s + c.count, 0)).toBe(8);
	});

	it('keeps two decimals apart and never splits two values that print alike', () => {
		const b = binValues([0.121, 0.124, 0.35, 0.52, 0.78], 2);
		expect(b.classOf(0.121)).toBe(b.classOf(0.124));
		expect(b.classes[0].lower).toBe(0.12);
		expect(b.classes.at(-1)!.upper).toBe(0.78);
	});

	it('returns -1 for a value outside the classes', () => {
		const b = binValues([1, 2, 3, 4], 0);
		expect(b.classOf(0)).toBe(-1);
		expect(b.classOf(5)).toBe(-1);
	});
});

describe('divergingBins around riket', () => {
	it('splits each side at its median and keeps a class for "as riket"', () => {
		const b = divergingBins([2.1, 2.8, 3.3, 4.0, 5.6, 5.9, 7.2, null], 5.6, 1);
		expect(b.method).toBe('diverging');
		expect(b.classes.map((c) => [c.side, c.lower, c.upper, c.count, c.colour])).toEqual([
			['below', 2.1, 3.2, 2, DIVERGING.farBelow],
			['below', 3.3, 4.0, 2, DIVERGING.nearBelow],
			['same', 5.6, 5.6, 1, DIVERGING.same],
			['above', 5.9, 7.1, 1, DIVERGING.nearAbove],
			['above', 7.2, 7.2, 1, DIVERGING.farAbove]
		]);
		expect(b.classOf(5.64)).toBe(2);
		expect(b.classOf(4.0)).toBe(1);
		expect(b.classOf(null)).toBe(-1);
	});

	it('never puts a value above riket in a below class, even when the limits would', () => {
		const b = divergingBins([1, 2, 9], 5, 0);
		expect(b.classes.map((c) => c.side)).toEqual(['below', 'below', 'above']);
		expect(b.classOf(9)).toBe(2);
	});

	it('uses one strong colour when a side has one distinct value, and handles all on one side', () => {
		const b = divergingBins([3.1, 3.1, 3.4, 3.9], 5.6, 1);
		expect(b.classes.every((c) => c.side === 'below')).toBe(true);
		const one = divergingBins([6.0], 5.6, 1);
		expect(one.classes).toEqual([{ lower: 6, upper: 6, count: 1, colour: DIVERGING.farAbove, side: 'above' }]);
	});
});

describe('ranks', () => {
	it('ranks best first with ties sharing a place, nulls unranked', () => {
		expect(ranks([4.1, 3.2, null, 4.1, 5.0], 'up', 1)).toEqual([2, 4, null, 2, 1]);
		expect(ranks([4.1, 3.2, null, 4.1, 5.0], 'down', 1)).toEqual([2, 1, null, 2, 4]);
		expect(ranks([1, 2, NaN], 'none', 0)).toEqual([2, 1, null]);
	});

	it('compares values as printed: 4,96 and 5,04 both read 5,0 and share a place', () => {
		expect(ranks([5.04, 4.96, 3.1], 'down', 1)).toEqual([2, 2, 1]);
		expect(ranks([5.04, 4.96, 3.1], 'down', 2)).toEqual([3, 2, 1]);
	});
});

describe('palettes', () => {
	it('get darker along each scale (readable in greyscale)', () => {
		for (const colours of Object.values(SEQUENTIAL)) expect(darkening(colours)).toBe(true);
		expect(darkening([DIVERGING.same, DIVERGING.nearBelow, DIVERGING.farBelow])).toBe(true);
		expect(darkening([DIVERGING.same, DIVERGING.nearAbove, DIVERGING.farAbove])).toBe(true);
	});
});

describe('round quantile limits', () => {
	it.each([
		[243265, 2, 240000],
		[280712, 2, 280000],
		[2440027, 2, 2400000],
		[2440027, 3, 2440000],
		[41, 2, 41],
		[9, 2, 9],
		[-1234, 2, -1200],
		[0, 2, 0]
	])('%s to %s digits → %s', (units, digits, expected) => {
		expect(roundSignificant(units, digits)).toBe(expected);
	});

	it('rounds only where every class keeps a value', () => {
		const sorted = [100, 150, 201, 205, 230, 990];
		expect(roundBreaks(sorted, [100, 201, 230])).toEqual([100, 200, 230]);
		// 1 264 to two digits is 1 300, the next limit: three digits then.
		expect(roundBreaks([1000, 1190, 1264, 1300, 1500], [1000, 1264, 1300])).toEqual([1000, 1260, 1300]);
		// Small numbers are already round: two significant digits of 11 is 11.
		expect(roundBreaks([10, 11, 12, 13], [10, 11, 12])).toEqual([10, 11, 12]);
	});
});
