import { describe, expect, it } from 'vitest';
import { formatChange, formatDate, formatDateLong, formatDateTime, formatNumber, formatPercent, formatValue, type NumberOptions } from './format';

// Exact characters Intl uses: no-break space groups thousands in sv-SE, U+2212 is its minus sign.
const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('formatNumber', () => {
	const cases: { input: { value: number; opts?: NumberOptions }; expected: string }[] = [
		{ input: { value: 2588 }, expected: `2${NBSP}588` },
		{ input: { value: 4460127 }, expected: `4${NBSP}460${NBSP}127` },
		{ input: { value: 12.5 }, expected: '12,5' },
		{ input: { value: -1.5 }, expected: `${MINUS}1,5` },
		{ input: { value: 0 }, expected: '0' },
		{ input: { value: -0 }, expected: '0' },
		{ input: { value: 100 }, expected: '100' },
		// Own precision, at most two decimals.
		{ input: { value: 12.345 }, expected: '12,35' },
		{ input: { value: 0.05 }, expected: '0,05' },
		{ input: { value: 0.001 }, expected: '0' },
		// A negative value that rounds to zero must not show "−0".
		{ input: { value: -0.001 }, expected: '0' },
		{ input: { value: 12.5, opts: { decimals: 0 } }, expected: '13' },
		{ input: { value: 58, opts: { decimals: 1 } }, expected: '58,0' },
		{ input: { value: 2588, opts: { decimals: 2 } }, expected: `2${NBSP}588,00` },
		{ input: { value: 1.23456, opts: { decimals: 3 } }, expected: '1,235' },
		{ input: { value: -0.04, opts: { decimals: 1 } }, expected: '0,0' },
		{ input: { value: 12.5, opts: { decimals: -1 } }, expected: '13' },
		{ input: { value: 12.5, opts: { decimals: Number.NaN } }, expected: '12,5' },
		{ input: { value: 2588, opts: { locale: 'en' } }, expected: '2,588' },
		{ input: { value: 12.5, opts: { locale: 'en' } }, expected: '12.5' },
		{ input: { value: -1.5, opts: { locale: 'en' } }, expected: '-1.5' },
		{ input: { value: 1234567.891, opts: { locale: 'en', decimals: 1 } }, expected: '1,234,567.9' },
		{ input: { value: Number.NaN }, expected: '–' },
		{ input: { value: Number.POSITIVE_INFINITY }, expected: '–' },
		{ input: { value: Number.NEGATIVE_INFINITY, opts: { locale: 'en' } }, expected: '–' }
	];
	it.each(cases)('$input.value $input.opts → $expected', ({ input, expected }) => {
		expect(formatNumber(input.value, input.opts)).toBe(expected);
	});
});

describe('formatValue', () => {
	const cases: { input: { value: number; unit: string | null | undefined; opts?: NumberOptions }; expected: string }[] = [
		{ input: { value: 58, unit: '%' }, expected: `58${NBSP}%` },
		{ input: { value: 79.5, unit: 'procent' }, expected: `79,5${NBSP}%` },
		{ input: { value: 79.5, unit: 'Procent' }, expected: `79,5${NBSP}%` },
		{ input: { value: 37, unit: 'st' }, expected: `37${NBSP}st` },
		{ input: { value: 3.9, unit: 'mnkr' }, expected: `3,9${NBSP}mnkr` },
		{ input: { value: 2588, unit: 'invånare' }, expected: `2${NBSP}588${NBSP}invånare` },
		{ input: { value: 1200, unit: 'kr' }, expected: `1${NBSP}200${NBSP}kr` },
		{ input: { value: 1200, unit: ' kr ' }, expected: `1${NBSP}200${NBSP}kr` },
		{ input: { value: 1200, unit: null }, expected: `1${NBSP}200` },
		{ input: { value: 1200, unit: undefined }, expected: `1${NBSP}200` },
		{ input: { value: 1200, unit: '' }, expected: `1${NBSP}200` },
		{ input: { value: 1200, unit: '  ' }, expected: `1${NBSP}200` },
		{ input: { value: -2.25, unit: 'mnkr', opts: { decimals: 1 } }, expected: `${MINUS}2,3${NBSP}mnkr` },
		{ input: { value: 56.5, unit: '%', opts: { locale: 'en' } }, expected: '56.5%' },
		{ input: { value: 1200, unit: 'kr', opts: { locale: 'en' } }, expected: `1,200${NBSP}kr` },
		{ input: { value: Number.NaN, unit: 'kr' }, expected: '–' }
	];
	it.each(cases)('$input.value $input.unit → $expected', ({ input, expected }) => {
		expect(formatValue(input.value, input.unit, input.opts)).toBe(expected);
	});
});

describe('formatPercent', () => {
	const cases: { input: { value: number; opts?: NumberOptions }; expected: string }[] = [
		{ input: { value: 58 }, expected: `58${NBSP}%` },
		{ input: { value: 56.5 }, expected: `56,5${NBSP}%` },
		{ input: { value: 75, opts: { decimals: 1 } }, expected: `75,0${NBSP}%` },
		{ input: { value: -3.25 }, expected: `${MINUS}3,25${NBSP}%` },
		{ input: { value: 56.5, opts: { locale: 'en' } }, expected: '56.5%' },
		{ input: { value: 4.2553, opts: { maxDecimals: 1 } }, expected: `4,3${NBSP}%` },
		{ input: { value: 5, opts: { maxDecimals: 1 } }, expected: `5${NBSP}%` }
	];
	it.each(cases)('$input.value → $expected', ({ input, expected }) => {
		expect(formatPercent(input.value, input.opts)).toBe(expected);
	});
});

