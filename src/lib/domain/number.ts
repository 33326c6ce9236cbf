/**
 * Parsing numbers as they are written in Swedish documents, spreadsheets and statistics files.
 * Strict on purpose: a value that cannot be read with certainty is reported as invalid with a
 * Swedish reason, never guessed, because a wrong number on a public dashboard is worse than none.
 */
import type { MissingSymbol } from './types';

/** The result of reading one written value. */
export type ParsedValue =
	| { kind: 'number'; value: number; decimals: number; percent: boolean }
	| { kind: 'missing'; symbol: MissingSymbol }
	| { kind: 'invalid'; input: string; reason: string };

/** SCB's meaning of each missing-value symbol, word for word from their table legends. */
export const MISSING_SYMBOL_MEANING: Record<MissingSymbol, { sv: string; en: string }> = {
	'..': { sv: 'Uppgift saknas eller är för osäker för att redovisas', en: 'Data not available or too uncertain' },
	'-': { sv: 'Inget finns att redovisa (noll)', en: 'Nothing to report (nil)' },
	'.': { sv: 'Uppgift kan inte förekomma', en: 'Not applicable' }
};

/** True if `s` is exactly one of the missing-value symbols (no surrounding spaces). */
export function isMissingSymbol(s: string): s is MissingSymbol {
	return s === '..' || s === '-' || s === '.';
}

// Space, no-break space, narrow no-break space and thin space all occur as thousands separators.
const GROUP_SPACE = /[ \u00a0\u202f\u2009]/;
const ALLOWED = /^[0-9 \u00a0\u202f\u2009.,]+$/;

/**
 * Reads a number written the Swedish way (or the English way, when both separators show which is which).
 *
 * - Thousands: space, no-break space (U+00A0), narrow no-break space (U+202F), thin space, or none.
 *   After the first group every group must have exactly three digits ("1 2" is rejected).
 * - Decimal mark: comma or point. With both present, the last one is the decimal mark
 *   ("1.234,5" and "1,234.5" are both 1234.5). A separator that occurs more than once can only
 *   group thousands ("1.234.567").
 * - A single comma or point is always the decimal mark, even before exactly three digits:
 *   "302,252" is 302.252 and "1.234" is 1.234. Swedish writes decimals with a comma and groups
 *   thousands with spaces, so this is the usual meaning; callers that know a column holds counts
 *   can check `decimals === 3` and ask a person.
 * - Sign: leading "+", "-" or "−" (U+2212). Percent: a single trailing "%", with or without a space.
 * - "..", "-" and "." are SCB's missing-value symbols and are returned as `missing`, never as 0.
 *
 * `decimals` is the number of digits written after the decimal mark ("0,0" has 1), so a value
 * can be shown again with the precision it was published with.
 */
export function parseSwedishNumber(input: string): ParsedValue {
	// String.prototype.trim also removes U+00A0 and U+202F.
	const text = input.trim();
	if (text === '') return invalid(input, 'tomt värde');
	if (isMissingSymbol(text)) return { kind: 'missing', symbol: text };

	let body = text;
	let percent = false;
	if (body.endsWith('%')) {
		percent = true;
		body = body.slice(0, -1).trimEnd();
		if (body.includes('%')) return notANumber(input, 'procenttecknet får bara stå en gång');
	} else if (body.includes('%')) {
		return notANumber(input, 'procenttecknet ska stå sist');
	}

	const sign = body.charAt(0);
	const hasSign = sign === '+' || sign === '-' || sign === '\u2212';
	const negative = hasSign && sign !== '+';
	if (hasSign) body = body.slice(1);
	if (hasSign && !/^[0-9]/.test(body)) return notANumber(input, 'tecknet ska stå direkt före en siffra');
	if (!ALLOWED.test(body) || !/^[0-9]/.test(body)) return notANumber(input);
	if (!/[0-9]$/.test(body)) return notANumber(input, 'ska sluta med en siffra');

	const split = splitDecimal(body);
	if (typeof split === 'string') return notANumber(input, split);
	const { integer, fraction } = split;

	const digits = readGroups(integer.text, integer.separator);
	if (digits === null) {
		// A comma or point repeated without forming thousands ("12,5,3") is not a grouping mistake but a typo.
		const repeated = integer.separator !== 'space' && !split.hasDecimal;
		const why = repeated ? 'för många skiljetecken' : 'tusentalsgrupper ska ha tre siffror';
		return notANumber(input, why);
	}
	if (!/^[0-9]*$/.test(fraction)) return notANumber(input, 'decimalerna får inte delas upp');

	const value = Number(fraction === '' ? digits : `${digits}.${fraction}`);
	if (!Number.isFinite(value)) return notANumber(input, 'talet är för stort');
	// Avoid -0: "-0,0" is zero, and -0 would display as "−0".
	return { kind: 'number', value: negative && value !== 0 ? -value : value, decimals: fraction.length, percent };
}

/**
 * Splits digits and separators into the integer part (with the separator that groups its
 * thousands) and the fraction digits. Returns a Swedish reason when the separators contradict.
 */
function splitDecimal(
	body: string
): { integer: { text: string; separator: 'space' | ',' | '.' }; fraction: string; hasDecimal: boolean } | string {
	const commas = count(body, ',');
	const points = count(body, '.');
	const spaces = GROUP_SPACE.test(body);

	let decimalMark: ',' | '.' | null = null;
	let groupMark: 'space' | ',' | '.' = 'space';
	if (commas > 0 && points > 0) {
		// Both present: the last one is the decimal mark and must occur once.
		decimalMark = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
		groupMark = decimalMark === ',' ? '.' : ',';
		if (count(body, decimalMark) > 1) return 'för många decimaltecken';
	} else if (commas === 1 || points === 1) {
		decimalMark = commas === 1 ? ',' : '.';
	} else if (commas > 1 || points > 1) {
		// The same mark several times can only be a thousands separator.
		groupMark = commas > 1 ? ',' : '.';
	}
	if (spaces && groupMark !== 'space') return 'blandar mellanslag och skiljetecken som tusentalsavgränsare';

	if (decimalMark === null) return { integer: { text: body, separator: groupMark }, fraction: '', hasDecimal: false };
	const at = body.lastIndexOf(decimalMark);
	const fraction = body.slice(at + 1);
	const integer = body.slice(0, at);
	if (!/[0-9]$/.test(integer)) return 'siffror saknas före decimaltecknet';
	return { integer: { text: integer, separator: groupMark }, fraction, hasDecimal: true };
}

/**
 * Checks thousands grouping and returns the bare digits, or null when a group is malformed.
 * Ungrouped digits ("4460127") are accepted as they are.
 */
function readGroups(text: string, separator: 'space' | ',' | '.'): string | null {
	const groups = separator === 'space' ? text.split(GROUP_SPACE) : text.split(separator);
	if (groups.length === 1) return /^[0-9]+$/.test(text) ? text : null;
	const [head, ...rest] = groups;
	if (!/^[0-9]{1,3}$/.test(head)) return null;
	if (!rest.every((g) => /^[0-9]{3}$/.test(g))) return null;
	return groups.join('');
}

function count(text: string, char: string): number {
	return text.split(char).length - 1;
}

function invalid(input: string, reason: string): ParsedValue {
	return { kind: 'invalid', input, reason };
}

function notANumber(input: string, detail?: string): ParsedValue {
	const base = `'${input.trim()}' är inte ett tal`;
	return invalid(input, detail ? `${base}: ${detail}` : base);
}
