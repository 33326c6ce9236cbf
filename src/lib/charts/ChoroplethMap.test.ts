// @vitest-environment node
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ChoroplethMap from './ChoroplethMap.svelte';
import LocatorMap from './LocatorMap.svelte';
import { tags, textOf } from './test-helpers';
import type { ChoroplethMapProps, LocatorMapProps } from './types';

const NBSP = '\u00a0';

/** Three kommuner of a made-up län: two with values, one missing, and a greyed neighbour. */
const props: ChoroplethMapProps = {
	id: 'map-kommun',
	title: 'Arbetslöshet: kommunerna i Jämtlands län, 2022',
	description: 'Mörkare färg betyder högre värde.',
	width: 300,
	height: 200,
	areas: [
		{ code: '2380', name: 'Östersund', d: 'M0 0h100v100h-100z', fill: '#6baed6', label: `Östersund: 4,2${NBSP}%, plats 2 av 2`, href: '/kommun/2380', focus: true, at: [50, 50] },
		{ code: '2313', name: 'Strömsund', d: 'M100 0h100v100h-100z', fill: '#08519c', label: `Strömsund: 5,2${NBSP}%, plats 1 av 2`, href: '/kommun/2313', focus: false, at: [150, 50] },
		{ code: '2326', name: 'Berg', d: 'M0 100h100v100h-100z', fill: null, label: 'Berg: uppgift saknas eller är för osäker för att redovisas', href: '/kommun/2326', focus: false, at: null }
	],
	context: [{ code: '22', d: 'M200 0h100v200h-100z', name: 'Västernorrlands län', at: [250, 100] }],
	legend: {
		title: 'Värde 2022',
		items: [
			{ colour: '#6baed6', label: `4,2${NBSP}%`, count: '1 kommun' },
			{ colour: '#08519c', label: `5,2${NBSP}%`, count: '1 kommun' },
			{ colour: null, label: 'Uppgift saknas', count: '1 kommun' }
		],
		notes: ['Randig yta: uppgift saknas (.. = uppgift saknas eller är för osäker för att redovisas).', `Riket: 5,6${NBSP}%`]
	},
	names: 'all',
	readout: `Östersund: 4,2${NBSP}%, plats 2 av 2`,
	table: {
		caption: 'Arbetslöshet: kommunerna i Jämtlands län, 2022',
		areaHeader: 'Kommun',
		valueHeader: 'Värde 2022',
		rankHeader: 'Plats av 2',
		rows: [
			{ code: '2313', name: 'Strömsund', href: '/kommun/2313', value: `5,2${NBSP}%`, explanation: null, rank: '1' },
			{ code: '2380', name: 'Östersund', href: '/kommun/2380', value: `4,2${NBSP}%`, explanation: null, rank: '2' },
			{ code: '2326', name: 'Berg', href: '/kommun/2326', value: '..', explanation: 'Uppgift saknas eller är för osäker för att redovisas', rank: '–' }
		]
	},
	switches: [
		{
			label: 'Färgskala',
			links: [
				{ text: 'Efter värde', href: '?focus=23&tab=map&mapmode=value', current: true },
				{ text: 'Jämfört med riket', href: '?focus=23&tab=map&mapmode=riket', current: false }
			]
		}
	],
	attribution: 'Källa: SCB (Digitala gränser)',
	locale: 'sv'
};

function html(p: Partial<ChoroplethMapProps> = {}) {
	return render(ChoroplethMap, { props: { ...props, ...p } });
}

