import { describe, expect, it } from 'vitest';
import { readNumberCell } from './values-cell';
import { parseSwedishNumber } from '../../domain/number';

describe('readNumberCell agrees with parseSwedishNumber', () => {
	const inputs = ['132670', '12,5', '-3.25', '0', '-0', '007', '302,252', '1.234', '64 714', '64\u00a0714', '4 460 127,0', '58 %', '..', '-', '.', '12,5,3', 'abc', '', '1 2'];
	it.each(inputs)('%j', (input) => {
		const fast = readNumberCell(input);
		const slow = parseSwedishNumber(input);
		if (slow.kind === 'number') expect(fast).toEqual({ kind: 'number', value: slow.value });
		else expect(fast).toEqual(slow);
	});
});
