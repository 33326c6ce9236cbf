// @vitest-environment node
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Sparkline from './Sparkline.svelte';
import { pieces, tags } from './test-helpers';

const points = [2018, 2019, 2020, 2021, 2022].map((x, i) => ({ x, value: [5.5, 5.3, 6.3, null, 4.1][i] }));

describe('Sparkline', () => {
	it('is a small named image with a line that breaks at a gap and a dot on the latest value', () => {
		const { body } = render(Sparkline, { props: { points, title: 'Arbetslöshet 2018–2022, senast 4,1 %' } });
		const svg = tags(body, 'svg')[0];
		expect(svg.role).toBe('img');
		expect(svg['aria-label']).toBe('Arbetslöshet 2018–2022, senast 4,1 %');
		expect(svg.width).toBe('120');
		expect(pieces(tags(body, 'path')[0].d)).toBe(2);
		expect(tags(body, 'circle')).toHaveLength(1);
		expect(tags(body, 'line')).toHaveLength(0);
	});

	it('draws the target inside the drawing area', () => {
		const { body } = render(Sparkline, { props: { points, title: 't', target: 8, height: 40 } });
		const line = tags(body, 'line').find((l) => l.class === 'target');
		expect(Number(line?.y1)).toBeGreaterThanOrEqual(0);
		expect(Number(line?.y1)).toBeLessThan(20);
	});

	it('copes with no values', () => {
		const { body } = render(Sparkline, { props: { points: [], title: 'Inga värden' } });
		expect(tags(body, 'circle')).toHaveLength(0);
	});
});
