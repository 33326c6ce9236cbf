/** The map tab's props from the real demo data (Kolada N03920, arbetslöshet) and the real geometry. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDb } from '../../../tests/helpers/db';
import { getIndicatorPage } from '../server/queries/indicator-page';
import { MAP_ATTRIBUTION, geoName, lanMap, swedenMap } from '../server/geo/maps';
import { choroplethData, hasMap, mapLevels, rangeLabel, resolveMapView, type MapSources } from './map-data';
import { parseViewState } from './state';
import type { Locale } from '../i18n';

const NBSP = '\u00a0';
const geo = (locale: Locale = 'sv'): MapSources => ({ sweden: swedenMap(), lan: (c) => lanMap(c), name: geoName, attribution: MAP_ATTRIBUTION[locale] });
const pageFor = (slug: string, query: string) => getIndicatorPage(seededDb(), slug, parseViewState(new URLSearchParams(query)))!;

beforeAll(() => {
	seededDb();
});

describe('rangeLabel', () => {
	it.each([
		[2.9, 3.9, '%', 1, 'sv', `2,9–3,9${NBSP}%`],
		[4.1, 4.1, '%', 1, 'sv', `4,1${NBSP}%`],
		[60000, 199999, 'invånare', 0, 'sv', `60${NBSP}000–199${NBSP}999${NBSP}invånare`],
		[-2, -1.1, '%', 1, 'sv', `\u22122,0 – \u22121,1${NBSP}%`],
		[2.9, 3.9, '%', 1, 'en', '2.9–3.9%']
	] as const)('%s–%s %s (%s decimals, %s) → %s', (lower, upper, unit, decimals, locale, expected) => {
		expect(rangeLabel(lower, upper, unit, decimals, locale)).toBe(expected);
	});
});

describe('choroplethData: Jämtland, arbetslöshet 18–65 år', () => {
	it('shows the 8 kommuner by default, each named with value and rank, linked to its page', () => {
		const page = pageFor('arbetsloshet-18-65-ar', '?focus=23&tab=map');
		expect(hasMap(page)).toBe(true);
		expect(mapLevels(page)).toEqual(['kommun', 'lan']);
		const map = choroplethData(page, 'sv', geo())!;
		expect(map.title).toBe('Arbetslöshet 18–65 år, årsmedelvärde, andel (%) av befolkningen: kommunerna i Jämtlands län, 2022');
		expect(map.areas.map((a) => a.code).sort()).toEqual(['2303', '2305', '2309', '2313', '2321', '2326', '2361', '2380']);
		for (const a of map.areas) {
			expect(a.label).toMatch(new RegExp(`^${a.name}: \\d+,\\d${NBSP}%, plats [1-8] av 8$`));
			expect(a.href).toBe(`/kommun/${a.code}`);
			expect(a.fill).toMatch(/^#[0-9a-f]{6}$/);
		}
		expect(map.areas.some((a) => a.focus)).toBe(false);
		expect(map.names).toBe('all');
		expect(map.context.map((c) => c.code)).toEqual(expect.arrayContaining(['22', '24']));
		expect(map.legend.items.reduce((n, i) => n + Number(i.count.split(' ')[0]), 0)).toBe(8);
		expect(map.legend.notes).toEqual(expect.arrayContaining([`Riket: 5,6${NBSP}%`, `Jämtlands län: 4,1${NBSP}%`, 'Plats 1 = lägst värde, det bästa för indikatorn.']));
		expect(map.table.rows.map((r) => r.rank)).toEqual([...map.table.rows.map((r) => r.rank)].sort((a, b) => Number(a) - Number(b)));
		expect(map.attribution).toBe('Källa: SCB (Digitala gränser)');
		expect(map.switches.map((s) => s.links.map((l) => [l.text, l.href, l.current]))).toEqual([
			[
				['Länets kommuner', '?focus=23&compare=00&from=2010&to=2022&tab=map&year=2022&level=kommun', true],
				['Alla län', '?focus=23&compare=00&from=2010&to=2022&tab=map&year=2022&level=lan', false]
			],
			[
				['Efter värde', '?focus=23&compare=00&from=2010&to=2022&tab=map&year=2022&mapmode=value', true],
				['Jämfört med riket', '?focus=23&compare=00&from=2010&to=2022&tab=map&year=2022&mapmode=riket', false]
			]
		]);
	});

	it('ranks as printed: lowest unemployment is place 1, equal printed values share a place', () => {
		const map = choroplethData(pageFor('arbetsloshet-18-65-ar', '?focus=23&tab=map'), 'sv', geo())!;
		const byLabel = map.areas.map((a) => {
			const [, value, rank] = a.label.match(/: (\d+,\d)\u00a0%, plats (\d)/)!;
			return { value: Number(value.replace(',', '.')), rank: Number(rank) };
		});
		for (const a of byLabel) expect(a.rank).toBe(1 + byLabel.filter((b) => b.value < a.value).length);
	});

	it('shows all 21 län with Jämtland outlined, and links each län to its kommun map', () => {
		const map = choroplethData(pageFor('arbetsloshet-18-65-ar', '?focus=23&tab=map&level=lan'), 'sv', geo())!;
		expect(map.areas).toHaveLength(21);
		expect(map.title).toContain('alla län, 2022');
		const jamtland = map.areas.find((a) => a.code === '23')!;
		expect(jamtland.focus).toBe(true);
		expect(jamtland.label).toMatch(/^Jämtlands län: 4,1\u00a0%, plats \d+ av 21$/);
		expect(map.readout).toBe(jamtland.label);
		expect(map.description).toContain('Jämtlands län har 4,1');
		expect(map.areas.find((a) => a.code === '18')!.href).toBe('/indikator/arbetsloshet-18-65-ar?focus=18&from=2010&to=2022&tab=map&year=2022');
		expect(map.names).toBe('focus');
		expect(map.context).toEqual([]);
	});

	it('colours above and below riket with mapmode=riket, saying which side each class is on', () => {
		const map = choroplethData(pageFor('arbetsloshet-18-65-ar', '?focus=18&tab=map&level=lan&mapmode=riket'), 'sv', geo())!;
		expect(map.legend.title).toBe(`Jämfört med riket (5,6${NBSP}%)`);
		expect(map.legend.items.every((i) => /\((lägre än|högre än|som) riket\)$/.test(i.label))).toBe(true);
		expect(map.description).toMatch(/^Orange betyder lägre än riket \(5,6\u00a0%\), lila högre/);
	});

	it('follows the year asked for', () => {
		const map = choroplethData(pageFor('arbetsloshet-18-65-ar', '?focus=23&tab=map&year=2012'), 'sv', geo())!;
		expect(map.title).toMatch(/, 2012$/);
		expect(map.legend.title).toBe('Värde 2012');
	});

	it('speaks English', () => {
		const map = choroplethData(pageFor('arbetsloshet-18-65-ar', '?focus=23&tab=map'), 'en', geo('en'))!;
		expect(map.title).toMatch(/: municipalities of Jämtlands län, 2022$/);
		expect(map.areas[0].label).toMatch(/^\S.*: \d+\.\d%, rank \d of 8$/);
		expect(map.attribution).toBe('Source: Statistics Sweden (Digitala gränser)');
	});
});

describe('choroplethData: Örebro and other views', () => {
	it('names Örebro’s 12 kommuner and outlines a focus kommun', () => {
		const map = choroplethData(pageFor('arbetsloshet-18-65-ar', '?focus=1880&tab=map'), 'sv', geo())!;
		expect(map.areas).toHaveLength(12);
		expect(map.areas.find((a) => a.focus)?.name).toBe('Örebro');
		expect(map.readout).toMatch(/^Örebro: \d+,\d\u00a0%, plats \d+ av 12$/);
	});

	it('shows counts in quantile classes with round limits, and never against riket', () => {
		const map = choroplethData(pageFor('invanare-totalt', '?focus=23&tab=map&level=lan&mapmode=riket'), 'sv', geo())!;
		expect(map.legend.items).toHaveLength(5);
		// The first class starts at the smallest län (Gotland); the limits between classes are round numbers.
		expect(map.legend.items[0].label).toMatch(/^\d+\u00a0\d{3}–\d\d9\u00a0999\u00a0invånare$/);
		expect(map.legend.items[1].label).toMatch(/^\d\d0\u00a0000–/);
		// Every län has fewer invånare than riket: no diverging scale for a count.
		expect(map.legend.title).toBe('Värde 2022');
		expect(map.switches.find((s) => s.label === 'Färgskala')).toBeUndefined();
	});

	it('maps only län when the focus is riket', () => {
		const page = pageFor('arbetsloshet-18-65-ar', '?focus=00&tab=map');
		expect(mapLevels(page)).toEqual(['lan']);
		expect(resolveMapView(page)).toEqual({ level: 'lan', mode: 'value' });
		const map = choroplethData(page, 'sv', geo())!;
		expect(map.areas.some((a) => a.focus)).toBe(false);
		expect(map.switches.map((s) => s.label)).toEqual(['Färgskala']);
	});

	it('has no map for an indicator with one area only', () => {
		const page = pageFor('resultatet-ska-under-2019-uppga-till-minst-noll', '?tab=map');
		expect(hasMap(page)).toBe(false);
		expect(choroplethData(page, 'sv', geo())).toBeNull();
	});

	it('hatches areas without a value and explains it', () => {
		const page = pageFor('arbetsloshet-18-65-ar', '?focus=23&tab=map');
		// As if Berg had reported ".." for the year.
		const berg = page.bars.kommuner.find((b) => b.geo.code === '2326')!;
		berg.value = null;
		berg.missingSymbol = '..';
		const map = choroplethData(page, 'sv', geo())!;
		const area = map.areas.find((a) => a.code === '2326')!;
		expect(area.fill).toBeNull();
		expect(area.label).toBe('Berg: uppgift saknas eller är för osäker för att redovisas');
		expect(map.legend.items.at(-1)).toEqual({ colour: null, label: 'Uppgift saknas', count: '1 kommun' });
		expect(map.legend.notes[0]).toBe('Randig yta: uppgift saknas (.. = uppgift saknas eller är för osäker för att redovisas).');
		expect(map.table.rows.at(-1)).toMatchObject({ name: 'Berg', value: '..', rank: '–' });
		expect(map.areas.filter((a) => a.fill !== null).every((a) => / av 7$/.test(a.label))).toBe(true);
	});
});
