/**
 * SCB PxWeb answers: every saved file in tests/fixtures/pxweb (copied from ../shared/data/pxweb) either imports
 * with the expected rows and values, or is refused with a message that says what the file is.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/server/import';
import type { ImportOptions } from '../../src/lib/server/import';
import type { Db } from '../../src/lib/server/db/client';
import { checksum, count, fixture, geoDb, valueOf } from '../helpers/import';

const pxweb = (db: Db, file: string, options: ImportOptions = {}) => runImport(db, { kind: 'pxweb', input: { path: fixture('pxweb', file) }, options, user: 'test' });
const bytes = (text: string) => new TextEncoder().encode(text);
const TAB6471 = 'v2/TAB6471_data.jsonstat2.json';

/** The value of a TAB6471 series ("000007SF|Alder=0-9") for a region, month and sex. */
const scb = (db: Db, code: string, geo: string, period: string, sex = 'T') =>
	db.$client
		.prepare(
			`SELECT o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN geography g ON g.id = o.geography_id
			 WHERE i.external_source = 'scb' AND i.external_code = ? AND g.code = ? AND o.period = ? AND o.sex = ?`
		)
		.get(code, geo, period, sex) as { value: number } | undefined;

describe('PxWeb API v2, JSON-stat 2.0 (TAB6471, folkmängd per månad)', () => {
	it('imports all 2772 cells as 11 indicators, one per age class, with SCB as source', async () => {
		const db = geoDb();
		const r = await pxweb(db, TAB6471);
		expect(r.errors).toEqual([]);
		expect(r.counts.observations).toEqual({ new: 2772, changed: 0, unchanged: 0, removed: 0 });
		expect(r.counts.indicators).toEqual({ new: 11, changed: 0, unchanged: 0, removed: 0 });
		expect(r.source).toBe('SCB, tabell TAB6471: Folkmängden per månad efter region, ålder, kön och månad');
		const ind = db.$client.prepare("SELECT * FROM indicator WHERE external_code = '000007SF|Alder=0-9'").get() as Record<string, unknown>;
		expect(ind).toMatchObject({ name: 'Folkmängden per månad, 0-9 år', unit: 'antal', decimals: 0, external_source: 'scb', external_table: 'TAB6471', attribution: 'Källa: SCB', frequency: 'month' });
	});

	it('has the values of the file for Jämtlands län and Örebro län, by sex (1 män, 2 kvinnor, TotSa totalt)', async () => {
		const db = geoDb();
		await pxweb(db, TAB6471);
		expect(scb(db, '000007SF|Alder=0-9', '23', '2026M01')?.value).toBe(12105);
		expect(scb(db, '000007SF|Alder=0-9', '23', '2026M01', 'M')?.value).toBe(6248);
		expect(scb(db, '000007SF|Alder=0-9', '23', '2026M01', 'K')?.value).toBe(5856);
		expect(scb(db, '000007SF|Alder=50-59', '18', '2026M04', 'K')?.value).toBe(18771);
		const total = db.$client
			.prepare(
				`SELECT sum(o.value) AS n FROM observation o JOIN geography g ON g.id = o.geography_id
				 WHERE g.code = '23' AND o.period = '2026M01' AND o.sex = 'T'`
			)
			.get() as { n: number };
		expect(total.n).toBe(132810);
		expect(count(db, "SELECT count(*) AS n FROM observation WHERE period_kind = 'month' AND period_start = '2026-01-01' AND period_end = '2026-01-31' AND period = '2026M01'")).toBe(693);
	});

	it('reuses its indicators on the next import (matched by source, table and code) and changes nothing', async () => {
		const db = geoDb();
		await pxweb(db, TAB6471);
		const again = await pxweb(db, TAB6471);
		expect(again.unchanged).toBe(true);
		expect(again.counts.indicators).toEqual({ new: 0, changed: 0, unchanged: 11, removed: 0 });
		expect(count(db, "SELECT count(*) AS n FROM indicator WHERE external_source = 'scb'")).toBe(11);
	});

	it('--map puts chosen series on existing indicators; unmapped series are listed together', async () => {
		const db = geoDb();
		const dir = mkdtempSync(join(tmpdir(), 'map-'));
		writeFileSync(join(dir, 'map.csv'), 'kod;indikator\n000007SF|Alder=0-9;invanare-totalt\n');
		const before = checksum(db);
		const partial = await pxweb(db, TAB6471, { map: join(dir, 'map.csv') });
		expect(partial.ok).toBe(false);
		expect(partial.errors[0].message).toMatch(/^koder som saknas i mappningen \(10\): '000007SF\|Alder=10-19'/);
		expect(checksum(db)).toBe(before);
		const all = Object.fromEntries(['0-9', '10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-89', '90-99', '100+10'].map((a, i) => [`000007SF|Alder=${a}`, i === 0 ? 'invanare-totalt' : 'sysselsatta-invanare-20-65-ar']));
		const r = await pxweb(db, TAB6471, { map: all, dryRun: true });
		// Two age classes on one indicator collide: that is a duplicate, not a silent overwrite.
		expect(r.errors[0].code).toBe('duplicate');
	});

	it('--indicator is refused for a file with several series, naming them', async () => {
		const db = geoDb();
		const r = await pxweb(db, TAB6471, { indicator: 'invanare-totalt' });
		expect(r.ok).toBe(false);
		expect(r.errors[0].message).toMatch(/^filen har flera serier \('000007SF\|Alder=0-9', '000007SF\|Alder=10-19' …\); --indicator gäller bara en serie/);
	});
});

