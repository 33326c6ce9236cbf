import { describe, expect, it } from 'vitest';
import { emptyDb } from '../../../../tests/helpers/db';
import { session } from '../db/schema-auth';
import { hashToken } from './tokens';
import {
	createSession,
	deleteSession,
	deleteUserSessions,
	IDLE_MS,
	MAX_AGE_MS,
	pruneSessions,
	sessionCookieOptions,
	RENEW_EVERY_MS,
	validateSession
} from './sessions';
import { createUser, setDisabled } from './users';

const cli = { userId: null, channel: 'cli' as const };
const t0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function setup() {
	const db = emptyDb();
	const u = createUser(db, { email: 'Anna@Region.se', name: 'Anna', role: 'reviewer' }, cli);
	return { db, u };
}

describe('sessions', () => {
	it('stores only the hash of a new random token, a new one every sign-in', () => {
		const { db, u } = setup();
		const a = createSession(db, u.id, t0);
		const b = createSession(db, u.id, t0);
		expect(a.token).not.toBe(b.token);
		const rows = db.select().from(session).all();
		expect(rows.map((r) => r.tokenHash).sort()).toEqual([hashToken(a.token), hashToken(b.token)].sort());
		expect(JSON.stringify(rows)).not.toContain(a.token);
		expect(validateSession(db, a.token, t0)).toMatchObject({ id: u.id, email: 'anna@region.se', role: 'reviewer' });
	});

	it.each([
		['just created', 0, true],
		['just before idle timeout', IDLE_MS - 1, true],
		['at idle timeout', IDLE_MS, false],
		['long after', MAX_AGE_MS + 1, false]
	])('%s → valid %s', (_, ms, valid) => {
		const { db, u } = setup();
		const { token } = createSession(db, u.id, t0);
		expect(validateSession(db, token, at(ms)) !== null).toBe(valid);
	});

	it('renews the idle deadline on use (sliding), but never past the absolute maximum', () => {
		const { db, u } = setup();
		const { token } = createSession(db, u.id, t0);
		// Active every 11 hours for 29 days: still signed in.
		let ms = 0;
		while (ms + 11 * 3600_000 < MAX_AGE_MS) {
			ms += 11 * 3600_000;
			expect(validateSession(db, token, at(ms))).not.toBeNull();
		}
		expect(validateSession(db, token, at(MAX_AGE_MS))).toBeNull();
		expect(db.select().from(session).all()).toHaveLength(0);
	});

	it('writes the renewal at most every few minutes', () => {
		const { db, u } = setup();
		const { token } = createSession(db, u.id, t0);
		validateSession(db, token, at(RENEW_EVERY_MS - 1));
		expect(db.select().from(session).get()!.lastSeenAt).toBe(t0.toISOString());
		validateSession(db, token, at(RENEW_EVERY_MS));
		expect(db.select().from(session).get()!.lastSeenAt).toBe(at(RENEW_EVERY_MS).toISOString());
	});

	it('signs out one browser, or everywhere, and refuses garbage', () => {
		const { db, u } = setup();
		const a = createSession(db, u.id, t0);
		const b = createSession(db, u.id, t0);
		const c = createSession(db, u.id, t0);
		deleteSession(db, a.token);
		expect(validateSession(db, a.token, t0)).toBeNull();
		expect(deleteUserSessions(db, u.id, c.token)).toBe(1);
		expect(validateSession(db, b.token, t0)).toBeNull();
		expect(validateSession(db, c.token, t0)).not.toBeNull();
		expect(validateSession(db, undefined, t0)).toBeNull();
		expect(validateSession(db, 'x'.repeat(43), t0)).toBeNull();
	});

	it('ends the sessions of a disabled user', () => {
		const { db } = setup();
		const admin = createUser(db, { email: 'admin@region.se', name: 'A', role: 'admin' }, cli);
		const other = createUser(db, { email: 'b@region.se', name: 'B', role: 'reviewer' }, cli);
		const { token } = createSession(db, other.id, t0);
		setDisabled(db, other.id, true, { userId: admin.id, channel: 'form' });
		expect(validateSession(db, token, t0)).toBeNull();
	});

	it('prunes expired rows', () => {
		const { db, u } = setup();
		createSession(db, u.id, t0);
		expect(pruneSessions(db, at(IDLE_MS - 1))).toBe(0);
		expect(pruneSessions(db, at(IDLE_MS + 1))).toBe(1);
	});
});

describe('the session cookie', () => {
	it.each([
		['https://lagesbild.region.se/logga-in', true],
		['http://127.0.0.1:3000/logga-in', false]
	])('on %s is httpOnly, SameSite=Lax, whole site, Secure = %s', (href, secure) => {
		expect(sessionCookieOptions(new URL(href))).toEqual({ path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 30 * 24 * 3600 });
	});
});
