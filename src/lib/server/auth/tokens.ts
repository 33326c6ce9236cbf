/** Random tokens for cookies and one-time links. Only their SHA-256 is ever stored. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps: the SHA-256 of the token, hex. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A plausible token: 43 base64url characters. Anything else is rejected before a database lookup. */
export function looksLikeToken(token: string | undefined | null): token is string {
	return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
