/**
 * The data revision (schema-revision.ts): read it (once per public request, a one-row lookup) and bump it.
 * Relative imports only: the scripts and the import core load this without SvelteKit's aliases.
 */
import type Database from 'better-sqlite3';

/**
 * Tables whose every change the public can see: migration 0009 gives each an AFTER INSERT, UPDATE and DELETE
 * trigger that bumps the revision (`user` only on its name, which approvals show). A test checks that every
 * table is either here, in PRIVATE_TABLES or `observation`, so a new table has to be placed.
 */
export const PUBLIC_TABLES = [
	'analysis',
	'assessment',
	'external_goal',
	'follow_up_period',
	'geography',
	'goal',
	'goal_indicator',
	'goal_system',
	'import_batch',
	'indicator',
	'insats',
	'insats_figure',
	'insats_financing',
	'insats_geography',
	'insats_goal',
	'insats_result',
	'organisation',
	'period_approval',
	'plan',
	'report_row',
	'report_section',
	'target',
	'uppdrag',
	'user'
] as const;

/** Tables the public never sees (or, for `data_revision`, the revision itself): no trigger. */
export const PRIVATE_TABLES = {
	observation_draft: 'drafts are not public until published',
	assessment_draft: 'drafts are not public until published',
	insats_draft: 'drafts are not public until published',
	audit_log: 'shown only in /admin',
	session: 'sign-ins',
	login_attempt: 'sign-ins',
	one_time_link: 'sign-ins',
	user_scope: 'who may edit what: shown only in /admin',
	review_comment: 'reviewers’ comments for the förvaltning, shown only in /admin',
	review_ready_mark: 'editors’ marks, shown only in /admin',
	data_revision: 'the revision itself'
} as const;

/**
 * Tables without a trigger whose writers bump the revision themselves, once per transaction: a per-row
 * trigger on 14 M observations would halve the import's speed.
 */
export const EXPLICIT_TABLES = [
	'observation',
	// Derived from observation, written only in the same transactions (db/observation-latest.ts), which bump.
	'observation_latest'
] as const;

export interface Revision {
	revision: number;
	/** Milliseconds since 1970 of the last bump. */
	changedAtMs: number;
}

const statements = new WeakMap<Database.Database, { read: Database.Statement; bump: Database.Statement }>();

function prepared(sqlite: Database.Database) {
	let s = statements.get(sqlite);
	if (!s) {
		s = {
			read: sqlite.prepare('SELECT revision, changed_at_ms AS changedAtMs FROM data_revision WHERE id = 1'),
			bump: sqlite.prepare(`UPDATE data_revision SET revision = revision + 1, changed_at_ms = ${NOW_MS} WHERE id = 1`)
		};
		statements.set(sqlite, s);
	}
	return s;
}

/** SQLite's clock in milliseconds, the same expression the triggers use. */
export const NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

export function readRevision(sqlite: Database.Database): Revision {
	return prepared(sqlite).read.get() as Revision;
}

/**
 * Call once inside the transaction that writes `observation` (the import core, publishing): the cached pages
 * are then stale exactly when the new values become visible, since both commit together.
 */
export function bumpRevision(sqlite: Database.Database): void {
	prepared(sqlite).bump.run();
}