describe('PxWeb API v1 (SamForvInk1, medianinkomst)', () => {
	it('JSON-stat 2.0: 9 values for riket (the query eliminated Region), with a warning that says so', async () => {
		const db = geoDb();
		const r = await pxweb(db, 'v1/SamForvInk1_response.jsonstat2.json');
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(9);
		expect(r.warnings.map((w) => w.code)).toEqual(['no-region']);
		expect(valueOf(db, 'HE0110J8|Alder=tot16+', '00', '2020', 'M')?.value).toBe(332.8);
		expect(valueOf(db, 'HE0110J8|Alder=tot16+', '00', '2021', 'K')?.value).toBe(263);
		expect(valueOf(db, 'HE0110J8|Alder=tot16+', '00', '2022', 'T')?.value).toBe(316.6);
		const ind = db.$client.prepare("SELECT unit, decimals, external_table FROM indicator WHERE external_source = 'scb'").get();
		expect(ind).toEqual({ unit: 'tkr', decimals: 1, external_table: 'TAB3554' });
	});

	it('the v1 "json" format (columns/data) of the same answer gives the same observations', async () => {
		const db = geoDb();
		await pxweb(db, 'v1/SamForvInk1_response.jsonstat2.json');
		const before = checksum(db);
		const r = await pxweb(db, 'v1/SamForvInk1_response.json', { table: 'TAB3554' });
		expect(r.errors).toEqual([]);
		expect(r.counts.observations).toEqual({ new: 0, changed: 0, unchanged: 9, removed: 0 });
		expect(checksum(db)).toBe(before);
	});

	it('the v1 "json" format needs the table id when the answer lacks it', async () => {
		const db = geoDb();
		const r = await pxweb(db, 'v1/SamForvInk1_response.json');
		expect(r.errors[0].message).toBe('svaret säger inte vilken SCB-tabell det kommer från; ange tabellens id med --table');
	});
});

