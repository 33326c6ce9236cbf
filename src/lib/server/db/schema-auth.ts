/**
 * Accounts, roles, sessions, sign-in rate limiting, one-time links and the audit log.
 * Keep this file free of `$lib` imports: drizzle-kit loads it directly. Times are ISO 8601 UTC text,
 * like the rest of the schema, so they compare correctly as strings.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { goal, organisation, plan } from './schema';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const ROLES = ['admin', 'editor', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** A person who can sign in. `passwordHash` is null until they set one through a one-time link. */
export const user = sqliteTable(
	'user',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Always stored lower-cased and trimmed. */
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash'),
		role: text('role', { enum: ROLES }).notNull(),
		disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
		createdAt: text('created_at').notNull().default(now),
		updatedAt: text('updated_at').notNull().default(now)
	},
	(t) => [
		uniqueIndex('user_email_uq').on(t.email),
		check('user_email_lower', sql`${t.email} = lower(${t.email})`)
	]
);

/**
 * What an editor may change: whole organisations, whole plans or goal subtrees. Exactly one of the three
 * columns is set per row. Admins need no scope; reviewers may have one (which plans they review).
 */
export const userScope = sqliteTable(
	'user_scope',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id').references(() => organisation.id, { onDelete: 'cascade' }),
		planId: integer('plan_id').references(() => plan.id, { onDelete: 'cascade' }),
		goalId: integer('goal_id').references(() => goal.id, { onDelete: 'cascade' })
	},
	(t) => [
		index('user_scope_user_idx').on(t.userId),
		check(
			'user_scope_one_target',
			sql`(${t.organisationId} IS NOT NULL) + (${t.planId} IS NOT NULL) + (${t.goalId} IS NOT NULL) = 1`
		)
	]
);

/** A signed-in browser. Only the SHA-256 of the cookie's random token is stored. */
export const session = sqliteTable(
	'session',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: text('created_at').notNull().default(now),
		expiresAt: text('expires_at').notNull(),
		lastSeenAt: text('last_seen_at').notNull().default(now)
	},
	(t) => [uniqueIndex('session_token_hash_uq').on(t.tokenHash), index('session_user_idx').on(t.userId)]
);

/** One failed sign-in, keyed `account:<email>` or `address:<ip>`; shared by every app instance. */
export const loginAttempt = sqliteTable(
	'login_attempt',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		at: text('at').notNull().default(now)
	},
	(t) => [index('login_attempt_key_at_idx').on(t.key, t.at)]
);

export const LINK_PURPOSES = ['first-admin', 'reset'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** A one-time link to set a password (first admin, new user, forgotten password). Hash only, like sessions. */
export const oneTimeLink = sqliteTable(
	'one_time_link',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		purpose: text('purpose', { enum: LINK_PURPOSES }).notNull(),
		createdAt: text('created_at').notNull().default(now),
		expiresAt: text('expires_at').notNull(),
		usedAt: text('used_at')
	},
	(t) => [uniqueIndex('one_time_link_token_hash_uq').on(t.tokenHash)]
);

export const AUDIT_CHANNELS = ['form', 'grid', 'import', 'cli', 'system'] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];

/**
 * Every change: who, when, through which channel, what, old → new. Append-only: the app never updates or
 * deletes a row (a trigger refuses it). `userId` has no foreign key so history outlives accounts.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: text('at').notNull().default(now),
		userId: integer('user_id'),
		channel: text('channel', { enum: AUDIT_CHANNELS }).notNull(),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		old: text('old', { mode: 'json' }),
		new: text('new', { mode: 'json' }),
		note: text('note')
	},
	(t) => [
		index('audit_log_entity_idx').on(t.entity, t.entityId, t.at),
		index('audit_log_user_idx').on(t.userId, t.at)
	]
);
