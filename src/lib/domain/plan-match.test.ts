import { describe, expect, it } from 'vitest';
import { matchItems, normaliseNumber, normaliseText } from './plan-match';

describe('normalising', () => {
	it.each([
		['Nr 19.', '19'],
		['19', '19'],
		['Uppdrag 28.', '28'],
		['nr 3:', '3'],
		[null, null],
		['', null]
	])('number %s → %s', (n, want) => expect(normaliseNumber(n)).toBe(want));

	it('ignores case, spacing and punctuation at the ends', () => {
		expect(normaliseText('  Fler invånare  har ett arbete. ')).toBe(normaliseText('fler invånare har ett arbete'));
		expect(normaliseText('Fler invånare har ett arbete')).not.toBe(normaliseText('Fler invånare har en utbildning'));
	});
});

describe('matchItems: last year’s goal or uppdrag for this year’s', () => {
	const last = [
		{ id: 1, number: 'Nr 19.', text: 'Näringslivet i länet växer.' },
		{ id: 2, number: 'Nr 20.', text: 'Fler startar företag.' },
		{ id: 3, number: null, text: 'Nämndens verksamheter är en attraktiv arbetsplats.' },
		{ id: 4, number: 'Nr 21.', text: 'Ett mål som inte finns i år.' }
	];

	it('matches by number and wording, by number when reworded, and by wording when unnumbered', () => {
		const now = [
			{ id: 11, number: 'Nr 19.', text: 'Näringslivet i länet växer.' },
			{ id: 12, number: 'Nr 20.', text: 'Fler invånare startar och driver företag.' },
			{ id: 13, number: null, text: 'Nämndens verksamheter är en attraktiv arbetsplats' },
			{ id: 14, number: 'Nr 25.', text: 'Ett nytt mål för i år.' }
		];
		const m = matchItems(now, last, { byNumberAlone: true });
		expect(Object.fromEntries(m)).toEqual({
			11: { id: 1, by: 'number+text' },
			12: { id: 2, by: 'number' },
			13: { id: 3, by: 'text' }
		});
		expect(m.has(14)).toBe(false);
	});

	it('follows a renumbered goal by its wording', () => {
		const m = matchItems([{ id: 11, number: 'Nr 22.', text: 'Fler startar företag' }], last, { byNumberAlone: true });
		expect(m.get(11)).toEqual({ id: 2, by: 'text' });
	});

	it('never takes an uppdrag by its number alone: numbers are per year', () => {
		const lastUppdrag = [{ id: 1, number: '28', text: 'Ta fram en regional kulturplan.' }];
		const m = matchItems([{ id: 11, number: '28', text: 'Utred ett nytt besöksnäringsprogram.' }], lastUppdrag, { byNumberAlone: false });
		expect(m.size).toBe(0);
	});

	it('uses each of last year’s items once', () => {
		const m = matchItems(
			[
				{ id: 11, number: null, text: 'Samma text' },
				{ id: 12, number: null, text: 'Samma text' }
			],
			[{ id: 1, number: null, text: 'Samma text' }],
			{ byNumberAlone: true }
		);
		expect([...m.keys()]).toEqual([11]);
	});
});
