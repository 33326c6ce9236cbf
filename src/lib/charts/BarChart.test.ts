// @vitest-environment node
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BarChart from './BarChart.svelte';
import { kommunBars } from './test-fixtures';
import { hasClass, tags, textOf } from './test-helpers';
import type { BarChartProps } from './types';

const props: BarChartProps = {
	bars: kommunBars,
	references: [
		{ name: 'Riket', value: 5.58, label: '5,6 %' },
		{ name: 'Jämtlands län', value: 4.08, label: '4,1 %' }
	],
	title: 'Arbetslöshet i Jämtlands kommuner, 2022',
	description: 'Krokom har lägst arbetslöshet.',
	unit: '%',
	decimals: 1,
	locale: 'sv',
	id: 'bars'
};

function html(p: Partial<BarChartProps> = {}): string {
	return render(BarChart, { props: { ...props, ...p } }).body;
}

const rows = (body: string) => tags(body, 'g').filter((g) => g.class === 'row');

describe('BarChart, as the server sends it', () => {
	const body = html();

	it('is a figure named by its title', () => {
		expect(tags(body, 'figure')[0].id).toBe('bars');
		expect(textOf(body.match(/<figcaption[\s\S]*?<\/figcaption>/)?.[0] ?? '')).toContain(props.title);
		const svg = tags(body, 'svg').find((s) => s['aria-label'] === props.title);
		expect(svg?.role).toBe('group');
	});

	it('orders bars from the highest value down, missing last', () => {
		expect(rows(body).map((r) => r['data-id'])).toEqual(['2313', '2303', '2305', '2380', '2361', '2321', '2309', '2326']);
	});

	it('marks the focus bar with the brand colour and bold text', () => {
		const focus = body.match(/<g class="row" data-id="2380"[\s\S]*?<\/g>/)?.[0] ?? '';
		expect(tags(body, 'g').find((g) => g['data-id'] === '2380')?.['data-role']).toBe('focus');
		expect(tags(focus, 'rect').find((r) => hasClass(r, 'bar'))?.fill).toBe('#1d4f91');
		expect(tags(focus, 'text').every((t) => t['font-weight'] === '700')).toBe(true);
		const other = body.match(/<g class="row" data-id="2313"[\s\S]*?<\/g>/)?.[0] ?? '';
		expect(tags(other, 'rect').find((r) => hasClass(r, 'bar'))?.fill).not.toBe('#1d4f91');
	});

	it('draws a missing value as a hatched stub with its label', () => {
		const missing = body.match(/<g class="row" data-id="2326"[\s\S]*?<\/g>/)?.[0] ?? '';
		expect(tags(missing, 'rect').find((r) => hasClass(r, 'missing'))?.fill).toMatch(/^url\(#.*-missing\)$/);
		expect(textOf(missing)).toContain('.. uppgift saknas');
	});

	it('writes value labels and labelled reference lines', () => {
		const text = textOf(body);
		expect(text).toContain('5,2\u00a0%');
		expect(text).toContain('Riket 5,6 %');
		expect(text).toContain('Jämtlands län 4,1 %');
		expect(tags(body, 'g').filter((g) => g.class === 'reference')).toHaveLength(2);
	});

	it('does not repeat a name that the reference label already starts with', () => {
		const text = textOf(html({ references: [{ name: 'Riket', value: 5.58, label: 'Riket 5,6 %' }] }));
		expect(text).toContain('Riket 5,6 %');
		expect(text).not.toContain('Riket Riket');
	});

	it('links bars that have an href', () => {
		expect(tags(body, 'a').map((a) => a.href)).toContain('/kommun/2380');
	});

	it('is a plain image without links, and riket bars are striped', () => {
		const plain = html({
			bars: [...kommunBars.map((b) => ({ ...b, href: null })), { id: '00', name: 'Riket', value: 5.58, label: '5,6 %', role: 'riket' }]
		});
		expect(tags(plain, 'svg').find((s) => s['aria-label'] === props.title)?.role).toBe('img');
		expect(tags(plain, 'a')).toHaveLength(0);
		const riket = plain.match(/<g class="row" data-id="00"[\s\S]*?<\/g>/)?.[0] ?? '';
		expect(tags(riket, 'rect').find((r) => hasClass(r, 'bar'))?.fill).toMatch(/^url\(#.*-riket\)$/);
	});

	it('grows taller with more bars', () => {
		const height = (b: string) => Number(b.match(/class="frame[^"]*" style="height: (\d+)px/)?.[1]);
		const many = html({ bars: Array.from({ length: 21 }, (_, i) => ({ ...kommunBars[0], id: String(i), value: i })) });
		expect(height(many)).toBeGreaterThan(height(body));
	});
});
