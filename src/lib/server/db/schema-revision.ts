/**
 * The data revision (issue 7, HTTP caching): one number that grows whenever anything the public can see
 * changes, so a cached page, API answer or download is valid exactly as long as the revision is the same.
 * One row (id 1). Triggers in migration 0009 bump it on every change to the public tables; `observation` has
 * no trigger (a per-row trigger would halve import speed): its writers call `bumpRevision` once per
 * transaction (src/lib/server/db/revision.ts; a unit test finds any writer that does not). Drafts, sessions,
 * users' sign-ins and the audit log do not bump it: saving a draft leaves every cache warm.
 * Keep this file free of `$lib` imports: drizzle-kit loads it directly.
 */
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable } from 'drizzle-orm/sqlite-core';

export const dataRevision = sqliteTable(
	'data_revision',
	{
		id: integer('id').primaryKey(),
		revision: integer('revision').notNull().default(1),
		/** When it was last bumped, in milliseconds since 1970 (the pages' Last-Modified). */
		changedAtMs: integer('changed_at_ms').notNull()
	},
	(t) => [check('data_revision_one_row', sql`${t.id} = 1`)]
);
