/**
 * `npm run bench`: the whole benchmark suite of issue 7, end to end, in one table; also written to
 * bench/results/latest.json. Not part of `npm test`.
 *
 *  1. the national-scale database (bench/generate.ts; reused when it exists, `--fresh` rebuilds it),
 *  2. import: a 1 000 000-row values CSV and a ~1 M-cell JSON-stat 2.0 file through the import core, against a
 *     bare prepared-statement insert of the same CSV rows,
 *  3. pages on the national database at 1/16/64 connections, dynamic and the same bytes as a static file,
 *  4. the observations API for one indicator (all geographies, 30 years) as JSON and CSV,
 *  5. the client figures (bench/client.ts, when present),
 *  6. the server's RSS after the page runs and the database size on disk.
 * The load average is printed before each part: the machine may be shared, and a busy machine makes every
 * absolute figure worse (the static ratio less so). Options: --fresh, --duration S (per autocannon run,
 * default 8), --port P (default 4700), --db PATH, --skip-import.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { DEFAULT_DB, generate } from './generate';
import { measure, setup, writeCsv, writeJsonStat } from './lib/import-measure';
import { fmt, loadText } from './lib/stats';
import { runServerBench, type ServerRun } from './pages';
import { startServer } from './server';

interface Row {
	figure: string;
	value: string;
	target: string;
	ok: boolean | null;
}

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const duration = Number(opt('--duration') ?? 8);
const port = Number(opt('--port') ?? 4700);
const dbPath = opt('--db') ?? DEFAULT_DB;
const loads: { at: string; load: number[] }[] = [];
const noteLoad = (at: string) => {
	const load = loadavg();
	loads.push({ at, load });
	const busy = load[0] > cpus().length * 0.75;
	console.log(`\n[${at}] belastning (load average 1/5/15 min): ${loadText(load)}${busy ? `  ← maskinen är upptagen (${cpus().length} kärnor): siffrorna blir sämre än på en ledig maskin` : ''}`);
};

async function importFigures(rows: Row[], json: Record<string, unknown>): Promise<void> {
	const n = 1_000_000;
	const dir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-'));
	try {
		const { db, geographies } = setup(join(dir, 'setup.db'));
		db.$client.close();
		await writeCsv(join(dir, 'values.csv'), n, geographies);
		const cells = writeJsonStat(join(dir, 'values.jsonstat2.json'), n, geographies);
		const csv = measure('import', dir, n);
		const bare = measure('bare', dir, n);
		const px = measure('pxweb', dir, cells);
		const rate = (m: { rows: number; seconds: number }) => m.rows / m.seconds;
		const ratio = rate(csv) / rate(bare);
		const pxRatio = rate(px) / rate(bare);
		rows.push(
			{ figure: 'import CSV 1 000 000 rader', value: `${fmt(rate(csv))} rader/s`, target: '≥ 300 000', ok: rate(csv) >= 300_000 },
			{ figure: '  kvot mot bart INSERT', value: `${ratio.toFixed(2)} (bart ${fmt(rate(bare))} rader/s)`, target: '≥ 0,5', ok: ratio >= 0.5 },
			{ figure: `import JSON-stat2 ${fmt(cells)} celler`, value: `${fmt(rate(px))} rader/s`, target: '≥ 300 000', ok: rate(px) >= 300_000 },
			{ figure: '  kvot mot bart INSERT', value: pxRatio.toFixed(2), target: '≥ 0,5', ok: pxRatio >= 0.5 }
		);
		json.import = { csv, bare, pxweb: px, csvRatio: ratio, pxwebRatio: pxRatio };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function pageRows(run: ServerRun, rows: Row[]): void {
	for (const p of run.pages) {
		for (const [i, d] of p.dynamic.entries()) {
			const s = p.static[i];
			const isTarget = p.key === 'indicator' && d.connections === 64;
			rows.push({
				figure: `${p.label} ${d.connections} ansl.`,
				value: `p50 ${d.p50} ms, p99 ${d.p99} ms, ${fmt(d.rps)} req/s (statiskt ${fmt(s.rps)} req/s, p50 ${s.p50} ms)${d.errors ? `, ${d.errors} fel` : ''}`,
				target: isTarget ? 'p50 < 20, p99 < 100' : '',
				ok: isTarget ? d.p50 < 20 && d.p99 < 100 && !d.errors : d.errors ? false : null
			});
		}
		const [one, many] = p.uncached;
		if (many) {
			rows.push({
				figure: `${p.label} utan sidcache`,
				value: `1 ansl. p50 ${one.p50} ms; 64 ansl. p50 ${many.p50} ms, p99 ${many.p99} ms, ${fmt(many.rps)} req/s${many.errors ? `, ${many.errors} fel` : ''}`,
				target: '',
				ok: null
			});
		}
		rows.push({
			figure: `${p.label}: dynamiskt/statiskt`,
			value: `${Number.isNaN(p.ratio) ? 'ingen statisk mätning' : `${(p.ratio * 100).toFixed(0)} %`} (HTML ${(p.bytes / 1000).toFixed(0)} kB)`,
			target: '≥ 30 %',
			ok: Number.isNaN(p.ratio) ? null : p.ratio >= 0.3
		});
	}
	for (const a of run.api) {
		rows.push({ figure: `API observationer ${a.key.toUpperCase()}`, value: `${a.rows} rader, ${(a.bytes / 1e6).toFixed(2)} MB, median ${a.p50} ms, max ${a.p99} ms (7 anrop i följd); utan sidcache median ${a.uncachedP50} ms`, target: '', ok: null });
	}
	rows.push({ figure: 'server-RSS efter sidkörningarna', value: `${run.rssMb.toFixed(0)} MB (topp ${run.peakRssMb.toFixed(0)} MB)`, target: '< 300 MB', ok: run.rssMb < 300 });
}

/** The part of bench/client.ts's ClientResult that the table shows. */
interface ClientSummary {
	sizes: { page: string; jsGzipBytes: number; cssGzipBytes: number }[];
	indicatorJsGzipBytes: number;
	indicatorJsBudgetBytes: number;
	indicatorJsWithinBudget: boolean;
	render: { series: number; median: { renderMs: number; navToPaintedMs: number } };
}

