import { describe, expect, it } from 'vitest';
import type { Period } from './types';
import {
	comparePeriods,
	formatPeriod,
	isPeriod,
	parsePeriod,
	periodFromYear,
	periodYear,
	previousPeriod,
	samePeriodPreviousYear,
	reportedPeriod
} from './period';

const EXAMPLES = '(exempel: 2019, 2019K1, 2019T2, 2026M01, 2015–2016)';

/** Parses a code the test knows is valid. */
function p(code: string): Period {
	const parsed = parsePeriod(code);
	if ('error' in parsed) throw new Error(parsed.error);
	return parsed;
}

describe('parsePeriod: accepted forms', () => {
	const cases: { input: string; expected: Period }[] = [
		{ input: '2019', expected: { kind: 'year', code: '2019', start: '2019-01-01', end: '2019-12-31' } },
		{ input: ' 2019 ', expected: { kind: 'year', code: '2019', start: '2019-01-01', end: '2019-12-31' } },
		{ input: '1800', expected: { kind: 'year', code: '1800', start: '1800-01-01', end: '1800-12-31' } },
		{ input: '2200', expected: { kind: 'year', code: '2200', start: '2200-01-01', end: '2200-12-31' } },
		{ input: '2019H1', expected: { kind: 'half', code: '2019H1', start: '2019-01-01', end: '2019-06-30' } },
		{ input: '2019h2', expected: { kind: 'half', code: '2019H2', start: '2019-07-01', end: '2019-12-31' } },
		{ input: '2019-H1', expected: { kind: 'half', code: '2019H1', start: '2019-01-01', end: '2019-06-30' } },
		{ input: '2019 H2', expected: { kind: 'half', code: '2019H2', start: '2019-07-01', end: '2019-12-31' } },
		{ input: '2019T1', expected: { kind: 'tertial', code: '2019T1', start: '2019-01-01', end: '2019-04-30' } },
		{ input: '2019T2', expected: { kind: 'tertial', code: '2019T2', start: '2019-05-01', end: '2019-08-31' } },
		{ input: '2019t3', expected: { kind: 'tertial', code: '2019T3', start: '2019-09-01', end: '2019-12-31' } },
		{ input: '2019K1', expected: { kind: 'quarter', code: '2019K1', start: '2019-01-01', end: '2019-03-31' } },
		{ input: '2019Q1', expected: { kind: 'quarter', code: '2019K1', start: '2019-01-01', end: '2019-03-31' } },
		{ input: '2019k2', expected: { kind: 'quarter', code: '2019K2', start: '2019-04-01', end: '2019-06-30' } },
		{ input: '2019q3', expected: { kind: 'quarter', code: '2019K3', start: '2019-07-01', end: '2019-09-30' } },
		{ input: '2019K4', expected: { kind: 'quarter', code: '2019K4', start: '2019-10-01', end: '2019-12-31' } },
		{ input: '2026M01', expected: { kind: 'month', code: '2026M01', start: '2026-01-01', end: '2026-01-31' } },
		{ input: '2026M1', expected: { kind: 'month', code: '2026M01', start: '2026-01-01', end: '2026-01-31' } },
		{ input: '2026m12', expected: { kind: 'month', code: '2026M12', start: '2026-12-01', end: '2026-12-31' } },
		{ input: '2026-01', expected: { kind: 'month', code: '2026M01', start: '2026-01-01', end: '2026-01-31' } },
		{ input: '2026M04', expected: { kind: 'month', code: '2026M04', start: '2026-04-01', end: '2026-04-30' } },
		// February: leap years by the Gregorian rules (divisible by 4, not by 100 unless by 400).
		{ input: '2023M02', expected: { kind: 'month', code: '2023M02', start: '2023-02-01', end: '2023-02-28' } },
		{ input: '2024M02', expected: { kind: 'month', code: '2024M02', start: '2024-02-01', end: '2024-02-29' } },
		{ input: '2000-02', expected: { kind: 'month', code: '2000M02', start: '2000-02-01', end: '2000-02-29' } },
		{ input: '1900M02', expected: { kind: 'month', code: '1900M02', start: '1900-02-01', end: '1900-02-28' } },
		{ input: '2100M02', expected: { kind: 'month', code: '2100M02', start: '2100-02-01', end: '2100-02-28' } },
		// ISO month wins over a short range with a hyphen: "2009-10" is October 2009.
		{ input: '2009-10', expected: { kind: 'month', code: '2009M10', start: '2009-10-01', end: '2009-10-31' } },
		{ input: '2015–16', expected: { kind: 'range', code: '2015-2016', start: '2015-01-01', end: '2016-12-31' } },
		{ input: '2015-16', expected: { kind: 'range', code: '2015-2016', start: '2015-01-01', end: '2016-12-31' } },
		{ input: '2015–2016', expected: { kind: 'range', code: '2015-2016', start: '2015-01-01', end: '2016-12-31' } },
		{ input: '2015-2016', expected: { kind: 'range', code: '2015-2016', start: '2015-01-01', end: '2016-12-31' } },
		{ input: '2015/16', expected: { kind: 'range', code: '2015-2016', start: '2015-01-01', end: '2016-12-31' } },
		{ input: '2015/2016', expected: { kind: 'range', code: '2015-2016', start: '2015-01-01', end: '2016-12-31' } },
		{ input: '2015 – 2016', expected: { kind: 'range', code: '2015-2016', start: '2015-01-01', end: '2016-12-31' } },
		{ input: '2015—2018', expected: { kind: 'range', code: '2015-2018', start: '2015-01-01', end: '2018-12-31' } },
		{ input: '2009–10', expected: { kind: 'range', code: '2009-2010', start: '2009-01-01', end: '2010-12-31' } },
		{ input: '2009/10', expected: { kind: 'range', code: '2009-2010', start: '2009-01-01', end: '2010-12-31' } },
		{ input: '1999/00', expected: { kind: 'range', code: '1999-2000', start: '1999-01-01', end: '2000-12-31' } },
		// A one-year range is that year (one code per period, so equal periods compare equal).
		{ input: '2019-2019', expected: { kind: 'year', code: '2019', start: '2019-01-01', end: '2019-12-31' } },
		{ input: '2019–19', expected: { kind: 'year', code: '2019', start: '2019-01-01', end: '2019-12-31' } }
	];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(parsePeriod(input)).toEqual(expected);
	});
});

