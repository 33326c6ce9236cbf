/**
 * Statistical periods (år, halvår, tertial, kvartal, månad, flerårsperiod) as written by SCB, Kolada
 * and in regional reports, normalised to a `Period` with a canonical code and first/last day.
 */
import type { Period, PeriodKind } from './types';
import type { Locale } from './format';

const MIN_YEAR = 1800;
const MAX_YEAR = 2200;
/** Longest range (in years) a two-digit end may reach across a century boundary. */
const MAX_SHORT_RANGE = 10;
const EXAMPLES = '(exempel: 2019, 2019K1, 2019T2, 2026M01, 2015–2016)';

/** Sub-year periods: how many there are in a year, and the letter of the canonical code. */
const PARTS = {
	half: { perYear: 2, letter: 'H', noun: 'halvår' },
	tertial: { perYear: 3, letter: 'T', noun: 'tertial' },
	quarter: { perYear: 4, letter: 'K', noun: 'kvartal' },
	month: { perYear: 12, letter: 'M', noun: 'månad' }
} as const;
type PartKind = keyof typeof PARTS;

const MONTHS_SV = [
	'januari', 'februari', 'mars', 'april', 'maj', 'juni',
	'juli', 'augusti', 'september', 'oktober', 'november', 'december'
];
const MONTHS_EN = [
	'January', 'February', 'March', 'April', 'May', 'June',
	'July', 'August', 'September', 'October', 'November', 'December'
];

