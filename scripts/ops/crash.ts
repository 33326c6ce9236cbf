/**
 * `npm run test:crash` (issue 8, crash safety): kill -9 in the middle of a large import and in the middle of
 * a burst of saves, then open the database again and check:
 *  - PRAGMA integrity_check is ok;
 *  - the import is there completely (every row, its batch) or not at all;
 *  - every save that was acknowledged is there (its version, its value, its audit entry).
 * Rounds and sizes: CRASH_ROUNDS (default 4 per part), CRASH_ROWS (default 240 000 CSV rows).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createDb } from '../../src/lib/server/db/client';
import { keyId } from '../../src/lib/server/editing/observation-drafts';
import { loadGeographies } from '../../src/lib/server/seed/geographies';
import { KOLADA_KPIS } from '../../src/lib/server/seed/jamtland';
import { insertRow } from '../../src/lib/server/seed/common';
import { editableKeys, verifySaves, type Save } from './editors';
import { check, sleep, tempDir } from './server';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 4);
const ROWS = Number(process.env.CRASH_ROWS ?? 240_000);
const dir = tempDir('crash');
const base = join(dir, 'base.db');
const live = join(dir, 'live.db');
const csv = join(dir, 'values.csv');

/** A database with geographies, the Kolada indicators and one organisation (so editing has a home). */
async function prepareBase(): Promise<number> {
	const db = createDb(base);
	loadGeographies(db, 'scripts/demo-data');
	for (const k of KOLADA_KPIS) {
		insertRow(db, 'indicator', { slug: k.slug, name: k.name, unit: k.unit, decimals: k.decimals, direction: k.direction, source: 'test', attribution: 'test', external_source: 'kolada', external_code: k.kpi });
	}
	insertRow(db, 'organisation', { slug: 'krasch', name: 'Kraschtest' });
	const geos = (db.$client.prepare('SELECT code FROM geography').all() as { code: string }[]).map((g) => g.code);
	db.$client.close();
	// indicator × geography × sex × year, long format, as `npm run import -- values` reads it.
	const out = createWriteStream(csv);
	out.write('indikator;geografi;period;kön;värde\n');
	let rows = 0;
	outer: for (let year = 1900; ; year++) {
		for (const k of KOLADA_KPIS) {
			for (const g of geos) {
				for (const sex of ['T', 'K', 'M']) {
					out.write(`${k.slug};${g};${year};${sex};${(rows % 9973) + 0.5}\n`.replace('.5', ',5'));
					if (++rows === ROWS) break outer;
				}
			}
		}
	}
	await new Promise((r) => out.end(r));
	return rows;
}

const fresh = () => {
	for (const f of [live, `${live}-wal`, `${live}-shm`]) rmSync(f, { force: true });
	copyFileSync(base, live);
};

function importer() {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'values', csv], {
		env: { ...process.env, DATABASE_URL: live },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
	return { child, exited };
}

function state(file: string) {
	const db = new Database(file);
	const integrity = db.pragma('integrity_check', { simple: true });
	const observations = (db.prepare('SELECT count(*) AS n FROM observation').get() as { n: number }).n;
	const batches = (db.prepare("SELECT count(*) AS n FROM import_batch WHERE kind = 'values'").get() as { n: number }).n;
	db.close();
	return { integrity, observations, batches };
}

