/**
 * The import measurements shared by `npm run bench:import` (bench/import.ts) and `npm run bench` (bench/run.ts):
 * the synthetic rows, the CSV and JSON-stat files made of them, and one measurement per child process
 * (`measure(mode, dir, n)`, which runs this file with `--child`), so peak RSS does not mix. Modes:
 * import (values CSV through runImportSync), pxweb (a JSON-stat 2.0 file in PxWeb v2 shape through the pxweb
 * kind), bare, bare-multi, floor, reimport, tenth; see bench/import.ts for what each means.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createDb, type Db } from '../../src/lib/server/db/client';
import { loadGeographies } from '../../src/lib/server/seed/geographies';
import { runImport, runImportSync } from '../../src/lib/server/import';
import { parsePeriod } from '../../src/lib/domain/period';
import type { Period } from '../../src/lib/domain/types';

export const INDICATORS = 10;
export const JSONSTAT_FILE = 'values.jsonstat2.json';
const SEXES = ['T', 'K', 'M'] as const;
export const MULTI = 128;

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

export function setup(path: string): { db: Db; geographies: string[] } {
	const db = createDb(path);
	loadGeographies(db, 'scripts/demo-data');
	const insert = db.$client.prepare('INSERT INTO indicator (slug, name) VALUES (?, ?)');
	for (let i = 1; i <= INDICATORS; i++) insert.run(`bench-${i}`, `Benchmark ${i}`);
	const geographies = (db.$client.prepare('SELECT code FROM geography ORDER BY id').all() as { code: string }[]).map((g) => g.code);
	return { db, geographies };
}

export async function writeCsv(file: string, n: number, geographies: string[]): Promise<void> {
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
async function child(mode: string, dir: string, n: number): Promise<void> {
	const dbPath = join(dir, `${mode}.db`);
	for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
	const { db, geographies } = setup(dbPath);
	const sqlite = db.$client;
	let seconds: number;
	let cpu: NodeJS.CpuUsage;
	let mainCpuSeconds: number | undefined;
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
	} else if (mode === 'pxweb') {
		// A JSON-stat 2.0 file as PxWeb v2 answers, through the pxweb import kind (new indicators per content code).
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		const result = runImportSync(db, { kind: 'pxweb', input: { path: join(dir, JSONSTAT_FILE) }, user: 'bench' });
		cpu = process.cpuUsage(c0);
		seconds = (performance.now() - t0) / 1000;
		if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
		if (result.counts.observations!.new !== n) throw new Error(`pxweb: väntade ${n} nya, fick ${JSON.stringify(result.counts.observations)}`);
	} else {
		const csv = join(dir, mode === 'tenth' ? 'tenth.csv' : 'values.csv');
		if (mode === 'tenth') n = Math.round(n / 10);
		const runs = mode === 'reimport' ? 2 : 1;
		let t0 = 0;
		let c0 = process.cpuUsage();
		let m0 = 0;
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
			m0 = mainThreadCpu();
			// runImport, as the command line: a file this big is parsed in a worker thread (parse-thread.ts).
			result = await runImport(db, { kind: 'values', input: { path: csv }, user: 'bench', options: { onProgress } });
			if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
		}
		cpu = process.cpuUsage(c0);
		mainCpuSeconds = mainThreadCpu() - m0;
		seconds = (performance.now() - t0) / 1000;
		const c = result!.counts.observations!;
		const expected = mode === 'reimport' ? { new: 0, unchanged: n } : { new: n, unchanged: 0 };
		if (c.new !== expected.new || c.unchanged !== expected.unchanged) throw new Error(`${mode}: väntade ${JSON.stringify(expected)}, fick ${JSON.stringify(c)}`);
	}
	const count = (sqlite.prepare('SELECT count(*) AS n FROM observation').get() as { n: number }).n;
	if (count !== n) throw new Error(`${mode}: ${count} rader i tabellen, väntade ${n}`);
	sqlite.close();
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	console.log(JSON.stringify({ mode, rows: n, seconds, cpuSeconds, mainCpuSeconds, maxRssMb: process.resourceUsage().maxRSS / 1024, rssAt }));
}

/**
 * CPU seconds of the main thread alone (Linux: /proc; NaN elsewhere). The import parses in a worker thread, so
 * the process's CPU time counts both cores; the main thread's is the part SQLite's single writer waits on.
 */
