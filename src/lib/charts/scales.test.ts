import { describe, expect, it } from 'vitest';
import { axisUnits, niceTicks, periodToX, tickDecimals, tickFormatter, yDomain, yearTicks } from './scales';

const NBSP = '\u00a0';

describe('periodToX', () => {
	const cases: [string, number | null][] = [
		['2019', 2019],
		['2025T2', 2025.5],
		['2025T1', 2025 + 0.5 / 3],
		['2019K1', 2019.125],
		['2019K4', 2019.875],
		['2019H1', 2019.25],
		['2019H2', 2019.75],
		['2026M01', 2026 + 0.5 / 12],
		['2026M12', 2026 + 11.5 / 12],
		['2015-2016', 2015.5],
		[' 2019 ', 2019],
		['2019K5', null],
		['nonsense', null],
		['', null]
	];
	it.each(cases)('%s → %s', (code, expected) => {
		const x = periodToX(code);
		if (expected === null) expect(x).toBeNull();
		else expect(x).toBeCloseTo(expected, 10);
	});
});

describe('yDomain', () => {
	const cases: { name: string; values: (number | null)[]; target?: { value: number; valueHigh?: number | null }; opts?: Parameters<typeof yDomain>[2]; expected: [number, number] }[] = [
		{ name: 'no values', values: [], expected: [0, 1] },
		{ name: 'only nulls', values: [null, null], expected: [0, 1] },
		{ name: 'all zero', values: [0, 0], expected: [0, 1] },
		{ name: 'unemployment starts at zero', values: [3.5, 8.1], expected: [0, 10] },
		{ name: 'target above the data is included', values: [3.5, 8.1], target: { value: 12 }, expected: [0, 12] },
		{ name: 'target zone top is included', values: [3.5, 5], target: { value: 6, valueHigh: 9 }, expected: [0, 10] },
		{ name: 'narrow population zooms in', values: [126201, 136301], expected: [124000, 138000] },
		{ name: 'narrow but zero forced', values: [126201, 136301], opts: { zero: 'always' }, expected: [0, 140000] },
		{ name: 'wide but zero refused', values: [3.5, 8.1], opts: { zero: 'never' }, expected: [3, 9] },
		{ name: 'zoomed domain gets air', values: [0.5, 0.55], expected: [0.49, 0.56] },
		{ name: 'air never crosses zero', values: [0.2, 10.2], opts: { zero: 'never' }, expected: [0, 12] },
		{ name: 'single value is shown against zero', values: [50], expected: [0, 50] },
		{ name: 'single value without zero gets air', values: [50], opts: { zero: 'never' }, expected: [44, 56] },
		{ name: 'negative values mirror the rule', values: [-8, -2], expected: [-8, 0] },
		{ name: 'mixed signs keep both', values: [-2.5, 4], expected: [-4, 6] },
		{ name: 'non-finite values are ignored', values: [NaN, Infinity, 2, 4], expected: [0, 4] }
	];
	it.each(cases)('$name', ({ values, target, opts, expected }) => {
		expect(yDomain(values, target, opts)).toEqual(expected);
	});
});

describe('niceTicks', () => {
	const cases: [[number, number], number, number[]][] = [
		[[0, 10], 5, [0, 2, 4, 6, 8, 10]],
		[[0, 12_000_000], 6, [0, 2e6, 4e6, 6e6, 8e6, 10e6, 12e6]],
		[[124000, 138000], 5, [124000, 126000, 128000, 130000, 132000, 134000, 136000, 138000]],
		[[0, 1], 4, [0, 0.2, 0.4, 0.6, 0.8, 1]],
		[[10, 0], 2, [0, 5, 10]],
		[[3, 3], 5, [3]],
		[[NaN, 3], 5, []]
	];
	it.each(cases)('%j about %i ticks', (domain, count, expected) => {
		expect(niceTicks(domain, count)).toEqual(expected);
	});
});

describe('yearTicks', () => {
	it('keeps whole years only', () => {
		expect(yearTicks([2019.125, 2020.875], 8)).toEqual([2020]);
		expect(yearTicks([1994, 2030], 8)).toEqual([1995, 2000, 2005, 2010, 2015, 2020, 2025, 2030]);
	});
	it('falls back to the year inside a sub-year domain', () => {
		expect(yearTicks([2025.1, 2025.9], 5)).toEqual([2025]);
	});
});

describe('tickDecimals', () => {
	const cases: [number[], number][] = [
		[[0, 5, 10], 0],
		[[0, 0.5, 1], 1],
		[[0, 0.25, 0.5], 2],
		[[0.1 + 0.2, 0.6], 1],
		[[7], 0],
		[[], 0]
	];
	it.each(cases)('%j → %i', (ticks, expected) => {
		expect(tickDecimals(ticks)).toBe(expected);
	});
});

describe('tickFormatter', () => {
	const cases: [string | null, number, 'sv' | 'en', number, string][] = [
		['invånare', 0, 'sv', 2588, `2${NBSP}588`],
		[null, 1, 'sv', 12.5, '12,5'],
		['%', 0, 'sv', 58, `58${NBSP}%`],
		['procent', 1, 'sv', 4.5, `4,5${NBSP}%`],
		['%', 0, 'sv', -5, `\u22125${NBSP}%`],
		['invånare', 0, 'en', 2588, '2,588'],
		['%', 0, 'en', 58, '58%'],
		[null, 1, 'en', 12.5, '12.5'],
		['kr', 0, 'sv', 1200000, `1${NBSP}200${NBSP}000`]
	];
	it.each(cases)('unit %s, %i decimals, %s: %d → %s', (unit, decimals, locale, value, expected) => {
		expect(tickFormatter(unit, decimals, locale)(value)).toBe(expected);
	});
});

describe('axisUnits', () => {
	it('writes millions once, in the caption', () => {
		expect(axisUnits([0, 4e6, 8e6, 12e6], 'invånare', 'sv')).toEqual({ factor: 1e6, caption: 'miljoner invånare' });
		expect(axisUnits([0, 4e6], 'inhabitants', 'en')).toEqual({ factor: 1e6, caption: 'inhabitants, millions' });
		expect(axisUnits([0, 2e6], null, 'sv')).toEqual({ factor: 1e6, caption: 'miljoner' });
	});
	it('keeps smaller numbers and percent as they are', () => {
		expect(axisUnits([124000, 138000], 'invånare', 'sv')).toEqual({ factor: 1, caption: 'invånare' });
		expect(axisUnits([0, 50, 100], '%', 'sv')).toEqual({ factor: 1, caption: null });
		expect(axisUnits([0, 5], null, 'sv')).toEqual({ factor: 1, caption: null });
	});
});
