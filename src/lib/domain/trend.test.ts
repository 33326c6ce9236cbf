import { describe, expect, it } from 'vitest';
import { computeTrend, judge } from './trend';
import type { Direction, Movement, Trend } from './types';

type TrendCase = [string, number | null, number | null, Direction, number | undefined, Movement | null, Trend | null];

const cases: TrendCase[] = [
	['10 % up, higher is better', 110, 100, 'up', undefined, 'up', 'improved'],
	['10 % down, higher is better', 90, 100, 'up', undefined, 'down', 'worsened'],
	['unemployment falls: lower is better', 6.2, 7.1, 'down', undefined, 'down', 'improved'],
	['unemployment rises: lower is better', 7.8, 7.1, 'down', undefined, 'up', 'worsened'],
	['same value', 100, 100, 'up', undefined, 'flat', 'unchanged'],
	['0,5 % is inside the 1 % band', 100.5, 100, 'up', undefined, 'flat', 'unchanged'],
	['exactly 1 % is still flat (band is inclusive)', 101, 100, 'up', undefined, 'flat', 'unchanged'],
	['exactly −1 % is still flat', 99, 100, 'down', undefined, 'flat', 'unchanged'],
	['1,5 % is outside the band', 101.5, 100, 'up', undefined, 'up', 'improved'],
	['band is relative to the size of the number', 0.5, 0.45, 'up', undefined, 'up', 'improved'],
	['wider band', 105, 100, 'up', 0.1, 'flat', 'unchanged'],
	['zero band', 100.001, 100, 'up', 0, 'up', 'improved'],
	['previous 0: absolute change inside the band', 0.005, 0, 'up', undefined, 'flat', 'unchanged'],
	['previous 0: absolute change above the band', 0.5, 0, 'up', undefined, 'up', 'improved'],
	['previous 0: absolute fall', -0.5, 0, 'up', undefined, 'down', 'worsened'],
	['negative previous uses |previous|', -90, -100, 'up', undefined, 'up', 'improved'],
	['no direction: movement only', 110, 100, 'none', undefined, 'up', null],
	['no direction, flat', 100, 100, 'none', undefined, 'flat', null],
	['current missing', null, 100, 'up', undefined, null, null],
	['previous missing', 100, null, 'up', undefined, null, null],
	['both missing', null, null, 'down', undefined, null, null],
	['NaN counts as missing', Number.NaN, 100, 'up', undefined, null, null]
];

describe('computeTrend', () => {
	it.each(cases)('%s', (_name, current, previous, direction, band, movement, trend) => {
		const result = band === undefined ? computeTrend(current, previous, direction) : computeTrend(current, previous, direction, band);
		expect(result).toEqual({ movement, trend });
	});
});

describe('judge', () => {
	it.each([
		['up', 'up', 'improved'],
		['down', 'down', 'improved'],
		['up', 'down', 'worsened'],
		['down', 'up', 'worsened'],
		['flat', 'up', 'unchanged'],
		['flat', 'down', 'unchanged'],
		['up', 'none', null],
		['flat', 'none', null]
	] as const)('movement %s with direction %s → %s', (movement, direction, expected) => {
		expect(judge(movement, direction)).toBe(expected);
	});
});