const pad2 = (n: number): string => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
	// Day 0 of the next month is the last day of this one; handles leap years (and 1900, 2100).
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function yearPeriod(year: number): Period {
	return { kind: 'year', code: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
}

function rangePeriod(from: number, to: number): Period {
	// A "range" of one year is that year: one period, one code, so equal periods compare equal.
	if (from === to) return yearPeriod(from);
	return { kind: 'range', code: `${from}-${to}`, start: `${from}-01-01`, end: `${to}-12-31` };
}

function partPeriod(kind: PartKind, year: number, n: number): Period {
	const { perYear, letter } = PARTS[kind];
	const months = 12 / perYear;
	const firstMonth = (n - 1) * months + 1;
	const lastMonth = n * months;
	const number = kind === 'month' ? pad2(n) : String(n);
	return {
		kind,
		code: `${year}${letter}${number}`,
		start: `${year}-${pad2(firstMonth)}-01`,
		end: `${year}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`
	};
}

function yearError(input: string, year: number): string | null {
	if (year >= MIN_YEAR && year <= MAX_YEAR) return null;
	return `'${input}' är ingen period: året ${year} ligger utanför ${MIN_YEAR}–${MAX_YEAR}`;
}

/** Sub-year codes: "2019H1", "2019-H1", "2019 H1", "2019T2", "2019K1", "2019Q1", "2026M01", "2026M1". */
const PART_CODE = /^(\d{4})[-\s]?([HTKQM])(\d{1,2})$/;
/** ISO month "2026-01": exactly two digits 01–12 after a hyphen. */
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
/** Ranges: "2015-2016", "2015–16", "2015/16", "2015 — 2016". */
const RANGE = /^(\d{4})\s*[-\u2010\u2011\u2012\u2013\u2014/]\s*(\d{2}|\d{4})$/;
const LETTER_KIND: Record<string, PartKind> = { H: 'half', T: 'tertial', K: 'quarter', Q: 'quarter', M: 'month' };

/**
 * Reads a period code (case-insensitive, trimmed). Accepted:
 * year "2019"; half-year "2019H1", "2019-H1"; tertial "2019T2"; quarter "2019K1" or "2019Q1";
 * month "2026M01", "2026M1", "2026-01"; range "2015-2016", "2015–2016", "2015-16", "2015–16", "2015/16".
 *
 * Decisions:
 * - "YYYY-NN" with a hyphen and NN 01–12 is an ISO month, so "2009-10" is October 2009.
 *   A two-digit range end needs an en dash or slash ("2009–10", "2009/10") or must be above 12 ("2015-16").
 * - Two-digit range ends take the start's century, or the next one when smaller ("1999/00" = 1999–2000).
 * - A range that starts and ends in the same year ("2019-2019") is that year, kind `year`.
 * - Years outside 1800–2200 are rejected: they are typing errors, not statistics.
 *
 * Returns `{ error }` with a Swedish message instead of throwing: input comes from files and forms.
 */
export function parsePeriod(input: string): Period | { error: string } {
	const text = input.trim();
	if (text === '') return { error: `Tom period ${EXAMPLES}` };
	const upper = text.toUpperCase();

	if (/^\d{4}$/.test(upper)) {
		const year = Number(upper);
		return errorOr(yearError(text, year), () => yearPeriod(year));
	}

	const part = PART_CODE.exec(upper);
	if (part) {
		const year = Number(part[1]);
		const kind = LETTER_KIND[part[2]];
		const n = Number(part[3]);
		// Two digits only for months ("2019K01" is not a code anyone writes).
		if (kind !== 'month' && part[3].length > 1 && n < 10) return { error: notAPeriod(text) };
		return errorOr(yearError(text, year) ?? partError(text, kind, n), () => partPeriod(kind, year, n));
	}

	const isoMonth = ISO_MONTH.exec(upper);
	if (isoMonth && Number(isoMonth[2]) >= 1 && Number(isoMonth[2]) <= 12) {
		const year = Number(isoMonth[1]);
		return errorOr(yearError(text, year), () => partPeriod('month', year, Number(isoMonth[2])));
	}

	const range = RANGE.exec(upper);
	if (range) {
		const from = Number(range[1]);
		let to = Number(range[2]);
		if (range[2].length === 2) {
			// Short ends belong to the start's century; they cross into the next only for short
			// ranges ("1999/00"), so "2026-13" is an error rather than 2026–2113.
			const century = from - (from % 100);
			to = century + to;
			if (to < from && to + 100 - from <= MAX_SHORT_RANGE) to += 100;
		}
		const error = yearError(text, from) ?? yearError(text, to);
		if (error) return { error };
		if (to < from) return { error: `'${text}' är ingen period: slutåret ${to} är före startåret ${from}` };
		return rangePeriod(from, to);
	}

	return { error: notAPeriod(text) };
}

function notAPeriod(text: string): string {
	return `'${text}' är ingen period ${EXAMPLES}`;
}

function partError(text: string, kind: PartKind, n: number): string | null {
	const { perYear, noun } = PARTS[kind];
	if (n >= 1 && n <= perYear) return null;
	return `'${text}' är ingen period: ${noun} måste vara 1–${perYear}`;
}

function errorOr(error: string | null, make: () => Period): Period | { error: string } {
	return error ? { error } : make();
}

const KINDS: ReadonlySet<string> = new Set<PeriodKind>(['year', 'half', 'tertial', 'quarter', 'month', 'range']);

/**
 * True for a well-formed Period: a known kind, and a code that parses to exactly this kind, start and end.
 * Checking the code (not just the shape) catches hand-built objects whose dates disagree with their code.
 */
export function isPeriod(x: unknown): x is Period {
	if (typeof x !== 'object' || x === null) return false;
	const p = x as Record<string, unknown>;
	if (typeof p.kind !== 'string' || !KINDS.has(p.kind)) return false;
	if (typeof p.code !== 'string' || typeof p.start !== 'string' || typeof p.end !== 'string') return false;
	const parsed = parsePeriod(p.code);
	return 'code' in parsed && parsed.code === p.code && parsed.kind === p.kind && parsed.start === p.start && parsed.end === p.end;
}

/** The calendar year as a Period. Throws RangeError for a non-integer or a year outside 1800–2200. */
export function periodFromYear(year: number): Period {
	if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
		throw new RangeError(`${year} är inget år mellan ${MIN_YEAR} och ${MAX_YEAR}`);
	}
	return yearPeriod(year);
}

/** Orders periods by last day, then first day (so "2015-2016" comes before "2016"). For Array.prototype.sort. */
export function comparePeriods(a: Period, b: Period): number {
	if (a.end !== b.end) return a.end < b.end ? -1 : 1;
	if (a.start !== b.start) return a.start < b.start ? -1 : 1;
	return 0;
}

/** Year and number within the year of a sub-year period, read from its canonical code. */
function partOf(p: Period): { year: number; n: number } {
	return { year: Number(p.code.slice(0, 4)), n: Number(p.code.slice(5)) };
}

function startYear(p: Period): number {
	return Number(p.start.slice(0, 4));
}

/**
 * The period just before, of the same kind: 2019 → 2018, 2019H1 → 2018H2, 2019T1 → 2018T3,
 * 2019K1 → 2018K4, 2026M01 → 2025M12. A range moves back by its own length: 2015-2016 → 2013-2014.
 * Throws RangeError if the result would start before 1800.
 */
