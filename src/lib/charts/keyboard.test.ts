import { describe, expect, it } from 'vitest';
import { moveCursor, type Cursor } from './keyboard';

const START: Cursor = { period: 9, series: 0 };

describe('moveCursor (10 periods, 3 series)', () => {
	const cases: { key: string; from: Cursor | null; to: Cursor | null | undefined }[] = [
		{ key: 'ArrowLeft', from: null, to: { period: 9, series: 0 } },
		{ key: 'ArrowLeft', from: { period: 5, series: 1 }, to: { period: 4, series: 1 } },
		{ key: 'ArrowLeft', from: { period: 0, series: 1 }, to: { period: 0, series: 1 } },
		{ key: 'ArrowRight', from: { period: 5, series: 1 }, to: { period: 6, series: 1 } },
		{ key: 'ArrowRight', from: { period: 9, series: 1 }, to: { period: 9, series: 1 } },
		{ key: 'ArrowUp', from: { period: 5, series: 1 }, to: { period: 5, series: 0 } },
		{ key: 'ArrowUp', from: { period: 5, series: 0 }, to: { period: 5, series: 0 } },
		{ key: 'ArrowDown', from: { period: 5, series: 1 }, to: { period: 5, series: 2 } },
		{ key: 'ArrowDown', from: { period: 5, series: 2 }, to: { period: 5, series: 2 } },
		{ key: 'Home', from: { period: 5, series: 2 }, to: { period: 0, series: 2 } },
		{ key: 'End', from: { period: 5, series: 2 }, to: { period: 9, series: 2 } },
		{ key: 'Home', from: null, to: { period: 0, series: 0 } },
		{ key: 'Escape', from: { period: 5, series: 2 }, to: null },
		{ key: 'Escape', from: null, to: undefined },
		{ key: 'Tab', from: { period: 5, series: 2 }, to: undefined },
		{ key: 'a', from: null, to: undefined }
	];
	it.each(cases)('$key from $from → $to', ({ key, from, to }) => {
		expect(moveCursor(from, key, 10, 3, START)).toEqual(to);
	});

	it('ignores keys when there is nothing to move through', () => {
		expect(moveCursor(null, 'ArrowLeft', 0, 3, START)).toBeUndefined();
		expect(moveCursor(null, 'ArrowLeft', 10, 0, START)).toBeUndefined();
	});
});
