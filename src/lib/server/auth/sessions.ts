/**
 * Sessions stored in SQLite. The browser holds a random token in the cookie `lagesbild_session`; the database
 * holds only its SHA-256, so a leaked database does not leak usable sessions.
 *
 * Expiry: a session ends after IDLE_MS (12 hours) without a request, and at the latest MAX_AGE_MS (30 days)
 * after sign-in, whatever the activity. Each request renews the idle deadline (sliding), written at most
 * once per RENEW_EVERY_MS so that reading pages does not write on every request.
 * Every sign-in creates a new token (no session fixation); sign-out deletes the row; "sign out everywhere"
 * deletes all of a user's rows. Disabling a user deletes their sessions too.
 */
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { session, user, userScope, type Role } from '../db/schema-auth';
import { hashToken, looksLikeToken, newToken } from './tokens';

export const SESSION_COOKIE = 'lagesbild_session';
export const IDLE_MS = 12 * 60 * 60 * 1000;
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
export const RENEW_EVERY_MS = 5 * 60 * 1000;

export type ScopeKind = 'organisation' | 'plan' | 'goal';
export interface Scope {
	kind: ScopeKind;
	id: number;
}

/** The signed-in user as the app sees it (`event.locals.user`). */
export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	scopes: Scope[];
}

export function scopesOf(db: Db, userId: number): Scope[] {
	return db
		.select()
		.from(userScope)
		.where(eq(userScope.userId, userId))
		.all()
		.map((s) =>
			s.organisationId != null
				? { kind: 'organisation' as const, id: s.organisationId }
				: s.planId != null
					? { kind: 'plan' as const, id: s.planId }
					: { kind: 'goal' as const, id: s.goalId! }
		);
}

/** Start a session for a user who has just proved who they are. Returns the cookie token and its expiry. */
export function createSession(db: Db, userId: number, now = new Date()): { token: string; expiresAt: Date } {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + IDLE_MS);
	db.insert(session)
		.values({
			tokenHash: hashToken(token),
			userId,
			createdAt: now.toISOString(),
			lastSeenAt: now.toISOString(),
			expiresAt: expiresAt.toISOString()
		})
		.run();
	return { token, expiresAt };
}

/** The user behind a cookie token, renewing the idle deadline; null (and the row deleted) when expired. */
export function validateSession(db: Db, token: string | undefined, now = new Date()): SessionUser | null {
	if (!looksLikeToken(token)) return null;
	const row = db
		.select({ s: session, u: user })
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.tokenHash, hashToken(token)))
		.get();
	if (!row) return null;
	const created = Date.parse(row.s.createdAt);
	const t = now.getTime();
	if (t >= Date.parse(row.s.expiresAt) || t >= created + MAX_AGE_MS || row.u.disabled) {
		db.delete(session).where(eq(session.id, row.s.id)).run();
		return null;
	}
	if (t - Date.parse(row.s.lastSeenAt) >= RENEW_EVERY_MS) {
		const expiresAt = new Date(Math.min(t + IDLE_MS, created + MAX_AGE_MS));
		db.update(session)
			.set({ lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() })
			.where(eq(session.id, row.s.id))
			.run();
	}
	return {
		id: row.u.id,
		email: row.u.email,
		name: row.u.name,
		role: row.u.role,
		scopes: scopesOf(db, row.u.id)
	};
}

/** Sign out this browser. */
export function deleteSession(db: Db, token: string | undefined): void {
	if (!looksLikeToken(token)) return;
	db.delete(session).where(eq(session.tokenHash, hashToken(token))).run();
}

/** Sign out everywhere; `keepToken` keeps the current browser signed in (e.g. after changing password). */
export function deleteUserSessions(db: Db, userId: number, keepToken?: string): number {
	const where = keepToken
		? and(eq(session.userId, userId), ne(session.tokenHash, hashToken(keepToken)))
		: eq(session.userId, userId);
	return db.delete(session).where(where).run().changes;
}

/** Remove expired rows (called now and then; validation refuses them anyway). */
export function pruneSessions(db: Db, now = new Date()): number {
	const oldest = new Date(now.getTime() - MAX_AGE_MS).toISOString();
	return db
		.delete(session)
		.where(or(lt(session.expiresAt, now.toISOString()), lt(session.createdAt, oldest)))
		.run().changes;
}

/** Cookie options: httpOnly, SameSite=Lax, Secure when the site is served over https, whole site. */
export function sessionCookieOptions(url: URL) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		maxAge: MAX_AGE_MS / 1000
	};
}
