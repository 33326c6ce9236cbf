/**
 * Where a number on the indicator page came from: the import behind the focus geography's latest value, and
 * per import the values of the current view it holds (not every batch the indicator ever had).
 */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/server/import';
import { getIndicatorPage } from '../../src/lib/server/queries/indicator-page';
import { parseViewState } from '../../src/lib/indicator-view/state';
import type { Db } from '../../src/lib/server/db/client';
import { geoDb } from '../helpers/import';

const csv = (rows: string[]) => new TextEncoder().encode(['indikator;geografi;period;kön;värde', ...rows].join('\n') + '\n');
const load = (db: Db, fileName: string, rows: string[]) =>
	runImport(db, { kind: 'values', input: { bytes: csv(rows), fileName }, user: 'anna.andersson@region.example' });
const view = (db: Db, query: string) => getIndicatorPage(db, 'invanare-totalt', parseViewState(new URLSearchParams(query)))!;

async function twoImports(): Promise<Db> {
	const db = geoDb();
	await load(db, 'forsta.csv', ['invanare-totalt;23;2020;T;130000', 'invanare-totalt;23;2021;T;131000', 'invanare-totalt;00;2020;T;10300000', 'invanare-totalt;00;2021;T;10400000', 'invanare-totalt;1880;2021;T;156000']);
	// The second file adds 2022 for the län and revises riket 2021: that value now comes from it.
	await load(db, 'andra.csv', ['invanare-totalt;23;2022;T;132000', 'invanare-totalt;00;2021;T;10450000']);
	return db;
}

describe('indicator page provenance', () => {
	it("names the import behind the focus geography's latest value", async () => {
		const db = await twoImports();
		expect(view(db, '?focus=23').focusLatest).toEqual({
			period: '2022',
			origin: { source: 'Värdefil andra.csv', fileName: 'andra.csv', importedAt: expect.any(String) }
		});
		// Östersund's latest value is still the first file's.
		expect(view(db, '?focus=1880').focusLatest?.origin?.fileName).toBe('forsta.csv');
	});

	it('lists, per import, how many of the shown values it holds, their periods and geographies, newest first', async () => {
		const db = await twoImports();
		const p = view(db, '?focus=23&compare=00');
		expect(p.provenance.map(({ importedAt: _, ...b }) => b)).toEqual([
			{ source: 'Värdefil andra.csv', fileName: 'andra.csv', values: 2, firstPeriod: '2021', lastPeriod: '2022', geographies: ['Jämtlands län', 'Riket'] },
			{ source: 'Värdefil forsta.csv', fileName: 'forsta.csv', values: 3, firstPeriod: '2020', lastPeriod: '2021', geographies: ['Jämtlands län', 'Riket'] }
		]);
		// Only the values in view: with the years narrowed to 2022, the first file is not behind any of them.
		expect(view(db, '?focus=23&compare=00&from=2022&to=2022').provenance.map((b) => [b.fileName, b.values])).toEqual([['andra.csv', 1]]);
	});

	it("does not show who imported (an official's e-mail address is not public)", async () => {
		const db = await twoImports();
		expect(JSON.stringify(view(db, '?focus=23'))).not.toContain('anna.andersson');
	});
});
