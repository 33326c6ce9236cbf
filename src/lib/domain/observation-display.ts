/**
 * How one observation reads on a page or in an export: a formatted number with its unit, a text value
 * ("Helt"), a missing-value symbol with its meaning, or the printed text when the source gave only words.
 */
import { formatValue, type Locale } from './format';
import { MISSING_SYMBOL_MEANING } from './number';
import type { MissingSymbol } from './types';

export interface ObservationLike {
	value: number | null;
	textValue: string | null;
	missingSymbol: MissingSymbol | null;
	printed: string | null;
}

export interface DisplayedValue {
	/** What to print. */
	text: string;
	/** An explanation for the reader (missing symbols, printed-only values). */
	explanation: string | null;
	kind: 'number' | 'text' | 'missing' | 'printed' | 'none';
}

export function displayObservation(
	o: ObservationLike | null,
	unit: string | null,
	decimals: number,
	locale: Locale = 'sv'
): DisplayedValue {
	if (!o) {
		return { text: '–', explanation: locale === 'sv' ? 'Värde saknas' : 'No value', kind: 'none' };
	}
	if (o.value !== null) return { text: formatValue(o.value, unit, { decimals, locale }), explanation: null, kind: 'number' };
	if (o.textValue !== null) return { text: o.textValue, explanation: null, kind: 'text' };
	if (o.missingSymbol !== null) {
		return { text: o.missingSymbol, explanation: MISSING_SYMBOL_MEANING[o.missingSymbol][locale], kind: 'missing' };
	}
	if (o.printed) {
		return {
			text: o.printed,
			explanation: locale === 'sv' ? 'Återges som det står i dokumentet' : 'As printed in the document',
			kind: 'printed'
		};
	}
	return { text: '–', explanation: locale === 'sv' ? 'Värde saknas' : 'No value', kind: 'none' };
}
