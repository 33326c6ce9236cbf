/**
 * PxWeb URL mode. SCB refuses queries above a cell limit (150 000 in `/config` today), so the query is split
 * on its largest explicitly listed dimension before anything is fetched; the pages are then imported
 * together, in one transaction.
 *
 * - API v2: a GET URL of `/tables/{id}/data` with `valuecodes[Dim]=a,b,c` parameters. The limit comes from
 *   `/config` (`maxDataCells`), the sizes from `/tables/{id}/metadata`.
 * - API v1: the table URL plus a POST query (`--query FILE`); the table's GET answer gives the sizes.
 */
import { readFileSync } from 'node:fs';
import { fetchBytes, fetchJson, FetchError, type FetchFn } from './fetch';

export const DEFAULT_MAX_CELLS = 150_000;

export interface PxwebFetch {
	pages: Uint8Array[];
	/** Table id from the URL, for answers that do not carry one. */
	table: string | null;
	/** The URLs (and bodies) actually fetched, for provenance and tests. */
	requests: string[];
}

/** Dimension → selected codes (null: not listed, so the API's default applies and it is never split). */
type Selection = Map<string, string[] | null>;

/** Splits so that each part asks for at most `max` cells, cutting the largest listed dimension. */
export function splitSelection(sel: Selection, sizeOf: (dim: string) => number, max: number): Selection[] {
	const count = (s: Selection) => [...s.entries()].reduce((n, [d, codes]) => n * (codes ? codes.length : sizeOf(d)), 1);
	const cells = count(sel);
	if (cells <= max) return [sel];
	const listed = [...sel.entries()].filter((e): e is [string, string[]] => e[1] !== null && e[1].length > 1);
	// Nothing left to cut: send it as it is; if it really is too big, the server's answer says so.
	if (listed.length === 0) return [sel];
	const [dim, codes] = listed.reduce((a, b) => (b[1].length > a[1].length ? b : a));
	const per = Math.max(1, Math.floor(max / (cells / codes.length)));
	const parts: Selection[] = [];
	for (let i = 0; i < codes.length; i += per) {
		const part = new Map(sel);
		part.set(dim, codes.slice(i, i + per));
		// A part can still be too large when other dimensions are big: split it further.
		parts.push(...splitSelection(part, sizeOf, max));
	}
	return parts;
}

export async function fetchPxweb(url: string, opts: { query?: string | object; maxCells?: number }, fetchFn: FetchFn): Promise<PxwebFetch> {
	return opts.query !== undefined ? fetchV1(url, readQuery(opts.query), opts.maxCells, fetchFn) : fetchV2(url, opts.maxCells, fetchFn);
}

function readQuery(q: string | object): V1Query {
	const parsed = typeof q === 'string' ? (JSON.parse(readFileSync(q, 'utf8')) as unknown) : q;
	if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as V1Query).query)) {
		throw new FetchError('frågan (--query) ska vara en PxWeb v1-fråga: {"query": [...], "response": {"format": "json-stat2"}}');
	}
	return parsed as V1Query;
}

// ---- API v2 -------------------------------------------------------------------------------------

