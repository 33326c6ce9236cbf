/**
 * Sign-in rate limiting: at most MAX_FAILURES failed attempts per account and per address in WINDOW_MS.
 * Failures are rows in login_attempt, so several app instances on one database share the count.
 * A successful sign-in clears the account's failures (not the address's).
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginAttempt } from '../db/schema-auth';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

export interface Limit {
	limited: boolean;
	/** Whole minutes until a new attempt is allowed (at least 1 when limited). */
	retryAfterMinutes: number;
}

/** Whether any of the keys has reached the limit within the window. */
export function checkLimit(db: Db, keys: string[], now = new Date()): Limit {
	const since = new Date(now.getTime() - WINDOW_MS).toISOString();
	let retryMs = 0;
	for (const key of keys) {
		const rows = db
			.select({ at: loginAttempt.at })
			.from(loginAttempt)
			.where(and(eq(loginAttempt.key, key), gte(loginAttempt.at, since)))
			.orderBy(asc(loginAttempt.at))
			.all();
		if (rows.length >= MAX_FAILURES) {
			// Free again when enough of the oldest failures have left the window.
			const freeing = rows[rows.length - MAX_FAILURES];
			retryMs = Math.max(retryMs, Date.parse(freeing.at) + WINDOW_MS - now.getTime());
		}
	}
	return { limited: retryMs > 0, retryAfterMinutes: retryMs > 0 ? Math.max(1, Math.ceil(retryMs / 60_000)) : 0 };
}

/** Record one failed attempt under each key, and forget attempts older than the window. */
export function recordFailure(db: Db, keys: string[], now = new Date()): void {
	const since = new Date(now.getTime() - WINDOW_MS).toISOString();
	db.transaction((tx) => {
		tx.delete(loginAttempt).where(and(inArray(loginAttempt.key, keys), lt(loginAttempt.at, since))).run();
		for (const key of keys) tx.insert(loginAttempt).values({ key, at: now.toISOString() }).run();
	});
}

export function clearFailures(db: Db, key: string): void {
	db.delete(loginAttempt).where(eq(loginAttempt.key, key)).run();
}

export function limitMessage(minutes: number): { sv: string; en: string } {
	return {
		sv: `För många inloggningsförsök. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`,
		en: `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`
	};
}
