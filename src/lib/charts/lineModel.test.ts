import { describe, expect, it } from 'vitest';
import { jamtlandPopulation, points, unemployment } from './test-fixtures';
import { collectPeriods, lineModel, nearestPeriod, nearestSeries } from './lineModel';
import type { ChartSeries } from './types';

const base = { target: null, unit: '%', decimals: 1, locale: 'sv' as const, height: 360 };

describe('lineModel', () => {
	it('walks the periods of all series once, in order', () => {
		const periods = collectPeriods(unemployment, 'sv');
		expect(periods.map((p) => p.code)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022']);
		expect(collectPeriods([{ points: points({ '2025T2': 1 }, '%', 0).map((p) => ({ ...p, x: 2025.5 })) }], 'sv')[0].label).toBe(
			'Tertial 2 2025'
		);
	});

	it('extends the x domain to the target year and the y domain to the target', () => {
		const model = lineModel({ ...base, series: unemployment, target: { value: 12, targetX: 2030, label: 'Mål' } }, null);
		expect(model.xDomain).toEqual([2015, 2030]);
		expect(model.yDomain[1]).toBeGreaterThanOrEqual(12);
		expect(model.labelX).toBe(2022);
	});

	it('needs less right padding when the labels fit into the years before the target', () => {
		const without = lineModel({ ...base, series: unemployment }, 1000);
		const withTarget = lineModel({ ...base, series: unemployment, target: { value: 4, targetX: 2030, label: 'Mål' } }, 1000);
		expect(withTarget.padding.right).toBeLessThan(without.padding.right);
	});

	it('chooses fewer x ticks on a phone than on a desktop, and marks server ticks for thinning', () => {
		const phone = lineModel({ ...base, series: unemployment }, 330);
		const desktop = lineModel({ ...base, series: unemployment }, 1100);
		expect(phone.xTicks.length).toBeLessThan(desktop.xTicks.length);
		expect(phone.guessedWidth).toBe(false);
		expect(lineModel({ ...base, series: unemployment }, null).guessedWidth).toBe(true);
	});

	it('writes percent on the ticks and other units once above the axis', () => {
		const percent = lineModel({ ...base, series: unemployment }, null);
		expect(percent.unitCaption).toBeNull();
		expect(percent.formatY(8)).toBe('8\u00a0%');
		const people = lineModel({ ...base, unit: 'invånare', decimals: 0, series: [jamtlandPopulation] }, null);
		expect(people.unitCaption).toBe('invånare');
		expect(people.yTicks.every(Number.isInteger)).toBe(true);
		expect(people.formatY(130000)).toBe('130\u00a0000');
	});

	it('shows millions as a caption, not as long ticks', () => {
		const riket: ChartSeries = { ...jamtlandPopulation, id: '00', role: 'riket', points: points({ '2022': 10521556 }, 'invånare', 0) };
		const model = lineModel({ ...base, unit: 'invånare', decimals: 0, series: [jamtlandPopulation, riket] }, null);
		expect(model.unitCaption).toBe('miljoner invånare');
		expect(model.formatY(12_000_000)).toBe('12');
	});

	it('never gives whole-number data fractional ticks', () => {
		const small: ChartSeries = { id: 'x', name: 'X', role: 'focus', points: points({ '2020': 1, '2021': 3 }, 'st', 0) };
		const model = lineModel({ ...base, unit: 'st', decimals: 0, series: [small] }, null);
		expect(model.yTicks.every(Number.isInteger)).toBe(true);
	});
});

describe('pointer helpers', () => {
	const periods = collectPeriods(unemployment, 'sv');
	it.each([
		[2014, 0],
		[2016.4, 1],
		[2016.5, 1],
		[2016.6, 2],
		[2040, 7]
	])('x %d → period %i', (x, index) => {
		expect(nearestPeriod(periods, x)).toBe(index);
	});
	it('picks the series nearest in value, skipping missing values', () => {
		expect(nearestSeries(unemployment, 2022, 4.1, 0)).toBe(0);
		expect(nearestSeries(unemployment, 2022, 5.5, 0)).toBe(1);
		expect(nearestSeries(unemployment, 2018, 5.9, 1)).toBe(1);
		expect(nearestSeries(unemployment, 2018, 6.4, 2)).toBe(1);
		expect(nearestSeries([], 2018, 6.4, 2)).toBe(2);
	});
	it('returns -1 without periods', () => {
		expect(nearestPeriod([], 2020)).toBe(-1);
	});
});
