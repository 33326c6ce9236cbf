/**
 * The page and API runs of `npm run bench` (issue 7 §3, §4, §6), on the national-scale database.
 *
 * For each page: its HTML is fetched once and written as a static file into the build's client folder
 * (build/client/bench-static/, served by adapter-node's static handler, sirv, which lists the folder at start:
 * so the files are written first and the server started after). Then, against that one server process,
 * autocannon at 1, 16 and 64 connections on the page (rendered per request) and on its static copy (the same
 * bytes from disk), in turn, with the server drained between runs. The ratio dynamic/static req/s at 64
 * connections says how close rendering comes to serving a file on this machine: it holds across machines where
 * absolute figures do not.
 */
import autocannon from 'autocannon';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from './server';
import { BENCH_ORG, BENCH_PLAN, indicatorSlug } from './generate';

export const STATIC_DIR = 'build/client/bench-static';
export const CONNECTIONS = [1, 16, 64] as const;

export interface CannonResult {
	connections: number;
	p50: number;
	p99: number;
	rps: number;
	errors: number;
}

export interface PageResult {
	key: string;
	label: string;
	path: string;
	bytes: number;
	dynamic: CannonResult[];
	static: CannonResult[];
	/** Dynamic req/s over static req/s, at 64 connections. */
	ratio: number;
	/** The same page with the page cache off (PAGE_CACHE_MB=0): every request rendered, at 1 and 64 connections. */
	uncached: CannonResult[];
}

export interface ApiResult {
	key: string;
	path: string;
	bytes: number;
	rows: number;
	/** Median and slowest of 7 sequential requests, ms. */
	p50: number;
	p99: number;
	rps: number;
	/** Median of 3 sequential requests with the page cache off (every response built from the database). */
	uncachedP50: number;
}

export interface ServerRun {
	pages: PageResult[];
	api: ApiResult[];
	rssMb: number;
	peakRssMb: number;
}

/** The benchmark's pages on the generated database (ids looked up in it). */
export function benchPages(dbPath: string): { key: string; label: string; path: string }[] {
	const db = new Database(dbPath, { readonly: true });
	try {
		// A goal of the Benchmark plan with exactly 10 indicators (the generator gives every goal 10).
		const goal = db
			.prepare(
				`SELECT gi.goal_id AS id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id JOIN plan p ON p.id = g.plan_id
				 WHERE p.slug = ? GROUP BY gi.goal_id HAVING count(*) = 10 ORDER BY gi.goal_id LIMIT 1`
			)
			.get(BENCH_PLAN) as { id: number };
		// Stockholms län (the most kommuner): the län in focus, compared with riket and each of its kommuner.
		const kommuner = (db.prepare("SELECT g.code FROM geography g JOIN geography p ON p.id = g.parent_id WHERE p.code = '01' ORDER BY g.code").all() as { code: string }[]).map(
			(g) => g.code
		);
		return [
			{ key: 'overview', label: 'översikt /', path: '/' },
			{ key: 'plan', label: 'plansida', path: `/${BENCH_ORG}/${BENCH_PLAN}` },
			{ key: 'goal', label: 'målsida (10 ind.)', path: `/${BENCH_ORG}/${BENCH_PLAN}/mal/${goal.id}` },
			{ key: 'indicator', label: 'indikatorsida', path: `/indikator/${indicatorSlug(0)}?focus=01&compare=00,${kommuner.join(',')}` },
			{ key: 'kommun', label: 'kommunsida', path: '/kommun/0180' }
		];
	} finally {
		db.close();
	}
}

async function cannon(url: string, connections: number, duration: number): Promise<CannonResult> {
	const r = await autocannon({ url, connections, duration });
	return {
		connections,
		p50: r.latency.p50,
		p99: r.latency.p99,
		rps: r.requests.total / r.duration,
		errors: r.errors + r.timeouts + r.non2xx
	};
}

/**
 * Waits until the server has answered what the last run left queued (at 64 connections a slow page leaves up to
 * 64 requests in progress when autocannon stops): /healthz answering within 50 ms, at most 60 s.
 */
