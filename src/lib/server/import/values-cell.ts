/**
 * Reading one value cell fast. Most cells in big files are plain digits ("132670", "12,5", "-3.25"); those
 * are read directly. Everything else (spaces as thousands separators, percent, missing symbols, mistakes)
 * goes through the domain's parseSwedishNumber, so there is still only one number parser with rules.
 */
import { parseSwedishNumber, type ParsedValue } from '../../domain/number';

export type NumberCell = { kind: 'number'; value: number } | Exclude<ParsedValue, { kind: 'number' }>;

// One optional decimal mark, read like parseSwedishNumber does ("302,252" is 302.252 there too).
const PLAIN = /^-?\d{1,15}(?:[.,]\d{1,15})?$/;

const result = { kind: 'number' as const, value: 0 };

/**
 * A number, a missing symbol or invalid (with a Swedish reason). The returned number object is reused
 * between calls: read `value` at once.
 */
export function readNumberCell(text: string): NumberCell {
	if (PLAIN.test(text)) {
		const comma = text.indexOf(',');
		result.value = Number(comma === -1 ? text : text.slice(0, comma) + '.' + text.slice(comma + 1));
		// "-0" is zero; keep it from showing as "−0".
		if (result.value === 0) result.value = 0;
		return result;
	}
	const parsed = parseSwedishNumber(text);
	if (parsed.kind !== 'number') return parsed;
	result.value = parsed.value;
	return result;
}
