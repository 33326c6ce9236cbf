// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderBars, renderLocator } from './render';
import { kommunBars } from '../../charts/test-fixtures';
import { lanLocator, kommunLocator } from './locator';

const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

describe('server-rendered figures', () => {
	it('are plain HTML: CSS first without line breaks, no hydration comments', () => {
		const html = renderLocator({ title: 'T', caption: 'C', width: 10, height: 10, areas: [{ code: '1', d: 'M0 0h1v1z', highlight: true }], attribution: 'A' });
		expect(html).toMatch(/^<style>[^\n]+<\/style><figure/);
		expect(html).not.toContain('<!--');
	});

	it('give two bar charts on one page different ids (patterns, descriptions)', () => {
		const props = { bars: kommunBars, references: [], title: 'T', description: 'D', unit: '%', decimals: 1, locale: 'sv' as const };
		const a = ids(renderBars({ ...props, id: 'bars-kommuner' }));
		const b = ids(renderBars({ ...props, id: 'bars-lan' }));
		expect(a.length).toBeGreaterThan(2);
		expect(a.filter((id) => b.includes(id))).toEqual([]);
	});

	it('draw the locator maps of a län and of a kommun, and nothing for a geography without a map', () => {
		expect(lanLocator({ code: '23', name: 'Jämtlands län' }, 'sv')).toContain('aria-label="Karta: Jämtlands län markerat bland Sveriges 21 län"');
		const kommun = kommunLocator({ code: '2380', name: 'Östersund' }, { code: '23', name: 'Jämtlands län' }, 'en')!;
		expect(kommun).toContain('aria-label="Map: Östersund highlighted among the municipalities of Jämtlands län"');
		expect((kommun.match(/<path /g) ?? []).length).toBe(8 + 1);
		expect(lanLocator({ code: 'EX', name: 'Exempellänet' }, 'sv')).toBeNull();
		expect(kommunLocator({ code: '9999', name: 'X' }, { code: '23', name: 'Jämtlands län' }, 'sv')).toBeNull();
	});
});
