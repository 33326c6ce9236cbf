/**
 * Helpers for the import tests: a database with the real geographies and the Kolada indicators (no values),
 * a checksum of every table (to prove a failed import left nothing behind), fixture paths, and a local HTTP
 * server for URL mode (this machine has no internet; the server replays saved answers).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Db } from '../../src/lib/server/db/client';
import { loadGeographies } from '../../src/lib/server/seed/geographies';
import { KOLADA_KPIS } from '../../src/lib/server/seed/jamtland';
import { insertRow } from '../../src/lib/server/seed/common';
import { emptyDb } from './db';

export const FIXTURES = 'tests/fixtures';
export const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);
export const readFixture = (...parts: string[]): Uint8Array => new Uint8Array(readFileSync(fixture(...parts)));

/** Migrated in-memory database with riket, 21 län, 290 kommuner and the five Kolada indicators (no values). */
export function geoDb(): Db {
	const db = emptyDb();
	loadGeographies(db, 'scripts/demo-data');
	for (const k of KOLADA_KPIS) {
		insertRow(db, 'indicator', {
			slug: k.slug,
			name: k.name,
			unit: k.unit,
			decimals: k.decimals,
			direction: k.direction,
			source: `Kolada, nyckeltal ${k.kpi}`,
			attribution: 'Källa: Kolada',
			external_source: 'kolada',
			external_code: k.kpi
		});
	}
	return db;
}

/** SHA-256 over the contents of every table (sqlite_sequence included), in rowid (or, WITHOUT ROWID, primary key) order. */
export function checksum(db: Db): string {
	const sqlite = db.$client;
	const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
	const h = createHash('sha256');
	for (const { name } of tables) {
		h.update(`${name}\n`);
		const { wr } = sqlite.prepare("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?").get(name) as { wr: number };
		const order = wr
			? (sqlite.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(name) as { name: string }[]).map((c) => `"${c.name}"`).join(', ')
			: 'rowid';
		for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).iterate()) h.update(JSON.stringify(row));
	}
	return h.digest('hex');
}

export const count = (db: Db, sql: string, ...params: unknown[]): number =>
	(db.$client.prepare(sql).get(...params) as { n: number }).n;

/** The value of one observation by indicator slug, geography code, period and sex. */
export function valueOf(db: Db, slugOrCode: string, geo: string, period: string, sex = 'T'): Record<string, unknown> | undefined {
	return db.$client
		.prepare(
			`SELECT o.value, o.text_value, o.missing_symbol, o.note, o.batch_id FROM observation o
			 JOIN indicator i ON i.id = o.indicator_id JOIN geography g ON g.id = o.geography_id
			 WHERE (i.slug = ? OR i.external_code = ?) AND g.code = ? AND o.period = ? AND o.sex = ?`
		)
		.get(slugOrCode, slugOrCode, geo, period, sex) as Record<string, unknown> | undefined;
}

export interface Served {
	base: string;
	requests: { method: string; url: string; body: string }[];
	close(): Promise<void>;
}

export type Handler = (req: { method: string; url: URL; body: string }, base: string) => { status?: number; body: string | Uint8Array } | undefined;

/** Serves `handler` on 127.0.0.1 (a free port); unknown paths answer 404. */
export async function serve(handler: Handler): Promise<Served> {
	const requests: Served['requests'] = [];
	let base = '';
	const server = createServer(async (req: IncomingMessage, res) => {
		let body = '';
		for await (const chunk of req) body += chunk;
		const url = new URL(req.url ?? '/', base);
		requests.push({ method: req.method ?? 'GET', url: url.href, body });
		const answer = handler({ method: req.method ?? 'GET', url, body }, base);
		res.writeHead(answer?.status ?? (answer ? 200 : 404), { 'content-type': 'application/json; charset=utf-8' });
		res.end(answer?.body ?? '{"error":"not found"}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { base, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

type JsonStat = { id: string[]; size: number[]; dimension: Record<string, { category: { index: Record<string, number> | string[]; label?: Record<string, string> } }>; value: (number | null)[] };

/**
 * Cuts a JSON-stat 2.0 dataset down to the selected codes per dimension, as SCB would answer a smaller query.
 * Dimensions not in `selection` keep all their codes.
 */
export function sliceJsonStat(doc: JsonStat, selection: Map<string, string[]>): JsonStat {
	const codes = doc.id.map((id) => {
		const index = doc.dimension[id].category.index;
		return Array.isArray(index) ? index : Object.keys(index).sort((a, b) => (index as Record<string, number>)[a] - (index as Record<string, number>)[b]);
	});
	const keep = doc.id.map((id, d) => (selection.get(id) ?? codes[d]).map((c) => codes[d].indexOf(c)));
	const value: (number | null)[] = [];
	const walk = (d: number, offset: number) => {
		if (d === doc.id.length) {
			value.push(doc.value[offset]);
			return;
		}
		for (const k of keep[d]) walk(d + 1, offset * doc.size[d] + k);
	};
	walk(0, 0);
	const out = structuredClone(doc);
	out.size = keep.map((k) => k.length);
	doc.id.forEach((id, d) => {
		const chosen = keep[d].map((k) => codes[d][k]);
		out.dimension[id].category.index = Object.fromEntries(chosen.map((c, i) => [c, i]));
		const labels = doc.dimension[id].category.label;
		if (labels) out.dimension[id].category.label = Object.fromEntries(chosen.map((c) => [c, labels[c]]));
	});
	out.value = value;
	return out;
}
