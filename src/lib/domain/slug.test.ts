import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug';

describe('slugify', () => {
	it.each([
		['Regional tillväxt', 'regional-tillvaxt'],
		['Region Örebro län', 'region-orebro-lan'],
		['Jämtlands län 2050', 'jamtlands-lan-2050'],
		['  Ökat antal gästnätter.  ', 'okat-antal-gastnatter'],
		['HME – Hållbart medarbetarengagemang', 'hme-hallbart-medarbetarengagemang'],
		['Café & Ålderdom', 'cafe-alderdom']
	])('%s → %s', (input, expected) => {
		expect(slugify(input)).toBe(expected);
	});

	it('cuts long text at a word boundary', () => {
		const slug = slugify('Andel organisationer inom partnerskapet för regional utveckling som har mål', 40);
		expect(slug).toBe('andel-organisationer-inom-partnerskapet');
	});
});

describe('uniqueSlug', () => {
	it('adds a counter when the slug is taken', () => {
		const taken = new Set<string>();
		expect([uniqueSlug('Mål', taken), uniqueSlug('Mål', taken), uniqueSlug('mal', taken)]).toEqual([
			'mal',
			'mal-2',
			'mal-3'
		]);
	});
});
