import { describe, expect, it } from 'vitest';
import { BAR_OTHER, BRAND, COMPARE, contrastRatio, RIKET, styleSeries } from './palette';
import type { ChartSeries } from './types';

const WHITE = '#ffffff';

describe('colours meet WCAG 2.1 AA against white', () => {
	it.each([BRAND, RIKET, ...COMPARE])('%s is at least 4.5:1 (lines, markers and label text)', (colour) => {
		expect(contrastRatio(colour, WHITE)).toBeGreaterThanOrEqual(4.5);
	});
	it('other bars are at least 3:1 (non-text contrast)', () => {
		expect(contrastRatio(BAR_OTHER, WHITE)).toBeGreaterThanOrEqual(3);
	});
	it('computes known ratios', () => {
		expect(contrastRatio('#000000', WHITE)).toBeCloseTo(21, 5);
		expect(contrastRatio(WHITE, WHITE)).toBe(1);
	});
});

describe('styleSeries', () => {
	const s = (id: string, role: ChartSeries['role']): ChartSeries => ({ id, name: id, role, points: [] });

	it('gives focus the brand colour, riket a dashed grey line', () => {
		const [focus, riket] = styleSeries([s('23', 'focus'), s('00', 'riket')]);
		expect(focus.style).toMatchObject({ colour: BRAND, shape: 'circle', dash: null, emphasis: true });
		expect(riket.style).toMatchObject({ colour: RIKET, shape: 'square', emphasis: false });
		expect(riket.style.dash).not.toBeNull();
	});

	it('tells up to six comparison series apart by shape as well as colour', () => {
		const styled = styleSeries([
			s('23', 'focus'),
			s('00', 'riket'),
			...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => s(id, 'compare'))
		]);
		const compare = styled.filter((x) => x.role === 'compare');
		const pairs = new Set(compare.map((x) => `${x.style.colour}|${x.style.shape}`));
		expect(pairs.size).toBe(6);
		const firstFive = compare.slice(0, 5);
		expect(new Set(firstFive.map((x) => x.style.shape)).size).toBe(5);
		expect(new Set(firstFive.map((x) => x.style.colour)).size).toBe(5);
		expect(firstFive.every((x) => x.style.shape !== 'circle')).toBe(true);
	});
});
