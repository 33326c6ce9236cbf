/**
 * `npm run bench:import [-- --rows N]`: import speed of a values CSV into the real schema, against a bare
 * prepared-statement insert of the same rows into the same schema. Prints rows/s for both, their ratio, and
 * the peak RSS of each (each runs in its own process, so the peaks do not mix).
 *
 * Targets (issue 4): import ≥ 300 000 rows/s and ≥ 0.5 × the bare rate for 1 000 000 rows; memory flat
 * (the CSV is streamed; compare the import's peak RSS with the file size). Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

interface Row {
	indicator: number;
	geography: string;
	period: string;
	sex: (typeof SEXES)[number];
	value: string;
}

/** The rows, in a fixed order: indicator → geography → month → sex, with values written the Swedish way. */
function* rows(n: number, geographies: string[]): Generator<Row> {
	const months: string[] = [];
	for (let y = 1990; months.length < 1000; y++) for (let m = 1; m <= 12; m++) months.push(`${y}M${String(m).padStart(2, '0')}`);
	let i = 0;
	for (let ind = 1; ; ind++) {
		for (const geography of geographies) {
			for (const period of months) {
				for (const sex of SEXES) {
					if (i >= n) return;
					// Decimal comma, and every tenth value a thousands-separated integer, as offices write them.
					const value = i % 10 === 0 ? `${Math.floor(i / 7) % 900 + 100} ${String(i % 1000).padStart(3, '0')}` : `${(i % 100000) / 10}`.replace('.', ',');
					yield { indicator: ((ind - 1) % INDICATORS) + 1, geography, period, sex, value };
					i++;
				}
			}
		}
	}
}

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
	for (const r of rows(n, geographies)) {
		buf += `bench-${r.indicator};${r.geography};${r.period};${r.sex};${r.value}\n`;
		if (buf.length > 1 << 20) {
			if (!out.write(buf)) await once(out, 'drain');
			buf = '';
		}
	}
	out.end(buf);
	await once(out, 'finish');
}

/** Child process: one measurement, printed as JSON. */
function child(mode: string, dir: string, n: number): void {
	// `small` measures the same import on a tenth of the rows: a flat memory profile gives about the same peak.
	const dbPath = join(dir, `${mode}.db`);
	for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
	const { db, geographies } = setup(dbPath);
	let seconds: number;
	if (mode === 'bare') {
		const sqlite = db.$client;
		const batch = Number(sqlite.prepare("INSERT INTO import_batch (source) VALUES ('bench')").run().lastInsertRowid);
		const geo = new Map((sqlite.prepare('SELECT id, code FROM geography').all() as { id: number; code: string }[]).map((g) => [g.code, g.id]));
		const periods = new Map<string, Period>();
		const now = new Date().toISOString();
		// The same columns the import writes, one prepared INSERT per row, values already resolved and parsed.
		const insert = sqlite.prepare(
			`INSERT INTO observation (indicator_id, geography_id, period, period_kind, period_start, period_end, sex, value, batch_id, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const prepared = [...rows(n, geographies)].map((r) => {
			let p = periods.get(r.period);
			if (!p) periods.set(r.period, (p = parsePeriod(r.period) as Period));
			return [r.indicator, geo.get(r.geography)!, p, r.sex, Number(r.value.replace(' ', '').replace(',', '.'))] as const;
		});
		const t0 = performance.now();
		sqlite.transaction(() => {
			for (const [i, g, p, s, v] of prepared) insert.run(i, g, p.code, p.kind, p.start, p.end, s, v, batch, now, now);
		})();
		seconds = (performance.now() - t0) / 1000;
	} else {
		const csv = join(dir, mode === 'small' ? 'small.csv' : 'values.csv');
		if (mode === 'small') n = Math.round(n / 10);
		const runs = mode === 'reimport' ? 2 : 1;
		let t0 = 0;
		let result;
		for (let r = 0; r < runs; r++) {
			t0 = performance.now();
			result = runImportSync(db, { kind: 'values', input: { path: csv }, user: 'bench' });
			if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
		}
		seconds = (performance.now() - t0) / 1000;
		const c = result!.counts.observations!;
		if (c.new + c.unchanged !== n) throw new Error(`väntade ${n} rader, fick ${JSON.stringify(c)}`);
	}
	const count = (db.$client.prepare('SELECT count(*) AS n FROM observation').get() as { n: number }).n;
	db.$client.close();
	console.log(JSON.stringify({ mode, rows: count, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function measure(mode: string, dir: string, n: number): { rows: number; seconds: number; maxRssMb: number } {
	const self = fileURLToPath(import.meta.url);
	const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, dir, String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
	if (res.status !== 0) throw new Error(`${mode}: ${res.stderr}`);
	return JSON.parse(res.stdout.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	if (args[0] === '--child') return child(args[1], args[2], Number(args[3]));
	const n = args[0] === '--rows' ? Number(args[1]) : 1_000_000;
	const dir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-'));
	try {
		const { db, geographies } = setup(join(dir, 'setup.db'));
		db.$client.close();
		await writeCsv(join(dir, 'values.csv'), n, geographies);
		await writeCsv(join(dir, 'small.csv'), Math.round(n / 10), geographies);
		const mb = statSync(join(dir, 'values.csv')).size / 1e6;
		console.log(`${n.toLocaleString('sv-SE')} rader, CSV ${mb.toFixed(1)} MB (${INDICATORS} indikatorer × ${geographies.length} geografier × månader × 3 kön), databas i ${dir}`);
		const imp = measure('import', dir, n);
		const bare = measure('bare', dir, n);
		const again = measure('reimport', dir, n);
		const small = measure('small', dir, n);
		const rate = (m: { rows: number; seconds: number }) => Math.round(n / m.seconds);
		const fmt = (x: number) => x.toLocaleString('sv-SE');
		console.log(`import (CSV → observation, med diff):   ${fmt(rate(imp))} rader/s  (${imp.seconds.toFixed(2)} s, topp-RSS ${imp.maxRssMb.toFixed(0)} MB)`);
		console.log(`bart INSERT (färdiga rader i minnet):  ${fmt(rate(bare))} rader/s  (${bare.seconds.toFixed(2)} s, topp-RSS ${bare.maxRssMb.toFixed(0)} MB)`);
		console.log(`kvot import / bart:                     ${(rate(imp) / rate(bare)).toFixed(2)}`);
		console.log(`samma fil igen (0 nya, alla oförändrade): ${fmt(rate(again))} rader/s  (${again.seconds.toFixed(2)} s, topp-RSS ${again.maxRssMb.toFixed(0)} MB)`);
		console.log(`minne: topp-RSS ${small.maxRssMb.toFixed(0)} MB för ${fmt(Math.round(n / 10))} rader mot ${imp.maxRssMb.toFixed(0)} MB för ${fmt(n)} (CSV:en strömmas)`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