describe('parsePeriod: rejected with a Swedish message', () => {
	const cases: { input: string; expected: string }[] = [
		{ input: '2019X', expected: `'2019X' är ingen period ${EXAMPLES}` },
		{ input: '', expected: `Tom period ${EXAMPLES}` },
		{ input: '   ', expected: `Tom period ${EXAMPLES}` },
		{ input: 'år 2019', expected: `'år 2019' är ingen period ${EXAMPLES}` },
		{ input: '19', expected: `'19' är ingen period ${EXAMPLES}` },
		{ input: '20190', expected: `'20190' är ingen period ${EXAMPLES}` },
		{ input: '2019K01', expected: `'2019K01' är ingen period ${EXAMPLES}` },
		{ input: '2026-1', expected: `'2026-1' är ingen period ${EXAMPLES}` },
		{ input: '2019-01-01', expected: `'2019-01-01' är ingen period ${EXAMPLES}` },
		{ input: '1799', expected: "'1799' är ingen period: året 1799 ligger utanför 1800–2200" },
		{ input: '2201', expected: "'2201' är ingen period: året 2201 ligger utanför 1800–2200" },
		{ input: '0000', expected: "'0000' är ingen period: året 0 ligger utanför 1800–2200" },
		{ input: '1700K1', expected: "'1700K1' är ingen period: året 1700 ligger utanför 1800–2200" },
		{ input: '2026M13', expected: "'2026M13' är ingen period: månad måste vara 1–12" },
		{ input: '2026M00', expected: "'2026M00' är ingen period: månad måste vara 1–12" },
		{ input: '2019K5', expected: "'2019K5' är ingen period: kvartal måste vara 1–4" },
		{ input: '2019Q0', expected: "'2019Q0' är ingen period: kvartal måste vara 1–4" },
		{ input: '2019T4', expected: "'2019T4' är ingen period: tertial måste vara 1–3" },
		{ input: '2019H3', expected: "'2019H3' är ingen period: halvår måste vara 1–2" },
		{ input: '2016-2015', expected: "'2016-2015' är ingen period: slutåret 2015 är före startåret 2016" },
		{ input: '2016/15', expected: "'2016/15' är ingen period: slutåret 2015 är före startåret 2016" },
		// "-13" cannot be a month; read as a short range it would end before it starts (not 2026–2113).
		{ input: '2026-13', expected: "'2026-13' är ingen period: slutåret 2013 är före startåret 2026" },
		{ input: '2015-2300', expected: "'2015-2300' är ingen period: året 2300 ligger utanför 1800–2200" }
	];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(parsePeriod(input)).toEqual({ error: expected });
	});
});

