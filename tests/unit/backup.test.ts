/**
 * Backup and restore (issue 8): a backup taken while another process writes is one consistent snapshot, it
 * restores to the same content, and restore refuses what it must refuse.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, MIGRATIONS_FOLDER } from '../../src/lib/server/db/client';
import { backupDatabase, inUse, restoreDatabase, verifyDatabase } from '../../src/lib/server/db/backup';
import { loadGeographies } from '../../src/lib/server/seed/geographies';
import { checksum } from '../helpers/import';

const dir = mkdtempSync(join(tmpdir(), 'lagesbild-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Another process that commits transactions of 10 import batches each ("w-1", "w-2", …) one after another
 * until its stdin closes; it prints "started" after its first commit.
 */
function writer(file: string) {
	const code = `
		const Database = require('better-sqlite3');
		const db = new Database(${JSON.stringify(file)});
		db.pragma('busy_timeout = 5000');
		db.pragma('synchronous = NORMAL');
		const insert = db.prepare("INSERT INTO import_batch (source, kind, file_name, imported_at) VALUES ('last', 'values', ?, '2026-01-01')");
		const tx = db.transaction((from) => { for (let i = from; i < from + 10; i++) insert.run('w-' + i); });
		let n = 1, stop = false;
		process.stdin.on('end', () => (stop = true)).resume();
		(function next() {
			if (stop) return db.close();
			tx(n);
			if (n === 1) console.log('started');
			n += 10;
			setImmediate(next);
		})();`;
	const child = spawn(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
	const started = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
	const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
	return { started, stop: () => child.stdin.end(), done };
}

describe('backup under write load, then restore', () => {
	const live = join(dir, 'live.db');
	const copy = join(dir, 'copy.db');

	it('copies one consistent snapshot while another process writes, and restores it exactly', async () => {
		const db = createDb(live);
		loadGeographies(db, 'scripts/demo-data');
		db.$client.close();

		const load = writer(live);
		await load.started;
		const result = await backupDatabase(live, copy);
		// Let the writer go on a little after the copy, then stop it.
		await new Promise((r) => setTimeout(r, 200));
		load.stop();
		expect(await load.done).toBe(0);

		expect(result.pages).toBeGreaterThan(0);
		const verdict = verifyDatabase(copy, MIGRATIONS_FOLDER);
		expect(verdict).toMatchObject({ ok: true, problems: [], pending: [] });
		// A snapshot: the writer's batches w-1 … w-N with nothing missing in between and no half transaction.
		const snap = new Database(copy, { readonly: true });
		const names = (snap.prepare("SELECT file_name FROM import_batch WHERE source = 'last' ORDER BY id").all() as { file_name: string }[]).map((r) => r.file_name);
		snap.close();
		expect(names.length % 10).toBe(0);
		expect(names.length).toBeGreaterThanOrEqual(10);
		expect(names).toEqual(names.map((_, i) => `w-${i + 1}`));
		// The writer went on after the copy was taken (the copy did not block it).
		const after = new Database(live, { readonly: true });
		expect((after.prepare("SELECT count(*) AS n FROM import_batch WHERE source = 'last'").get() as { n: number }).n).toBeGreaterThan(names.length);
		after.close();

		const restored = join(dir, 'restored.db');
		writeFileSync(restored, '');
		const r = await restoreDatabase(copy, restored, MIGRATIONS_FOLDER);
		expect(r.kept && existsSync(r.kept)).toBeTruthy();
		expect(checksum(createDb(restored))).toBe(checksum(createDb(copy)));
	}, 30_000);

	it('refuses a backup that already exists, and restoring while the database is open elsewhere', async () => {
		await expect(backupDatabase(live, copy)).rejects.toThrow(/finns redan/);
		const server = new Database(live);
		server.prepare('SELECT count(*) FROM organisation').get();
		expect(inUse(live)).toBe(true);
		await expect(restoreDatabase(copy, live, MIGRATIONS_FOLDER)).rejects.toThrow(/används av en annan process \(servern eller en import\)\. Stoppa servern/);
		server.close();
		expect(inUse(live)).toBe(false);
	});

	it('refuses files that are not intact Lägesbild databases with known migrations', async () => {
		const garbage = join(dir, 'garbage.db');
		writeFileSync(garbage, Buffer.alloc(8192, 'x'));
		expect(verifyDatabase(garbage, MIGRATIONS_FOLDER).problems[0]).toMatch(/kan inte läsas som SQLite-databas/);

		const other = join(dir, 'other.db');
		new Database(other).exec('CREATE TABLE notes (t TEXT)');
		expect(verifyDatabase(other, MIGRATIONS_FOLDER).problems[0]).toMatch(/ingen Lägesbild-databas: tabellerna __drizzle_migrations, organisation/);

		const newer = join(dir, 'newer.db');
		createDb(newer).$client.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('abc', 4102444800000)").run();
		expect(verifyDatabase(newer, MIGRATIONS_FOLDER).problems).toEqual([
			'migreringen från 2100-01-01T00:00:00.000Z är okänd för den här versionen av Lägesbild (nyare version eller annan databas)'
		]);
		await expect(restoreDatabase(newer, join(dir, 'target.db'), MIGRATIONS_FOLDER)).rejects.toThrow(/^Återställer inte: migreringen från 2100/);
		expect(existsSync(join(dir, 'target.db'))).toBe(false);
	});
});