describe('ChoroplethMap, as the server sends it', () => {
	const { head, body } = html();
	const svg = tags(body, 'svg').find((s) => s.viewBox === '0 0 300 200');

	it('is a figure with its title, and an SVG group named by the title and described by the description', () => {
		expect(tags(body, 'figure')[0].id).toBe('map-kommun');
		expect(textOf(body.match(/<figcaption[\s\S]*?<\/figcaption>/)?.[0] ?? '')).toBe(`${props.title} ${props.description}`);
		expect(svg).toMatchObject({ role: 'group', 'aria-label': `Karta: ${props.title}`, 'aria-describedby': 'map-kommun-desc' });
		expect(tags(body, 'span').find((s) => s.id === 'map-kommun-desc')).toBeDefined();
	});

	it('makes every area a link named by name, value and rank, with the same text as its tooltip', () => {
		const links = tags(body, 'a').filter((a) => a['data-code']);
		expect(links.map((a) => [a.href, a['aria-label']])).toEqual(props.areas.map((a) => [a.href, a.label]));
		for (const area of props.areas) expect(body).toContain(`<title>${area.label}</title>`);
	});

	it('fills areas by class and hatches a missing value, with the hatch in the legend too', () => {
		const links = tags(body, 'a').filter((a) => a['data-code']);
		expect(links.map((a) => a.style)).toEqual(['fill: #6baed6;', 'fill: #08519c;', 'fill: url(#map-kommun-hatch);']);
		expect(tags(body, 'pattern')[0].id).toBe('map-kommun-hatch');
		const swatches = tags(body, 'rect').filter((r) => r.width === '21');
		expect(swatches.map((r) => r.fill)).toEqual(['#6baed6', '#08519c', 'url(#map-kommun-hatch)']);
	});

	it('writes the legend, its notes and the source as text', () => {
		const text = textOf(body);
		for (const item of props.legend.items) expect(text).toContain(`${item.label} ${item.count}`);
		for (const note of props.legend.notes) expect(text).toContain(note);
		expect(text).toContain('Källa: SCB (Digitala gränser)');
	});

	it('greys the neighbouring län without making them links, and names them', () => {
		const context = body.match(/<g class="context[^"]*">([\s\S]*?)<\/g>/)?.[1] ?? '';
		expect(tags(context, 'path')).toHaveLength(1);
		expect(tags(context, 'a')).toHaveLength(0);
		expect(textOf(body)).toContain('Västernorrlands län');
	});

	it('outlines the focus area and names the areas that have a label point', () => {
		expect(tags(body, 'path').find((p) => (p.class ?? '').includes('focus-line'))?.d).toBe(props.areas[0].d);
		const names = tags(body, 'span').filter((s) => (s.class ?? '').split(' ').includes('name'));
		expect(names).toHaveLength(3); // two kommuner and the neighbour; Berg has no label point
	});

	it('has a read-out line per area, shown by CSS while that area is hovered or focused', () => {
		const readout = body.match(/<p class="readout[^"]*"[^>]*>([\s\S]*?)<\/p>/)!;
		expect(readout[0]).toContain('aria-hidden="true"');
		expect(tags(readout[1], 'span').filter((s) => s['data-for']).map((s) => s['data-for'])).toEqual(['2380', '2313', '2326']);
		expect(body).toContain('#map-kommun:has([data-code="2313"]:hover) [data-for="2313"]');
		expect(body).toContain('#map-kommun:not(:has([data-code]:hover)):has([data-code="2313"]:focus) [data-for="2313"]');
		// One ring per area, drawn after all areas so it is never hidden under a neighbour.
		const rings = tags(body, 'use').filter((u) => (u.class ?? '').includes('ring'));
		expect(rings.map((r) => r.href)).toEqual(['#map-kommun-2380', '#map-kommun-2313', '#map-kommun-2326']);
	});

	it('names only the focus area when the map is crowded', () => {
		const crowded = html({ names: 'focus' }).body;
		expect(tags(crowded, 'span').filter((s) => (s.class ?? '').split(' ').includes('name') && !(s.class ?? '').includes('context'))).toHaveLength(1);
	});

	it('marks the current choice of each switch', () => {
		const links = tags(body, 'a').filter((a) => a.href?.startsWith('?'));
		expect(links.map((a) => a['aria-current'] ?? null)).toEqual(['true', null]);
		expect(tags(body, 'div').find((d) => d.role === 'group')?.['aria-label']).toBe('Färgskala');
	});

	it('lists the same areas and values in a table inside a disclosure', () => {
		const table = body.match(/<details[\s\S]*<\/details>/)?.[0] ?? '';
		expect(textOf(table)).toContain('Visa kartans värden som tabell');
		expect(tags(table, 'th').filter((t) => t.scope === 'col')).toHaveLength(3);
		expect(textOf(table)).toContain(`Strömsund 5,2${NBSP}% 1 Östersund 4,2${NBSP}% 2 Berg .. –`);
		expect(table).toContain('<abbr title="Uppgift saknas eller är för osäker för att redovisas">..</abbr>');
	});

	it('brings its own CSS (it is never hydrated, so the page’s stylesheet does not have it)', () => {
		expect(head).toMatch(/^<style id="svelte-[a-z0-9]+">/);
		expect(head).toContain('.ring');
	});

	it('speaks English', () => {
		expect(textOf(html({ locale: 'en' }).body)).toContain('Show the map’s values as a table');
	});
});

describe('LocatorMap', () => {
	const locator: LocatorMapProps = {
		title: 'Karta: Jämtlands län markerat bland Sveriges 21 län',
		caption: 'Jämtlands län i Sverige',
		width: 130,
		height: 300,
		areas: [
			{ code: '22', d: 'M0 0h10v10h-10z', highlight: false },
			{ code: '23', d: 'M10 0h10v10h-10z', highlight: true }
		],
		attribution: 'Källa: SCB (Digitala gränser)'
	};
	const { head, body } = render(LocatorMap, { props: locator });

	it('is an image named by its title, with a visible caption and the source', () => {
		expect(tags(body, 'svg')[0]).toMatchObject({ role: 'img', 'aria-label': locator.title, viewBox: '0 0 130 300' });
		expect(textOf(body)).toBe('Jämtlands län i Sverige Källa: SCB (Digitala gränser)');
		expect(head).toContain('<style');
	});

	it('fills the highlighted area and outlines it on top', () => {
		const paths = tags(body, 'path');
		expect(paths).toHaveLength(3);
		expect(paths.filter((p) => (p.class ?? '').split(' ').includes('on')).map((p) => p.d)).toEqual(['M10 0h10v10h-10z']);
		expect(paths[2].class).toContain('outline');
		expect(paths[2].d).toBe('M10 0h10v10h-10z');
	});
});
