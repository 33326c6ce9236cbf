/**
 * HTTP caching and compression for published data (issue 7). For an anonymous GET/HEAD of a public page,
 * the API or a download:
 * - reads the data revision (one indexed row) and derives the ETag and Last-Modified from it;
 * - answers a matching If-None-Match (or If-Modified-Since) with 304 without rendering;
 * - serves the rendered response from the in-process cache (page-cache.ts) while the revision is unchanged,
 *   compressed (br or gzip) once when stored; concurrent misses for one page render it once.
 * Everything else (signed-in readers, /admin, `?utkast=1`, forms, errors) is rendered as before, marked
 * `private, no-store`, and compressed when the client accepts it.
 * No purge is ever needed: a publication, an import or an edit of the structure bumps the revision.
 */
import type { Handle } from '@sveltejs/kit';
import { version } from '$app/environment';
import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/db';
import { readRevision } from '$lib/server/db/revision';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { cacheKey, mayStore, NO_STORE, publicCacheControl, requestVerdict, varyTokens } from './cacheability';
import { addVary, compress, isCompressible, MIN_COMPRESS_BYTES, negotiateEncoding, type Encoding } from './encoding';
import { PageCache, type CachedResponse } from './page-cache';
import { httpDate, isNotModified, makeEtag, matchesIfNoneMatch } from './validators';

/** A deploy can change every page without a data change: no Last-Modified before this process started. */
const STARTED_AT = Date.now();
/** Headers the cache sets itself on every answer. */
const OWN_HEADERS = new Set(['content-length', 'content-encoding', 'etag', 'last-modified', 'cache-control', 'vary', 'x-request-id']);

/** PAGE_CACHE_MB (default 64): memory for rendered responses; 0 keeps validators and compression, stores nothing. */
function cacheBytes(): number {
	const mb = Number(env.PAGE_CACHE_MB ?? 64);
	return Number.isFinite(mb) && mb >= 0 ? Math.round(mb * 1024 * 1024) : 64 * 1024 * 1024;
}

let store: PageCache | undefined;
const pageCache = () => (store ??= new PageCache(cacheBytes()));
const inflight = new Map<string, Promise<CachedResponse | null>>();

export const httpCache: Handle = async ({ event, resolve }) => {
	const request = event.request;
	const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
	const verdict = requestVerdict({
		method: request.method,
		pathname: event.url.pathname,
		searchParams: event.url.searchParams,
		// The header as sent: the session hook may already have deleted an expired cookie from event.cookies.
		hasSession: event.locals.user != null || hasCookie(request.headers.get('cookie'), SESSION_COOKIE)
	});
	if (!verdict.cache) return uncached(await resolve(event), encoding, request.method);

	const { revision, changedAtMs } = readRevision(getDb().$client);
	const key = cacheKey(event.locals.locale, event.url.pathname, event.url.search, request.headers.get('accept'));
	const validators = { etag: makeEtag({ build: version, revision, key, encoding }), lastModified: Math.max(changedAtMs, STARTED_AT) };
	// The tag names this build, revision, URL, language and coding: if the client has it, it has these bytes.
	if (matchesIfNoneMatch(request.headers.get('if-none-match')?.replace(/^\s*\*\s*$/, ''), validators.etag)) return notModified(validators, event.url.pathname);

	const cache = pageCache();
	let entry = cache.get(key, revision);
	if (!entry) {
		const flight = `${revision} ${key}`;
		const pending = inflight.get(flight);
		if (pending) entry = (await pending) ?? undefined;
		if (!entry) {
			let settle!: (e: CachedResponse | null) => void;
			if (!pending) inflight.set(flight, new Promise((r) => (settle = r)));
			try {
				const response = await resolve(event);
				if (request.method !== 'GET' || !mayStore(response.status, response.headers)) {
					settle?.(null);
					return uncached(response, encoding, request.method);
				}
				entry = await toEntry(response, event.url.pathname, revision, cache.maxBytes > 0 ? ['br', 'gzip'] : encoding === 'identity' ? [] : [encoding]);
				if (cache.maxBytes > 0) cache.set(key, entry);
				settle?.(entry);
			} catch (e) {
				settle?.(null);
				throw e;
			} finally {
				if (!pending) inflight.delete(flight);
			}
		}
	}
	if (isNotModified({ ifNoneMatch: request.headers.get('if-none-match'), ifModifiedSince: request.headers.get('if-modified-since') }, validators.etag, validators.lastModified)) {
		return notModified(validators, event.url.pathname);
	}
	return fromEntry(entry, encoding, validators, request.method === 'HEAD');
};