describe('formatChange', () => {
	const cases: { input: { delta: number; unit?: string | null; opts?: NumberOptions }; expected: string }[] = [
		{ input: { delta: 1.2 }, expected: '+1,2' },
		{ input: { delta: -0.5 }, expected: `${MINUS}0,5` },
		{ input: { delta: 0 }, expected: '±0' },
		{ input: { delta: -0 }, expected: '±0' },
		{ input: { delta: 0, opts: { decimals: 1 } }, expected: '±0,0' },
		// Rounds to zero at the shown precision: no sign that contradicts the digits.
		{ input: { delta: 0.001 }, expected: '±0' },
		{ input: { delta: -0.04, opts: { decimals: 1 } }, expected: '±0,0' },
		{ input: { delta: 2588 }, expected: `+2${NBSP}588` },
		{ input: { delta: 1.2, unit: '%' }, expected: `+1,2${NBSP}%` },
		{ input: { delta: -3, unit: 'st' }, expected: `${MINUS}3${NBSP}st` },
		{ input: { delta: 0, unit: 'kr' }, expected: `±0${NBSP}kr` },
		{ input: { delta: 1.2, unit: null }, expected: '+1,2' },
		{ input: { delta: 1.25, opts: { decimals: 1 } }, expected: '+1,3' },
		{ input: { delta: 1.2, opts: { locale: 'en' } }, expected: '+1.2' },
		{ input: { delta: -0.5, opts: { locale: 'en' } }, expected: '-0.5' },
		{ input: { delta: 0, opts: { locale: 'en' } }, expected: '±0' },
		{ input: { delta: Number.NaN, unit: '%' }, expected: '–' }
	];
	it.each(cases)('$input.delta $input.unit → $expected', ({ input, expected }) => {
		expect(formatChange(input.delta, input.unit, input.opts)).toBe(expected);
	});
});

describe('formatDate', () => {
	const cases: { input: { iso: string; locale?: 'sv' | 'en' }; expected: string }[] = [
		{ input: { iso: '2020-02-14' }, expected: '2020-02-14' },
		{ input: { iso: '2020-02-14', locale: 'sv' }, expected: '2020-02-14' },
		{ input: { iso: '2020-02-14', locale: 'en' }, expected: '14 Feb 2020' },
		{ input: { iso: '2020-01-01', locale: 'en' }, expected: '1 Jan 2020' },
		{ input: { iso: '2019-12-31', locale: 'en' }, expected: '31 Dec 2019' },
		{ input: { iso: '2020-02-29', locale: 'en' }, expected: '29 Feb 2020' },
		// The date as written, never moved by a time zone offset.
		{ input: { iso: '2020-02-14T23:30:00+01:00', locale: 'en' }, expected: '14 Feb 2020' },
		{ input: { iso: '2020-02-14T00:30:00Z' }, expected: '2020-02-14' },
		{ input: { iso: ' 2020-02-14 ' }, expected: '2020-02-14' },
		// Not a date: returned unchanged rather than throwing during rendering.
		{ input: { iso: '2019-02-29' }, expected: '2019-02-29' },
		{ input: { iso: '2019-02-29', locale: 'en' }, expected: '2019-02-29' },
		{ input: { iso: '2020-13-01', locale: 'en' }, expected: '2020-13-01' },
		{ input: { iso: '14/2/2020', locale: 'en' }, expected: '14/2/2020' },
		{ input: { iso: '', locale: 'en' }, expected: '' }
	];
	it.each(cases)('$input.iso $input.locale → $expected', ({ input, expected }) => {
		expect(formatDate(input.iso, input.locale)).toBe(expected);
	});
});

describe('formatDateLong', () => {
	const cases: { input: { iso: string; locale?: 'sv' | 'en' }; expected: string }[] = [
		{ input: { iso: '2020-02-14' }, expected: '14 februari 2020' },
		{ input: { iso: '2020-02-14', locale: 'en' }, expected: '14 February 2020' },
		{ input: { iso: '2020-01-01' }, expected: '1 januari 2020' },
		{ input: { iso: '2019-12-31' }, expected: '31 december 2019' },
		{ input: { iso: '2019-12-31', locale: 'en' }, expected: '31 December 2019' },
		{ input: { iso: '2024-02-29' }, expected: '29 februari 2024' },
		{ input: { iso: '2020-02-14T23:30:00-05:00' }, expected: '14 februari 2020' },
		{ input: { iso: '2019-02-29' }, expected: '2019-02-29' },
		{ input: { iso: 'igår' }, expected: 'igår' }
	];
	it.each(cases)('$input.iso $input.locale → $expected', ({ input, expected }) => {
		expect(formatDateLong(input.iso, input.locale)).toBe(expected);
	});
});

describe('formatDateTime', () => {
	const cases: { input: { iso: string; locale?: 'sv' | 'en' }; expected: string }[] = [
		// Summer time: UTC+2.
		{ input: { iso: '2026-05-03T12:05:09.123Z' }, expected: '2026-05-03 14:05' },
		{ input: { iso: '2026-05-03T12:05:09.123Z', locale: 'en' }, expected: '3 May 2026, 14:05' },
		// Winter time: UTC+1, and past midnight in Sweden while still the day before in UTC.
		{ input: { iso: '2025-12-31T23:30:00Z' }, expected: '2026-01-01 00:30' },
		{ input: { iso: 'igår' }, expected: 'igår' },
		{ input: { iso: '' }, expected: '' }
	];
	it.each(cases)('$input.iso $input.locale → $expected', ({ input, expected }) => {
		expect(formatDateTime(input.iso, input.locale)).toBe(expected);
	});
});
