import { describe, expect, it } from 'vitest';
import { indicatorStatus, parseStatusText, type IndicatorStatusInput } from './indicator-status';
import type { IndicatorStatus } from './types';

describe('parseStatusText', () => {
	it.each([
		['Helt', 'full'],
		['helt', 'full'],
		['HELT', 'full'],
		['Delvis', 'partial'],
		['  delvis  ', 'partial'],
		['Delvis\u00a0', 'partial'],
		['Inte alls', 'none'],
		['INTE ALLS', 'none'],
		['Inte  alls.', 'none'],
		['inte\nalls', 'none'],
		['Värde saknas för perioden', 'missing'],
		['VÄRDE SAKNAS', 'missing'],
		['', null],
		['Ja', null],
		['Helt uppnått', null],
		['56,5%', null],
		['full', null]
	] as const)('%j → %s', (text, expected) => {
		expect(parseStatusText(text)).toBe(expected);
	});
});

type StatusCase = [string, IndicatorStatusInput, IndicatorStatus | null];

const cases: StatusCase[] = [
	['printed "Helt" in the Utfall column', { hasValue: true, colour: null, textValue: 'Helt' }, 'full'],
	['printed word wins over the colour', { hasValue: true, colour: 'red', textValue: 'Delvis' }, 'partial'],
	['printed "inte alls" in lower case', { hasValue: true, colour: null, textValue: 'inte alls' }, 'none'],
	['printed word counts even without a numeric value', { hasValue: false, colour: null, textValue: 'Helt' }, 'full'],
	['no value', { hasValue: false, colour: null }, 'missing'],
	['no value, stale colour ignored', { hasValue: false, colour: 'green' }, 'missing'],
	['green', { hasValue: true, colour: 'green' }, 'full'],
	['yellow', { hasValue: true, colour: 'yellow' }, 'partial'],
	['red', { hasValue: true, colour: 'red' }, 'none'],
	['value without colour: cannot say', { hasValue: true, colour: null }, null],
	['unknown word falls back to the colour', { hasValue: true, colour: 'green', textValue: 'Ja' }, 'full'],
	['unknown word, no colour', { hasValue: true, colour: null, textValue: 'se kommentar' }, null],
	['empty text, no value', { hasValue: false, colour: null, textValue: '' }, 'missing'],
	['null text, yellow', { hasValue: true, colour: 'yellow', textValue: null }, 'partial']
];

describe('indicatorStatus', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		expect(indicatorStatus(input)).toBe(expected);
	});
});
