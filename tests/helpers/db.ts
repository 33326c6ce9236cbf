/** Test databases: in-memory SQLite with the real migrations, optionally with the demo data. */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createDb, type Db } from '../../src/lib/server/db/client';
import * as mainSchema from '../../src/lib/server/db/schema';
import * as authSchema from '../../src/lib/server/db/schema-auth';
import * as draftSchema from '../../src/lib/server/db/schema-drafts';
import * as reviewSchema from '../../src/lib/server/db/schema-review';
import * as insatsSchema from '../../src/lib/server/db/schema-insatser';
import { seedDemo } from '../../src/lib/server/seed';

export function emptyDb(): Db {
	return createDb(':memory:');
}

let seeded: Db | undefined;

/** One seeded in-memory database per test file (seeding takes about two seconds). Treat it as read-only. */
export function seededDb(): Db {
	seeded ??= (() => {
		const db = createDb(':memory:');
		seedDemo(db);
		return db;
	})();
	return seeded;
}

let pristine: Buffer | undefined;

/**
 * A private, writable copy of the seeded database for one test: seeded once per file, then cloned through
 * SQLite's serialize (milliseconds instead of seconds).
 */
export function freshSeededDb(): Db {
	pristine ??= (() => {
		const db = createDb(':memory:');
		seedDemo(db);
		return db.$client.serialize();
	})();
	const sqlite = new Database(pristine);
	sqlite.pragma('foreign_keys = ON');
	return drizzle(sqlite, { schema: { ...mainSchema, ...authSchema, ...draftSchema, ...reviewSchema, ...insatsSchema } }) as unknown as Db;
}