describe('isPeriod', () => {
	const cases: { input: unknown; expected: boolean }[] = [
		{ input: p('2019'), expected: true },
		{ input: p('2019K1'), expected: true },
		{ input: p('2015-2016'), expected: true },
		{ input: p('2024M02'), expected: true },
		{ input: { kind: 'year', code: '2019', start: '2019-01-01', end: '2019-12-30' }, expected: false },
		{ input: { kind: 'quarter', code: '2019', start: '2019-01-01', end: '2019-12-31' }, expected: false },
		{ input: { kind: 'week', code: '2019', start: '2019-01-01', end: '2019-12-31' }, expected: false },
		{ input: { kind: 'quarter', code: '2019Q1', start: '2019-01-01', end: '2019-03-31' }, expected: false },
		{ input: { kind: 'year', code: 2019, start: '2019-01-01', end: '2019-12-31' }, expected: false },
		{ input: { kind: 'year', code: '2019' }, expected: false },
		{ input: '2019', expected: false },
		{ input: null, expected: false },
		{ input: undefined, expected: false }
	];
	it.each(cases)('%#: $input', ({ input, expected }) => {
		expect(isPeriod(input)).toBe(expected);
	});
});

describe('periodFromYear', () => {
	const cases: { input: number; expected: Period | string }[] = [
		{ input: 2019, expected: { kind: 'year', code: '2019', start: '2019-01-01', end: '2019-12-31' } },
		{ input: 1800, expected: { kind: 'year', code: '1800', start: '1800-01-01', end: '1800-12-31' } },
		{ input: 1799, expected: '1799 är inget år mellan 1800 och 2200' },
		{ input: 2201, expected: '2201 är inget år mellan 1800 och 2200' },
		{ input: 2019.5, expected: '2019.5 är inget år mellan 1800 och 2200' },
		{ input: Number.NaN, expected: 'NaN är inget år mellan 1800 och 2200' }
	];
	it.each(cases)('$input', ({ input, expected }) => {
		if (typeof expected === 'string') expect(() => periodFromYear(input)).toThrow(new RangeError(expected));
		else expect(periodFromYear(input)).toEqual(expected);
	});
});

describe('comparePeriods', () => {
	const cases: { input: [string, string]; expected: number }[] = [
		{ input: ['2018', '2019'], expected: -1 },
		{ input: ['2019', '2018'], expected: 1 },
		{ input: ['2019', '2019'], expected: 0 },
		{ input: ['2019K1', '2019Q1'], expected: 0 },
		{ input: ['2019K1', '2019K2'], expected: -1 },
		{ input: ['2019M03', '2019K1'], expected: 1 }, // same end, later start comes after
		{ input: ['2019K4', '2019'], expected: 1 },
		{ input: ['2019H2', '2019'], expected: 1 },
		{ input: ['2019', '2019M12'], expected: -1 },
		{ input: ['2015-2016', '2016'], expected: -1 }, // same end; the longer period starts earlier
		{ input: ['2016', '2016K1'], expected: 1 }, // ends later
		{ input: ['2018M12', '2019K1'], expected: -1 },
		{ input: ['2019T3', '2019K4'], expected: -1 }
	];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(Math.sign(comparePeriods(p(input[0]), p(input[1])))).toBe(expected);
	});

	const sorts: { input: string[]; expected: string[] }[] = [
		{
			input: ['2019', '2018K4', '2015-2016', '2019H1', '2016', '2019M01', '2019K1'],
			expected: ['2015-2016', '2016', '2018K4', '2019M01', '2019K1', '2019H1', '2019']
		}
	];
	it.each(sorts)('sorts $input', ({ input, expected }) => {
		expect(input.map(p).sort(comparePeriods).map((x) => x.code)).toEqual(expected);
	});
});

describe('previousPeriod', () => {
	const cases: { input: string; expected: string }[] = [
		{ input: '2019', expected: '2018' },
		{ input: '2019H1', expected: '2018H2' },
		{ input: '2019H2', expected: '2019H1' },
		{ input: '2019T1', expected: '2018T3' },
		{ input: '2019T3', expected: '2019T2' },
		{ input: '2019K1', expected: '2018K4' },
		{ input: '2019K3', expected: '2019K2' },
		{ input: '2026M01', expected: '2025M12' },
		{ input: '2024M03', expected: '2024M02' },
		{ input: '2015-2016', expected: '2013-2014' },
		{ input: '2015-2018', expected: '2011-2014' }
	];
	it.each(cases)('$input → $expected', ({ input, expected }) => {
		expect(previousPeriod(p(input))).toEqual(p(expected));
	});

	const errors: { input: string; expected: string }[] = [
		{ input: '1800', expected: 'Perioden före 1799 ligger före 1800' },
		{ input: '1800K1', expected: 'Perioden före 1799K4 ligger före 1800' },
		{ input: '1801-1802', expected: 'Perioden före 1799-1800 ligger före 1800' }
	];
	it.each(errors)('$input throws', ({ input, expected }) => {
		expect(() => previousPeriod(p(input))).toThrow(new RangeError(expected));
	});
});

