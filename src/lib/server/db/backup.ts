/**
 * Online backup and checked restore of the SQLite database (`npm run backup`, `npm run restore`).
 * Relative imports only: scripts/backup.ts and scripts/restore.ts load it with tsx.
 *
 * Backup uses SQLite's backup API (better-sqlite3 `db.backup()`) on a second connection while the server
 * keeps running: the copy is one consistent snapshot (a single read transaction in WAL mode), writers are not
 * blocked, and the result is checked with `PRAGMA integrity_check` before it gets its final name.
 *
 * Restore refuses a file that is not an intact Lägesbild database with migrations this version knows, and
 * refuses while another process (the server) has the target open; it keeps the replaced database beside it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface BackupResult {
	file: string;
	bytes: number;
	pages: number;
	ms: number;
}

/** Copies the live database at `source` to `destination` (which must not exist). */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
	if (!existsSync(source)) throw new Error(`Databasen '${source}' finns inte.`);
	if (existsSync(destination)) throw new Error(`'${destination}' finns redan; välj ett nytt filnamn (säkerhetskopior skrivs aldrig över).`);
	const started = performance.now();
	const partial = `${destination}.partial`;
	rmSync(partial, { force: true });
	const db = new Database(source, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	let pages = 0;
	try {
		// After the first step, copy everything in one step: one read transaction, so a write by the server in
		// between cannot make SQLite restart the copy again and again.
		const done = await db.backup(partial, {
			progress: ({ totalPages }) => {
				pages = totalPages;
				return Math.max(totalPages, 100);
			}
		});
		pages = done.totalPages;
	} finally {
		db.close();
	}
	// The copy carries the live file's WAL flag; a single self-contained file is what a backup should be
	// (no -wal/-shm beside it when it is read). The server switches a restored file back to WAL.
	const copy = new Database(partial);
	copy.pragma('journal_mode = DELETE');
	copy.close();
	const problems = integrityProblems(partial);
	if (problems.length) {
		rmSync(partial, { force: true });
		throw new Error(`Säkerhetskopian blev inte hel: ${problems.join('; ')}`);
	}
	renameSync(partial, destination);
	return { file: destination, bytes: statSync(destination).size, pages, ms: performance.now() - started };
}

/** `PRAGMA integrity_check` of a file; [] when intact. */
export function integrityProblems(file: string): string[] {
	let db: Database.Database | undefined;
	try {
		db = new Database(file, { readonly: true, fileMustExist: true });
		const rows = db.pragma('integrity_check') as { integrity_check: string }[];
		const messages = rows.map((r) => r.integrity_check);
		return messages.length === 1 && messages[0] === 'ok' ? [] : messages.slice(0, 5);
	} catch (e) {
		return [`filen kan inte läsas som SQLite-databas (${(e as Error).message})`];
	} finally {
		db?.close();
	}
}

interface KnownMigration {
	tag: string;
	when: number;
	hash: string;
}

/** The migrations this version of Lägesbild ships, as drizzle records them (created_at = `when`, sha256). */
export function knownMigrations(folder: string): KnownMigration[] {
	const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
	return journal.entries.map((e) => ({
		tag: e.tag,
		when: e.when,
		hash: createHash('sha256').update(readFileSync(join(folder, `${e.tag}.sql`)).toString()).digest('hex')
	}));
}

export interface Verdict {
	ok: boolean;
	problems: string[];
	/** Applied migrations (tags), organisations, observations: shown before replacing. */
	migrations: string[];
	organisations: number;
	observations: number;
	/** Migrations this version has that the file lacks (the server applies them at its next start). */
	pending: string[];
}

/** Is `file` an intact Lägesbild database whose every migration this version knows? */
export function verifyDatabase(file: string, migrationsFolder: string): Verdict {
	const verdict: Verdict = { ok: false, problems: [], migrations: [], organisations: 0, observations: 0, pending: [] };
	if (!existsSync(file)) {
		verdict.problems.push(`'${file}' finns inte`);
		return verdict;
	}
	verdict.problems.push(...integrityProblems(file));
	if (verdict.problems.length) return verdict;
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
		const missing = ['__drizzle_migrations', 'organisation', 'plan', 'indicator', 'observation', 'import_batch'].filter((t) => !tables.has(t));
		if (missing.length) {
			verdict.problems.push(`ingen Lägesbild-databas: tabellerna ${missing.join(', ')} saknas`);
			return verdict;
		}
		const known = knownMigrations(migrationsFolder);
		const applied = db.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').all() as { hash: string; created_at: number }[];
		for (const a of applied) {
			const m = known.find((k) => k.when === Number(a.created_at));
			if (!m) verdict.problems.push(`migreringen från ${new Date(Number(a.created_at)).toISOString()} är okänd för den här versionen av Lägesbild (nyare version eller annan databas)`);
			else if (m.hash !== a.hash) verdict.problems.push(`migreringen ${m.tag} har ett annat innehåll än den här versionens`);
			else verdict.migrations.push(m.tag);
		}
		verdict.pending = known.filter((k) => !verdict.migrations.includes(k.tag)).map((k) => k.tag);
		verdict.organisations = (db.prepare('SELECT count(*) AS n FROM organisation').get() as { n: number }).n;
		verdict.observations = (db.prepare('SELECT count(*) AS n FROM observation').get() as { n: number }).n;
	} finally {
		db.close();
	}
	verdict.ok = verdict.problems.length === 0;
	return verdict;
}

/**
 * True when another connection (the server, an import) has `file` open. Leaving WAL mode needs the only
 * connection to the file, so SQLite answers "database is locked" at once (busy timeout 0) if anyone else is
 * there. When no one is, the switch folds the WAL into the file, which the restore then replaces anyway.
 */
export function inUse(file: string): boolean {
	if (!existsSync(file)) return false;
	const db = new Database(file, { timeout: 0, fileMustExist: true });
	try {
		db.pragma('journal_mode = DELETE');
		return false;
	} catch (e) {
		if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
		throw e;
	} finally {
		db.close();
	}
}

export interface RestoreResult {
	/** Where the replaced database was kept (null when there was none). */
	kept: string | null;
	verdict: Verdict;
}

/** Replaces `target` with the backup `file` after the checks; throws (in Swedish) when a check fails. */
export async function restoreDatabase(file: string, target: string, migrationsFolder: string, now = new Date()): Promise<RestoreResult> {
	const verdict = verifyDatabase(file, migrationsFolder);
	if (!verdict.ok) throw new Error(`Återställer inte: ${verdict.problems.join('; ')}.`);
	if (inUse(target)) {
		throw new Error(
			`Återställer inte: '${target}' används av en annan process (servern eller en import). Stoppa servern, kör restore igen och starta servern sedan.`
		);
	}
	let kept: string | null = null;
	if (existsSync(target)) {
		kept = `${target}.fore-aterstallning-${now.toISOString().replace(/[:.]/g, '-')}`;
		await backupDatabase(target, kept);
	}
	const source = new Database(file, { readonly: true, fileMustExist: true });
	try {
		await source.backup(target);
	} finally {
		source.close();
	}
	const db = new Database(target);
	try {
		db.pragma('journal_mode = WAL');
	} finally {
		db.close();
	}
	const problems = integrityProblems(target);
	if (problems.length) throw new Error(`Återställningen blev inte hel (${problems.join('; ')}); den tidigare databasen finns kvar i '${kept}'.`);
	return { kept, verdict };
}
