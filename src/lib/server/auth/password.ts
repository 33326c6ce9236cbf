/**
 * Password hashing with scrypt (memory-hard, in node:crypto). Stored self-describing as
 * `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the parameters can be raised later and old hashes
 * still verify. N=2^15, r=8, p=1 needs 128·N·r = 32 MiB, just above Node's default `maxmem`, hence the
 * explicit limit. About 60–100 ms per hash on this kind of machine.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
	new Promise<Buffer>((resolve, reject) =>
		scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)))
	);

export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32, saltBytes: 16 } as const;

function maxmem(N: number, r: number, p: number) {
	return 128 * N * r * p + 16 * 1024 * 1024;
}

export async function hashPassword(password: string): Promise<string> {
	const { N, r, p, keylen, saltBytes } = SCRYPT;
	const salt = randomBytes(saltBytes);
	const key = await scrypt(password.normalize('NFC'), salt, keylen, { N, r, p, maxmem: maxmem(N, r, p) });
	return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong password and for anything that is not a hash this module wrote. Timing-safe compare. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
	const parts = (stored ?? DUMMY_HASH).split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [N, r, p] = parts.slice(1, 4).map(Number);
	if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
	const salt = Buffer.from(parts[4], 'base64url');
	const expected = Buffer.from(parts[5], 'base64url');
	if (expected.length < 16) return false;
	const key = await scrypt(password.normalize('NFC'), salt, expected.length, { N, r, p, maxmem: maxmem(N, r, p) });
	const ok = timingSafeEqual(key, expected);
	return stored ? ok : false;
}

/**
 * Verifying against this when the account does not exist makes "no such user" take as long as
 * "wrong password", so response times do not reveal which e-mail addresses have accounts.
 */
const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(43)}`;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** The minimum policy (length, as NIST SP 800-63B advises; no composition rules). Null when acceptable. */
export function passwordProblem(password: string, email?: string): { sv: string; en: string } | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN)
		return {
			sv: `Lösenordet måste ha minst ${PASSWORD_MIN} tecken.`,
			en: `The password must be at least ${PASSWORD_MIN} characters long.`
		};
	if (length > PASSWORD_MAX)
		return {
			sv: `Lösenordet får ha högst ${PASSWORD_MAX} tecken.`,
			en: `The password may be at most ${PASSWORD_MAX} characters long.`
		};
	if (new Set(password).size < 4)
		return {
			sv: 'Lösenordet är för enkelt: använd fler olika tecken.',
			en: 'The password is too simple: use more different characters.'
		};
	if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
		return { sv: 'Lösenordet får inte vara din e-postadress.', en: 'The password must not be your e-mail address.' };
	return null;
}
