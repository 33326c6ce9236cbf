/**
 * `npm run bench:import [-- --rows N] [--runs R]`: import speed of a values CSV into the real schema, against a
 * bare prepared-statement insert of the same rows into the same schema (issue 4, issue 7 §2).
 *
 * Each measurement runs in its own child process (so peak RSS does not mix), on a fresh database, R times
 * (default 3); the table shows every run and the median, which is the figure to quote.
 * - import: `runImportSync` on the CSV file: reading, decoding, parsing, resolving codes, the diff, the batch,
 *   one transaction. The file is streamed.
 * - bare: the same rows, already parsed and resolved in memory, one single-row prepared INSERT each, one
 *   transaction: the issue's "bare prepared-statement insert".
 * - bare multi-row: the same with 128-row INSERT statements, for information (what batching alone gives).
 * - floor: the same rows copied by one INSERT … SELECT from a temp table: SQLite's own rate for this schema on this
 *   machine, with nothing crossing from JavaScript per row. No import through SQLite can be faster.
 * - re-import: the same file again into the filled database (every row unchanged).
 * - tenth: the import of a file with a tenth of the rows; a flat memory profile gives about the same peak RSS.
 * Also printed: the load average before the runs (the machine may be shared: rows per CPU second are shown too,
 * which other processes disturb less) and the command line.
 *
 * Targets (issue 4): import ≥ 300 000 rows/s and ≥ 0.5 × the bare rate for 1 000 000 rows; memory flat.
 * Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createDb, type Db } from '../src/lib/server/db/client';
import { loadGeographies } from '../src/lib/server/seed/geographies';
import { runImportSync } from '../src/lib/server/import';
import { parsePeriod } from '../src/lib/domain/period';
import type { Period } from '../src/lib/domain/types';

const INDICATORS = 10;
const SEXES = ['T', 'K', 'M'] as const;
const MULTI = 128;

/** Every row, in a fixed order: indicator → geography → month → sex, with values written the Swedish way. */
function forEachRow(n: number, geographies: string[], fn: (indicator: number, geography: number, month: number, sex: number, value: string) => void): void {
	let i = 0;
	for (let ind = 1; ; ind++) {
		for (let g = 0; g < geographies.length; g++) {
			for (let m = 0; m < MONTHS.length; m++) {
				for (let s = 0; s < SEXES.length; s++) {
					if (i >= n) return;
					// Decimal comma, and every tenth value a thousands-separated integer, as offices write them.
					const value = i % 10 === 0 ? `${(Math.floor(i / 7) % 900) + 100} ${String(i % 1000).padStart(3, '0')}` : `${(i % 100000) / 10}`.replace('.', ',');
					fn(((ind - 1) % INDICATORS) + 1, g, m, s, value);
					i++;
				}
			}
		}
	}
}

const MONTHS: string[] = [];
for (let y = 1990; MONTHS.length < 1000; y++) for (let m = 1; m <= 12; m++) MONTHS.push(`${y}M${String(m).padStart(2, '0')}`);

function setup(path: string): { db: Db; geographies: string[] } {
	const db = createDb(path);
	loadGeographies(db, 'scripts/demo-data');
	const insert = db.$client.prepare('INSERT INTO indicator (slug, name) VALUES (?, ?)');
	for (let i = 1; i <= INDICATORS; i++) insert.run(`bench-${i}`, `Benchmark ${i}`);
	const geographies = (db.$client.prepare('SELECT code FROM geography ORDER BY id').all() as { code: string }[]).map((g) => g.code);
	return { db, geographies };
}

async function writeCsv(file: string, n: number, geographies: string[]): Promise<void> {
	const out = createWriteStream(file);
	let buf = 'indikator;geografi;period;kön;värde\n';
	const lines: string[] = [];
	forEachRow(n, geographies, (ind, g, m, s, value) => lines.push(`bench-${ind};${geographies[g]};${MONTHS[m]};${SEXES[s]};${value}\n`));
	for (let i = 0; i < lines.length; i += 10000) {
		buf += lines.slice(i, i + 10000).join('');
		if (!out.write(buf)) await once(out, 'drain');
		buf = '';
	}
	out.end(buf);
	await once(out, 'finish');
}