async function drain(origin: string): Promise<void> {
	const until = Date.now() + 60_000;
	while (Date.now() < until) {
		const t0 = performance.now();
		try {
			await (await fetch(`${origin}/healthz`)).arrayBuffer();
			if (performance.now() - t0 < 50) return;
		} catch {
			// A kept-alive connection the server closed meanwhile: try again.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}

function rss(pid: number): { rssMb: number; peakRssMb: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
	return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

export async function runServerBench(opts: { dbPath: string; port: number; duration: number; log: (s: string) => void }): Promise<ServerRun> {
	const { dbPath, port, duration, log } = opts;
	const pages = benchPages(dbPath);
	rmSync(STATIC_DIR, { recursive: true, force: true });
	mkdirSync(STATIC_DIR, { recursive: true });
	try {
		// 1. The HTML of each page, as the site renders it now, written as static files.
		const first = await startServer(port, { databaseUrl: dbPath });
		const bytes = new Map<string, number>();
		try {
			for (const p of pages) {
				const res = await fetch(first.origin + p.path);
				if (!res.ok) throw new Error(`${p.path}: HTTP ${res.status}`);
				const html = Buffer.from(await res.arrayBuffer());
				writeFileSync(join(STATIC_DIR, `${p.key}.html`), html);
				bytes.set(p.key, html.byteLength);
			}
		} finally {
			await first.stop();
		}

		// 2. One server for every run, so dynamic and static share process, warm-up and machine state.
		const server = await startServer(port, { databaseUrl: dbPath });
		try {
			const results: PageResult[] = [];
			for (const p of pages) {
				const dynamicUrl = server.origin + p.path;
				const staticUrl = `${server.origin}/bench-static/${p.key}.html`;
				await cannon(dynamicUrl, 4, 2); // warm-up: JIT, SQLite page cache
				await cannon(staticUrl, 4, 1);
				await drain(server.origin);
				const dynamic: CannonResult[] = [];
				const stat: CannonResult[] = [];
				for (const c of CONNECTIONS) {
					dynamic.push(await cannon(dynamicUrl, c, duration));
					await drain(server.origin);
					stat.push(await cannon(staticUrl, c, duration));
					await drain(server.origin);
				}
				// No static answer in the window (a very busy machine): no ratio rather than a division by zero.
				const ratio = stat.at(-1)!.rps > 0 ? dynamic.at(-1)!.rps / stat.at(-1)!.rps : NaN;
				results.push({ ...p, bytes: bytes.get(p.key)!, dynamic, static: stat, ratio, uncached: [] });
				const d = dynamic.at(-1)!;
				log(`  ${p.label}: 64 anslutningar ${d.rps.toFixed(0)} req/s, p50 ${d.p50} ms, p99 ${d.p99} ms, ${d.errors} fel; statiskt ${stat.at(-1)!.rps.toFixed(0)} req/s, ${stat.at(-1)!.errors} fel; kvot ${ratio.toFixed(2)}`);
			}
			const memory = rss(server.process.pid!);

			// API: one indicator, every geography, 30 years, all three sexes, as JSON and as CSV.
			const api: ApiResult[] = [];
			for (const [key, query] of [
				['json', ''],
				['csv', '?format=csv']
			] as const) {
				const path = `/api/v1/indicators/${indicatorSlug(0)}/observations${query}`;
				const res = await fetch(server.origin + path);
				if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
				const body = await res.text();
				const rows = key === 'json' ? (JSON.parse(body) as { data: unknown[] }).data.length : body.trimEnd().split('\n').length - 1;
				// Sequential requests, timed one by one: a response can take longer than an autocannon window here.
				const times: number[] = [];
				for (let i = 0; i < 7; i++) {
					const t0 = performance.now();
					await (await fetch(server.origin + path)).arrayBuffer();
					times.push(performance.now() - t0);
				}
				times.sort((x, y) => x - y);
				const p50 = Math.round(times[3]);
				api.push({ key, path, bytes: Buffer.byteLength(body), rows, p50, p99: Math.round(times[6]), rps: 1000 / (times.reduce((t, x) => t + x, 0) / times.length), uncachedP50: NaN });
				log(`  API ${key}: ${rows} rader, ${(Buffer.byteLength(body) / 1e6).toFixed(2)} MB, median ${p50} ms`);
			}
			await server.stop();
			await uncachedRuns(port, dbPath, duration, results, api, log);
			return { pages: results, api, ...memory };
		} finally {
			await server.stop();
		}
	} finally {
		rmSync(STATIC_DIR, { recursive: true, force: true });
	}
}

/**
 * The same pages and API with the in-process page cache off (PAGE_CACHE_MB=0): what a request costs when it is
 * rendered from the database — the first reader after a publication, or a page nobody asked for since. The cached
 * runs above are what readers of a popular page get; these say how fast rendering itself is.
 */
async function uncachedRuns(port: number, dbPath: string, duration: number, pages: PageResult[], api: ApiResult[], log: (s: string) => void): Promise<void> {
	const server = await startServer(port, { databaseUrl: dbPath, env: { PAGE_CACHE_MB: '0' } });
	try {
		for (const p of pages) {
			const url = server.origin + p.path;
			await cannon(url, 2, 2);
			await drain(server.origin);
			for (const c of [1, 64]) {
				p.uncached.push(await cannon(url, c, duration));
				await drain(server.origin);
			}
			const d = p.uncached.at(-1)!;
			log(`  ${p.label} utan sidcache: 1 anslutning p50 ${p.uncached[0].p50} ms; 64 anslutningar ${d.rps.toFixed(0)} req/s, p50 ${d.p50} ms, p99 ${d.p99} ms`);
		}
		for (const a of api) {
			const times: number[] = [];
			for (let i = 0; i < 3; i++) {
				const t0 = performance.now();
				await (await fetch(server.origin + a.path)).arrayBuffer();
				times.push(performance.now() - t0);
			}
			a.uncachedP50 = Math.round(times.sort((x, y) => x - y)[1]);
		}
	} finally {
		await server.stop();
	}
}
