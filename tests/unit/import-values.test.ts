/**
 * Values files (long format, CSV and XLSX) through the import core, against real SQLite with the real
 * migrations. Every bad file must give the specific Swedish error and leave every table byte-for-byte as it was.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/server/import';
import { writeXlsx } from '../../src/lib/server/import/xlsx';
import { WHOLE_READ_LIMITS } from '../../src/lib/server/import/source';
import type { ImportOptions, ImportResult } from '../../src/lib/server/import';
import type { Db } from '../../src/lib/server/db/client';
import { checksum, count, fixture, geoDb, valueOf } from '../helpers/import';

const values = (db: Db, file: string, options: ImportOptions = {}) =>
	runImport(db, { kind: 'values', input: { path: fixture('values', file) }, options, user: 'test' });

const messages = (r: ImportResult) => r.errors.map((e) => e.message);

describe('values CSV as offices save it', () => {
	it('reads UTF-8 with BOM, semicolons, CRLF, decimal comma, no-break-space thousands and empty trailing columns', async () => {
		const db = geoDb();
		const r = await values(db, 'semikolon-bom-crlf.csv');
		expect(r.errors).toEqual([]);
		expect(r.counts.observations).toEqual({ new: 10, changed: 0, unchanged: 0, removed: 0 });
		expect(valueOf(db, 'invanare-totalt', '2380', '2022')).toMatchObject({ value: 64714 });
		expect(valueOf(db, 'invanare-totalt', '2380', '2022', 'K')).toMatchObject({ value: 32630 });
		expect(valueOf(db, 'invanare-totalt', '00', '2022')).toMatchObject({ value: 10521556 });
		// By Kolada id "0023", by name "Jämtlands län", by code: all the same län.
		expect(valueOf(db, 'invanare-totalt', '23', '2022', 'M')).toMatchObject({ value: 67337 });
		expect(valueOf(db, 'invanare-totalt', '23', '2022', 'K')).toMatchObject({ value: 65333, note: 'Källa: Kolada; 31 december' });
		// The indicator column takes a slug or a source code (N03920).
		expect(valueOf(db, 'N03920', '23', '2022')).toMatchObject({ value: 4.077952 });
	});

	it('keeps a missing value as its symbol with the comment, never as 0', async () => {
		const db = geoDb();
		await values(db, 'semikolon-bom-crlf.csv');
		expect(valueOf(db, 'invanare-totalt', '2361', '2021')).toEqual({
			value: null,
			text_value: null,
			missing_symbol: '..',
			note: 'sekretess i exemplet',
			batch_id: expect.any(Number)
		});
	});

	it('reads comma-separated files with a decimal point and SCB sex codes', async () => {
		const db = geoDb();
		const r = await values(db, 'komma-punkt.csv');
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(5);
		expect(valueOf(db, 'invanare-totalt', '1880', '2022', 'K')).toMatchObject({ value: 79669 });
		expect(valueOf(db, 'invanare-totalt', '18', '2022')).toMatchObject({ value: 307772 });
		expect(valueOf(db, 'N03920', '1880', '2022')).toMatchObject({ value: 6.421135 });
	});

	it('detects Windows-1252 and reads "Västerås" and "Örebro län" correctly, with a warning', async () => {
		const db = geoDb();
		const r = await values(db, 'windows-1252.csv');
		expect(r.errors).toEqual([]);
		expect(r.warnings.map((w) => w.code)).toContain('encoding');
		expect(r.warnings.find((w) => w.code === 'encoding')?.message).toMatch(/Windows-1252 \(t\.ex\. 'Västerås'\)/);
		expect(valueOf(db, 'invanare-totalt', '1980', '2022')).toMatchObject({ value: 158653, note: 'Västerås kommun' });
		expect(valueOf(db, 'invanare-totalt', '18', '2022')).toMatchObject({ value: 307772 });
	});

	/** A values file whose first megabyte is ASCII (header, codes, numbers) and whose last row is Windows-1252. */
	function lateLatin(lastRow: number[]): string {
		const dir = mkdtempSync(join(tmpdir(), 'late-1252-'));
		const lines = ['indikator;geografi;period;kon;varde'];
		const kommuner = (geoDb().$client.prepare("SELECT code FROM geography WHERE level = 'kommun' ORDER BY code").all() as { code: string }[]).map((r) => r.code);
		for (let year = 1880; year < 2020; year++) for (const k of kommuner) lines.push(`invanare-totalt;${k};${year};T;${year - 1000}`);
		const ascii = new TextEncoder().encode(lines.join('\n') + '\n');
		expect(ascii.byteLength).toBeGreaterThan(1 << 20);
		const path = join(dir, 'sent-1252.csv');
		writeFileSync(path, Buffer.concat([ascii, Uint8Array.from(lastRow)]));
		return path;
	}
	const cp1252 = (text: string) => [...text].map((c) => c.charCodeAt(0));

	it('a file that is ASCII for more than 1 MB and has "Västerås" in Windows-1252 after that is read as Windows-1252, with a warning', async () => {
		const db = geoDb();
		const path = lateLatin(cp1252('invanare-totalt;Västerås;2020;T;158653\n'));
		const r = await runImport(db, { kind: 'values', input: { path }, user: 'test' });
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(140 * 290 + 1);
		const warning = r.warnings.find((w) => w.code === 'encoding');
		expect(warning?.message).toMatch(/^filen är inte UTF-8; den lästes som Windows-1252 \(t\.ex\. 'Västerås'\) \(början av filen är ren ASCII; första tecknet utanför ASCII efter byte 1\s048\s576\)/);
		expect(valueOf(db, 'invanare-totalt', '1980', '2020')).toMatchObject({ value: 158653 });
	});

	it('a file of mixed encodings (UTF-8 "Västerås" and a Windows-1252 "Örebro" after the first MB) is refused, database unchanged', async () => {
		const db = geoDb();
		const before = checksum(db);
		const mixed = [...new TextEncoder().encode('invanare-totalt;Västerås;2020;T;1\n'), ...cp1252('invanare-totalt;Örebro;2020;T;1\n')];
		const r = await runImport(db, { kind: 'values', input: { path: lateLatin(mixed) }, user: 'test' });
		expect(r.ok).toBe(false);
		expect(r.errors[0]).toMatchObject({ code: 'encoding', message: 'filen är inte giltig UTF-8 (efter byte 1048576); spara den som UTF-8 eller som en enda kodning' });
		expect(checksum(db)).toBe(before);
	});

	it('reads the same rows from XLSX, numbers as numbers and codes as text', async () => {
		const db = geoDb();
		const bytes = await writeXlsx([
			{
				name: 'Värden',
				rows: [
					['indikator', 'geografi', 'period', 'kön', 'värde', 'kommentar'],
					['invanare-totalt', '2380', '2022', 'T', 64714, null],
					['invanare-totalt', 'Östersund', 2021, 'T', '64 324', null],
					['invanare-totalt', 114, 2022, 'T', '..', 'Excel tappade nollan i 0114']
				]
			}
		]);
		const r = await runImport(db, { kind: 'values', input: { bytes, fileName: 'värden.xlsx' }, user: 'test' });
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(3);
		expect(valueOf(db, 'invanare-totalt', '2380', '2021')).toMatchObject({ value: 64324 });
		expect(valueOf(db, 'invanare-totalt', '0114', '2022')).toMatchObject({ missing_symbol: '..' });
	});
});

