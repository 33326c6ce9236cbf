import { describe, expect, it } from 'vitest';
import { isComparableAcrossAreas } from './units';

describe('isComparableAcrossAreas', () => {
	it.each([
		['%', true],
		['procent', true],
		['per 1 000 inv.', true],
		['ton/inv.', true],
		['index', true],
		['invånare', false],
		['st', false],
		['mnkr', false],
		['besök', false],
		[null, false],
		['', false]
	] as const)('%s → %s', (unit, expected) => {
		expect(isComparableAcrossAreas(unit)).toBe(expected);
	});
});
