/**
 * Sign-in: rate limit, password check, a new session. One function so the page action stays thin and the
 * whole sequence is unit-tested.
 */
import type { Db } from '../db/client';
import { verifyPassword } from './password';
import { accountKey, addressKey, checkLimit, clearFailures, limitMessage, recordFailure } from './rate-limit';
import { createSession } from './sessions';
import { getUserByEmail } from './users';
import { writeAudit } from './audit';

export type SignInResult =
	| { ok: true; token: string; userId: number }
	| { ok: false; reason: 'limited'; message: { sv: string; en: string } }
	| { ok: false; reason: 'invalid'; message: { sv: string; en: string } };

const INVALID = {
	sv: 'Fel e-postadress eller lösenord.',
	en: 'Wrong e-mail address or password.'
};

export async function signIn(db: Db, email: string, password: string, address: string, now = new Date()): Promise<SignInResult> {
	const keys = [accountKey(email), addressKey(address)];
	const limit = checkLimit(db, keys, now);
	if (limit.limited) return { ok: false, reason: 'limited', message: limitMessage(limit.retryAfterMinutes) };
	const u = getUserByEmail(db, email);
	const ok = await verifyPassword(password, u?.passwordHash);
	if (!u || !ok || u.disabled) {
		recordFailure(db, keys, now);
		return { ok: false, reason: 'invalid', message: INVALID };
	}
	clearFailures(db, keys[0]);
	const { token } = createSession(db, u.id, now);
	writeAudit(db, { userId: u.id, channel: 'form' }, { action: 'sign-in', entity: 'user', entityId: u.id }, now);
	return { ok: true, token, userId: u.id };
}