describe('large files', () => {
	it('an Excel sheet reports progress in rows while it is read (every 1000 rows and at the end)', async () => {
		const db = geoDb();
		const kommuner = (db.$client.prepare("SELECT code FROM geography WHERE level = 'kommun' ORDER BY code").all() as { code: string }[]).map((r) => r.code);
		const rows: (string | number)[][] = [['indikator', 'geografi', 'period', 'kön', 'värde']];
		for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) for (const k of kommuner) rows.push(['invanare-totalt', k, String(year), 'T', year]);
		const bytes = await writeXlsx([{ name: 'Värden', rows }]);
		const calls: [number, number][] = [];
		const r = await runImport(db, { kind: 'values', input: { bytes, fileName: 'stor.xlsx' }, options: { dryRun: true, onProgress: (done, total) => calls.push([done, total]) } });
		expect(r.errors).toEqual([]);
		expect(calls).toEqual([[1000, 2030], [2000, 2030], [2030, 2030]]);
	});

	it('JSON and XLSX files larger than their limit are refused before they are read, naming the file, its size and the limit', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'stor-'));
		// Sparse files: the size is what counts, nothing is written to disk or read.
		const json = join(dir, 'svar.json');
		writeFileSync(json, '{');
		truncateSync(json, WHOLE_READ_LIMITS.JSON + 44 * 1024 * 1024);
		const xlsx = join(dir, 'blad.xlsx');
		writeFileSync(xlsx, 'PK');
		truncateSync(xlsx, 100 * 1024 * 1024);
		const db = geoDb();
		const before = checksum(db);
		const big = await runImport(db, { kind: 'pxweb', input: { path: json }, user: 'test' });
		expect(big.ok).toBe(false);
		expect(big.errors.map((e) => e.message)).toEqual([
			"filen 'svar.json' är 300 MB; JSON-filer läses hela i minnet och får vara högst 256 MB: dela upp hämtningen (färre koder eller perioder per fil)"
		]);
		const sheet = await runImport(db, { kind: 'values', input: { path: xlsx }, user: 'test' });
		expect(sheet.errors.map((e) => e.message)).toEqual([
			"filen 'blad.xlsx' är 100 MB; XLSX-filer läses hela i minnet och får vara högst 64 MB: spara bladet som CSV, som läses i delar utan storleksgräns"
		]);
		expect(checksum(db)).toBe(before);
	});
});

