import { describe, expect, it } from 'vitest';
import { barModel, ROW_HEIGHT, sortBars } from './barModel';
import { kommunBars } from './test-fixtures';
import type { Bar } from './types';

const bar = (id: string, value: number | null): Bar => ({ id, name: id, value, label: String(value), role: 'other' });

describe('sortBars', () => {
	const cases: { name: string; input: Bar[]; order: string[] }[] = [
		{ name: 'descending', input: [bar('a', 1), bar('b', 3), bar('c', 2)], order: ['b', 'c', 'a'] },
		{ name: 'ties keep input order', input: [bar('a', 2), bar('b', 3), bar('c', 2)], order: ['b', 'a', 'c'] },
		{ name: 'missing last, in input order', input: [bar('x', null), bar('a', 1), bar('y', null), bar('b', 2)], order: ['b', 'a', 'x', 'y'] },
		{ name: 'negative below zero', input: [bar('a', -1), bar('b', 0), bar('c', 1)], order: ['c', 'b', 'a'] },
		{ name: 'NaN counts as missing', input: [bar('a', NaN), bar('b', 1)], order: ['b', 'a'] }
	];
	it.each(cases)('$name', ({ input, order }) => {
		expect(sortBars(input).map((b) => b.id)).toEqual(order);
	});
	it('does not mutate its input', () => {
		const input = [bar('a', 1), bar('b', 2)];
		sortBars(input);
		expect(input.map((b) => b.id)).toEqual(['a', 'b']);
	});
});

describe('barModel', () => {
	it('grows with the number of bars and includes references in the domain', () => {
		const eight = barModel({ bars: kommunBars, references: [{ name: 'Riket', value: 7.3, label: '7,3 %' }] });
		expect(eight.plotHeight).toBe(8 * ROW_HEIGHT);
		expect(eight.xDomain[0]).toBe(0);
		expect(eight.xDomain[1]).toBeGreaterThanOrEqual(7.3);
		expect(eight.hasLinks).toBe(true);
		const many = barModel({ bars: [...kommunBars, ...kommunBars.map((b) => ({ ...b, id: `${b.id}b` }))], references: [] });
		expect(many.height).toBeGreaterThan(eight.height - eight.padding.top);
	});
	it('reserves a label row per reference above the bars', () => {
		const none = barModel({ bars: kommunBars, references: [] });
		const two = barModel({
			bars: kommunBars,
			references: [
				{ name: 'Riket', value: 5.6, label: '5,6 %' },
				{ name: 'Jämtlands län', value: 4.1, label: '4,1 %' }
			]
		});
		expect(two.padding.top).toBeGreaterThan(none.padding.top + 30);
	});
});
