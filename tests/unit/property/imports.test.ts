/**
 * Property tests of the import formats (issue 8): thousands of malformed files, made by mutating valid ones
 * (CSV values, XLSX bytes and cells, SCB JSON-stat 2.0, Kolada JSON, Kolada DDF), are run through the real
 * import core against a real database. Each must end in a result, never an exception; a failed import must
 * explain itself with messages a person can act on (never a program error such as a TypeError), and must leave
 * the database exactly as it was (checksum of every table).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/lib/server/db/client';
import { runImport, type ImportKind, type ImportResult } from '../../../src/lib/server/import';
import { writeXlsx } from '../../../src/lib/server/import/xlsx';
import { checksum, fixture, geoDb } from '../../helpers/import';
import { IMPORT_INTERNALS, runs } from './runs';

let db: Db;
beforeAll(() => {
	db = geoDb();
});

const utf8 = (s: string) => new TextEncoder().encode(s);

async function importChecked(kind: ImportKind, bytes: Uint8Array, fileName: string): Promise<ImportResult> {
	const before = checksum(db);
	const result = await runImport(db, { kind, input: { bytes, fileName }, user: 'fuzz' });
	if (!result.ok) {
		expect(result.errors.length).toBeGreaterThan(0);
		for (const e of result.errors) {
			// 'error' is the code the core gives an exception it did not expect.
			expect(e.code, e.message).not.toBe('error');
			expect(e.message).toMatch(/\S/);
			expect(e.message).not.toMatch(IMPORT_INTERNALS);
		}
		expect(checksum(db)).toBe(before);
	}
	return result;
}

/** Edits of a text: the characters that break CSV files in practice, at arbitrary places. */
const PIECES = ['"', ';', ',', '\n', '\r\n', '\r', '\t', '\0', 'ä', '\ufffd', '\ufeff', '..', '-', '1e400', '12,5,3', ' ', '\u00a0', 'NaN', '=1+1', '𝟘', '2022K5', 'X', ''];
const textEdit = fc.oneof(
	fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })) }),
	fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
	fc.record({ op: fc.constant('truncate' as const), at: fc.nat() })
);
type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

function applyText(text: string, edits: TextEdit[]): string {
	for (const e of edits) {
		const at = text.length ? e.at % (text.length + 1) : 0;
		if (e.op === 'insert') text = text.slice(0, at) + e.text + text.slice(at);
		else if (e.op === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
		else text = text.slice(0, at);
	}
	return text;
}

/** Raw bytes spliced in: invalid UTF-8, Windows-1252, NUL. */
const byteNoise = fc.array(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }), { maxLength: 2 });
function applyBytes(bytes: Uint8Array, noise: { at: number; bytes: Uint8Array }[]): Uint8Array {
	let out = bytes;
	for (const n of noise) {
		const at = n.at % (out.length + 1);
		out = new Uint8Array([...out.subarray(0, at), ...n.bytes, ...out.subarray(at)]);
	}
	return out;
}

/** Edits of a JSON document: replace any node by any JSON value, delete it, or cut an array short. */
const jsonEdit = fc.record({
	path: fc.array(fc.nat(), { maxLength: 6 }),
	op: fc.constantFrom('set' as const, 'delete' as const, 'truncate' as const),
	value: fc.jsonValue({ maxDepth: 2 })
});
type JsonEdit = typeof jsonEdit extends fc.Arbitrary<infer T> ? T : never;

function applyJson(doc: unknown, edits: JsonEdit[]): unknown {
	const root = { doc: structuredClone(doc) } as Record<string, unknown>;
	for (const e of edits) {
		let parent: Record<string, unknown> | unknown[] = root;
		let key: string | number = 'doc';
		for (const step of e.path) {
			const node: unknown = (parent as Record<string, unknown>)[key as string];
			if (!node || typeof node !== 'object') break;
			const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
			if (!keys.length) break;
			parent = node as Record<string, unknown>;
			key = keys[step % keys.length];
		}
		const target = parent as Record<string | number, unknown>;
		if (e.op === 'set') target[key] = e.value;
		else if (e.op === 'delete') {
			if (Array.isArray(target)) target.splice(key as number, 1);
			else delete target[key];
		} else if (Array.isArray(target[key])) (target[key] as unknown[]).length = Math.floor((target[key] as unknown[]).length / 2);
	}
	return root.doc;
}

const VALUES_CSV = [
	'indikator;geografi;period;kön;värde;status;kommentar',
	'invanare-totalt;2380;2022;T;64 714;;',
	'invanare-totalt;Östersund;2021;K;32 630;;"Källa: Kolada; 31 december"',
	'N03920;23;2022T2;T;4,077952;;',
	'arbetsloshet-18-65-ar;0023;2022;män;4,5;;',
	'invanare-totalt;Härjedalen;2021;T;;..;sekretess'
].join('\r\n');