/** The rows resolved and parsed, in typed arrays (ids, period index, sex, value): what a bare insert binds. */
function resolvedRows(db: Db, n: number, geographies: string[]) {
	const ids = new Map((db.$client.prepare('SELECT id, code FROM geography').all() as { id: number; code: string }[]).map((g) => [g.code, g.id]));
	const geoIds = geographies.map((c) => ids.get(c)!);
	const periods = MONTHS.map((m) => parsePeriod(m) as Period);
	const r = { indicator: new Int32Array(n), geography: new Int32Array(n), month: new Int32Array(n), sex: new Int8Array(n), value: new Float64Array(n), periods };
	let i = 0;
	forEachRow(n, geographies, (ind, g, m, s, value) => {
		r.indicator[i] = ind;
		r.geography[i] = geoIds[g];
		r.month[i] = m;
		r.sex[i] = s;
		r.value[i] = Number(value.replace(' ', '').replace(',', '.'));
		i++;
	});
	return r;
}

const COLUMNS = 'indicator_id, geography_id, period, period_kind, period_start, period_end, sex, value, batch_id';

/** Child process: one measurement, printed as JSON. */
function child(mode: string, dir: string, n: number): void {
	const dbPath = join(dir, `${mode}.db`);
	for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
	const { db, geographies } = setup(dbPath);
	const sqlite = db.$client;
	let seconds: number;
	let cpu: NodeJS.CpuUsage;
	const rssAt: number[] = [];
	if (mode === 'floor') {
		// SQLite's own rate for these rows in this schema: copied by one INSERT … SELECT from a temp table (filled
		// first, not timed), so nothing crosses from JavaScript per row. No import can beat it on this machine.
		const batch = Number(sqlite.prepare("INSERT INTO import_batch (source) VALUES ('bench')").run().lastInsertRowid);
		const r = resolvedRows(db, n, geographies);
		sqlite.exec('CREATE TEMP TABLE src AS SELECT * FROM observation WHERE 0');
		const fill = sqlite.prepare(`INSERT INTO temp.src (${COLUMNS}, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
		sqlite.transaction(() => {
			for (let i = 0; i < n; i++) {
				const q = r.periods[r.month[i]];
				fill.run(r.indicator[i], r.geography[i], q.code, q.kind, q.start, q.end, SEXES[r.sex[i]], r.value[i], batch);
			}
		})();
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		sqlite.transaction(() => sqlite.exec('INSERT INTO observation SELECT * FROM temp.src'))();
		cpu = process.cpuUsage(c0);
		seconds = (performance.now() - t0) / 1000;
	} else if (mode === 'bare' || mode === 'bare-multi') {
		const batch = Number(sqlite.prepare("INSERT INTO import_batch (source) VALUES ('bench')").run().lastInsertRowid);
		const r = resolvedRows(db, n, geographies);
		const p = r.periods;
		const one = `(${COLUMNS.split(',').map(() => '?').join(',')})`;
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		if (mode === 'bare') {
			// One prepared single-row INSERT, run once per row.
			const insert = sqlite.prepare(`INSERT INTO observation (${COLUMNS}) VALUES ${one}`);
			sqlite.transaction(() => {
				for (let i = 0; i < n; i++) {
					const q = p[r.month[i]];
					insert.run(r.indicator[i], r.geography[i], q.code, q.kind, q.start, q.end, SEXES[r.sex[i]], r.value[i], batch);
				}
			})();
		} else {
			// The same values, MULTI rows per statement (the tail row by row).
			const insert = sqlite.prepare(`INSERT INTO observation (${COLUMNS}) VALUES ${new Array(MULTI).fill(one).join(',')}`);
			const single = sqlite.prepare(`INSERT INTO observation (${COLUMNS}) VALUES ${one}`);
			const args: unknown[] = new Array(MULTI * 9);
			sqlite.transaction(() => {
				let k = 0;
				const full = n - (n % MULTI);
				for (let i = 0; i < full; i++) {
					const q = p[r.month[i]];
					args[k++] = r.indicator[i];
					args[k++] = r.geography[i];
					args[k++] = q.code;
					args[k++] = q.kind;
					args[k++] = q.start;
					args[k++] = q.end;
					args[k++] = SEXES[r.sex[i]];
					args[k++] = r.value[i];
					args[k++] = batch;
					if (k === args.length) {
						insert.run(args);
						k = 0;
					}
				}
				for (let i = full; i < n; i++) {
					const q = p[r.month[i]];
					single.run(r.indicator[i], r.geography[i], q.code, q.kind, q.start, q.end, SEXES[r.sex[i]], r.value[i], batch);
				}
			})();
		}
		cpu = process.cpuUsage(c0);
		seconds = (performance.now() - t0) / 1000;
	} else {
		const csv = join(dir, mode === 'tenth' ? 'tenth.csv' : 'values.csv');
		if (mode === 'tenth') n = Math.round(n / 10);
		const runs = mode === 'reimport' ? 2 : 1;
		let t0 = 0;
		let c0 = process.cpuUsage();
		let result;
		for (let r = 0; r < runs; r++) {
			// RSS at each tenth of the file read: flat after the start means memory does not grow with the file.
			let next = 0.1;
			const onProgress = (done: number, total: number) => {
				if (total > 0 && done / total >= next) {
					rssAt.push(Math.round(process.memoryUsage.rss() / 1e6));
					next += 0.1;
				}
			};
			rssAt.length = 0;
			t0 = performance.now();
			c0 = process.cpuUsage();
			result = runImportSync(db, { kind: 'values', input: { path: csv }, user: 'bench', options: { onProgress } });
			if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
		}
		cpu = process.cpuUsage(c0);
		seconds = (performance.now() - t0) / 1000;
		const c = result!.counts.observations!;
		const expected = mode === 'reimport' ? { new: 0, unchanged: n } : { new: n, unchanged: 0 };
		if (c.new !== expected.new || c.unchanged !== expected.unchanged) throw new Error(`${mode}: väntade ${JSON.stringify(expected)}, fick ${JSON.stringify(c)}`);
	}
	const count = (sqlite.prepare('SELECT count(*) AS n FROM observation').get() as { n: number }).n;
	if (count !== n) throw new Error(`${mode}: ${count} rader i tabellen, väntade ${n}`);
	sqlite.close();
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	console.log(JSON.stringify({ mode, rows: n, seconds, cpuSeconds, maxRssMb: process.resourceUsage().maxRSS / 1024, rssAt }));
}

interface Measurement {
	rows: number;
	seconds: number;
	cpuSeconds: number;
	maxRssMb: number;
	/** Import: RSS in MB after each tenth of the file. */
	rssAt: number[];
}

function measure(mode: string, dir: string, n: number): Measurement {
	const self = fileURLToPath(import.meta.url);
	const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, dir, String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
	if (res.status !== 0) throw new Error(`${mode}: ${res.stderr}`);
	return JSON.parse(res.stdout.trim().split('\n').pop()!);
}

const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x: number) => Math.round(x).toLocaleString('sv-SE');

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	if (args[0] === '--child') return child(args[1], args[2], Number(args[3]));
	const opt = (name: string, fallback: number) => {
		const at = args.indexOf(name);
		return at === -1 ? fallback : Number(args[at + 1]);
	};
	const n = opt('--rows', 1_000_000);
	const runs = opt('--runs', 3);
	const load = loadavg();
	console.log(`kommando: npm run bench:import${args.length ? ` -- ${args.join(' ')}` : ''}   (node ${process.version}, ${cpus().length} kärnor)`);
	console.log(`belastning (load average 1/5/15 min) före körningarna: ${load.map((l) => l.toFixed(2)).join(' / ')}`);
	const dir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-'));
	try {
		const { db, geographies } = setup(join(dir, 'setup.db'));
		db.$client.close();
		await writeCsv(join(dir, 'values.csv'), n, geographies);
		await writeCsv(join(dir, 'tenth.csv'), Math.round(n / 10), geographies);
		const mb = statSync(join(dir, 'values.csv')).size / 1e6;
		console.log(`${fmt(n)} rader, CSV ${mb.toFixed(1)} MB (${INDICATORS} indikatorer × ${geographies.length} geografier × månader × 3 kön), ${runs} körningar`);

		const modes = ['import', 'bare', 'bare-multi', 'floor', 'reimport', 'tenth'] as const;
		const results: Record<string, Measurement[]> = Object.fromEntries(modes.map((m) => [m, []]));
		for (let r = 0; r < runs; r++) for (const m of modes) results[m].push(measure(m, dir, n));

		const rate = (m: Measurement) => m.rows / m.seconds;
		const cpuRate = (m: Measurement) => m.rows / m.cpuSeconds;
		const label: Record<(typeof modes)[number], string> = {
			import: 'import (CSV → observation, med diff)',
			bare: 'bart INSERT, en rad per sats',
			'bare-multi': `bart INSERT, ${MULTI} rader per sats`,
			floor: 'golv: INSERT … SELECT ur temp-tabell',
			reimport: 'samma fil igen (alla oförändrade)',
			tenth: `import av en tiondel (${fmt(n / 10)} rader)`
		};
		console.log(`\n${'mätning'.padEnd(40)} ${'rader/s per körning'.padEnd(32)} ${'median'.padStart(9)}  ${'rader/CPU-s'.padStart(11)}  topp-RSS MB`);
		console.log(`${''.padEnd(40)} ${'(väggklocka)'.padEnd(32)} ${''.padStart(9)}  ${'(processen)'.padStart(11)}`);
		for (const m of modes) {
			const list = results[m];
			console.log(
				`${label[m].padEnd(40)} ${list.map((x) => fmt(rate(x)).padStart(9)).join(' ').padEnd(32)} ${fmt(median(list.map(rate))).padStart(9)}  ${fmt(median(list.map(cpuRate))).padStart(11)}  ${median(list.map((x) => x.maxRssMb)).toFixed(0).padStart(6)}`
			);
		}
		const imp = median(results.import.map(rate));
		const bare = median(results.bare.map(rate));
		const ratios = results.import.map((x, i) => rate(x) / rate(results.bare[i]));
		console.log(`\nimport: ${fmt(imp)} rader/s (median av ${runs}); mål ≥ 300 000: ${imp >= 300_000 ? 'OK' : 'UNDER MÅLET'}`);
		console.log(`bart INSERT (en rad per sats): ${fmt(bare)} rader/s (median)`);
		console.log(`kvot import / bart: ${median(ratios).toFixed(2)} (median av kvoterna per körning: ${ratios.map((x) => x.toFixed(2)).join(', ')}); mål ≥ 0,5: ${median(ratios) >= 0.5 ? 'OK' : 'UNDER MÅLET'}`);
		console.log(
			`minne: topp-RSS ${median(results.tenth.map((x) => x.maxRssMb)).toFixed(0)} MB för ${fmt(n / 10)} rader mot ${median(results.import.map((x) => x.maxRssMb)).toFixed(0)} MB för ${fmt(n)} (CSV:en strömmas)`
		);
		const mid = results.import.find((x) => rate(x) === imp) ?? results.import[0];
		console.log(`minne under importen (RSS i MB efter varje tiondel av filen, medianens körning): ${mid.rssAt.join(' ')}`);
		console.log(`belastning efter körningarna: ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
