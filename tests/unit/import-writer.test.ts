/**
 * The fast observation write path (issue 4, speed): rows packed into three numbers per row, multi-row statements
 * with a tail, a second path for rows with text, a printed form or a note, and the schema it relies on. Every
 * field must arrive exactly, on both paths and in every chunk, and the diff and duplicate rules must hold across
 * the two paths.
 */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/server/import';
import type { ImportOptions } from '../../src/lib/server/import';
import type { Db } from '../../src/lib/server/db/client';
import { checksum, count, geoDb } from '../helpers/import';

const HEADER = 'indikator;geografi;period;kön;värde;status;kommentar;textvärde;tryckt';
const bytes = (rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join('\n'));
const run = (db: Db, rows: string[], options: ImportOptions = {}) =>
	runImport(db, { kind: 'values', input: { bytes: bytes(rows), fileName: 'skrivare.csv' }, options, user: 'test' });

const GEOS = ['00', '23', '2380', '2361', '0114', '1880', '18', '2584'];
const PERIODS = ['2021K3', '2026M01', '2019H2', '2019T1', '2015-2016', ...Array.from({ length: 13 }, (_, i) => String(2000 + i))];
const SEXES = ['T', 'K', 'M'];

interface Expected {
	geo: string;
	period: string;
	sex: string;
	value: number | null;
	text_value: string | null;
	missing_symbol: string | null;
	printed: string | null;
	note: string | null;
}

/** 300 rows (two full 128-row chunks and a tail): numbers, the three missing symbols, texts, notes, printed forms. */
function mixed(): { rows: string[]; expected: Expected[] } {
	const rows: string[] = [];
	const expected: Expected[] = [];
	let i = 0;
	for (const geo of GEOS) {
		for (const period of PERIODS) {
			for (const sex of SEXES) {
				if (i === 300) break;
				const e: Expected = { geo, period, sex, value: null, text_value: null, missing_symbol: null, printed: null, note: null };
				let cells: string[];
				switch (i % 10) {
					case 1:
						e.missing_symbol = ['..', '-', '.'][i % 3];
						cells = [e.missing_symbol, '', '', '', ''];
						break;
					case 3:
						e.missing_symbol = '..';
						e.note = 'sekretess';
						cells = ['', '..', 'sekretess', '', ''];
						break;
					case 5:
						e.text_value = 'Helt';
						cells = ['', '', '', 'Helt', ''];
						break;
					case 7:
						e.value = i + 0.5;
						e.printed = `ca. ${i},5`;
						cells = [`${i},5`, '', '', '', e.printed];
						break;
					default:
						// Negative, decimal comma, thousands spaces and large integers.
						e.value = i % 4 === 0 ? -(i * 1000 + 0.25) : i * 1_000_003;
						cells = [i % 4 === 0 ? `-${String(i * 1000).replace(/\B(?=(\d{3})+$)/g, ' ')},25` : String(i * 1_000_003), '', '', '', ''];
				}
				rows.push(['invanare-totalt', geo, period, sex, ...cells].join(';'));
				expected.push(e);
				i++;
			}
		}
	}
	return { rows, expected };
}

const stored = (db: Db) =>
	db.$client
		.prepare(
			`SELECT g.code AS geo, o.period, o.sex, o.value, o.text_value, o.missing_symbol, o.printed, o.note
			 FROM observation o JOIN geography g ON g.id = o.geography_id ORDER BY g.code, o.period, o.sex`
		)
		.all() as Expected[];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (list: Expected[]) => [...list].sort((a, b) => cmp(a.geo, b.geo) || cmp(a.period, b.period) || cmp(a.sex, b.sex));

