/**
 * Kolada: the API's JSON (v2 `next_page`, v3 `next_url`; hand-made fixtures in the documented shape with values
 * from the real series) and the Gapminder DDF series in scripts/demo-data/kolada-ddf (every file, real data).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/server/import';
import type { Db } from '../../src/lib/server/db/client';
import { checksum, count, fixture, geoDb, valueOf } from '../helpers/import';

const kolada = (db: Db, file: string) => runImport(db, { kind: 'kolada', input: { path: fixture('kolada', file) }, user: 'test' });
const ddf = (db: Db, file: string) => runImport(db, { kind: 'kolada-ddf', input: { path: `scripts/demo-data/kolada-ddf/${file}` }, user: 'test' });

describe('Kolada API JSON', () => {
	it('v2 page: ids "0023" (län) and "2380" (kommun), genders T/K/M, onto the existing N01951 indicator', async () => {
		const db = geoDb();
		const r = await kolada(db, 'v2-page1.json');
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(6);
		expect(r.counts.indicators).toEqual({ new: 0, changed: 0, unchanged: 1, removed: 0 });
		expect(valueOf(db, 'invanare-totalt', '23', '2022')?.value).toBe(132670);
		expect(valueOf(db, 'invanare-totalt', '2380', '2022', 'K')?.value).toBe(32630);
		expect(valueOf(db, 'invanare-totalt', '2380', '2022', 'M')?.value).toBe(32084);
	});

	it('warns that a saved page is one of several', async () => {
		const db = geoDb();
		const r = await kolada(db, 'v2-page1.json');
		expect(r.warnings).toEqual([expect.objectContaining({ code: 'more-pages' })]);
	});

	it('riket "0000", and a null value is kept as ".." with Kolada\'s status as the note', async () => {
		const db = geoDb();
		const r = await kolada(db, 'v2-page2.json');
		expect(r.errors).toEqual([]);
		expect(valueOf(db, 'invanare-totalt', '00', '2022')?.value).toBe(10521556);
		expect(valueOf(db, 'N03920', '23', '2022')?.value).toBe(4.077952);
		expect(valueOf(db, 'N03920', '23', '2022', 'K')).toMatchObject({ value: null, missing_symbol: '..', note: 'Kolada-status: Saknas' });
	});

	it('v3 pages read the same way', async () => {
		const db = geoDb();
		const r = await kolada(db, 'v3-page1.json');
		expect(r.counts.observations?.new).toBe(3);
		expect(valueOf(db, 'invanare-totalt', '23', '2021', 'M')?.value).toBe(67056);
	});

	it('a KPI without an indicator gets one, named after its id, matched the next time', async () => {
		const db = geoDb();
		db.$client.prepare("DELETE FROM indicator WHERE external_code = 'N03920'").run();
		const r = await kolada(db, 'v2-page2.json');
		expect(r.counts.indicators).toEqual({ new: 1, changed: 0, unchanged: 1, removed: 0 });
		expect(db.$client.prepare("SELECT name, external_source, external_table, attribution FROM indicator WHERE external_code = 'N03920'").get()).toEqual({
			name: 'Kolada N03920',
			external_source: 'kolada',
			external_table: null,
			attribution: 'Källa: Kolada'
		});
		expect((await kolada(db, 'v2-page2.json')).counts.indicators?.new).toBe(0);
	});

	it('unknown municipality ids and genders are listed together; nothing is written', async () => {
		const db = geoDb();
		const before = checksum(db);
		const doc = JSON.parse(readFileSync(fixture('kolada', 'v2-page1.json'), 'utf8'));
		doc.values[0].municipality = 'G12345';
		doc.values[1].values[0].gender = 'F';
		const r = await runImport(db, { kind: 'kolada', input: { bytes: new TextEncoder().encode(JSON.stringify(doc)), fileName: 'okänd.json' } });
		expect(r.errors.map((e) => e.message)).toEqual(["okända geografikoder (1): 'G12345' (rad 1)", "okända könskoder (1): 'F' (rad 2)"]);
		expect(checksum(db)).toBe(before);
	});

	it('truncated JSON is refused, database unchanged', async () => {
		const db = geoDb();
		const before = checksum(db);
		const text = readFileSync(fixture('kolada', 'v2-page1.json'), 'utf8');
		const r = await runImport(db, { kind: 'kolada', input: { bytes: new TextEncoder().encode(text.slice(0, 300)), fileName: 'avbruten.json' } });
		expect(r.errors[0].code).toBe('invalid-json');
		expect(checksum(db)).toBe(before);
	});
});

describe('Kolada DDF series (scripts/demo-data/kolada-ddf, the real files)', () => {
	const files: [string, number][] = [
		['ddf--datapoints--n01951--by--geo--year.csv', 9036],
		['ddf--datapoints--n01951--by--geo--gender--year.csv', 18072],
		['ddf--datapoints--n00914--by--geo--year.csv', 7793],
		['ddf--datapoints--n02243--by--geo--year.csv', 936],
		['ddf--datapoints--n01982--by--geo--year.csv', 6998],
		['ddf--datapoints--n03920--by--geo--year.csv', 4056]
	];
	it.each(files)('%s: %i rows', async (file, rows) => {
		const db = geoDb();
		const r = await ddf(db, file);
		expect(r.errors).toEqual([]);
		expect(r.counts.observations).toEqual({ new: rows, changed: 0, unchanged: 0, removed: 0 });
		expect(count(db, 'SELECT count(*) AS n FROM observation')).toBe(rows);
	});

	it('population of Jämtlands län and Östersund, total and by sex, as in the files', async () => {
		const db = geoDb();
		await ddf(db, 'ddf--datapoints--n01951--by--geo--year.csv');
		await ddf(db, 'ddf--datapoints--n01951--by--geo--gender--year.csv');
		expect(valueOf(db, 'invanare-totalt', '23', '2022')?.value).toBe(132670);
		expect(valueOf(db, 'invanare-totalt', '23', '2022', 'K')?.value).toBe(65333);
		expect(valueOf(db, 'invanare-totalt', '23', '2022', 'M')?.value).toBe(67337);
		expect(valueOf(db, 'invanare-totalt', '2380', '2022')?.value).toBe(64714);
		expect(valueOf(db, 'invanare-totalt', '2380', '2022', 'K')?.value).toBe(32630);
		expect(valueOf(db, 'invanare-totalt', '00', '2022')?.value).toBe(10521556);
		expect(valueOf(db, 'N03920', '23', '2022')).toBeUndefined();
	});

	it('a non-numeric value in a DDF file stops the import with row and column', async () => {
		const db = geoDb();
		const before = checksum(db);
		const bytes = new TextEncoder().encode('geo,year,n01951\n23,2022,132670.0\n2380,2022,sextiofyra\n2305,2022,\n');
		const r = await runImport(db, { kind: 'kolada-ddf', input: { bytes, fileName: 'trasig.csv' } });
		expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
			[3, 'n01951', "'sextiofyra' är inte ett tal"],
			[4, 'n01951', 'värdet saknas (tomt fält)']
		]);
		expect(checksum(db)).toBe(before);
	});
});
