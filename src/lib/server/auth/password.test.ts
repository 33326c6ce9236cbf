import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, SCRYPT, verifyPassword } from './password';
import { hashToken, looksLikeToken, newToken } from './tokens';

describe('password hashing', { timeout: 30_000 }, () => {
	it('writes a self-describing scrypt hash with a random salt and verifies it', async () => {
		const a = await hashPassword('rätt häst batteri häftklammer');
		const b = await hashPassword('rätt häst batteri häftklammer');
		expect(a).toMatch(new RegExp(`^scrypt\\$${SCRYPT.N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`));
		expect(a).not.toBe(b);
		expect(await verifyPassword('rätt häst batteri häftklammer', a)).toBe(true);
		expect(await verifyPassword('rätt häst batteri häftklammeR', a)).toBe(false);
	});

	it.each([
		['no hash (no such user)', null],
		['empty', ''],
		['other scheme', 'bcrypt$2b$10$abc'],
		['too few parts', 'scrypt$32768$8$1$abc'],
		['absurd N', 'scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43)],
		['short hash', 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA']
	])('refuses %s', async (_, stored) => {
		expect(await verifyPassword('vad som helst 123', stored)).toBe(false);
	});

	it.each([
		['kort', 'minst 12 tecken'],
		['aaaaaaaaaaaaaaaa', 'för enkelt'],
		['x'.repeat(201), 'högst 200'],
		['kort@x.se', 'minst 12 tecken'],
		['anna.a@region.se', 'din e-postadress'],
		['en lång och bra fras', null]
	])('policy: %s → %s', (password, expected) => {
		const problem = passwordProblem(password, 'Anna.A@region.se');
		if (expected === null) expect(problem).toBeNull();
		else expect(problem?.sv).toContain(expected);
	});
});

describe('tokens', { timeout: 30_000 }, () => {
	it('are 32 random bytes in base64url, stored as sha256 hex', () => {
		const t = newToken();
		expect(t).toMatch(/^[\w-]{43}$/);
		expect(looksLikeToken(t)).toBe(true);
		expect(newToken()).not.toBe(t);
		expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(looksLikeToken('kort')).toBe(false);
		expect(looksLikeToken(undefined)).toBe(false);
	});
});
