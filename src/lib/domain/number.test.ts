import { describe, expect, it } from 'vitest';
import { isMissingSymbol, MISSING_SYMBOL_MEANING, parseSwedishNumber, type ParsedValue } from './number';

const num = (value: number, decimals = 0, percent = false): ParsedValue => ({ kind: 'number', value, decimals, percent });

describe('parseSwedishNumber: numbers', () => {
	const cases: { input: string; expected: ParsedValue }[] = [
		{ input: '2 588', expected: num(2588) },
		{ input: '2\u00a0588', expected: num(2588) },
		{ input: '2\u202f588', expected: num(2588) },
		{ input: '2\u2009588', expected: num(2588) },
		{ input: '2588', expected: num(2588) },
		{ input: '12,5', expected: num(12.5, 1) },
		{ input: '12.5', expected: num(12.5, 1) },
		{ input: '56.5%', expected: num(56.5, 1, true) },
		{ input: '58 %', expected: num(58, 0, true) },
		{ input: '58\u00a0%', expected: num(58, 0, true) },
		{ input: '58%', expected: num(58, 0, true) },
		{ input: '79,5 %', expected: num(79.5, 1, true) },
		{ input: '-1,5', expected: num(-1.5, 1) },
		{ input: '\u22121,5', expected: num(-1.5, 1) },
		{ input: '-12,5%', expected: num(-12.5, 1, true) },
		{ input: '+3', expected: num(3) },
		{ input: ' 7 ', expected: num(7) },
		{ input: '\u00a07\t\n', expected: num(7) },
		{ input: '1.234,5', expected: num(1234.5, 1) },
		{ input: '1,234.5', expected: num(1234.5, 1) },
		{ input: '1.234.567,25', expected: num(1234567.25, 2) },
		{ input: '1,234,567.25', expected: num(1234567.25, 2) },
		{ input: '1.234.567', expected: num(1234567) },
		{ input: '1,234,567', expected: num(1234567) },
		{ input: '0,0', expected: num(0, 1) },
		{ input: '-0,0', expected: num(0, 1) },
		{ input: '0', expected: num(0) },
		{ input: '100', expected: num(100) },
		{ input: '4 460 127,0', expected: num(4460127, 1) },
		{ input: '4460127,0', expected: num(4460127, 1) },
		{ input: '12,50', expected: num(12.5, 2) },
		{ input: '0,05', expected: num(0.05, 2) },
		{ input: '007', expected: num(7) },
		// A single separator before exactly three digits is read as the decimal mark (Swedish convention).
		{ input: '302,252', expected: num(302.252, 3) },
		{ input: '1.234', expected: num(1.234, 3) }
	];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(parseSwedishNumber(input)).toEqual(expected);
	});
});

describe('parseSwedishNumber: missing symbols are never 0', () => {
	const cases: { input: string; expected: ParsedValue }[] = [
		{ input: '..', expected: { kind: 'missing', symbol: '..' } },
		{ input: '-', expected: { kind: 'missing', symbol: '-' } },
		{ input: '.', expected: { kind: 'missing', symbol: '.' } },
		{ input: ' .. ', expected: { kind: 'missing', symbol: '..' } },
		{ input: '\u00a0-\u00a0', expected: { kind: 'missing', symbol: '-' } },
		{ input: '\t.\n', expected: { kind: 'missing', symbol: '.' } }
	];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(parseSwedishNumber(input)).toEqual(expected);
	});
});

