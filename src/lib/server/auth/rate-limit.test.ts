import { describe, expect, it } from 'vitest';
import { emptyDb } from '../../../../tests/helpers/db';
import { loginAttempt } from '../db/schema-auth';
import { accountKey, addressKey, checkLimit, clearFailures, MAX_FAILURES, recordFailure, WINDOW_MS } from './rate-limit';

const t0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe('rate limit', () => {
	it.each([
		{ failures: MAX_FAILURES - 1, checkAt: 0, limited: false, minutes: 0 },
		{ failures: MAX_FAILURES, checkAt: 0, limited: true, minutes: 15 },
		{ failures: MAX_FAILURES, checkAt: 10 * MIN, limited: true, minutes: 5 },
		{ failures: MAX_FAILURES, checkAt: 14.5 * MIN, limited: true, minutes: 1 },
		{ failures: MAX_FAILURES, checkAt: WINDOW_MS, limited: false, minutes: 0 }
	])('$failures failures, checked after $checkAt ms → limited $limited ($minutes min)', ({ failures, checkAt, limited, minutes }) => {
		const db = emptyDb();
		const keys = [accountKey('Anna@Region.se'), addressKey('10.0.0.1')];
		for (let i = 0; i < failures; i++) recordFailure(db, keys, t0);
		expect(checkLimit(db, keys, at(checkAt))).toEqual({ limited, retryAfterMinutes: minutes });
	});

	it('counts per account and per address separately', () => {
		const db = emptyDb();
		for (let i = 0; i < MAX_FAILURES; i++) recordFailure(db, [accountKey(`user${i}@x.se`), addressKey('10.0.0.1')], t0);
		expect(checkLimit(db, [accountKey('new@x.se'), addressKey('10.0.0.1')], t0).limited).toBe(true);
		expect(checkLimit(db, [accountKey('new@x.se'), addressKey('10.0.0.2')], t0).limited).toBe(false);
		expect(accountKey(' Anna@Region.SE ')).toBe('account:anna@region.se');
	});

	it('forgets old attempts and clears an account', () => {
		const db = emptyDb();
		const keys = [accountKey('a@x.se'), addressKey('1.2.3.4')];
		recordFailure(db, keys, t0);
		recordFailure(db, keys, at(WINDOW_MS + 1));
		expect(db.select().from(loginAttempt).all()).toHaveLength(2);
		clearFailures(db, keys[0]);
		expect(db.select().from(loginAttempt).all().map((r) => r.key)).toEqual(['address:1.2.3.4']);
	});
});