/** The few numbers an operator might want (for tests and the load script's report). */
export function pageCacheStats() {
	const c = pageCache();
	return { entries: c.size, bytes: c.bytes, hits: c.hits, misses: c.misses, maxBytes: c.maxBytes };
}

function hasCookie(header: string | null, name: string): boolean {
	return !!header && header.split(';').some((c) => c.trim().startsWith(`${name}=`));
}

interface Validators {
	etag: string;
	lastModified: number;
}

function validatorHeaders(v: Validators, cacheControl: string, vary: string): Headers {
	return new Headers({ etag: v.etag, 'last-modified': httpDate(v.lastModified), 'cache-control': cacheControl, vary });
}

function notModified(v: Validators, pathname: string): Response {
	return new Response(null, { status: 304, headers: validatorHeaders(v, publicCacheControl(pathname, null), addVary(null, ...varyTokens(pathname))) });
}

async function toEntry(response: Response, pathname: string, revision: number, codings: Exclude<Encoding, 'identity'>[]): Promise<CachedResponse> {
	const identity = Buffer.from(await response.arrayBuffer());
	const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
	const headers: [string, string][] = [];
	response.headers.forEach((value, name) => {
		if (!OWN_HEADERS.has(name)) headers.push([name, value]);
	});
	const bodies: CachedResponse['bodies'] = { identity };
	if (isCompressible(contentType) && identity.byteLength >= MIN_COMPRESS_BYTES) {
		const done = await Promise.all(codings.map((c) => compress(identity, c)));
		codings.forEach((c, i) => (bodies[c] = done[i]));
	}
	const bytes = Object.values(bodies).reduce((n, b) => n + (b?.byteLength ?? 0), 0) + headers.reduce((n, [k, v]) => n + k.length + v.length, 0) + 256;
	return {
		revision,
		headers,
		contentType,
		bodies,
		bytes,
		cacheControl: publicCacheControl(pathname, response.headers.get('cache-control')),
		vary: addVary(response.headers.get('vary'), ...varyTokens(pathname))
	};
}

function fromEntry(entry: CachedResponse, encoding: Encoding, v: Validators, head: boolean): Response {
	const e = entry;
	const coded = encoding !== 'identity' ? e.bodies[encoding] : undefined;
	const body = coded ?? e.bodies.identity!;
	const headers = validatorHeaders(v, e.cacheControl, e.vary);
	for (const [k, val] of e.headers) headers.append(k, val);
	headers.set('content-length', String(body.byteLength));
	if (coded) headers.set('content-encoding', encoding);
	return new Response(head ? null : asBody(body), { status: 200, headers });
}

/**
 * A response that is not cached: personal or about to change, so no browser or proxy may keep it; compressed
 * when the client accepts it and it is text above the threshold.
 */
async function uncached(response: Response, encoding: Encoding, method: string): Promise<Response> {
	const headers = new Headers(response.headers);
	if (!/\bno-store\b/i.test(headers.get('cache-control') ?? '')) headers.set('cache-control', NO_STORE);
	const compressible =
		encoding !== 'identity' && method !== 'HEAD' && response.body !== null && ![204, 304].includes(response.status) && !headers.has('content-encoding') && isCompressible(headers.get('content-type'));
	if (!compressible) return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
	const body = new Uint8Array(await response.arrayBuffer());
	headers.set('vary', addVary(headers.get('vary'), 'Accept-Encoding'));
	if (body.byteLength < MIN_COMPRESS_BYTES) {
		headers.set('content-length', String(body.byteLength));
		return new Response(body, { status: response.status, statusText: response.statusText, headers });
	}
	const coded = await compress(body, encoding as Exclude<Encoding, 'identity'>);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(coded.byteLength));
	return new Response(asBody(coded), { status: response.status, statusText: response.statusText, headers });
}

/** A Buffer as a fetch body without copying (Node's Buffers always sit on a plain ArrayBuffer). */
function asBody(b: Buffer): BodyInit {
	return new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
}
