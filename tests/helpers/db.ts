/** Test databases: in-memory SQLite with the real migrations, optionally with the demo data. */
import { createDb, type Db } from '../../src/lib/server/db/client';
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