function mainThreadCpu(): number {
	try {
		const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
		const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
	} catch {
		return NaN;
	}
}

export interface Measurement {
	rows: number;
	seconds: number;
	cpuSeconds: number;
	/** Import modes: CPU seconds of the main thread alone. */
	mainCpuSeconds?: number;
	maxRssMb: number;
	/** Import: RSS in MB after each tenth of the file. */
	rssAt: number[];
}

export function measure(mode: string, dir: string, n: number): Measurement {
	const self = fileURLToPath(import.meta.url);
	const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, dir, String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
	if (res.status !== 0) throw new Error(`${mode}: ${res.stderr}`);
	return JSON.parse(res.stdout.trim().split('\n').pop()!);
}


/** Cells of `writeJsonStat` for `cells` wanted: whole content codes of 312 geographies × 3 sexes × 30 years. */
export function jsonStatShape(cells: number, geographies: number): { contents: number; years: number; cells: number } {
	const years = 30;
	const contents = Math.max(1, Math.round(cells / (geographies * 3 * years)));
	return { contents, years, cells: contents * geographies * 3 * years };
}

/**
 * A JSON-stat 2.0 dataset in PxWeb v2's shape (Region × Kon × ContentsCode × Tid, role, extension.px.tableid,
 * units per content code), synthetic values with every 97th cell null and status "..". Returns the cell count.
 */
export function writeJsonStat(file: string, cellsWanted: number, geographies: string[]): number {
	const { contents, years, cells } = jsonStatShape(cellsWanted, geographies.length);
	const index = (codes: string[]) => Object.fromEntries(codes.map((c, i) => [c, i]));
	const contentCodes = Array.from({ length: contents }, (_, i) => `BENCH${String(i + 1).padStart(2, '0')}`);
	const yearCodes = Array.from({ length: years }, (_, i) => String(1995 + i));
	const value: (number | null)[] = new Array(cells);
	const status: Record<string, string> = {};
	for (let i = 0; i < cells; i++) {
		if (i % 97 === 0) {
			value[i] = null;
			status[String(i)] = '..';
		} else value[i] = Math.round(((i * 7919) % 100000) / 10) / 10;
	}
	const doc = {
		version: '2.0',
		class: 'dataset',
		label: 'Syntetisk benchmarktabell efter region, kön, tabellinnehåll och år',
		source: 'SCB (syntetisk)',
		role: { time: ['Tid'], metric: ['ContentsCode'], geo: ['Region'] },
		id: ['Region', 'Kon', 'ContentsCode', 'Tid'],
		size: [geographies.length, 3, contents, years],
		dimension: {
			Region: { label: 'region', category: { index: index(geographies), label: Object.fromEntries(geographies.map((g) => [g, g])) } },
			Kon: { label: 'kön', category: { index: { TotSa: 0, '1': 1, '2': 2 }, label: { TotSa: 'totalt', '1': 'män', '2': 'kvinnor' } } },
			ContentsCode: {
				label: 'tabellinnehåll',
				category: {
					index: index(contentCodes),
					label: Object.fromEntries(contentCodes.map((c, i) => [c, `Syntetiskt mått ${i + 1}`])),
					unit: Object.fromEntries(contentCodes.map((c) => [c, { base: 'procent', decimals: 1 }]))
				}
			},
			Tid: { label: 'år', category: { index: index(yearCodes), label: Object.fromEntries(yearCodes.map((y) => [y, y])) } }
		},
		extension: { px: { tableid: 'BENCH0001', decimals: 1, contents: 'Syntetisk benchmarktabell' } },
		value,
		status
	};
	writeFileSync(file, JSON.stringify(doc));
	return cells;
}

if (process.argv[2] === '--child' && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	child(process.argv[3], process.argv[4], Number(process.argv[5])).catch((e) => {
		console.error(e);
		process.exit(1);
	});
}