async function fetchV2(url: string, maxCells: number | undefined, fetchFn: FetchFn): Promise<PxwebFetch> {
	const u = new URL(url);
	const m = /^(.*)\/tables\/([^/]+)\/data\/?$/i.exec(u.pathname);
	if (!m) throw new FetchError('PxWeb v2-adressen ska sluta på /tables/{tabell}/data (eller ange en v1-fråga med --query)');
	const [, basePath, table] = m;
	const base = `${u.origin}${basePath}`;
	const lang = u.searchParams.get('lang');
	const max = maxCells ?? (await v2MaxCells(base, fetchFn));
	const meta = (await fetchJson(`${base}/tables/${table}/metadata${lang ? `?lang=${lang}` : ''}`, fetchFn)) as JsonStatMeta;
	const sizes = new Map<string, { codes: string[]; elimination: boolean }>();
	for (const id of meta.id ?? []) {
		const dim = meta.dimension?.[id];
		const index = dim?.category?.index;
		const codes = Array.isArray(index) ? index : Object.keys(index ?? {}).sort((a, b) => (index as Record<string, number>)[a] - (index as Record<string, number>)[b]);
		sizes.set(id, { codes, elimination: dim?.extension?.elimination === true });
	}
	const sel: Selection = new Map();
	const listed = new Map<string, string>();
	for (const [key, value] of u.searchParams) {
		const vm = /^valuecodes\[(.+)\]$/i.exec(key);
		if (vm) listed.set(vm[1], value);
	}
	for (const id of sizes.keys()) {
		const v = listed.get(id);
		sel.set(id, v === undefined ? null : v === '*' ? sizes.get(id)!.codes : v.split(',').map((c) => c.trim()));
	}
	// Not listed: an eliminable dimension is summed away (one cell); others take the table's default, assume all.
	const sizeOf = (d: string) => (sizes.get(d)?.elimination ? 1 : (sizes.get(d)?.codes.length ?? 1));
	const parts = splitSelection(sel, sizeOf, max);
	const requests = parts.map((part) => {
		const q = new URL(url);
		for (const [d, codes] of part) {
			if (codes === null) continue;
			for (const k of [...q.searchParams.keys()]) if (k.toLowerCase() === `valuecodes[${d.toLowerCase()}]`) q.searchParams.delete(k);
			q.searchParams.set(`valuecodes[${d}]`, codes.join(','));
		}
		return q.href;
	});
	const pages: Uint8Array[] = [];
	for (const r of requests) pages.push(await fetchBytes(r, fetchFn));
	return { pages, table, requests };
}

interface JsonStatMeta {
	id?: string[];
	dimension?: Record<string, { category?: { index?: string[] | Record<string, number> }; extension?: { elimination?: boolean } }>;
}

async function v2MaxCells(base: string, fetchFn: FetchFn): Promise<number> {
	try {
		const config = (await fetchJson(`${base}/config`, fetchFn)) as { maxDataCells?: number };
		return typeof config.maxDataCells === 'number' ? config.maxDataCells : DEFAULT_MAX_CELLS;
	} catch {
		return DEFAULT_MAX_CELLS;
	}
}

// ---- API v1 -------------------------------------------------------------------------------------

interface V1Query {
	query: { code: string; selection: { filter: string; values: string[] } }[];
	response?: { format?: string };
}

async function fetchV1(url: string, query: V1Query, maxCells: number | undefined, fetchFn: FetchFn): Promise<PxwebFetch> {
	const meta = (await fetchJson(url, fetchFn)) as { variables?: { code: string; values: string[] }[] };
	const variables = new Map((meta.variables ?? []).map((v) => [v.code, v.values]));
	const sel: Selection = new Map();
	const filters = new Map<string, string>();
	for (const q of query.query) {
		filters.set(q.code, q.selection.filter);
		const all = variables.get(q.code) ?? [];
		const f = q.selection.filter;
		if (f === 'item') sel.set(q.code, q.selection.values);
		else if (f === 'all') sel.set(q.code, all.filter((c) => q.selection.values.some((p) => globMatch(p, c))));
		// "top", "vs:…" and "agg:…" cannot be enumerated here: count them as the whole variable, never split them.
		else sel.set(q.code, null);
	}
	const sizeOf = (d: string) => {
		const f = filters.get(d) ?? '';
		const top = query.query.find((q) => q.code === d);
		if (f === 'top' && top) return Number(top.selection.values[0]) || 1;
		// A value set or aggregation ("vs:RegionRiket99") cannot be counted from the table's metadata; it is
		// usually small (riket, the län), so count it as one value rather than as every region.
		return 1;
	};
	const parts = splitSelection(sel, sizeOf, maxCells ?? DEFAULT_MAX_CELLS);
	const pages: Uint8Array[] = [];
	const requests: string[] = [];
	for (const part of parts) {
		const body = {
			...query,
			query: query.query.map((q) => {
				const codes = part.get(q.code);
				return codes && q.selection.filter === 'all' ? { code: q.code, selection: { filter: 'item', values: codes } } : codes && q.selection.filter === 'item' ? { ...q, selection: { ...q.selection, values: codes } } : q;
			})
		};
		const text = JSON.stringify(body);
		requests.push(`POST ${url} ${text}`);
		pages.push(await fetchBytes(url, fetchFn, { method: 'POST', body: text }));
	}
	const table = new URL(url).pathname.split('/').filter(Boolean).pop() ?? null;
	return { pages, table, requests };
}

function globMatch(pattern: string, code: string): boolean {
	if (pattern === '*') return true;
	const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
	return re.test(code);
}
