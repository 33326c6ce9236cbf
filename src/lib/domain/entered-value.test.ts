import { describe, expect, it } from 'vitest';
import { parseEnteredValue } from './entered-value';

describe('parseEnteredValue', () => {
	it.each([
		['', { kind: 'empty' }],
		['   ', { kind: 'empty' }],
		['12,5', { kind: 'number', value: 12.5 }],
		['2 588', { kind: 'number', value: 2588 }],
		['2\u00a0588', { kind: 'number', value: 2588 }],
		['−3,2', { kind: 'number', value: -3.2 }],
		['58 %', { kind: 'number', value: 58 }],
		['..', { kind: 'missing', symbol: '..' }],
		['-', { kind: 'missing', symbol: '-' }],
		['Helt', { kind: 'text', text: 'Helt' }],
		['  Delvis uppfyllt ', { kind: 'text', text: 'Delvis uppfyllt' }]
	])('%j → %j', (input, expected) => {
		expect(parseEnteredValue(input)).toEqual(expected);
	});

	it.each(['12,5,3', '1 2', '12a', '3,4 %%'])('%j is a typo in a number, reported with the value and an example', (input) => {
		const r = parseEnteredValue(input);
		expect(r.kind).toBe('invalid');
		if (r.kind === 'invalid') {
			expect(r.message.sv).toContain(`'${input}' är inte ett tal`);
			expect(r.message.sv).toContain('12,5');
			// Said once, not twice.
			expect(r.message.sv.split('är inte ett tal')).toHaveLength(2);
		}
	});

	it('refuses an essay in the value field', () => {
		const r = parseEnteredValue('x'.repeat(201));
		expect(r.kind).toBe('invalid');
	});
});