describe('guarantees', () => {
	it('is idempotent: the same file again gives 0 new, 0 changed, says so, and writes no batch', async () => {
		const db = geoDb();
		const first = await values(db, 'semikolon-bom-crlf.csv');
		const before = checksum(db);
		const again = await values(db, 'semikolon-bom-crlf.csv');
		expect(again.ok).toBe(true);
		expect(again.unchanged).toBe(true);
		expect(again.batchId).toBeNull();
		expect(again.counts.observations).toEqual({ new: 0, changed: 0, unchanged: 10, removed: 0 });
		expect(again.sameAsBatch?.id).toBe(first.batchId);
		expect(again.summary).toMatch(/^Inget att ändra/);
		expect(checksum(db)).toBe(before);
	});

	it('updates revised values, reports them as changed with before and after, and points them to the new batch', async () => {
		const db = geoDb();
		await values(db, 'komma-punkt.csv');
		const revised = new TextEncoder().encode('indikator;geografi;period;kön;värde\ninvanare-totalt;1880;2022;T;158 058\ninvanare-totalt;18;2022;T;307 772\n');
		const r = await runImport(db, { kind: 'values', input: { bytes: revised, fileName: 'rättad.csv' }, user: 'test' });
		expect(r.counts.observations).toEqual({ new: 0, changed: 1, unchanged: 1, removed: 0 });
		expect(r.examples.changed[0]).toMatchObject({ before: '158057', after: '158058' });
		expect(r.examples.changed[0].what).toMatch(/Örebro · 2022 · totalt/);
		expect(valueOf(db, 'invanare-totalt', '1880', '2022')).toMatchObject({ value: 158058, batch_id: r.batchId });
		// The unchanged value keeps the batch that wrote it.
		expect(valueOf(db, 'invanare-totalt', '18', '2022')?.batch_id).not.toBe(r.batchId);
	});

	it('leaves foreign keys checked on the connection after an import, whether it succeeds or fails', async () => {
		// The statistics path switches SQLite's per-row foreign-key checks off for its own transaction (speed);
		// everything written afterwards on the same connection must be checked again.
		const db = geoDb();
		expect((await values(db, 'komma-punkt.csv')).ok).toBe(true);
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		const bad = await runImport(db, { kind: 'values', input: { bytes: new TextEncoder().encode('indikator;geografi;period;kön;värde\ninvanare-totalt;9999;2022;T;1\n'), fileName: 'okänd.csv' } });
		expect(bad.ok).toBe(false);
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(() => db.$client.prepare('INSERT INTO goal_indicator (goal_id, indicator_id) VALUES (999999, 999999)').run()).toThrow(/FOREIGN KEY/);
	});

	it('dry run reports the diff and writes nothing', async () => {
		const db = geoDb();
		const before = checksum(db);
		const r = await values(db, 'semikolon-bom-crlf.csv', { dryRun: true });
		expect(r.ok).toBe(true);
		expect(r.batchId).toBeNull();
		expect(r.counts.observations?.new).toBe(10);
		expect(r.examples.new.length).toBeGreaterThan(0);
		expect(r.summary).toMatch(/^Provkörning, inget skrevs/);
		expect(checksum(db)).toBe(before);
	});

	it('records provenance: batch with source, file name, SHA-256, time, who and counts; observations point to it', async () => {
		const db = geoDb();
		const r = await values(db, 'komma-punkt.csv');
		const batch = db.$client.prepare('SELECT * FROM import_batch WHERE id = ?').get(r.batchId) as Record<string, string>;
		expect(batch).toMatchObject({ kind: 'values', file_name: 'komma-punkt.csv', imported_by: 'test', source: 'Värdefil komma-punkt.csv' });
		expect(batch.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(batch.sha256).toBe(r.sha256);
		expect(JSON.parse(batch.counts)).toMatchObject({ observations_new: 5 });
		expect(count(db, 'SELECT count(*) AS n FROM observation WHERE batch_id = ?', r.batchId)).toBe(5);
	});

	it('without --replace keeps observations the file no longer has and warns; with --replace removes them', async () => {
		const db = geoDb();
		const csv = (...rows: string[]) => new TextEncoder().encode(['indikator;geografi;period;kön;värde', ...rows].join('\n'));
		await runImport(db, { kind: 'values', input: { bytes: csv('invanare-totalt;1880;2021;T;156987', 'invanare-totalt;1880;2022;T;158057', 'invanare-totalt;1880;2022;K;79669'), fileName: 'alla.csv' } });
		// A file for the total series only: the kvinnor series is not its business, 2021 is missing from it.
		const fewer = csv('invanare-totalt;1880;2022;T;158057');
		const kept = await runImport(db, { kind: 'values', input: { bytes: fewer, fileName: 'färre.csv' } });
		expect(kept.counts.observations).toEqual({ new: 0, changed: 0, unchanged: 1, removed: 0 });
		expect(kept.warnings.find((w) => w.code === 'not-in-file')?.message).toMatch(/^1 observationer i samma serier/);
		const dry = await runImport(db, { kind: 'values', input: { bytes: fewer, fileName: 'färre.csv' }, options: { replace: true, dryRun: true } });
		expect(dry.counts.observations?.removed).toBe(1);
		expect(count(db, 'SELECT count(*) AS n FROM observation')).toBe(3);
		const replaced = await runImport(db, { kind: 'values', input: { bytes: fewer, fileName: 'färre.csv' }, options: { replace: true } });
		expect(replaced.counts.observations?.removed).toBe(1);
		expect(replaced.examples.removed.map((e) => e.what)).toEqual(['Invånare totalt, antal · Örebro · 2021 · totalt']);
		expect(count(db, 'SELECT count(*) AS n FROM observation')).toBe(2);
		expect(valueOf(db, 'invanare-totalt', '1880', '2022', 'K')?.value).toBe(79669);
	});

	it('re-assesses the follow-up periods of plans that link the changed indicators, in the same transaction', async () => {
		const db = geoDb();
		const sqlite = db.$client;
		const org = sqlite.prepare("INSERT INTO organisation (slug, name, geography_id) VALUES ('o', 'O', (SELECT id FROM geography WHERE code = '23'))").run().lastInsertRowid;
		const plan = sqlite.prepare("INSERT INTO plan (organisation_id, slug, name, kind, level_names, geography_id) VALUES (?, 'p', 'P', 'rus', '[\"Mål\"]', (SELECT id FROM geography WHERE code = '23'))").run(org).lastInsertRowid;
		const goal = sqlite.prepare("INSERT INTO goal (plan_id, title) VALUES (?, 'Fler invånare')").run(plan).lastInsertRowid;
		sqlite.prepare("INSERT INTO goal_indicator (goal_id, indicator_id) VALUES (?, (SELECT id FROM indicator WHERE slug = 'invanare-totalt'))").run(goal);
		const period = sqlite.prepare("INSERT INTO follow_up_period (plan_id, slug, label, kind, year, end_date) VALUES (?, 'h', 'Helår 2022', 'helar', 2022, '2022-12-31')").run(plan).lastInsertRowid;
		await values(db, 'semikolon-bom-crlf.csv');
		const a = sqlite.prepare('SELECT source, data_period FROM assessment WHERE period_id = ?').get(period);
		expect(a).toEqual({ source: 'computed', data_period: '2022' });
	});
});

describe('bad values files: the right error, and the database unchanged', () => {
	const failing = async (file: string, options: ImportOptions = {}) => {
		const db = geoDb();
		const before = checksum(db);
		const r = await values(db, file, options);
		expect(r.ok).toBe(false);
		expect(r.batchId).toBeNull();
		expect(checksum(db)).toBe(before);
		return r;
	};

	it('a non-numeric value: file, row, column, value and why, in Swedish', async () => {
		const r = await failing('icke-tal.csv');
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]).toMatchObject({ file: 'icke-tal.csv', row: 14, column: 'värde', value: '12,5,3', code: 'not-a-number' });
		expect(r.errors[0].message).toMatch(/^'12,5,3' är inte ett tal/);
		const { formatIssue } = await import('../../src/lib/server/import');
		expect(formatIssue(r.errors[0])).toMatch(/^icke-tal\.csv, rad 14, kolumn 'värde': '12,5,3' är inte ett tal/);
	});

	it('duplicate rows', async () => {
		const r = await failing('dubbletter.csv');
		expect(r.errors).toEqual([
			expect.objectContaining({ code: 'duplicate', row: 4, message: 'dubblett: Invånare totalt, antal · Östersund · 2022 · totalt förekommer mer än en gång i filen' })
		]);
	});

	it('unknown codes are listed together, per kind, with their rows', async () => {
		const r = await failing('okanda-koder.csv');
		expect(messages(r)).toEqual([
			"okända geografikoder (2): '9999' (rad 2, 5), 'Atlantis' (rad 3)",
			"okända indikatorer (1): 'okand-indikator' (rad 4)",
			"okända könskoder (1): 'X' (rad 6)"
		]);
	});

	it('an empty file', async () => {
		const r = await failing('tom.csv');
		expect(messages(r)).toEqual(['filen är tom']);
	});

	it('missing columns name what the file has', async () => {
		const db = geoDb();
		const before = checksum(db);
		const bytes = new TextEncoder().encode('namn;år;antal\nÖstersund;2022;64714\n');
		const r = await runImport(db, { kind: 'values', input: { bytes, fileName: 'fel.csv' } });
		expect(messages(r)[0]).toBe("kolumner saknas: 'geografi', 'indikator', 'värde' (filens rubriker: 'namn', 'år', 'antal'); ange --indicator om filen bara har en indikator");
		expect(checksum(db)).toBe(before);
	});

	it('an empty value without a symbol is an error, never a 0', async () => {
		const db = geoDb();
		const before = checksum(db);
		const bytes = new TextEncoder().encode('indikator;geografi;period;värde\ninvanare-totalt;2380;2022;\n');
		const r = await runImport(db, { kind: 'values', input: { bytes, fileName: 'tomt-värde.csv' } });
		expect(r.errors[0]).toMatchObject({ row: 2, column: 'värde', code: 'no-value' });
		expect(checksum(db)).toBe(before);
	});

	it('a bad period says which forms are accepted', async () => {
		const db = geoDb();
		const bytes = new TextEncoder().encode('indikator;geografi;period;värde\ninvanare-totalt;2380;2022X;1\n');
		const r = await runImport(db, { kind: 'values', input: { bytes, fileName: 'period.csv' } });
		expect(r.errors[0]).toMatchObject({ row: 2, column: 'period', value: '2022X' });
		expect(r.errors[0].message).toMatch(/'2022X' är ingen period \(exempel: 2019, 2019K1/);
	});

	it('broken-PDF-font text: a warning with the proposed repair; the raw text is what gets stored', async () => {
		const db = geoDb();
		const before = checksum(db);
		const dry = await values(db, 'trasigt-typsnitt.csv', { dryRun: true });
		expect(dry.warnings).toEqual([
			expect.objectContaining({
				code: 'broken-font',
				row: 2,
				column: 'kommentar',
				value: 'Enligt foö rordningen om regionålt tillvåö xtårbete',
				proposal: 'Enligt förordningen om regionalt tillväxtarbete'
			})
		]);
		expect(checksum(db)).toBe(before);
		await values(db, 'trasigt-typsnitt.csv');
		expect(valueOf(db, 'invanare-totalt', '2380', '2022')?.note).toBe('Enligt foö rordningen om regionålt tillvåö xtårbete');
	});
});