describe('malformed imports: a clear error and nothing written, or a correct import', () => {
	it('values, CSV', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(textEdit, { minLength: 1, maxLength: 5 }), byteNoise, async (edits, noise) => {
				await importChecked('values', applyBytes(utf8(applyText(VALUES_CSV, edits)), noise), 'fuzz.csv');
			}),
			runs(30)
		);
	}, 120_000);

	it('values, XLSX with odd cells', async () => {
		const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...PIECES), fc.double(), fc.integer(), fc.constant(null), fc.date({ noInvalidDate: true }));
		await fc.assert(
			fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }), fc.boolean(), async (rows, withHeader) => {
				const header = ['indikator', 'geografi', 'period', 'kön', 'värde', 'status', 'kommentar'];
				const bytes = await writeXlsx([{ name: 'Värden', rows: (withHeader ? [header, ...rows] : rows) as never }]);
				await importChecked('values', bytes, 'fuzz.xlsx');
			}),
			runs(8)
		);
	}, 120_000);

	it('values, XLSX with damaged bytes', async () => {
		const valid = await writeXlsx([
			{
				name: 'Värden',
				rows: [
					['indikator', 'geografi', 'period', 'kön', 'värde'],
					['invanare-totalt', '2380', '2022', 'T', 64714]
				]
			}
		]);
		const damage = fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 });
		await fc.assert(
			fc.asyncProperty(damage, fc.option(fc.nat(), { nil: undefined }), async (flips, cut) => {
				const bytes = valid.slice(0, cut === undefined ? valid.length : cut % valid.length);
				for (const f of flips) if (bytes.length) bytes[f.at % bytes.length] = f.byte;
				await importChecked('values', bytes, 'fuzz.xlsx');
			}),
			runs(20)
		);
	}, 120_000);

	it('values, XLSX: the damage fast-check once found, where exceljs itself fails with a TypeError', async () => {
		const bytes = await writeXlsx([
			{
				name: 'Värden',
				rows: [
					['indikator', 'geografi', 'period', 'kön', 'värde'],
					['invanare-totalt', '2380', '2022', 'T', 64714]
				]
			}
		]);
		bytes[315169830 % bytes.length] = 0;
		const result = await importChecked('values', bytes, 'fuzz.xlsx');
		if (!result.ok) expect(result.errors[0].message).toMatch(/kunde inte läsas som Excel \(XLSX\): filen är skadad/);
	}, 60_000);

	it('pxweb, JSON-stat 2.0', async () => {
		const doc = JSON.parse(readFileSync(fixture('pxweb', 'v1', 'SamForvInk1_response.jsonstat2.json'), 'utf8'));
		await fc.assert(
			fc.asyncProperty(fc.array(jsonEdit, { minLength: 1, maxLength: 4 }), fc.array(textEdit, { maxLength: 1 }), async (edits, textEdits) => {
				await importChecked('pxweb', utf8(applyText(JSON.stringify(applyJson(doc, edits)) ?? "", textEdits)), 'fuzz.json');
			}),
			runs(50)
		);
	}, 120_000);

	it('pxweb, v1 json (columns/data)', async () => {
		const doc = JSON.parse(readFileSync(fixture('pxweb', 'v1', 'SamForvInk1_response.json'), 'utf8'));
		await fc.assert(
			fc.asyncProperty(fc.array(jsonEdit, { minLength: 1, maxLength: 4 }), async (edits) => {
				const bytes = utf8(JSON.stringify(applyJson(doc, edits)) ?? '');
				const before = checksum(db);
				const result = await runImport(db, { kind: 'pxweb', input: { bytes, fileName: 'fuzz.json' }, options: { table: 'SamForvInk1' }, user: 'fuzz' });
				if (!result.ok) {
					for (const e of result.errors) expect([e.code, e.message]).not.toContainEqual('error');
					for (const e of result.errors) expect(e.message).not.toMatch(IMPORT_INTERNALS);
					expect(checksum(db)).toBe(before);
				}
			}),
			runs(30)
		);
	}, 120_000);

	it('kolada, API JSON', async () => {
		const doc = JSON.parse(readFileSync(fixture('kolada', 'v3-page1.json'), 'utf8'));
		delete doc.next_url;
		await fc.assert(
			fc.asyncProperty(fc.array(jsonEdit, { minLength: 1, maxLength: 4 }), fc.array(textEdit, { maxLength: 1 }), async (edits, textEdits) => {
				await importChecked('kolada', utf8(applyText(JSON.stringify(applyJson(doc, edits)) ?? "", textEdits)), 'fuzz.json');
			}),
			runs(40)
		);
	}, 120_000);

	it('kolada-ddf, CSV', async () => {
		const text = readFileSync('scripts/demo-data/kolada-ddf/ddf--datapoints--n01951--by--geo--year.csv', 'utf8').split('\n').slice(0, 12).join('\n');
		await fc.assert(
			fc.asyncProperty(fc.array(textEdit, { minLength: 1, maxLength: 5 }), byteNoise, async (edits, noise) => {
				await importChecked('kolada-ddf', applyBytes(utf8(applyText(text, edits)), noise), 'ddf--datapoints--n01951--by--geo--year.csv');
			}),
			runs(50)
		);
	}, 120_000);
});
