// @vitest-environment node
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LineChart from './LineChart.svelte';
import { jamtlandPopulation, unemployment } from './test-fixtures';
import { pieces, tags, textOf } from './test-helpers';
import type { LineChartProps } from './types';

const props: LineChartProps = {
	series: unemployment,
	target: { value: 3, valueHigh: 4, label: 'Målvärde: 3–4 % (2030)', targetX: 2030 },
	title: 'Arbetslöshet 18–65 år, 2015–2022',
	description: 'Arbetslösheten i Jämtlands län har minskat till 4,1 %.',
	unit: '%',
	decimals: 1,
	locale: 'sv',
	id: 'chart-unemployment'
};

function html(p: Partial<LineChartProps> = {}): string {
	return render(LineChart, { props: { ...props, ...p } }).body;
}

describe('LineChart, as the server sends it', () => {
	const body = html();

	it('is a figure whose caption holds the title and the description', () => {
		expect(tags(body, 'figure')[0].id).toBe('chart-unemployment');
		const caption = body.match(/<figcaption[\s\S]*?<\/figcaption>/)?.[0] ?? '';
		expect(textOf(caption)).toBe(`${props.title} ${props.description}`);
	});

	it('has an SVG image named by the title and described by the description', () => {
		const svg = tags(body, 'svg').find((s) => s.role === 'img');
		expect(svg?.['aria-label']).toBe(props.title);
		const desc = tags(body, 'span').find((s) => s.id === svg?.['aria-describedby']);
		expect(desc).toBeDefined();
	});

	it('draws one line per series, in its own colour, riket dashed', () => {
		const paths = tags(body, 'path').filter((p) => p['data-series']);
		expect(paths.map((p) => p['data-series']).sort()).toEqual(['00', '23', '2380']);
		for (const p of paths) expect(p.d.length).toBeGreaterThan(10);
		expect(paths.find((p) => p['data-series'] === '23')?.stroke).toBe('#1d4f91');
		expect(paths.find((p) => p['data-series'] === '00')?.['stroke-dasharray']).toBeTruthy();
		expect(new Set(paths.map((p) => p.stroke)).size).toBe(3);
	});

	it('breaks the line at a missing value and still marks the points around it', () => {
		const focus = tags(body, 'path').find((p) => p['data-series'] === '23');
		expect(pieces(focus?.d ?? '')).toBe(2);
		const riket = tags(body, 'path').find((p) => p['data-series'] === '00');
		expect(pieces(riket?.d ?? '')).toBe(1);
		const focusMarkers = body.match(/<g class="markers" data-series="23"[\s\S]*?<\/g>/)?.[0] ?? '';
		expect(tags(focusMarkers, 'use')).toHaveLength(7);
	});

	it('gives each series its own marker shape and a direct label', () => {
		const shapes = ['23', '00', '2380'].map((id) => {
			const group = body.match(new RegExp(`<g class="markers" data-series="${id}"[\\s\\S]*?</g>`))?.[0] ?? '';
			return tags(group, 'use')[0]?.href;
		});
		expect(new Set(shapes).size).toBe(3);
		const labels = body.match(/<svg class="direct-labels"[\s\S]*?<\/svg>/)?.[0] ?? '';
		expect(textOf(labels)).toContain('Riket');
		expect(textOf(labels)).toContain('Östersund');
		expect(textOf(labels)).toContain('Jämtlands län');
	});

	it('writes the target on the chart and flags the target year', () => {
		expect(textOf(body)).toContain('Målvärde: 3–4 % (2030)');
		expect(body).toContain('class="target-flag"');
		expect(tags(body, 'rect').some((r) => r['fill-opacity'])).toBe(true);
	});

	it('labels the axes in Swedish format', () => {
		const text = textOf(body);
		expect(text).toContain('8\u00a0%');
		expect(text).toContain('2030');
	});

	it('has no tab stop or live read-out until it is interactive', () => {
		const frame = tags(body, 'div').find((d) => d.class?.includes('frame'));
		expect(frame?.tabindex).toBeUndefined();
		expect(frame?.role).toBeUndefined();
		expect(tags(body, 'p').find((p) => p['aria-live'] === 'polite')).toBeDefined();
		expect(body).not.toContain('class="tooltip');
	});

	it('writes English numbers for locale en', () => {
		const en = html({ locale: 'en', series: unemployment.map((s) => ({ ...s })), target: null });
		expect(textOf(en)).toContain('8%');
		expect(en).not.toContain('Målvärde');
	});

	it('captions units that are not on the ticks', () => {
		const people = html({ series: [jamtlandPopulation], unit: 'invånare', decimals: 0, target: null });
		expect(textOf(people)).toContain('invånare');
		expect(textOf(people)).toContain('130\u00a0000');
	});

	it('renders an empty chart without throwing', () => {
		expect(() => html({ series: [], target: null })).not.toThrow();
	});
});

describe('LineChart with context lines', () => {
	const context = { xs: [2015, 2016, 2017], values: [[1, 2, 3], [4, null, 6], [30, 31, 32]] };
	const body = html({ context });

	it('draws them as one grey path behind the named lines, broken at a missing value', () => {
		const paths = tags(body, 'path').filter((p) => p['data-context'] || p['data-series']);
		expect(paths[0]['data-context']).toBe('3');
		expect(paths[0].stroke).toBe('#a3adba');
		// Three lines, the second broken in two.
		expect(pieces(paths[0].d)).toBe(4);
		expect(paths.filter((p) => p['data-series'])).toHaveLength(3);
	});

	it('gives them no markers or direct labels, and widens the y axis to hold them', () => {
		expect(body.match(/<g class="markers"/g)).toHaveLength(3);
		expect(body.match(/<g transform="translate\(8 /g)).toHaveLength(3);
		const yAxis = (b: string) => textOf(b.slice(b.indexOf('class="axis-y"'), b.indexOf('class="axis-x"')));
		expect(yAxis(html())).not.toMatch(/30\u00a0%/);
		expect(yAxis(body)).toMatch(/30\u00a0%/);
	});
});
