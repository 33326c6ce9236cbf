/**
 * The database check behind /healthz: cheap enough for a load balancer to call every few seconds (no full
 * scan), yet it fails when the server's connection is closed or cannot read, and when the file on disk was
 * removed, truncated or overwritten under the server. The server's own connection can keep answering from
 * its page cache (and from a removed file's inode) for a while after that, so the file is also opened afresh,
 * read-only, and read from its first page. A full `PRAGMA integrity_check` is too slow for this (it reads
 * every page); the backup, restore and crash scripts run it.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export type Health = { ok: true } | { ok: false; message: string };

const PROBE = 'SELECT count(*) FROM __drizzle_migrations';

export function databaseHealth(sqlite: Database.Database): Health {
	if (!sqlite.open) return { ok: false, message: 'Databasen är stängd.' };
	if (!sqlite.memory && !existsSync(sqlite.name)) return { ok: false, message: 'Databasfilen saknas.' };
	try {
		sqlite.prepare(PROBE).get();
		sqlite.prepare('SELECT 1 FROM organisation LIMIT 1').get();
	} catch {
		return { ok: false, message: 'Databasen kan inte läsas.' };
	}
	if (sqlite.memory) return { ok: true };
	let fresh: Database.Database | undefined;
	try {
		fresh = new Database(sqlite.name, { readonly: true, fileMustExist: true });
		fresh.prepare(PROBE).get();
		return { ok: true };
	} catch {
		return { ok: false, message: 'Databasfilen kan inte läsas.' };
	} finally {
		fresh?.close();
	}
}
