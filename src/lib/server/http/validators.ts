/**
 * HTTP validators for cached responses: the ETag is derived from what determines the bytes (the build, the
 * data revision, the cache key and the content coding), so any instance can answer If-None-Match with a 304
 * without rendering, and a deploy or a publication changes it. Last-Modified is the later of the last data
 * change and the server's start (a deploy can change a page without a data change).
 */

/** A short, stable hash for the ETag (FNV-1a, 52 bits so it stays an exact JS number). */
export function hashKey(text: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193);
		h2 = Math.imul(h2 ^ c, 0x5bd1e995);
	}
	return ((h1 >>> 0).toString(36) + (h2 >>> 0).toString(36)).slice(0, 14);
}

/** A strong ETag: each content coding is a different representation, so it has its own tag. */
export function makeEtag(parts: { build: string; revision: number; key: string; encoding: string }): string {
	return `"${parts.revision.toString(36)}-${hashKey(`${parts.build}\n${parts.key}`)}-${parts.encoding}"`;
}

/** The tag without W/: what If-None-Match's weak comparison looks at. */
function opaque(tag: string): string {
	return tag.trim().replace(/^W\//, '');
}

/**
 * If-None-Match: `*` or a list of tags; the weak comparison (RFC 9110 §13.1.2), so a tag a proxy weakened
 * (W/"…") still matches.
 */
export function matchesIfNoneMatch(header: string | null | undefined, etag: string): boolean {
	if (!header) return false;
	if (header.trim() === '*') return true;
	const want = opaque(etag);
	return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((t) => opaque(t) === want);
}

/** HTTP date of a moment (seconds precision, as the format has). */
export function httpDate(ms: number): string {
	return new Date(ms).toUTCString();
}

/**
 * 304 or not, for a GET/HEAD of a resource with these validators. If-None-Match wins when present (RFC 9110
 * §13.2.2); If-Modified-Since is looked at only without it and compares whole seconds.
 */
export function isNotModified(headers: { ifNoneMatch: string | null; ifModifiedSince: string | null }, etag: string, lastModifiedMs: number): boolean {
	if (headers.ifNoneMatch != null) return matchesIfNoneMatch(headers.ifNoneMatch, etag);
	if (!headers.ifModifiedSince) return false;
	const since = Date.parse(headers.ifModifiedSince);
	if (!Number.isFinite(since)) return false;
	return Math.floor(lastModifiedMs / 1000) <= Math.floor(since / 1000);
}
