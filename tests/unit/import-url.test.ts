/**
 * URL mode against a local HTTP server on 127.0.0.1 that replays the saved answers: Kolada paging (v2
 * next_page, v3 next_url) and SCB PxWeb with the query split to respect the cell limit (v2 GET, v1 POST).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/server/import';
import { splitSelection } from '../../src/lib/server/import/pxweb-fetch';
import { checksum, count, fixture, geoDb, serve, sliceJsonStat, valueOf, type Served } from '../helpers/import';

const text = (...p: string[]) => readFileSync(fixture(...p), 'utf8');
let server: Served | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

describe('Kolada URL mode follows the pages', () => {
	it('v2: next_page until the last page, all pages in one batch', async () => {
		server = await serve(({ url }, base) => {
			if (url.pathname !== '/v2/data/kpi/N01951/year/2022') return undefined;
			const page = url.searchParams.get('page') ?? '1';
			return { body: text('kolada', `v2-page${page}.json`).replaceAll('{{BASE}}', base) };
		});
		const db = geoDb();
		const r = await runImport(db, { kind: 'kolada', input: { url: `${server.base}/v2/data/kpi/N01951/year/2022` }, user: 'test' });
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(11);
		expect(server.requests.filter((q) => q.url.includes('/data/')).map((q) => new URL(q.url).searchParams.get('page'))).toEqual([null, '2']);
		expect(valueOf(db, 'invanare-totalt', '00', '2022')?.value).toBe(10521556);
		expect(count(db, 'SELECT count(DISTINCT batch_id) AS n FROM observation')).toBe(1);
		const batch = db.$client.prepare('SELECT url, kind FROM import_batch WHERE id = ?').get(r.batchId);
		expect(batch).toEqual({ url: `${server.base}/v2/data/kpi/N01951/year/2022`, kind: 'kolada' });
	});

	it('v3: next_url, and the KPI title from /kpi names a new indicator', async () => {
		server = await serve(({ url }, base) => {
			if (url.pathname === '/v3/kpi/N01951') return { body: text('kolada', 'v3-kpi.json') };
			if (url.pathname !== '/v3/data/kpi/N01951/year/2021') return undefined;
			return { body: text('kolada', `v3-page${url.searchParams.get('page') ?? '1'}.json`).replaceAll('{{BASE}}', base) };
		});
		const db = geoDb();
		db.$client.prepare("DELETE FROM indicator WHERE external_code = 'N01951'").run();
		const r = await runImport(db, { kind: 'kolada', input: { url: `${server.base}/v3/data/kpi/N01951/year/2021` } });
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(6);
		expect(db.$client.prepare("SELECT name FROM indicator WHERE external_code = 'N01951'").get()).toEqual({ name: 'Invånare totalt, antal' });
		expect(valueOf(db, 'N01951', '2380', '2021')?.value).toBe(64324);
	});

	it('an HTTP error is reported and nothing is written', async () => {
		server = await serve(() => ({ status: 503, body: 'Tjänsten är inte tillgänglig' }));
		const db = geoDb();
		const before = checksum(db);
		const r = await runImport(db, { kind: 'kolada', input: { url: `${server.base}/v2/data/kpi/N01951` } });
		expect(r.ok).toBe(false);
		expect(r.errors[0]).toMatchObject({ code: 'fetch', message: `${server.base}/v2/data/kpi/N01951 svarade HTTP 503: Tjänsten är inte tillgänglig` });
		expect(checksum(db)).toBe(before);
	});
});

describe('a values file or a plan by URL is fetched once', () => {
	it('values CSV from a URL, with the URL kept on the batch', async () => {
		server = await serve(({ url }) => (url.pathname === '/export/varden.csv' ? { body: readFileSync(fixture('values', 'komma-punkt.csv')) } : undefined));
		const db = geoDb();
		const r = await runImport(db, { kind: 'values', input: { url: `${server.base}/export/varden.csv` } });
		expect(r.errors).toEqual([]);
		expect(r.counts.observations?.new).toBe(5);
		expect(r.fileName).toBe('varden.csv');
		expect(db.$client.prepare('SELECT url FROM import_batch WHERE id = ?').get(r.batchId)).toEqual({ url: `${server.base}/export/varden.csv` });
	});

	it('a file that does not exist is an error in Swedish', async () => {
		const r = await runImport(geoDb(), { kind: 'values', input: { path: 'finns/inte.csv' } });
		expect(r.errors.map((e) => e.message)).toEqual(["filen 'finns/inte.csv' finns inte"]);
	});
});

describe('PxWeb URL mode respects the cell limit by splitting the query', () => {
	const data = JSON.parse(text('pxweb', 'v2/TAB6471_data.jsonstat2.json'));
	const regions = Object.keys(data.dimension.Region.category.index);

	it('splitSelection cuts the largest listed dimension so every part fits', () => {
		const sel = new Map<string, string[] | null>([
			['Region', regions],
			['Kon', ['TotSa', '1', '2']],
			['Tid', ['2026M01', '2026M02', '2026M03', '2026M04']],
			['Alder', null]
		]);
		const parts = splitSelection(sel, () => 11, 1000);
		const cells = parts.map((p) => [...p.values()].reduce((n, c) => n * (c ? c.length : 11), 1));
		expect(cells.every((c) => c <= 1000)).toBe(true);
		expect(parts.flatMap((p) => p.get('Region'))).toEqual(regions);
		expect(parts).toHaveLength(3);
	});

	it('v2: metadata and /config first, then one GET per part; the parts together equal the saved answer', async () => {
		server = await serve(({ url }) => {
			if (url.pathname === '/api/v2/config') return { body: JSON.stringify({ ...JSON.parse(text('pxweb', 'v2/config.json')), maxDataCells: 1000 }) };
			if (url.pathname === '/api/v2/tables/TAB6471/metadata') return { body: text('pxweb', 'v2/TAB6471_metadata.jsonstat2.json') };
			if (url.pathname !== '/api/v2/tables/TAB6471/data') return undefined;
			const sel = new Map<string, string[]>();
			for (const [k, v] of url.searchParams) {
				const m = /^valuecodes\[(.+)\]$/i.exec(k);
				if (m) sel.set(m[1], v.split(','));
			}
			const cells = [...sel.values()].reduce((n, c) => n * c.length, 1);
			if (cells > 1000) return { status: 403, body: `för många celler: ${cells}` };
			return { body: JSON.stringify(sliceJsonStat(data, sel)) };
		});
		const q = new URLSearchParams({ lang: 'sv' });
		q.set('valuecodes[Region]', regions.join(','));
		q.set('valuecodes[Alder]', Object.keys(data.dimension.Alder.category.index).join(','));
		q.set('valuecodes[Kon]', '*');
		q.set('valuecodes[ContentsCode]', '000007SF');
		q.set('valuecodes[Tid]', '2026M01,2026M02,2026M03,2026M04');
		const db = geoDb();
		const r = await runImport(db, { kind: 'pxweb', input: { url: `${server.base}/api/v2/tables/TAB6471/data?${q}` } });
		expect(r.errors).toEqual([]);
		expect(server.requests.filter((x) => x.url.includes('/data?'))).toHaveLength(3);
		expect(r.counts.observations?.new).toBe(2772);
		const fromUrl = checksumOfObservations(db);
		const file = geoDb();
		await runImport(file, { kind: 'pxweb', input: { path: fixture('pxweb', 'v2/TAB6471_data.jsonstat2.json') } });
		expect(fromUrl).toEqual(checksumOfObservations(file));
	});

	it('v1: the table GET gives the sizes, the query is POSTed in parts', async () => {
		const answer = JSON.parse(text('pxweb', 'v1/SamForvInk1_response.jsonstat2.json'));
		server = await serve(({ method, url, body }) => {
			if (url.pathname !== '/api/v1/sv/ssd/HE/HE0110/HE0110A/SamForvInk1') return undefined;
			if (method === 'GET') return { body: text('pxweb', 'v1/SamForvInk_table_metadata.json') };
			const query = JSON.parse(body) as { query: { code: string; selection: { filter: string; values: string[] } }[] };
			const sel = new Map(query.query.filter((x) => x.selection.filter === 'item' && x.code !== 'Region').map((x) => [x.code, x.selection.values]));
			return { body: JSON.stringify(sliceJsonStat(answer, sel)) };
		});
		const db = geoDb();
		const r = await runImport(db, {
			kind: 'pxweb',
			input: { url: `${server.base}/api/v1/sv/ssd/HE/HE0110/HE0110A/SamForvInk1` },
			options: { query: fixture('pxweb', 'v1/SamForvInk1_query.json'), maxCells: 3 }
		});
		expect(r.errors).toEqual([]);
		const posts = server.requests.filter((x) => x.method === 'POST');
		expect(posts).toHaveLength(3);
		expect(posts.map((p) => JSON.parse(p.body).query.find((x: { code: string }) => x.code === 'Kon').selection.values)).toEqual([['1'], ['2'], ['1+2']]);
		expect(r.counts.observations?.new).toBe(9);
		expect(valueOf(db, 'HE0110J8|Alder=tot16+', '00', '2022', 'T')?.value).toBe(316.6);
	});
});

/** Observations compared by content (not ids or batches). */
function checksumOfObservations(db: ReturnType<typeof geoDb>): unknown[] {
	return db.$client
		.prepare(
			`SELECT i.external_code, g.code, o.period, o.sex, o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id
			 JOIN geography g ON g.id = o.geography_id ORDER BY 1, 2, 3, 4`
		)
		.all();
}
