import { describe, expect, it } from 'vitest';
import { readNumberCell } from './values-cell';
import { parseSwedishNumber } from '../../domain/number';

describe('readNumberCell agrees with parseSwedishNumber', () => {
	const inputs = ['132670', '12,5', '-3.25', '0', '-0', '007', '302,252', '1.234', '64 714', '64\u00a0714', '4 460 127,0', '58 %', '..', '-', '.', '12,5,3', 'abc', '', '1 2',
		// The character scan's edges: grouping, decimals, lengths and what must fall back to the full parser.
		'1 234,5', '1 234.5', '-1 234', '100 000', '12 34,5', '1234 567', '1  234', ' 12', '12 ', '1 ', '5.', '.5', ',5', '1,234.5', '-0,0', '0,1', '2,675',
		'123456789012345', '1234567890123456', '9007199254740993', '0,000000000000001', '999 999 999 999,999', '1\u202f234', '1\u2009234', '+5', '\u22125', '--5', '1,2,'];
	it.each(inputs)('%j', (input) => {
		const fast = readNumberCell(input);
		const slow = parseSwedishNumber(input);
		if (slow.kind === 'number') expect(fast).toEqual({ kind: 'number', value: slow.value });
		else expect(fast).toEqual(slow);
	});
});
