/**
 * What an official types into a value field, read strictly. A number is written the Swedish way ("12,5",
 * "2 588", "58 %"); SCB's missing symbols mean "no value, and why"; words such as "Helt" or "Delvis" are text
 * values (some goals are followed up in words). Something that starts like a number but is not one is an error,
 * never text: "12,5,3" is a typo, not a word.
 */
import { parseSwedishNumber } from './number';
import type { MissingSymbol } from './types';

export type EnteredValue =
	| { kind: 'empty' }
	| { kind: 'number'; value: number }
	| { kind: 'missing'; symbol: MissingSymbol }
	| { kind: 'text'; text: string }
	| { kind: 'invalid'; message: { sv: string; en: string } };

const NUMBER_LIKE = /^[+\-−]?[\d\s\u00a0\u202f.,]*\d/;
const TEXT_MAX = 200;

export function parseEnteredValue(input: string): EnteredValue {
	const text = input.trim();
	if (text === '') return { kind: 'empty' };
	const n = parseSwedishNumber(text);
	if (n.kind === 'number') return { kind: 'number', value: n.value };
	if (n.kind === 'missing') return { kind: 'missing', symbol: n.symbol };
	if (NUMBER_LIKE.test(text)) {
		return {
			kind: 'invalid',
			message: {
				// The reason already starts "'…' är inte ett tal".
				sv: `${n.reason}. Skriv till exempel 12,5 eller 2 588.`,
				en: `'${text}' is not a number: ${n.reason}. Write e.g. 12.5 or 2588.`
			}
		};
	}
	if (text.length > TEXT_MAX) {
		return {
			kind: 'invalid',
			message: { sv: `Texten är för lång (högst ${TEXT_MAX} tecken). Skriv längre resonemang i kommentaren.`, en: `The text is too long (at most ${TEXT_MAX} characters). Put longer reasoning in the comment.` }
		};
	}
	return { kind: 'text', text };
}