try {
	const rows = await prepareBase();
	console.log(`Förberett: ${rows} rader i en värdefil, databas med geografier och indikatorer (${dir}).`);

	console.log('\n1. kill -9 mitt i en stor import');
	fresh();
	const t0 = performance.now();
	const whole = importer();
	const done = await whole.exited;
	const importMs = performance.now() - t0;
	const full = state(live);
	check(done.code === 0 && full.observations === rows && full.batches === 1, `hel import utan avbrott: ${full.observations} observationer, 1 batch, ${(importMs / 1000).toFixed(1)} s`);
	const outcomes: string[] = [];
	for (let round = 1; round <= ROUNDS; round++) {
		fresh();
		// Spread the kills over the import: early in reading, mid-write, near the commit.
		const at = importMs * [0.3, 0.55, 0.8, 0.95, 0.99][(round - 1) % 5] * (0.9 + Math.random() * 0.2);
		const run = importer();
		await sleep(at);
		run.child.kill('SIGKILL');
		const exit = await run.exited;
		const s = state(live);
		const outcome = s.observations === 0 && s.batches === 0 ? 'inget' : s.observations === rows && s.batches === 1 ? 'allt' : 'DELVIS';
		outcomes.push(outcome);
		check(s.integrity === 'ok', `runda ${round}: dödad efter ${Math.round(at)} ms (${exit.signal ?? 'avslutad ' + exit.code}), integrity_check ${s.integrity}`);
		check(outcome !== 'DELVIS', `runda ${round}: importen finns ${outcome === 'allt' ? 'helt' : 'inte alls'} (${s.observations} observationer, ${s.batches} batchar)`);
		// The database opens and takes the same import again afterwards.
		if (round === ROUNDS) {
			const again = importer();
			const e = await again.exited;
			const after = state(live);
			check(e.code === 0 && after.observations === rows && after.integrity === 'ok', `efter kraschen går samma import igenom: ${after.observations} observationer`);
		}
	}

	console.log('\n2. kill -9 mitt i en ström av sparningar (10 redaktörer, samma 8 värden)');
	let acknowledged = 0;
	for (let round = 1; round <= ROUNDS; round++) {
		fresh();
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ops/editors-child.ts', live, 'burst', '10', '8'], { stdio: ['ignore', 'pipe', 'inherit'] });
		const exited = new Promise((r) => child.on('exit', r));
		const acks: Save[] = [];
		let buffer = '';
		let ready!: () => void;
		const started = new Promise<void>((r) => (ready = r));
		child.stdout.on('data', (d) => {
			buffer += d;
			let nl;
			while ((nl = buffer.indexOf('\n')) >= 0) {
				const line = buffer.slice(0, nl);
				buffer = buffer.slice(nl + 1);
				if (line === 'READY') ready();
				const m = /^ACK (\S+) (\d+) (\d+)$/.exec(line);
				if (m) acks.push({ key: m[1], version: Number(m[2]), value: Number(m[3]), editor: 0 });
			}
		});
		await started;
		await sleep(300 + Math.random() * 1200);
		child.kill('SIGKILL');
		await exited;
		acknowledged += acks.length;
		const s = state(live);
		check(s.integrity === 'ok', `runda ${round}: dödad efter ${acks.length} bekräftade sparningar, integrity_check ${s.integrity}`);
		// Every acknowledged save is there: the stored version is at least the acknowledged one, and where it
		// is the same, so is the value. A save may have committed in the instant before its ACK went out.
		const db = createDb(live);
		const keys = editableKeys(db, 8);
		const stored = new Map(keys.map((k) => [keyId(k), db.$client.prepare('SELECT version, value FROM observation_draft WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?').get(k.indicatorId, k.geographyId, k.sex, k.period) as { version: number; value: number } | undefined]));
		const missing = acks.filter((a) => {
			const row = stored.get(a.key);
			return !row || row.version < a.version || (row.version === a.version && row.value !== a.value);
		});
		check(missing.length === 0, `runda ${round}: alla ${acks.length} bekräftade sparningar finns (saknas: ${missing.length})`);
		// The rows and the audit log agree: one audit entry per stored version (nothing half-written).
		const verdict = verifySaves(
			db,
			keys,
			keys.flatMap((k) => {
				const row = stored.get(keyId(k));
				return row ? Array.from({ length: row.version }, (_, i) => ({ key: keyId(k), editor: 0, version: i + 1, value: i + 1 === row.version ? row.value : NaN })) : [];
			})
		);
		check(verdict.auditMismatch.length === 0, `runda ${round}: ändringsloggen har en post per sparad version`);
		db.$client.close();
	}
	console.log(`\nImport: ${ROUNDS} avbrutna importer (${outcomes.join(', ')}), aldrig delvis. Sparningar: ${acknowledged} bekräftade, alla kvar.`);
	if (!process.exitCode) console.log('Alla kontroller gick igenom.');
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 1;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
