/**
 * `npm run bench:generate [-- --out bench/data/national.db] [--fresh] [--indicators 500]`: a national-scale
 * database for the benchmarks (issue 7 §1), written through the real import core.
 *
 * Clearly synthetic: the organisation "Benchmark" (is_example, described as synthetic example data) with one
 * plan of 10 areas × 5 goals × 10 indicators (so a goal with 10 indicators exists), and for every indicator
 * all 312 geographies (riket, 21 län, 290 kommuner from the geography seed) × 30 years × totalt/kvinnor/män:
 * 500 indicators give about 14 M observations. Shapes: a trend per indicator, a level per geography, noise,
 * kvinnor/män split around totalt, some series starting late (rows missing) and some cells '..' (missing).
 *
 * The plan is imported as a plan file, the values as streamed values CSVs (one per 50 indicators, one
 * transaction each), both by `runImportSync`, as `npm run import` would. An existing database is reused
 * unless `--fresh`. Not part of `npm test`.
 */
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createDb } from '../src/lib/server/db/client';
import { loadGeographies } from '../src/lib/server/seed/geographies';
import { runImportSync } from '../src/lib/server/import';
import { PLAN_HEADER } from '../src/lib/server/import/plan-columns';

export const DEFAULT_DB = 'bench/data/national.db';
export const BENCH_ORG = 'benchmark';
export const BENCH_PLAN = 'benchmarkplan';
export const FIRST_YEAR = 1995;
export const YEARS = 30;
const AREAS = 10;
const GOALS_PER_AREA = 5;
const PER_FILE = 50;
const SEXES = ['T', 'K', 'M'] as const;

export const indicatorSlug = (i: number) => `benchmark-${String(i + 1).padStart(3, '0')}`;

export interface Generated {
	path: string;
	reused: boolean;
	seconds: number;
	observations: number;
	indicators: number;
}

/** A small deterministic PRNG (mulberry32), so every run generates the same data. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const gauss = (r: () => number) => (r() + r() + r() + r() - 2) * 1.732; // ~N(0, 1)

function planCsv(indicators: number): string {
	const cell = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
	const row = (v: Partial<Record<(typeof PLAN_HEADER)[number], string>>) => PLAN_HEADER.map((k) => cell(v[k] ?? '')).join(';');
	const lines = [PLAN_HEADER.join(';')];
	const synthetic = 'Syntetiska exempeldata för prestandamätning (bench/generate.ts). Inga siffror här är verkliga.';
	lines.push(row({ typ: 'organisation', id: BENCH_ORG, nummer: '00', etikett: 'annan', text: 'Benchmark (syntetiska exempeldata)', beskrivning: synthetic }));
	lines.push(
		row({
			typ: 'plan',
			id: BENCH_PLAN,
			nivå: 'Område | Mål',
			nummer: '00',
			etikett: 'verksamhetsplan',
			text: 'Benchmarkplan (syntetisk)',
			beskrivning: synthetic,
			år: `${FIRST_YEAR}–${FIRST_YEAR + YEARS - 1}`,
			källa: 'Syntetiska exempeldata (bench/generate.ts)'
		})
	);
	const perGoal = 10;
	const goals = Math.ceil(indicators / perGoal);
	for (let g = 0; g < goals; g++) {
		const area = Math.floor(g / GOALS_PER_AREA);
		if (g % GOALS_PER_AREA === 0) {
			lines.push(row({ typ: 'mål', id: `A${area + 1}`, nivå: 'Område', nummer: `${area + 1}`, text: `Syntetiskt område ${area + 1}`, ursprung: 'annan' }));
		}
		const goalId = `M${g + 1}`;
		lines.push(
			row({ typ: 'mål', id: goalId, förälder: `A${area + 1}`, nivå: 'Mål', nummer: `${area + 1}.${(g % GOALS_PER_AREA) + 1}`, text: `Syntetiskt mål ${area + 1}.${(g % GOALS_PER_AREA) + 1}`, ursprung: 'fullmäktige' })
		);
		for (let k = 0; k < perGoal && g * perGoal + k < indicators; k++) {
			const i = g * perGoal + k;
			const up = i % 3 !== 0;
			lines.push(
				row({
					typ: 'indikator',
					förälder: goalId,
					text: `Syntetisk indikator ${i + 1} (andel)`,
					beskrivning: 'Syntetiska exempeldata.',
					målformulering: up ? 'ska öka' : 'ska minska',
					enhet: '%',
					decimaler: '1',
					riktning: up ? 'upp' : 'ned',
					indikator: indicatorSlug(i),
					källa: 'Syntetiska exempeldata'
				})
			);
		}
	}
	return lines.join('\n') + '\n';
}

/**
 * One values CSV for indicators [from, to): indicator → geography → sex → year (the primary key's order, as
 * statistics files usually come). Returns the number of rows written.
 */
