// @vitest-environment node
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ChartDownloads from './ChartDownloads.svelte';
import { tags, textOf } from './test-helpers';

describe('ChartDownloads', () => {
	it('is hidden in the server HTML: the buttons need JavaScript', () => {
		const { body } = render(ChartDownloads, { props: { targetId: 'c', fileName: 'f', locale: 'sv' } });
		expect(tags(body, 'div')[0].hidden).toBe('');
		expect(textOf(body)).toContain('Ladda ned diagram (SVG)');
		expect(textOf(body)).toContain('Ladda ned diagram (PNG)');
		expect(tags(body, 'button').every((b) => b.type === 'button')).toBe(true);
	});

	it('speaks English', () => {
		const { body } = render(ChartDownloads, { props: { targetId: 'c', fileName: 'f', locale: 'en' } });
		expect(textOf(body)).toContain('Download chart (SVG)');
		expect(textOf(body)).toContain('Download chart (PNG)');
	});
});