describe('samePeriodPreviousYear', () => {
	const cases: { input: string; expected: string }[] = [
		{ input: '2019', expected: '2018' },
		{ input: '2019H2', expected: '2018H2' },
		{ input: '2019T2', expected: '2018T2' },
		{ input: '2019K2', expected: '2018K2' },
		{ input: '2026M01', expected: '2025M01' },
		{ input: '2024M02', expected: '2023M02' }, // end moves from the 29th to the 28th
		{ input: '2015-2016', expected: '2014-2015' }
	];
	it.each(cases)('$input → $expected', ({ input, expected }) => {
		expect(samePeriodPreviousYear(p(input))).toEqual(p(expected));
	});
});

describe('periodYear', () => {
	const cases: { input: string; expected: number }[] = [
		{ input: '2019', expected: 2019 },
		{ input: '2019K3', expected: 2019 },
		{ input: '2026M01', expected: 2026 },
		{ input: '2015-2016', expected: 2016 }
	];
	it.each(cases)('$input → $expected', ({ input, expected }) => {
		expect(periodYear(p(input))).toBe(expected);
	});
});

describe('formatPeriod', () => {
	const cases: { input: { period: string; locale?: 'sv' | 'en'; parsed?: boolean }; expected: string }[] = [
		{ input: { period: '2019' }, expected: '2019' },
		{ input: { period: '2019H1' }, expected: 'Halvår 1 2019' },
		{ input: { period: '2019T2' }, expected: 'Tertial 2 2019' },
		{ input: { period: '2019K1' }, expected: 'Kvartal 1 2019' },
		{ input: { period: '2026M01' }, expected: 'januari 2026' },
		{ input: { period: '2026M12', parsed: true }, expected: 'december 2026' },
		{ input: { period: '2015-2016' }, expected: '2015–2016' },
		{ input: { period: '2015/16', parsed: true }, expected: '2015–2016' },
		{ input: { period: '2019q4', locale: 'sv' }, expected: 'Kvartal 4 2019' },
		{ input: { period: '2019', locale: 'en' }, expected: '2019' },
		{ input: { period: '2019H1', locale: 'en' }, expected: 'H1 2019' },
		{ input: { period: '2019T2', locale: 'en' }, expected: 'T2 2019' },
		{ input: { period: '2019K1', locale: 'en', parsed: true }, expected: 'Q1 2019' },
		{ input: { period: '2026-01', locale: 'en' }, expected: 'January 2026' },
		{ input: { period: '2015-2016', locale: 'en' }, expected: '2015–2016' },
		// Not a period: shown as written, so a page never breaks on odd data.
		{ input: { period: ' hösten 2019 ' }, expected: 'hösten 2019' },
		{ input: { period: '2019K5', locale: 'en' }, expected: '2019K5' }
	];
	it.each(cases)('$input.period $input.locale → $expected', ({ input, expected }) => {
		const arg = input.parsed ? p(input.period) : input.period;
		expect(formatPeriod(arg, input.locale)).toBe(expected);
	});
});

describe('reportedPeriod', () => {
	it.each([
		['year', '2026-04-30', '2025'],
		['year', '2025-12-31', '2025'],
		['year', '2025-08-31', '2024'],
		['irregular', '2025-12-31', '2025'],
		['tertial', '2026-04-30', '2026T1'],
		['tertial', '2025-08-31', '2025T2'],
		['tertial', '2025-12-31', '2025T3'],
		['tertial', '2026-03-31', '2025T3'],
		['half', '2025-06-30', '2025H1'],
		['half', '2025-08-31', '2025H1'],
		['quarter', '2025-08-31', '2025K2'],
		['quarter', '2025-02-15', '2024K4'],
		['month', '2026-04-30', '2026M04'],
		['month', '2026-04-29', '2026M03'],
		['month', '2026-01-15', '2025M12']
	] as const)('%s, follow-up ending %s → %s', (frequency, end, code) => {
		expect(reportedPeriod(frequency, end).code).toBe(code);
	});
});
