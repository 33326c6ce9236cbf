/**
 * A values file parsed in a worker thread (big files, parse-thread.ts) must import exactly as one parsed in
 * the main thread: the same rows, counts, errors with the same line numbers, warnings, and nothing written
 * when anything is wrong.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runImport } from './run';
import { ParseThread } from './parse-thread';
import { Source } from './source';
import type { ImportInput, ImportResult } from './types';
import { checksum, fixture, geoDb } from '../../../../tests/helpers/import';
import type { Db } from '../db/client';

const KOMMUNER = ['0114', '0115', '0117', '0120', '0123', '0125', '0126', '0127', '0128', '0136'];

/** 10 kommuner × 400 months × 3 sexes, sexes interleaved as statistics files have them: 12 000 rows, two chunks. */
function bigFile(edit: (lines: string[]) => void = () => {}): Uint8Array {
	const lines = ['indikator;geografi;period;kön;värde;status;kommentar'];
	for (const g of KOMMUNER) {
		for (let m = 0; m < 400; m++) {
			const period = `${1990 + Math.floor(m / 12)}M${String((m % 12) + 1).padStart(2, '0')}`;
			for (const sex of ['T', 'K', 'M']) lines.push(`invanare-totalt;${g};${period};${sex};${(lines.length * 7) % 10000},5;;`);
		}
	}
	edit(lines);
	return new TextEncoder().encode(lines.join('\r\n'));
}

const rows = (db: Db) => db.$client.prepare('SELECT * FROM observation ORDER BY indicator_id, geography_id, sex, period').all();
const latest = (db: Db) => db.$client.prepare('SELECT * FROM observation_latest ORDER BY indicator_id, geography_id, sex').all();
const comparable = (r: ImportResult) => ({ ...r, durationMs: 0, batchId: r.batchId === null ? null : 'set' });

/** The same input imported both ways into fresh databases: results and tables must be equal. */
async function bothWays(input: ImportInput) {
	const out = [];
	for (const parseThreadMinBytes of [0, Infinity]) {
		const db = geoDb();
		const before = checksum(db);
		const result = await runImport(db, { kind: 'values', input, options: { parseThreadMinBytes }, user: 'test' });
		out.push({ result: comparable(result), rows: rows(db), latest: latest(db), untouched: checksum(db) === before });
	}
	return out;
}

// Each case starts worker threads that compile TypeScript (tsx) and imports twice: slow on a loaded machine.
describe('values parsed in a worker thread', { timeout: 60_000 }, () => {
	it('starts under the test runner too (the worker is TypeScript, loaded with tsx)', async () => {
		const thread = await ParseThread.start(Source.pages([bigFile()], 'stor.csv'), 0);
		expect(thread).not.toBeNull();
		const types: string[] = [];
		thread!.drain((m) => types.push(m.type));
		thread!.stop();
		expect(types).toEqual(['encoding', 'header', 'rows', 'rows', 'end']);
	});

	it('imports a big interleaved file exactly as in-thread, and again as unchanged', async () => {
		const [worker, main] = await bothWays({ bytes: bigFile(), fileName: 'stor.csv' });
		expect(worker.result.errors).toEqual([]);
		expect(worker.result.counts.observations).toEqual({ new: 12000, changed: 0, unchanged: 0, removed: 0 });
		expect(worker).toEqual(main);
	});

	it('reports errors far into the file with their own line numbers, and writes nothing', async () => {
		const bytes = bigFile((lines) => {
			lines[9000] = lines[9000].replace(/^([^;]*);[^;]*;/, '$1;9999;'); // unknown geography, line 9001
			lines[11000] = lines[11000].replace(/;[^;]*;;$/, ';12,5,3;;'); // not a number, line 11001
			lines[11500] = lines[11500].replace(/;[^;]*;;$/, ';..;;"sekretess; skyddat"'); // symbol, quoted comment
			lines.push(lines[5]); // a duplicate of line 6 on the last line
		});
		const [worker, main] = await bothWays({ bytes, fileName: 'fel.csv' });
		expect(worker.untouched).toBe(true);
		expect(worker.result.errors.map((e) => [e.code, e.row])).toEqual([
			['not-a-number', 11001],
			['duplicate', 12002],
			['unknown-geography', undefined]
		]);
		expect(worker.result.errors[2].message).toContain("'9999' (rad 9001)");
		expect(worker).toEqual(main);
	});

	it('reports a quote that never closes at its line after the rows before it', async () => {
		const bytes = bigFile((lines) => {
			lines[10000] = lines[10000].replace(';;', ';"öppen;');
		});
		const [worker, main] = await bothWays({ bytes, fileName: 'citat.csv' });
		expect(worker.result.errors).toEqual([expect.objectContaining({ code: 'csv', row: 10001 })]);
		expect(worker.untouched).toBe(true);
		expect(worker).toEqual(main);
	});

	it.each(readdirSync(fixture('values')).filter((f) => f.endsWith('.csv')))('reads fixture %s as in-thread', async (file) => {
		const [worker, main] = await bothWays({ path: fixture('values', file) });
		expect(worker).toEqual(main);
	});
});
