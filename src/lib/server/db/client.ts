/**
 * Opening a database: used by the server (through `index.ts`), the scripts and the tests.
 * Relative imports only, so `tsx scripts/*.ts` can load it without SvelteKit's aliases.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as mainSchema from './schema';
import * as authSchema from './schema-auth';
import * as draftSchema from './schema-drafts';
import * as insatsSchema from './schema-insatser';
import * as reviewSchema from './schema-review';
import * as revisionSchema from './schema-revision';

const schema = { ...mainSchema, ...authSchema, ...draftSchema, ...reviewSchema, ...insatsSchema, ...revisionSchema };

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where the committed migrations live, relative to the working directory (the repository root). */
export const MIGRATIONS_FOLDER = resolve(process.env.MIGRATIONS_FOLDER ?? 'drizzle');

/**
 * Open (creating if needed) a SQLite database and bring it to the latest migration.
 * `:memory:` gives a private in-memory database, as the tests use.
 */
export function createDb(url: string, migrationsFolder = MIGRATIONS_FOLDER): Db {
	if (url !== ':memory:') mkdirSync(dirname(resolve(url)), { recursive: true });
	const sqlite = new Database(url);
	// WAL: readers (the public site) go on while an import or a save writes, and a crash mid-write leaves the
	// last committed state (uncommitted WAL frames are ignored on the next open).
	// synchronous = FULL: every commit is fsynced to the WAL before it returns, so a save the user was told
	// succeeded survives a power cut or an OS crash too. NORMAL would survive only a process crash (kill -9):
	// its commits reach the OS but are synced only at checkpoints, so the last transactions before a power cut
	// can vanish. FULL costs one fsync per commit: nothing for an import (one transaction), little for
	// officials' saves (npm run test:load measures it with ten editors). README "Drift och säkerhet".
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema }) as Db;
	migrate(db, { migrationsFolder });
	return db;
}

/** True when the database holds no organisation yet (first start). */
export function isEmpty(db: Db): boolean {
	const row = db.$client.prepare('SELECT count(*) AS n FROM organisation').get() as { n: number };
	return row.n === 0;
}