describe('parseSwedishNumber: rejects with a Swedish reason', () => {
	const cases: { input: string; expected: string }[] = [
		{ input: '', expected: 'tomt värde' },
		{ input: '   ', expected: 'tomt värde' },
		{ input: '\u00a0', expected: 'tomt värde' },
		{ input: '12,5,3', expected: "'12,5,3' är inte ett tal: för många skiljetecken" },
		{ input: '1.2.3', expected: "'1.2.3' är inte ett tal: för många skiljetecken" },
		{ input: 'abc', expected: "'abc' är inte ett tal" },
		{ input: '1 2,3 4', expected: "'1 2,3 4' är inte ett tal: tusentalsgrupper ska ha tre siffror" },
		{ input: '1 2', expected: "'1 2' är inte ett tal: tusentalsgrupper ska ha tre siffror" },
		{ input: '2 5888', expected: "'2 5888' är inte ett tal: tusentalsgrupper ska ha tre siffror" },
		{ input: '2588 000', expected: "'2588 000' är inte ett tal: tusentalsgrupper ska ha tre siffror" },
		{ input: '2  588', expected: "'2  588' är inte ett tal: tusentalsgrupper ska ha tre siffror" },
		{ input: '12,5 3', expected: "'12,5 3' är inte ett tal: decimalerna får inte delas upp" },
		{ input: '12%%', expected: "'12%%' är inte ett tal: procenttecknet får bara stå en gång" },
		{ input: '%12', expected: "'%12' är inte ett tal: procenttecknet ska stå sist" },
		{ input: '%', expected: "'%' är inte ett tal" },
		{ input: '--5', expected: "'--5' är inte ett tal: tecknet ska stå direkt före en siffra" },
		{ input: '+-5', expected: "'+-5' är inte ett tal: tecknet ska stå direkt före en siffra" },
		{ input: '- 5', expected: "'- 5' är inte ett tal: tecknet ska stå direkt före en siffra" },
		{ input: '5-', expected: "'5-' är inte ett tal" },
		{ input: 'NaN', expected: "'NaN' är inte ett tal" },
		{ input: 'Infinity', expected: "'Infinity' är inte ett tal" },
		{ input: '-Infinity', expected: "'-Infinity' är inte ett tal: tecknet ska stå direkt före en siffra" },
		{ input: '1e5', expected: "'1e5' är inte ett tal" },
		{ input: '0x10', expected: "'0x10' är inte ett tal" },
		{ input: 'ca 50 000', expected: "'ca 50 000' är inte ett tal" },
		{ input: '12,', expected: "'12,' är inte ett tal: ska sluta med en siffra" },
		{ input: ',5', expected: "',5' är inte ett tal" },
		{ input: '12 ,5', expected: "'12 ,5' är inte ett tal: siffror saknas före decimaltecknet" },
		{ input: '1.234,5,6', expected: "'1.234,5,6' är inte ett tal: för många decimaltecken" },
		{ input: '1 234.567,5', expected: "'1 234.567,5' är inte ett tal: blandar mellanslag och skiljetecken som tusentalsavgränsare" },
		{ input: '1,23.5', expected: "'1,23.5' är inte ett tal: tusentalsgrupper ska ha tre siffror" },
		{ input: '1.2345,5', expected: "'1.2345,5' är inte ett tal: tusentalsgrupper ska ha tre siffror" },
		{ input: '9'.repeat(400), expected: `'${'9'.repeat(400)}' är inte ett tal: talet är för stort` }
	];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(parseSwedishNumber(input)).toEqual({ kind: 'invalid', input, reason: expected });
	});
});

describe('isMissingSymbol', () => {
	const cases: { input: string; expected: boolean }[] = [
		{ input: '..', expected: true },
		{ input: '-', expected: true },
		{ input: '.', expected: true },
		{ input: ' ..', expected: false },
		{ input: '...', expected: false },
		{ input: '–', expected: false },
		{ input: '0', expected: false },
		{ input: '', expected: false }
	];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(isMissingSymbol(input)).toBe(expected);
	});
});

describe('MISSING_SYMBOL_MEANING', () => {
	const cases = [
		{ input: '..' as const, expected: { sv: 'Uppgift saknas eller är för osäker för att redovisas', en: 'Data not available or too uncertain' } },
		{ input: '-' as const, expected: { sv: 'Inget finns att redovisa (noll)', en: 'Nothing to report (nil)' } },
		{ input: '.' as const, expected: { sv: 'Uppgift kan inte förekomma', en: 'Not applicable' } }
	];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(MISSING_SYMBOL_MEANING[input]).toEqual(expected);
	});
});
