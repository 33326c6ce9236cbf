/**
 * Formatting numbers and dates for display: Swedish (sv-SE) first, English (en-GB) second.
 * Output uses the exact characters Intl gives: in Swedish, U+00A0 groups thousands and U+2212 is the minus.
 */

/** Display language of the dashboard. */
export type Locale = 'sv' | 'en';

/** Options shared by the number formatters. */
export interface NumberOptions {
	/** Fixed number of decimals (both minimum and maximum). Without it: the value's own precision, at most 2. */
	decimals?: number;
	/** Upper bound for the value's own precision when `decimals` is not given (default 2). */
	maxDecimals?: number;
	locale?: Locale;
}

const INTL_LOCALE: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };
const NBSP = '\u00a0';
/** Shown for NaN and ±Infinity: an empty cell is easy to miss, "NaN" or "∞" would look like data. */
const NOT_A_NUMBER = '–';
const MAX_AUTO_DECIMALS = 2;

// Pages format thousands of numbers; building an Intl.NumberFormat each time is the expensive part.
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * One formatter per locale and decimals. `exceptZero` gives "+" and "−" but no sign for zero,
 * including a negative value that rounds to zero ("−0,0" would be misleading), so both
 * formatNumber (which drops the "+") and formatChange can share it.
 */
function numberFormat(locale: Locale, decimals: number | undefined, maxDecimals = MAX_AUTO_DECIMALS): Intl.NumberFormat {
	const key = `${locale}|${decimals ?? 'auto'}|${maxDecimals}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(INTL_LOCALE[locale], {
			minimumFractionDigits: decimals ?? 0,
			maximumFractionDigits: decimals ?? maxDecimals,
			signDisplay: 'exceptZero'
		});
		numberFormats.set(key, format);
	}
	return format;
}

/** Clamps `decimals` to what Intl accepts, so a bad option cannot throw in the middle of a page. */
function cleanDecimals(decimals: number | undefined): number | undefined {
	if (decimals === undefined || !Number.isFinite(decimals)) return undefined;
	return Math.min(20, Math.max(0, Math.round(decimals)));
}

/** Formats with an explicit sign: "+1,2", "−0,5", and "0" for zero. */
function signed(value: number, opts: NumberOptions | undefined): string {
	const max = cleanDecimals(opts?.maxDecimals) ?? MAX_AUTO_DECIMALS;
	return numberFormat(opts?.locale ?? 'sv', cleanDecimals(opts?.decimals), max).format(value);
}

/**
 * Formats a number: sv "2 588" (U+00A0), "12,5", "−1,5"; en "2,588", "12.5", "-1.5".
 * `decimals` fixes the number of decimals; without it the number keeps its own precision up to 2 decimals.
 * NaN and Infinity are shown as "–".
 */
export function formatNumber(value: number, opts?: NumberOptions): string {
	if (!Number.isFinite(value)) return NOT_A_NUMBER;
	const text = signed(value, opts);
	return text.startsWith('+') ? text.slice(1) : text;
}

/** Units that are shown as the percent sign. */
const PERCENT_UNITS = new Set(['%', 'procent', 'percent']);

/**
 * Formats a number with its unit after a no-break space: "58 %", "37 st", "3,9 mnkr", "1 200 kr".
 * "%" and "procent" are shown as "%". Without a unit (null, undefined, ""), only the number.
 * Non-finite values are shown as "–" without the unit.
 */
export function formatValue(value: number, unit: string | null | undefined, opts?: NumberOptions): string {
	const number = formatNumber(value, opts);
	if (!Number.isFinite(value)) return number;
	return withUnit(number, unit, opts?.locale ?? 'sv');
}

/** Formats a value that is already in percent units: 58 → "58 %", 56.5 → "56,5 %". */
export function formatPercent(value: number, opts?: NumberOptions): string {
	return formatValue(value, '%', opts);
}

/**
 * Formats a change with an explicit sign: "+1,2", "−0,5" (U+2212 in Swedish), "±0".
 * A change that rounds to zero at the shown precision is "±0" too, so the sign never contradicts the digits.
 * The unit follows after a no-break space, as in formatValue.
 */
export function formatChange(delta: number, unit?: string | null, opts?: NumberOptions): string {
	if (!Number.isFinite(delta)) return NOT_A_NUMBER;
	let text = signed(delta, opts);
	const first = text.charAt(0);
	if (first !== '+' && first !== '-' && first !== '\u2212') text = `±${text}`;
	return withUnit(text, unit, opts?.locale ?? 'sv');
}

function withUnit(number: string, unit: string | null | undefined, locale: Locale): string {
	const clean = unit?.trim() ?? '';
	if (clean === '') return number;
	const isPercent = PERCENT_UNITS.has(clean.toLowerCase());
	// Swedish writes "58 %" (språkrådet); English writes "58%".
	if (isPercent) return locale === 'en' ? `${number}%` : `${number}${NBSP}%`;
	return `${number}${NBSP}${clean}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, month: 'short' | 'long'): Intl.DateTimeFormat {
	const key = `${locale}|${month}`;
	let format = dateFormats.get(key);
	if (!format) {
		// timeZone UTC: the date is parsed as UTC midnight, so no viewer's time zone can move it a day.
		format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' });
		dateFormats.set(key, format);
	}
	return format;
}

/**
 * Reads the calendar date at the start of an ISO string ("2020-02-14" or "2020-02-14T23:30:00+01:00")
 * as written, without converting between time zones. Null if it is not a real date.
 */
function parseIsoDate(iso: string): { date: Date; text: string } | null {
	const match = ISO_DATE.exec(iso.trim());
	if (!match) return null;
	const [text, y, m, d] = match;
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
	// Date.UTC rolls over (2019-02-30 → 2019-03-02); a rolled-over date was not a real date.
	if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
	return { date, text };
}

/**
 * Short date: sv "2020-02-14" (Swedish standard), en "14 Feb 2020".
 * Input that is not an ISO date is returned unchanged rather than throwing while rendering a page.
 */
export function formatDate(iso: string, locale: Locale = 'sv'): string {
	const parsed = parseIsoDate(iso);
	if (!parsed) return iso;
	return locale === 'sv' ? parsed.text : dateFormat(locale, 'short').format(parsed.date);
}

/**
 * Long date: sv "14 februari 2020", en "14 February 2020".
 * Input that is not an ISO date is returned unchanged.
 */
export function formatDateLong(iso: string, locale: Locale = 'sv'): string {
	const parsed = parseIsoDate(iso);
	if (!parsed) return iso;
	return dateFormat(locale, 'long').format(parsed.date);
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A moment (an ISO timestamp, as the audit log stores it) in Swedish time: sv "2026-05-03 14:05",
 * en "3 May 2026, 14:05". Always Europe/Stockholm, so the server and every reader show the same clock.
 * Input that is not a timestamp is returned unchanged.
 */
export function formatDateTime(iso: string, locale: Locale = 'sv'): string {
	const date = new Date(iso);
	if (!ISO_DATE.test(iso.trim()) || Number.isNaN(date.getTime())) return iso;
	let format = dateTimeFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
			dateStyle: locale === 'sv' ? 'short' : 'medium',
			timeStyle: 'short',
			timeZone: 'Europe/Stockholm'
		});
		dateTimeFormats.set(locale, format);
	}
	return format.format(date);
}
