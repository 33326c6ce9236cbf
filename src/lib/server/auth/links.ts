/**
 * One-time links to set a password: for the first admin, for a new account and for a forgotten password.
 * The CLI prints them; an admin sees them on the users page. Only the token's SHA-256 is stored; a link
 * works once, until it expires, and making a new link for a user voids their older unused ones.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { oneTimeLink, user, type LinkPurpose } from '../db/schema-auth';
import { writeAudit, type Actor } from './audit';
import { hashToken, looksLikeToken, newToken } from './tokens';
import { hasUsableAdmin } from './users';

export const LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const LINK_PATH = '/engangslank/';

/** The placeholder account the first admin takes over (they enter their own e-mail and name). */
export const FIRST_ADMIN_EMAIL = 'forsta-admin@lagesbild.invalid';

export function linkUrl(origin: string, token: string): string {
	return new URL(LINK_PATH + token, origin).href;
}

export function createLink(db: Db, userId: number, purpose: LinkPurpose, actor: Actor, now = new Date()): string {
	const token = newToken();
	db.transaction((tx) => {
		tx.update(oneTimeLink)
			.set({ usedAt: now.toISOString() })
			.where(and(eq(oneTimeLink.userId, userId), isNull(oneTimeLink.usedAt)))
			.run();
		tx.insert(oneTimeLink)
			.values({
				tokenHash: hashToken(token),
				userId,
				purpose,
				createdAt: now.toISOString(),
				expiresAt: new Date(now.getTime() + LINK_TTL_MS).toISOString()
			})
			.run();
		writeAudit(tx, actor, { action: 'create-link', entity: 'user', entityId: userId, note: purpose }, now);
	});
	return token;
}

export interface LinkInfo {
	linkId: number;
	userId: number;
	purpose: LinkPurpose;
	email: string;
	name: string;
}

/** What an unused, unexpired link belongs to; null otherwise (or when the user is disabled). */
export function findLink(db: Db, token: string, now = new Date()): LinkInfo | null {
	if (!looksLikeToken(token)) return null;
	const row = db
		.select({ l: oneTimeLink, u: user })
		.from(oneTimeLink)
		.innerJoin(user, eq(user.id, oneTimeLink.userId))
		.where(eq(oneTimeLink.tokenHash, hashToken(token)))
		.get();
	if (!row || row.l.usedAt || row.u.disabled || now.toISOString() >= row.l.expiresAt) return null;
	return { linkId: row.l.id, userId: row.u.id, purpose: row.l.purpose, email: row.u.email, name: row.u.name };
}

/** Mark a link used. Returns false if someone used it in the meantime. */
export function useLink(db: Db, linkId: number, now = new Date()): boolean {
	return (
		db
			.update(oneTimeLink)
			.set({ usedAt: now.toISOString() })
			.where(and(eq(oneTimeLink.id, linkId), isNull(oneTimeLink.usedAt)))
			.run().changes === 1
	);
}

/**
 * On a start where no admin can sign in: make (or reuse) the first-admin placeholder and return a fresh
 * one-time link token for it. Null when an admin with a password exists.
 */
export function firstAdminToken(db: Db, now = new Date()): string | null {
	if (hasUsableAdmin(db)) return null;
	const system: Actor = { userId: null, channel: 'system' };
	let u = db.select().from(user).where(eq(user.email, FIRST_ADMIN_EMAIL)).get();
	if (!u) {
		u = db.transaction((tx) => {
			const created = tx
				.insert(user)
				.values({ email: FIRST_ADMIN_EMAIL, name: 'Första administratören', role: 'admin' })
				.returning()
				.get();
			writeAudit(tx, system, { action: 'create', entity: 'user', entityId: created.id, new: { email: created.email, role: 'admin' }, note: 'first-admin' }, now);
			return created;
		});
	}
	return createLink(db, u.id, 'first-admin', system, now);
}
