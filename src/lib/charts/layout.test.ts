import { describe, expect, it } from 'vitest';
import { linePath, r3, spreadLabels, splitLabel, textWidth } from './layout';

describe('splitLabel', () => {
	const cases: [string, string[]][] = [
		['Riket', ['Riket']],
		['Östersund', ['Östersund']],
		['Jämtlands län', ['Jämtlands', 'län']],
		['Västra Götalands län', ['Västra', 'Götalands län']],
		['Upplands-Väsbykommun', ['Upplands-Väsbykommun']],
		['  Åre  ', ['Åre']],
		['Målvärde: minst 135 000 invånare (2030)', ['Målvärde: minst 135 000', 'invånare (2030)']]
	];
	it.each(cases)('%s → %j', (name, lines) => {
		expect(splitLabel(name)).toEqual(lines);
	});
});

describe('spreadLabels', () => {
	const cases: { name: string; boxes: { y: number; height: number }[]; min: number; max: number; expected: number[] }[] = [
		{ name: 'apart stay put', boxes: [{ y: 10, height: 10 }, { y: 50, height: 10 }], min: 0, max: 100, expected: [10, 50] },
		{ name: 'overlap is pushed down', boxes: [{ y: 50, height: 10 }, { y: 52, height: 10 }], min: 0, max: 100, expected: [50, 62] },
		{ name: 'input order is kept', boxes: [{ y: 52, height: 10 }, { y: 50, height: 10 }], min: 0, max: 100, expected: [62, 50] },
		{ name: 'clamped at the top', boxes: [{ y: -20, height: 10 }], min: 0, max: 100, expected: [5] },
		{
			name: 'stack at the bottom is pushed up',
			boxes: [{ y: 95, height: 10 }, { y: 96, height: 10 }, { y: 97, height: 10 }],
			min: 0,
			max: 100,
			expected: [71, 83, 95]
		}
	];
	it.each(cases)('$name', ({ boxes, min, max, expected }) => {
		expect(spreadLabels(boxes, min, max)).toEqual(expected);
	});

	it('never overlaps', () => {
		const boxes = [30, 31, 32, 33, 90, 91].map((y) => ({ y, height: 15 }));
		const ys = spreadLabels(boxes, 0, 100).sort((a, b) => a - b);
		for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(15);
	});
});

describe('textWidth and r3', () => {
	it('estimates wider for longer and bold text', () => {
		expect(textWidth('Jämtlands län', 13)).toBeGreaterThan(textWidth('Åre', 13));
		expect(textWidth('Jämtlands län', 13, true)).toBeGreaterThan(textWidth('Jämtlands län', 13));
	});
	it('rounds to three decimals', () => {
		expect(r3(23.624999999999996)).toBe(23.625);
		expect(r3(100 / 3)).toBe(33.333);
	});
});

describe('linePath', () => {
	const pt = (x: number, v: number | null) => ({ x, v });
	const path = (pts: { x: number; v: number | null }[]) =>
		linePath(pts, (p) => p.v !== null, (p) => p.x, (p) => p.v as number);
	const cases: [string, { x: number; v: number | null }[], string][] = [
		['empty', [], ''],
		['one piece', [pt(0, 1), pt(10, 2), pt(20, 3)], 'M0,1L10,2L20,3'],
		['a gap breaks the line', [pt(0, 1), pt(10, null), pt(20, 3), pt(30, 4)], 'M0,1M20,3L30,4'],
		['leading and trailing gaps', [pt(0, null), pt(10, 2), pt(20, 3), pt(30, null)], 'M10,2L20,3'],
		['rounded to 3 decimals', [pt(1 / 3, 2 / 3)], 'M0.333,0.667']
	];
	it.each(cases)('%s', (_, pts, d) => {
		expect(path(pts)).toBe(d);
	});
});
