import { describe, expect, it } from 'vitest';
import { cellField, editText, parseCellField, parseSeen, formatSeen } from './grid-cell';
import { parseEnteredValue } from './entered-value';

describe('editText', () => {
	const cases = [
		{ v: null, expected: '' },
		{ v: { value: 81.4, textValue: null, missingSymbol: null }, expected: '81,4' },
		{ v: { value: 2588, textValue: null, missingSymbol: null }, expected: '2\u00a0588' },
		{ v: { value: -1.5, textValue: null, missingSymbol: null }, expected: '\u22121,5' },
		{ v: { value: 0.123456, textValue: null, missingSymbol: null }, expected: '0,123456' },
		{ v: { value: null, textValue: 'Helt', missingSymbol: null }, expected: 'Helt' },
		{ v: { value: null, textValue: null, missingSymbol: '..' as const }, expected: '..' }
	];
	it.each(cases)('$v → $expected', ({ v, expected }) => {
		expect(editText(v)).toBe(expected);
	});

	it('reads back as the same value, so an untouched cell never changes', () => {
		for (const value of [81.4, 2588, -1.5, 0.123456, 1234567.25, 0]) {
			expect(parseEnteredValue(editText({ value, textValue: null, missingSymbol: null }))).toEqual({ kind: 'number', value });
		}
	});
});

describe('cell fields', () => {
	it('names a cell by indicator and period and reads it back', () => {
		expect(cellField(52, '2026T1')).toBe('cell-52-2026T1');
		expect(parseCellField('cell-52-2026T1')).toEqual({ indicatorId: 52, period: '2026T1' });
		expect(parseCellField('cell-52-2015-2016')).toEqual({ indicatorId: 52, period: '2015-2016' });
		expect(parseCellField('was-cell-52-2025')).toBeNull();
		expect(parseCellField('cell-x-2025')).toBeNull();
	});

	it('sends versions as "draft.published" and refuses anything else', () => {
		expect(formatSeen({ draftVersion: 2, publishedVersion: 0 })).toBe('2.0');
		expect(parseSeen('2.0')).toEqual({ draftVersion: 2, publishedVersion: 0 });
		for (const bad of ['', '2', '2.', 'a.b', '-1.0', '1.2.3']) expect(parseSeen(bad)).toBeNull();
	});
});