export function previousPeriod(p: Period): Period {
	if (p.kind === 'year') return checked(yearPeriod(periodYear(p) - 1));
	if (p.kind === 'range') {
		const length = periodYear(p) - startYear(p) + 1;
		return checked(rangePeriod(startYear(p) - length, periodYear(p) - length));
	}
	const { year, n } = partOf(p);
	if (n > 1) return partPeriod(p.kind, year, n - 1);
	return checked(partPeriod(p.kind, year - 1, PARTS[p.kind].perYear));
}

/**
 * The same period one year earlier: 2019K2 → 2018K2, 2026M01 → 2025M01, 2015-2016 → 2014-2015.
 * Throws RangeError if the result would start before 1800.
 */
export function samePeriodPreviousYear(p: Period): Period {
	if (p.kind === 'year') return checked(yearPeriod(periodYear(p) - 1));
	if (p.kind === 'range') return checked(rangePeriod(startYear(p) - 1, periodYear(p) - 1));
	const { year, n } = partOf(p);
	return checked(partPeriod(p.kind, year - 1, n));
}

function checked(p: Period): Period {
	if (startYear(p) < MIN_YEAR) throw new RangeError(`Perioden före ${p.code} ligger före ${MIN_YEAR}`);
	return p;
}

/** The year a period belongs to: the year of its last day ("2015-2016" → 2016). */
export function periodYear(p: Period): number {
	return Number(p.end.slice(0, 4));
}

const PART_LABEL: Record<Locale, Record<Exclude<PartKind, 'month'>, (n: number, year: number) => string>> = {
	sv: {
		half: (n, y) => `Halvår ${n} ${y}`,
		tertial: (n, y) => `Tertial ${n} ${y}`,
		quarter: (n, y) => `Kvartal ${n} ${y}`
	},
	en: {
		half: (n, y) => `H${n} ${y}`,
		tertial: (n, y) => `T${n} ${y}`,
		quarter: (n, y) => `Q${n} ${y}`
	}
};

/**
 * A period for display: sv "2019", "Halvår 1 2019", "Tertial 2 2019", "Kvartal 1 2019", "januari 2026",
 * "2015–2016" (en dash); en "2019", "H1 2019", "T2 2019", "Q1 2019", "January 2026", "2015–2016".
 * A string is parsed first; a string that is not a period is returned trimmed, as written.
 */
export function formatPeriod(p: Period | string, locale: Locale = 'sv'): string {
	let period: Period;
	if (typeof p === 'string') {
		const parsed = parsePeriod(p);
		if ('error' in parsed) return p.trim();
		period = parsed;
	} else {
		period = p;
	}
	switch (period.kind) {
		case 'year':
			return period.code;
		case 'range':
			return `${startYear(period)}–${periodYear(period)}`;
		case 'month': {
			const { year, n } = partOf(period);
			return `${(locale === 'sv' ? MONTHS_SV : MONTHS_EN)[n - 1]} ${year}`;
		}
		default: {
			const { year, n } = partOf(period);
			return PART_LABEL[locale][period.kind](n, year);
		}
	}
}

const PARTS_PER_YEAR: Record<Exclude<PeriodKind, 'year' | 'range'>, { letter: string; months: number }> = {
	half: { letter: 'H', months: 6 },
	tertial: { letter: 'T', months: 4 },
	quarter: { letter: 'K', months: 3 },
	month: { letter: 'M', months: 1 }
};

/**
 * The period a follow-up that ends on `endDate` reports for an indicator measured every `frequency`: the latest
 * whole period of that frequency ending on or before the date. Delår 1 2026 (ends 30 April) reports tertial
 * 2026T1, but for a yearly indicator the last whole year, 2025. Irregular indicators count by year.
 */
export function reportedPeriod(frequency: PeriodKind | 'irregular', endDate: string): Period {
	const year = Number(endDate.slice(0, 4));
	const month = Number(endDate.slice(5, 7));
	const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
	// Whole months covered by the date: the month of a month-end date counts, otherwise only those before it.
	const months = Number(endDate.slice(8, 10)) === lastDay ? month : month - 1;
	if (frequency === 'year' || frequency === 'range' || frequency === 'irregular') {
		return parsePeriod(String(months === 12 ? year : year - 1)) as Period;
	}
	const { letter, months: size } = PARTS_PER_YEAR[frequency];
	const part = Math.floor(months / size);
	if (part === 0) return parsePeriod(`${year - 1}${letter}${12 / size}`) as Period;
	return parsePeriod(`${year}${letter}${frequency === 'month' ? String(part).padStart(2, '0') : part}`) as Period;
}