describe('the observation table', () => {
	it('is keyed and clustered by (indicator, geography, sex, period), WITHOUT ROWID, with no other index', () => {
		const sqlite = geoDb().$client;
		expect(sqlite.prepare("SELECT wr FROM pragma_table_list WHERE name = 'observation'").get()).toEqual({ wr: 1 });
		const pk = sqlite.prepare("SELECT name FROM pragma_table_info('observation') WHERE pk > 0 ORDER BY pk").all();
		expect(pk.map((c) => (c as { name: string }).name)).toEqual(['indicator_id', 'geography_id', 'sex', 'period']);
		const indexes = sqlite.prepare("SELECT name, origin FROM pragma_index_list('observation')").all();
		expect(indexes).toEqual([{ name: 'sqlite_autoindex_observation_1', origin: 'pk' }]);
		const columns = (sqlite.prepare("SELECT name FROM pragma_table_info('observation')").all() as { name: string }[]).map((c) => c.name);
		expect(columns).not.toContain('id');
	});

	it('answers the look-ups by key, by series and by period for named geographies as primary-key searches', () => {
		const sqlite = geoDb().$client;
		const plan = (sql: string, ...params: unknown[]) =>
			(sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
		expect(plan('SELECT value FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?', 1, 1, 'T', '2020')).toMatch(
			/SEARCH observation USING PRIMARY KEY \(indicator_id=\? AND geography_id=\? AND sex=\? AND period=\?\)/
		);
		expect(plan("SELECT period, value FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = 'T' ORDER BY period_end", 1, 1)).toMatch(
			/SEARCH observation USING PRIMARY KEY \(indicator_id=\? AND geography_id=\? AND sex=\?\)/
		);
		expect(
			plan('SELECT geography_id, value FROM observation WHERE indicator_id = ? AND sex = ? AND period = ? AND geography_id IN (SELECT value FROM json_each(?))', 1, 'T', '2020', '[1,2]')
		).toMatch(/SEARCH observation USING PRIMARY KEY \(indicator_id=\? AND geography_id=\? AND sex=\? AND period=\?\)/);
	});

	it('still refuses two kinds of value in one row', () => {
		const sqlite = geoDb().$client;
		expect(() =>
			sqlite
				.prepare(
					`INSERT INTO observation (indicator_id, geography_id, period, period_kind, period_start, period_end, sex, value, missing_symbol)
					 VALUES (1, 1, '2019', 'year', '2019-01-01', '2019-12-31', 'T', 1, '..')`
				)
				.run()
		).toThrow(/CHECK/);
	});
});

describe('the observation writer', () => {
	it('stores every field exactly, on the packed and the full path, in full chunks and the tail', async () => {
		const db = geoDb();
		const { rows, expected } = mixed();
		const r = await run(db, rows);
		expect(r.errors).toEqual([]);
		expect(r.counts.observations).toEqual({ new: 300, changed: 0, unchanged: 0, removed: 0 });
		expect(sorted(stored(db))).toEqual(sorted(expected));
		// Period kind and dates come from the period, through the import's own period table.
		expect(db.$client.prepare("SELECT period_kind, period_start, period_end FROM observation WHERE period = '2021K3' LIMIT 1").get()).toEqual({
			period_kind: 'quarter',
			period_start: '2021-07-01',
			period_end: '2021-09-30'
		});
		expect(count(db, 'SELECT count(*) AS n FROM observation WHERE batch_id = ? AND version = 1', r.batchId)).toBe(300);
	});

	it('finds the same file unchanged, then counts a revision: changed rows move to the new batch, others keep theirs', async () => {
		const db = geoDb();
		const { rows } = mixed();
		const first = await run(db, rows);
		const again = await run(db, rows);
		expect(again.unchanged).toBe(true);
		expect(again.counts.observations).toEqual({ new: 0, changed: 0, unchanged: 300, removed: 0 });
		// Revise one packed row and one full-path row; add one new row at the end.
		const revised = [...rows];
		revised[0] = revised[0].replace(/;[^;]*;;;;$/, ';12345;;;;');
		revised[5] = revised[5].replace(';Helt;', ';Delvis;');
		revised.push('invanare-totalt;2380;2030;T;1;;;;');
		const r = await run(db, revised);
		expect(r.errors).toEqual([]);
		expect(r.counts.observations).toEqual({ new: 1, changed: 2, unchanged: 298, removed: 0 });
		expect(count(db, 'SELECT count(*) AS n FROM observation WHERE batch_id = ?', r.batchId)).toBe(3);
		expect(count(db, 'SELECT count(*) AS n FROM observation WHERE batch_id = ?', first.batchId)).toBe(298);
		expect(count(db, 'SELECT count(*) AS n FROM observation WHERE version = 2')).toBe(2);
		expect(r.examples.changed.map((e) => e.after).sort()).toEqual(['12345', 'Delvis']);
	});

	it.each([
		['a packed row, then the same key with a note', 'invanare-totalt;2380;2020;T;5;;;;', 'invanare-totalt;2380;2020;T;5;;en not;;'],
		['a row with a note, then the same key packed', 'invanare-totalt;2380;2020;T;5;;en not;;', 'invanare-totalt;2380;2020;T;5;;;;']
	])('finds a duplicate across the two paths: %s', async (_, a, b) => {
		const db = geoDb();
		const before = checksum(db);
		const filler = Array.from({ length: 200 }, (_, i) => `invanare-totalt;2380;${1800 + i};T;${i};;;;`);
		const r = await run(db, [a, ...filler, b]);
		expect(r.errors).toEqual([expect.objectContaining({ code: 'duplicate' })]);
		expect(checksum(db)).toBe(before);
	});

	it('finds a duplicate of an old row when the first copy changed it and the second would not', async () => {
		const db = geoDb();
		await run(db, ['invanare-totalt;2380;2020;T;5;;;;']);
		const before = checksum(db);
		const r = await run(db, ['invanare-totalt;2380;2020;T;6;;;;', 'invanare-totalt;2380;2020;T;5;;;;']);
		expect(r.errors).toEqual([expect.objectContaining({ code: 'duplicate', row: 3 })]);
		expect(checksum(db)).toBe(before);
	});

	it('with --replace removes exactly the rows of the touched series that the file no longer has', async () => {
		const db = geoDb();
		const { rows } = mixed();
		await run(db, rows);
		// Drop every fourth row, change one of those kept; series the file no longer touches at all stay.
		const kept = rows.filter((_, i) => i % 4 !== 0 && !rows[i].includes(';0114;'));
		kept[1] = kept[1].replace(/;[^;]*;;;;$/, ';-1;;;;');
		const touched = new Set(kept.map((r) => r.split(';').slice(1, 4).filter((_, i) => i !== 1).join(';')));
		const dropped = rows.filter((r, i) => (i % 4 === 0 || r.includes(';0114;')) && touched.has(r.split(';').slice(1, 4).filter((_, k) => k !== 1).join(';')));
		const dry = await run(db, kept, { replace: true, dryRun: true });
		expect(dry.counts.observations?.removed).toBe(dropped.length);
		const r = await run(db, kept, { replace: true });
		expect(r.errors).toEqual([]);
		expect(r.counts.observations).toEqual({ new: 0, changed: 1, unchanged: kept.length - 1, removed: dropped.length });
		expect(count(db, 'SELECT count(*) AS n FROM observation')).toBe(300 - dropped.length);
		expect(r.examples.removed.length).toBe(Math.min(5, dropped.length));
	});
});