describe('files that are not data answers, and broken files: the right error, database unchanged', () => {
	const refused: [string, RegExp][] = [
		['v2/TAB6471_metadata.jsonstat2.json', /^det här är tabellens metadata \(JSON-stat utan värden\)/],
		['v2/config.json', /^det här är PxWeb-API:ts konfiguration/],
		['v2/tables.json', /^det här är en lista över tabeller/],
		['v2/codelist_agg_Alder10arJ.json', /^det här är en kodlista/],
		['v1/SamForvInk_table_metadata.json', /^det här är tabellens metadata \(PxWeb v1/],
		['v1/SamForvInk1_query.json', /^det här är en fråga \(query\) till PxWeb v1/],
		['v1/BefolkningNy_query_format_json.json', /^det här är en fråga \(query\) till PxWeb v1/]
	];
	it.each(refused)('%s', async (file, message) => {
		const db = geoDb();
		const before = checksum(db);
		const r = await pxweb(db, file);
		expect(r.ok).toBe(false);
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0].message).toMatch(message);
		expect(checksum(db)).toBe(before);
	});

	const original = readFileSync(fixture('pxweb', TAB6471), 'utf8');
	const broken = async (text: string | Uint8Array, name: string) => {
		const db = geoDb();
		const before = checksum(db);
		const r = await runImport(db, { kind: 'pxweb', input: { bytes: typeof text === 'string' ? bytes(text) : text, fileName: name } });
		expect(r.ok).toBe(false);
		expect(checksum(db)).toBe(before);
		return r;
	};

	it('truncated JSON', async () => {
		const r = await broken(original.slice(0, original.length / 2), 'avbruten.json');
		expect(r.errors[0].code).toBe('invalid-json');
		expect(r.errors[0].message).toMatch(/^filen är inte giltig JSON \(avbruten eller trasig\?\)/);
	});

	it('wrong dimension names (no time dimension) list the dimensions the file has', async () => {
		const doc = JSON.parse(original);
		doc.id = doc.id.map((d: string) => (d === 'Tid' ? 'Manadsvis' : d));
		doc.dimension.Manadsvis = doc.dimension.Tid;
		delete doc.dimension.Tid;
		doc.dimension.Manadsvis.label = 'något';
		// Codes that are no periods either: nothing says this is the time.
		doc.dimension.Manadsvis.category.index = { a: 0, b: 1, c: 2, d: 3 };
		delete doc.role;
		const r = await broken(JSON.stringify(doc), 'fel-dimension.json');
		expect(r.errors[0].message).toBe("hittar ingen tidsdimension (väntade 'Tid' eller role.time); filens dimensioner är 'Region', 'Alder', 'Kon', 'ContentsCode', 'Manadsvis'");
	});

	it('a time dimension with an unknown name and no role is recognised by its codes (2026M01 …), with a warning', async () => {
		const db = geoDb();
		const doc = JSON.parse(original);
		doc.id = doc.id.map((d: string) => (d === 'Tid' ? 'Manadsvis' : d));
		doc.dimension.Manadsvis = { ...doc.dimension.Tid, label: 'något' };
		delete doc.dimension.Tid;
		delete doc.role;
		const r = await runImport(db, { kind: 'pxweb', input: { bytes: bytes(JSON.stringify(doc)), fileName: 'manadsvis.json' } });
		expect(r.errors).toEqual([]);
		expect(r.warnings.map((w) => w.message)).toEqual([
			"dimensionen 'Manadsvis' (något) har inget känt namn men koderna '2026M01', '2026M02', '2026M03', '2026M04' ser ut som tid; den läses som tid. Kontrollera resultatet."
		]);
		expect(scb(db, '000007SF|Alder=0-9', '23', '2026M01')?.value).toBe(12105);
	});

	/** TAB6471 with one dimension renamed (id and label), as another PxWeb installation might call it. */
	const renamed = (from: string, to: string, label: string) => {
		const doc = JSON.parse(original);
		doc.id = doc.id.map((d: string) => (d === from ? to : d));
		doc.dimension[to] = { ...doc.dimension[from], label };
		delete doc.dimension[from];
		return doc;
	};
	const dryRun = async (doc: unknown, name: string, options: ImportOptions = {}) => {
		const db = geoDb();
		const before = checksum(db);
		const r = await runImport(db, { kind: 'pxweb', input: { bytes: bytes(JSON.stringify(doc)), fileName: name }, options: { dryRun: true, ...options } });
		expect(checksum(db)).toBe(before);
		return r;
	};

	it('a region dimension with an unknown name is recognised by its codes (län), with a warning that says so', async () => {
		const r = await dryRun(renamed('Region', 'Omrade2', 'område 2'), 'omrade2.json');
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(2772);
		// The same 11 age-class indicators as with 'Region', not 231 made-up ones all placed on riket.
		expect(r.counts.indicators?.new).toBe(11);
		expect(r.warnings.map((w) => w.code)).toEqual(['dimension-by-codes']);
		expect(r.warnings[0].message).toBe(
			"dimensionen 'Omrade2' (område 2) har inget känt namn men koderna '01', '03', '04', '05', '06' … (21 koder) ser ut som region; den läses som region. Kontrollera resultatet."
		);
		const db = geoDb();
		await runImport(db, { kind: 'pxweb', input: { bytes: bytes(JSON.stringify(renamed('Region', 'Omrade2', 'område 2'))), fileName: 'omrade2.json' } });
		expect(scb(db, '000007SF|Alder=0-9', '23', '2026M01')?.value).toBe(12105);
		expect(count(db, "SELECT count(*) AS n FROM observation o JOIN geography g ON g.id = o.geography_id WHERE g.level = 'riket'")).toBe(0);
	});

	it('a sex dimension with an unknown name is recognised by its codes (TotSa, 1, 2), with a warning', async () => {
		const r = await dryRun(renamed('Kon', 'Sexus', 'sexus'), 'sexus.json');
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(2772);
		expect(r.counts.indicators?.new).toBe(11);
		expect(r.warnings.map((w) => [w.code, w.column])).toEqual([['dimension-by-codes', 'Sexus']]);
		expect(r.warnings[0].message).toMatch(/^dimensionen 'Sexus' \(sexus\) har inget känt namn men koderna 'TotSa', '1', '2' ser ut som kön; den läses som kön/);
		// Imported for real, the men and women land on M and K, not on three indicators of their own.
		const db = geoDb();
		await runImport(db, { kind: 'pxweb', input: { bytes: bytes(JSON.stringify(renamed('Kon', 'Sexus', 'sexus'))), fileName: 'sexus.json' } });
		expect(scb(db, '000007SF|Alder=0-9', '23', '2026M01', 'M')?.value).toBe(6248);
		expect(scb(db, '000007SF|Alder=0-9', '23', '2026M01', 'K')?.value).toBe(5856);
	});

	it('an unknown extra dimension with several codes is refused, naming it, its codes and what was expected', async () => {
		const r = await dryRun(renamed('Alder', 'Grupp', 'grupp'), 'grupp.json');
		expect(r.ok).toBe(false);
		expect(r.counts).toEqual({});
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0].code).toBe('dimensions');
		expect(r.errors[0].message).toBe(
			"dimensionen 'Grupp' (grupp) med koderna '0-9', '10-19', '20-29', '30-39', '40-49' … (11 koder) känns inte igen: " +
				"väntade region (t.ex. '00', '18', '1880'), kön ('1', '2', '1+2', 'TotSa'), tid ('2019', '2026M01', '2019K1'), " +
				"innehåll (ContentsCode) eller en känd uppdelning (t.ex. 'Alder'); filens dimensioner är 'Region', 'Grupp', 'Kon', 'ContentsCode', 'Tid'. " +
				"Ge dimensionen ett känt namn, eller ange med --map vilken indikator varje serie ska till (koder som '000007SF|Grupp=0-9')"
		);
	});

	it('an unknown extra dimension is allowed when --map names its series', async () => {
		const map = Object.fromEntries(['0-9', '10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-89', '90-99', '100+10'].map((a) => [`000007SF|Grupp=${a}`, 'invanare-totalt']));
		const r = await dryRun(renamed('Alder', 'Grupp', 'grupp'), 'grupp.json', { map });
		// Accepted as a dimension; then eleven series on one indicator collide, which is reported, not merged.
		expect(r.errors[0].code).toBe('duplicate');
	});

	it('an unknown dimension with a single code is a constant of the table, not an error', async () => {
		const doc = JSON.parse(original);
		doc.id.push('Enhet');
		doc.size.push(1);
		doc.dimension.Enhet = { label: 'enhet', category: { index: { st: 0 }, label: { st: 'styck' } } };
		const r = await dryRun(doc, 'enhet.json');
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(2772);
	});

	it('more values than the dimensions allow', async () => {
		const doc = JSON.parse(original);
		doc.value.push(1);
		const r = await broken(JSON.stringify(doc), 'för-många.json');
		expect(r.errors[0].message).toBe('filen har 2773 värden men dimensionerna ger 2772 celler (avbruten eller trasig fil?)');
	});

	it('unknown region and sex codes are listed together', async () => {
		const doc = JSON.parse(original);
		const region = doc.dimension.Region.category;
		region.index = Object.fromEntries(Object.entries(region.index).map(([k, v]) => [k === '23' ? '99' : k === '18' ? '98' : k, v]));
		region.label = { ...region.label, 99: 'Okänt län', 98: 'Annat län' };
		const kon = doc.dimension.Kon.category;
		kon.index = { TotSa: 0, 1: 1, X: 2 };
		kon.label = { TotSa: 'totalt', 1: 'män', X: 'okänt' };
		const r = await broken(JSON.stringify(doc), 'okända.json');
		expect(r.errors.map((e) => e.message)).toEqual(["okända geografikoder (2): '98 (Annat län)', '99 (Okänt län)'", "okända könskoder (1): 'X'"]);
	});

	it('a Windows-1252 encoded JSON file is refused (JSON must be UTF-8), showing the word it garbles', async () => {
		const latin = new TextEncoder().encode(original);
		const text = new TextDecoder().decode(latin).replace(/[^\x00-\xff]/g, '?');
		const cp1252 = Uint8Array.from(text, (c) => c.charCodeAt(0));
		const r = await broken(cp1252, 'latin.json');
		expect(r.errors[0].message).toMatch(/^JSON-filen är inte giltig UTF-8 \(den ser ut att vara Windows-1252: 'Folkmängden'\); JSON ska vara UTF-8$/);
	});

	it('missing values (null with a status) keep their symbol, never 0', async () => {
		const db = geoDb();
		const doc = JSON.parse(readFileSync(fixture('pxweb', 'v1/SamForvInk1_response.jsonstat2.json'), 'utf8'));
		doc.value[0] = null;
		doc.value[1] = null;
		doc.status = { 0: '..', 1: '-' };
		const r = await runImport(db, { kind: 'pxweb', input: { bytes: bytes(JSON.stringify(doc)), fileName: 'saknas.json' } });
		expect(r.errors).toEqual([]);
		expect(valueOf(db, 'HE0110J8|Alder=tot16+', '00', '2020', 'M')).toMatchObject({ value: null, missing_symbol: '..' });
		expect(valueOf(db, 'HE0110J8|Alder=tot16+', '00', '2021', 'M')).toMatchObject({ value: null, missing_symbol: '-' });
	});
});