async function writeValues(file: string, from: number, to: number, geos: { code: string; level: string }[]): Promise<number> {
	const out = createWriteStream(file);
	let buf = 'indikator;geografi;period;kön;värde\n';
	let rows = 0;
	for (let i = from; i < to; i++) {
		const r = rng(1000 + i);
		const base = 10 + r() * 70; // per cent
		const trend = (r() - 0.5) * 0.04 * base; // per year
		const split = (r() - 0.5) * 0.2; // kvinnor above or below totalt
		const spread = 0.05 + r() * 0.15;
		const slug = indicatorSlug(i);
		for (const g of geos) {
			const level = g.level === 'riket' ? 1 : 1 + gauss(r) * spread * (g.level === 'lan' ? 0.5 : 1);
			const noise = g.level === 'kommun' ? 0.04 : g.level === 'lan' ? 0.02 : 0.01;
			// Every tenth series starts late (a kommun formed later, a new survey): those rows do not exist.
			const start = r() < 0.1 ? 1 + Math.floor(r() * 10) : 0;
			for (let s = 0; s < 3; s++) {
				const factor = s === 0 ? 1 : s === 1 ? 1 + split : 1 - split;
				for (let y = start; y < YEARS; y++) {
					let value: string;
					if (r() < 0.01) value = '..';
					else {
						const v = Math.max(0, (base + trend * y) * level * factor * (1 + gauss(r) * noise));
						value = v.toFixed(1).replace('.', ',');
					}
					buf += `${slug};${g.code};${FIRST_YEAR + y};${SEXES[s]};${value}\n`;
					rows++;
				}
			}
			if (buf.length > 1 << 20) {
				if (!out.write(buf)) await once(out, 'drain');
				buf = '';
			}
		}
	}
	out.end(buf);
	await once(out, 'finish');
	return rows;
}

function count(path: string): { observations: number; indicators: number; org: boolean } {
	const db = new Database(path, { readonly: true });
	try {
		const has = (t: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
		if (!has('organisation') || !has('observation')) return { observations: 0, indicators: 0, org: false };
		const org = !!db.prepare('SELECT 1 FROM organisation WHERE slug = ?').get(BENCH_ORG);
		const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
		return { observations: n('SELECT count(*) AS n FROM observation'), indicators: n('SELECT count(*) AS n FROM indicator'), org };
	} finally {
		db.close();
	}
}

export async function generate(opts: { out?: string; fresh?: boolean; indicators?: number; log?: (s: string) => void } = {}): Promise<Generated> {
	const path = resolve(opts.out ?? DEFAULT_DB);
	const log = opts.log ?? console.log;
	const indicators = opts.indicators ?? 500;
	const t0 = performance.now();
	if (existsSync(path) && !opts.fresh) {
		const c = count(path);
		if (c.org && c.observations > 0) {
			log(`återanvänder ${path}: ${c.observations.toLocaleString('sv-SE')} observationer, ${c.indicators} indikatorer (--fresh skapar den på nytt)`);
			return { path, reused: true, seconds: 0, observations: c.observations, indicators: c.indicators };
		}
	}
	for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
	mkdirSync(dirname(path), { recursive: true });
	const work = join(dirname(path), 'generate-tmp');
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	const db = createDb(path);
	try {
		loadGeographies(db, 'scripts/demo-data');
		const geos = db.$client.prepare("SELECT code, level FROM geography ORDER BY level <> 'riket', level <> 'lan', code").all() as { code: string; level: string }[];

		const planFile = join(work, 'plan.csv');
		writeFileSync(planFile, planCsv(indicators));
		const plan = runImportSync(db, { kind: 'plan', input: { path: planFile }, user: 'bench', options: { org: BENCH_ORG, plan: BENCH_PLAN } });
		if (!plan.ok) throw new Error(`planen: ${JSON.stringify(plan.errors.slice(0, 3))}`);
		// Labelled as example data wherever the site shows organisations (the plan import has no column for it).
		db.$client.prepare('UPDATE organisation SET is_example = 1 WHERE slug = ?').run(BENCH_ORG);
		log(`plan importerad: ${plan.summary}`);

		let rows = 0;
		let importSeconds = 0;
		for (let from = 0; from < indicators; from += PER_FILE) {
			const to = Math.min(indicators, from + PER_FILE);
			const file = join(work, `values-${from}.csv`);
			const n = await writeValues(file, from, to, geos);
			const t = performance.now();
			const res = runImportSync(db, { kind: 'values', input: { path: file }, user: 'bench' });
			importSeconds += (performance.now() - t) / 1000;
			if (!res.ok) throw new Error(`${file}: ${JSON.stringify(res.errors.slice(0, 3))}`);
			rmSync(file);
			rows += n;
			log(`  indikator ${from + 1}–${to}: ${n.toLocaleString('sv-SE')} rader (${rows.toLocaleString('sv-SE')} hittills, ${Math.round((performance.now() - t0) / 1000)} s)`);
		}
		const seconds = (performance.now() - t0) / 1000;
		log(`genererat ${path}: ${rows.toLocaleString('sv-SE')} observationer, ${indicators} indikatorer på ${seconds.toFixed(0)} s (varav import ${importSeconds.toFixed(0)} s, ${Math.round(rows / importSeconds).toLocaleString('sv-SE')} rader/s)`);
		return { path, reused: false, seconds, observations: rows, indicators };
	} finally {
		db.$client.close();
		rmSync(work, { recursive: true, force: true });
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const at = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
	generate({ out: at('--out'), fresh: args.includes('--fresh'), indicators: at('--indicators') ? Number(at('--indicators')) : undefined }).catch((e) => {
		console.error(e);
		process.exit(1);
	});
}
