/** The line chart's and table's data with `context=all`, from the real demo data (Kolada N03920, arbetslöshet). */
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDb } from '../../../tests/helpers/db';
import { getIndicatorPage } from '../server/queries/indicator-page';
import { contextLines, lineChartData, tableData } from './chart-data';
import { parseViewState } from './state';

const pageFor = (query: string) => getIndicatorPage(seededDb(), 'arbetsloshet-18-65-ar', parseViewState(new URLSearchParams(query)))!;

beforeAll(() => {
	seededDb();
});

describe('context=all: every geography with values', () => {
	const page = () => pageFor('?focus=23&context=all');

	it('keeps the chosen series named and adds the other 310 as context, after them', () => {
		const p = page();
		expect(p.series).toHaveLength(312);
		expect(p.series.slice(0, 2).map((s) => [s.geo.code, s.role])).toEqual([
			['23', 'focus'],
			['00', 'riket']
		]);
		expect(p.series.slice(2).every((s) => s.role === 'context')).toBe(true);
		expect(new Set(p.series.map((s) => s.geo.code)).size).toBe(312);
		expect(p.series.filter((s) => s.geo.level === 'kommun')).toHaveLength(290);
	});

	it('gives the chart the named series as series and the rest as compact lines, and says so', () => {
		const line = lineChartData(page(), 'sv');
		expect(line.series.map((s) => s.id)).toEqual(['23', '00']);
		expect(line.context?.values).toHaveLength(310);
		expect(line.title).toContain('Jämtlands län, Riket och alla 310 övriga län och kommuner');
		expect(line.description).toContain('De tunna grå linjerna visar alla 310 övriga geografier med värden');
		expect(lineChartData(page(), 'en').description).toContain('The thin grey lines show all 310 other areas');
	});

	it('puts each context value at its period, the same value the table shows', () => {
		const p = page();
		const ctx = contextLines(p)!;
		expect(ctx.xs).toEqual([...ctx.xs].sort((a, b) => a - b));
		const ostersund = p.series.findIndex((s) => s.geo.code === '2380');
		const point = p.series[ostersund].points.find((q) => q.value !== null)!;
		expect(ctx.values[ostersund - 2][ctx.xs.indexOf(Number(point.period))]).toBe(point.value);
		const table = tableData(p, 'sv');
		expect(table.columns).toHaveLength(312);
		const row = table.rows.find((r) => r.period === point.period)!;
		expect(row.cells[ostersund].text).toMatch(/^\d+,\d\u00a0%$/);
	});

	it('without context=all there are no context lines', () => {
		expect(contextLines(pageFor('?focus=23'))).toBeNull();
		expect(lineChartData(pageFor('?focus=23'), 'sv').context).toBeNull();
	});
});
