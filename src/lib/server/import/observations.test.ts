/**
 * The writer's diff across its 32-row chunks: fresh chunks, mixed chunks, and duplicates found in the same
 * chunk, in an earlier chunk, or among rows that existed before the import.
 */
import { describe, expect, it } from 'vitest';
import { runImport } from './run';
import { geoDb, checksum } from '../../../../tests/helpers/import';
import type { Db } from '../db/client';

const KOMMUNER = ['0114', '0115', '0117', '0120', '0123', '0125', '0126', '0127', '0128', '0136'];

/** A values file with one row per (kommun, year) in the given order. */
function csv(rows: [string, number, number][]): Uint8Array {
	return new TextEncoder().encode(['indikator;geografi;period;värde', ...rows.map(([g, y, v]) => `invanare-totalt;${g};${y};${v}`)].join('\n'));
}
const grid = (years: number[], value = (g: number, y: number) => g * 10000 + y) =>
	KOMMUNER.flatMap((g, gi) => years.map((y) => [g, y, value(gi, y)] as [string, number, number]));
const run = (db: Db, bytes: Uint8Array, options = {}) => runImport(db, { kind: 'values', input: { bytes, fileName: 'x.csv' }, options });

describe('ObservationWriter', () => {
	it('counts 100 fresh rows over several chunks as new', async () => {
		const db = geoDb();
		const r = await run(db, csv(grid([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022])));
		expect(r.counts.observations).toEqual({ new: 100, changed: 0, unchanged: 0, removed: 0 });
	});

	it('sorts a mixed file into new, changed and unchanged, whatever chunk each row falls in', async () => {
		const db = geoDb();
		await run(db, csv(grid([2018, 2019, 2020])));
		// 2019 revised for every other kommun, 2020 unchanged, 2021 and 2022 new; rows interleaved.
		const rows = grid([2019, 2020, 2021, 2022], (g, y) => (y === 2019 && g % 2 === 0 ? -1 : g * 10000 + y));
		const r = await run(db, csv(rows));
		expect(r.counts.observations).toEqual({ new: 20, changed: 5, unchanged: 15, removed: 0 });
		expect((await run(db, csv(rows))).unchanged).toBe(true);
	});

	it.each([
		['in the same chunk', 1],
		['in a later chunk', 40]
	])('finds a duplicate of a new row %s', async (_, at) => {
		const db = geoDb();
		const rows = grid([2013, 2014, 2015, 2016, 2017]);
		rows.splice(at, 0, rows[0]);
		const before = checksum(db);
		const r = await run(db, csv(rows));
		expect(r.errors).toEqual([expect.objectContaining({ code: 'duplicate', row: at + 2 })]);
		expect(checksum(db)).toBe(before);
	});

	it('finds a duplicate of a row that existed before the import, also when both copies are unchanged', async () => {
		const db = geoDb();
		const rows = grid([2020, 2021]);
		await run(db, csv(rows));
		const before = checksum(db);
		const r = await run(db, csv([...rows, rows[3]]));
		expect(r.errors).toEqual([expect.objectContaining({ code: 'duplicate', row: rows.length + 2 })]);
		expect(checksum(db)).toBe(before);
	});
});
