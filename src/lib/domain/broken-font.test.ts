import { describe, expect, it } from 'vitest';
import { checkBrokenFont, looksLikeBrokenFont, repairBrokenFont } from './broken-font';

describe('looksLikeBrokenFont', () => {
	const cases: { text: string; broken: boolean; why: string }[] = [
		{ text: 'Lågen om regionålt utvecklingsånsvår', broken: false, why: 'no two-letter marker' },
		{ text: 'enligt foö rordningen', broken: true, why: 'oö and no a/ä' },
		{ text: 'Det regionålå tillvåö xtårbetet', broken: true, why: 'åö and no a/ä' },
		{ text: 'Påå vaåår', broken: false, why: 'has a real "a"' },
		{ text: 'Tillväxtarbete och förordningen', broken: false, why: 'correct Swedish' },
		{ text: 'Förbättrat läge', broken: false, why: 'correct Swedish with ä' },
		{ text: 'Hoö gskolån', broken: true, why: 'oö without a' },
		{ text: 'Koö r', broken: true, why: 'short, but the pattern is unambiguous' },
		{ text: '', broken: false, why: 'empty' }
	];
	it.each(cases)('$text → $broken ($why)', ({ text, broken }) => {
		expect(looksLikeBrokenFont(text)).toBe(broken);
	});
});

describe('repairBrokenFont', () => {
	const cases: { raw: string; repaired: string }[] = [
		// The three examples in domain.md, each inside a broken paragraph.
		{ raw: 'Lågen och foö rordningen', repaired: 'Lagen och förordningen' },
		{ raw: 'regionålt tillvåö xtårbete', repaired: 'regionalt tillväxtarbete' },
		{ raw: 'Dettå åö r ett tillvåö xtårbete', repaired: 'Detta är ett tillväxtarbete' },
		// "åå" is "å", with its stray space dropped.
		{ raw: 'påå  stråå ket foö r ått', repaired: 'på stråket för att' },
		// "ååö" is "a" then "ä".
		{ raw: 'Sååö rt foö r', repaired: 'Saärt för' },
		// Only one space is dropped, so a word-final ö keeps the space to the next word.
		{ raw: 'Hoö   och stråå', repaired: 'Hö  och strå' },
		// A correct paragraph next to a broken one is left exactly as it is.
		{
			raw: 'Lagen gäller.\n\nLågen foö rordningen.',
			repaired: 'Lagen gäller.\n\nLagen förordningen.'
		},
		{ raw: 'Helt korrekt text med å, ä och ö.', repaired: 'Helt korrekt text med å, ä och ö.' }
	];
	it.each(cases)('$raw', ({ raw, repaired }) => {
		expect(repairBrokenFont(raw)).toBe(repaired);
	});
});

describe('checkBrokenFont', () => {
	it('returns the raw text beside the proposal when a paragraph is broken', () => {
		expect(checkBrokenFont('Enligt foö rordningen')).toEqual({
			raw: 'Enligt foö rordningen',
			repaired: 'Enligt förordningen'
		});
	});

	it('returns null for correct text, also when it contains the letter pairs next to a real "a"', () => {
		expect(checkBrokenFont('Tillväxtarbete enligt förordningen')).toBeNull();
		expect(checkBrokenFont('Påå vaåår')).toBeNull();
	});
});
