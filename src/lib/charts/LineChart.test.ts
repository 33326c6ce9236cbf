import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LineChart from './LineChart.svelte';
import { unemployment } from './fixtures';

describe('LineChart (server render)', () => {
	it('renders', () => {
		const { body } = render(LineChart, {
			props: { series: unemployment, title: 'Arbetslöshet', description: 'Sjunker.', unit: '%', decimals: 1, locale: 'sv', target: { value: 4, label: 'Målvärde: högst 4 % (2030)', targetX: 2030 } }
		});
		console.log(body);
		expect(body).toContain('<svg');
	});
});