async function clientFigures(port: number, rows: Row[], json: Record<string, unknown>): Promise<void> {
	// CLIENT BENCH CALL SITE: bench/client.ts (agent "client") exports runClientBench(origin), which measures the
	// demo data's page types (so it gets a server on a fresh demo database, not the national one). Until that file
	// exists the row says so.
	const file = new URL('./client.ts', import.meta.url);
	if (!existsSync(file)) {
		rows.push({ figure: 'klient (JS/CSS, diagram 312 serier)', value: 'bench/client.ts saknas än', target: '≤ 80 kB JS', ok: null });
		return;
	}
	const mod = (await import(file.href)) as { runClientBench: (origin: string) => Promise<ClientSummary> };
	const server = await startServer(port);
	let result: ClientSummary;
	try {
		result = await mod.runClientBench(server.origin);
	} finally {
		await server.stop();
	}
	json.client = result;
	rows.push({
		figure: 'klient: indikatorsidans JS (gzip)',
		value: `${(result.indicatorJsGzipBytes / 1000).toFixed(1)} kB`,
		target: `≤ ${result.indicatorJsBudgetBytes / 1000} kB`,
		ok: result.indicatorJsWithinBudget
	});
	for (const p of result.sizes) rows.push({ figure: `  ${p.page}`, value: `JS ${(p.jsGzipBytes / 1000).toFixed(1)} kB, CSS ${(p.cssGzipBytes / 1000).toFixed(1)} kB (gzip)`, target: '', ok: null });
	rows.push({
		figure: `klient: diagram med ${result.render.series} serier`,
		value: `ritat på ${result.render.median.renderMs.toFixed(0)} ms (navigering → målat ${result.render.median.navToPaintedMs.toFixed(0)} ms)`,
		target: '',
		ok: null
	});
}

function printTable(rows: Row[]): void {
	const w = Math.max(...rows.map((r) => r.figure.length));
	const v = Math.max(...rows.map((r) => r.value.length));
	const t = Math.max(6, ...rows.map((r) => r.target.length));
	console.log(`\n${'mått'.padEnd(w)}  ${'värde'.padEnd(v)}  ${'mål'.padEnd(t)}  OK`);
	console.log(`${'-'.repeat(w)}  ${'-'.repeat(v)}  ${'-'.repeat(t)}  --`);
	for (const r of rows) console.log(`${r.figure.padEnd(w)}  ${r.value.padEnd(v)}  ${r.target.padEnd(t)}  ${r.ok === null ? '' : r.ok ? 'OK' : 'NEJ'}`);
}

async function main(): Promise<void> {
	const started = performance.now();
	console.log(`npm run bench ${args.join(' ')}  (node ${process.version}, ${cpus().length} kärnor, ${(totalmem() / 1e9).toFixed(0)} GB)`);
	const rows: Row[] = [];
	const json: Record<string, unknown> = { startedAt: new Date().toISOString(), node: process.version, cpus: cpus().length, args };

	if (!existsSync('build/index.js')) {
		console.log('ingen build: kör npm run build');
		const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
		if (b.status !== 0) throw new Error('npm run build misslyckades');
	}

	noteLoad('databasen');
	const gen = await generate({ out: dbPath, fresh: args.includes('--fresh') });
	rows.push({ figure: 'databas: observationer', value: `${fmt(gen.observations)} (${gen.indicators} indikatorer)`, target: '≈ 14 000 000', ok: gen.observations > 13_000_000 });
	if (!gen.reused) rows.push({ figure: 'generering (import av allt)', value: `${gen.seconds.toFixed(0)} s`, target: '', ok: null });
	// Repo-relative, so a committed result file names no machine path.
	json.generate = { ...gen, path: relative(process.cwd(), gen.path) };

	if (!args.includes('--skip-import')) {
		noteLoad('import');
		await importFigures(rows, json);
	}

	noteLoad('sidor och API');
	const run = await runServerBench({ dbPath: gen.path, port, duration, log: console.log });
	pageRows(run, rows);
	json.server = run;
	const size = ['', '-wal'].reduce((s, x) => s + (existsSync(gen.path + x) ? statSync(gen.path + x).size : 0), 0);
	rows.push({ figure: 'databasens storlek på disk', value: `${(size / 1e9).toFixed(2)} GB`, target: '', ok: null });
	json.dbBytes = size;

	noteLoad('klient');
	await clientFigures(port, rows, json);

	noteLoad('slut');
	const minutes = (performance.now() - started) / 60000;
	rows.push({ figure: 'hela körningen', value: `${minutes.toFixed(1)} min`, target: '< 15 min', ok: minutes < 15 });
	printTable(rows);
	const busy = loads.some((l) => l.load[0] > cpus().length * 0.75);
	console.log(`\nbelastning under körningen: ${loads.map((l) => `${l.at} ${l.load[0].toFixed(2)}`).join(', ')}`);
	if (busy) console.log('OBS: maskinen var upptagen under körningen (load average över 75 % av kärnorna): absoluta siffror är sämre än på en ledig maskin; kvoten dynamiskt/statiskt påverkas mindre.');
	json.loads = loads;
	json.rows = rows;
	json.minutes = minutes;
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/latest.json', JSON.stringify(json, null, 2) + '\n');
	console.log('skrivet: bench/results/latest.json');
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
