/**
 * Reading one value cell fast. Most cells in big files are plain numbers ("132670", "12,5", "-3.25", "64 714",
 * "4 460 127,0"); those are read by one scan over the characters. Everything else (percent, signs other than a
 * leading minus, surrounding spaces, missing symbols, mistakes) goes through the domain's parseSwedishNumber,
 * so there is still only one number parser with rules: the scan accepts only a subset it reads identically.
 */
import { parseSwedishNumber, type ParsedValue } from '../../domain/number';

export type NumberCell = { kind: 'number'; value: number } | Exclude<ParsedValue, { kind: 'number' }>;

const result = { kind: 'number' as const, value: 0 };

/** 10^0 … 10^22: exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A number, a missing symbol or invalid (with a Swedish reason). The returned number object is reused
 * between calls: read `value` at once.
 */
export function readNumberCell(text: string): NumberCell {
	const v = scan(text);
	if (v === v) {
		// Not NaN. "-0" is zero; keep it from showing as "−0".
		result.value = v === 0 ? 0 : v;
		return result;
	}
	const parsed = parseSwedishNumber(text);
	if (parsed.kind !== 'number') return parsed;
	result.value = parsed.value;
	return result;
}

/**
 * `[-]digits[(sep)ddd…][(,|.)digits]` with at most 15 digits in all, where sep is one of the thousands spaces
 * of parseSwedishNumber and, when used, groups the integer part as 1–3 digits then threes. NaN for anything else.
 *
 * Exact: the digits form an integer below 2^53 and 10^decimals is an exact double, so one division gives the
 * correctly rounded value, the same double as Number() of the decimal text.
 */
function scan(s: string): number {
	const n = s.length;
	let i = 0;
	let negative = false;
	if (n > 0 && s.charCodeAt(0) === 45 /* - */) {
		negative = true;
		i = 1;
	}
	let mantissa = 0;
	let digits = 0;
	let group = 0; // digits since the last thousands space
	let grouped = false;
	let decimals = -1; // -1 before the decimal mark
	for (; i < n; i++) {
		const c = s.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			mantissa = mantissa * 10 + (c - 48);
			digits++;
			group++;
			if (decimals >= 0) decimals++;
		} else if (c === 44 /* , */ || c === 46 /* . */) {
			if (decimals >= 0 || group === 0 || (grouped && group !== 3)) return NaN;
			decimals = 0;
		} else if (c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009) {
			// A thousands space: after 1–3 leading digits or a full group, before the decimal mark.
			if (decimals >= 0 || group === 0 || group > 3 || (grouped && group !== 3)) return NaN;
			grouped = true;
			group = 0;
		} else return NaN;
	}
	if (digits === 0 || digits > 15 || decimals === 0 || (grouped && decimals < 0 && group !== 3)) return NaN;
	const value = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
	return negative ? -value : value;
}
