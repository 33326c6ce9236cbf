/** The pure rules of HTTP caching: what may be cached, validators, content negotiation and the LRU. */
import { describe, expect, it } from 'vitest';
import { API_CACHE_CONTROL, cacheKey, mayStore, PAGE_CACHE_CONTROL, publicCacheControl, requestVerdict, varyTokens } from './cacheability';
import { addVary, compress, isCompressible, negotiateEncoding } from './encoding';
import { PageCache, type CachedResponse } from './page-cache';
import { isNotModified, makeEtag, matchesIfNoneMatch } from './validators';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

describe('which requests may use the cache', () => {
	const cases: [string, string, string, boolean, boolean][] = [
		// method, path, query, signed in, cached
		['GET', '/', '', false, true],
		['HEAD', '/indikator/x', '?focus=23', false, true],
		['GET', '/api/v1/indicators', '', false, true],
		['GET', '/indikator/x/data.csv', '', false, true],
		['GET', '/indikator/x', '', true, false],
		['POST', '/logga-in', '', false, false],
		['GET', '/admin', '', false, false],
		['GET', '/admin/rapportera', '', false, false],
		['GET', '/logga-in', '', false, false],
		['GET', '/engangslank/abc', '', false, false],
		['GET', '/healthz', '', false, false],
		['GET', '/org/plan', '?utkast=1', false, false],
		['GET', '/indikator/x', '?lang=en', false, false],
		['GET', '/administration-av-x', '', false, true]
	];
	it.each(cases)('%s %s%s signed in %s → cached %s', (method, pathname, search, hasSession, cached) => {
		expect(requestVerdict({ method, pathname, searchParams: new URLSearchParams(search), hasSession }).cache).toBe(cached);
	});
});

describe('which responses may be stored', () => {
	const h = (o: Record<string, string>) => new Headers({ 'content-type': 'text/html', ...o });
	const cases: [string, number, Headers, boolean][] = [
		['a page', 200, h({}), true],
		['the API', 200, h({ 'cache-control': 'public, max-age=300' }), true],
		['not found', 404, h({}), false],
		['a redirect', 303, h({}), false],
		['an error', 500, h({}), false],
		['sets a cookie', 200, h({ 'set-cookie': 'lang=en' }), false],
		['private', 200, h({ 'cache-control': 'private, no-store' }), false],
		['no-store', 200, h({ 'cache-control': 'no-store' }), false],
		['no-cache', 200, h({ 'cache-control': 'no-cache' }), false],
		['already encoded', 200, h({ 'content-encoding': 'gzip' }), false],
		['no content type', 200, new Headers(), false]
	];
	it.each(cases)('%s', (_, status, headers, ok) => expect(mayStore(status, headers)).toBe(ok));

	it('keeps the route’s public policy, otherwise the API’s five minutes or the page policy', () => {
		expect(publicCacheControl('/api/v1', 'public, max-age=300')).toBe('public, max-age=300');
		expect(publicCacheControl('/api/v1', null)).toBe(API_CACHE_CONTROL);
		expect(publicCacheControl('/indikator/x', null)).toBe(PAGE_CACHE_CONTROL);
		expect(publicCacheControl('/indikator/x/data.csv', 'max-age=10')).toBe(PAGE_CACHE_CONTROL);
	});

	it('keys on locale, path and query, and on Accept for the API only', () => {
		expect(cacheKey('sv', '/x', '?a=1', 'text/html')).not.toBe(cacheKey('en', '/x', '?a=1', 'text/html'));
		expect(cacheKey('sv', '/x', '?a=1', 'text/html')).toBe(cacheKey('sv', '/x', '?a=1', '*/*'));
		expect(cacheKey('sv', '/api/v1/x', '', 'text/csv')).not.toBe(cacheKey('sv', '/api/v1/x', '', 'application/json'));
		expect(varyTokens('/api/v1/x')).toEqual(['Accept', 'Accept-Encoding']);
		expect(varyTokens('/x')).toEqual(['Accept-Encoding', 'Cookie']);
	});
});

describe('validators', () => {
	const tag = makeEtag({ build: 'b1', revision: 7, key: 'sv /x', encoding: 'br' });
	it('changes with the build, the revision, the key and the coding', () => {
		expect(makeEtag({ build: 'b1', revision: 7, key: 'sv /x', encoding: 'br' })).toBe(tag);
		for (const other of [
			{ build: 'b2', revision: 7, key: 'sv /x', encoding: 'br' },
			{ build: 'b1', revision: 8, key: 'sv /x', encoding: 'br' },
			{ build: 'b1', revision: 7, key: 'en /x', encoding: 'br' },
			{ build: 'b1', revision: 7, key: 'sv /x', encoding: 'gzip' }
		])
			expect(makeEtag(other)).not.toBe(tag);
		expect(tag).toMatch(/^"[^"]+"$/);
	});
	const cases: [string | null, boolean][] = [
		[null, false],
		['', false],
		[tag, true],
		[`W/${tag}`, true],
		[`"other", ${tag}`, true],
		['"other"', false],
		['*', true]
	];
	it.each(cases)('If-None-Match %s → %s', (header, match) => expect(matchesIfNoneMatch(header, tag)).toBe(match));

	const modified = Date.UTC(2026, 10, 22, 12, 0, 0, 500);
	const ims: [string, { ifNoneMatch: string | null; ifModifiedSince: string | null }, boolean][] = [
		['same second', { ifNoneMatch: null, ifModifiedSince: 'Sun, 22 Nov 2026 12:00:00 GMT' }, true],
		['later', { ifNoneMatch: null, ifModifiedSince: 'Sun, 22 Nov 2026 13:00:00 GMT' }, true],
		['earlier', { ifNoneMatch: null, ifModifiedSince: 'Sun, 22 Nov 2026 11:59:59 GMT' }, false],
		['garbage', { ifNoneMatch: null, ifModifiedSince: 'yesterday' }, false],
		['If-None-Match wins over a later date', { ifNoneMatch: '"other"', ifModifiedSince: 'Sun, 22 Nov 2026 13:00:00 GMT' }, false],
		['matching tag', { ifNoneMatch: tag, ifModifiedSince: null }, true]
	];
	it.each(ims)('%s', (_, headers, notModified) => expect(isNotModified(headers, tag, modified)).toBe(notModified));
});

describe('content negotiation', () => {
	const cases: [string | null, string][] = [
		[null, 'identity'],
		['', 'identity'],
		['gzip', 'gzip'],
		['gzip, deflate, br', 'br'],
		['br;q=0.5, gzip', 'gzip'],
		['br;q=0, gzip;q=0', 'identity'],
		['*', 'br'],
		['*;q=0.5, br;q=0', 'gzip'],
		['identity', 'identity'],
		['GZIP', 'gzip'],
		['deflate', 'identity']
	];
	it.each(cases)('Accept-Encoding %s → %s', (header, enc) => expect(negotiateEncoding(header)).toBe(enc));

	const types: [string | null, boolean][] = [
		['text/html; charset=utf-8', true],
		['application/json', true],
		['text/csv; charset=utf-8; header=present', true],
		['image/svg+xml', true],
		['application/geo+json', true],
		['text/event-stream', false],
		['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
		['application/pdf', false],
		['image/png', false],
		[null, false]
	];
	it.each(types)('%s compressible: %s', (type, ok) => expect(isCompressible(type)).toBe(ok));

	it('compresses so that decompressing gives the same bytes', async () => {
		const body = new TextEncoder().encode('<p>Arbetslöshet 18–65 år</p>'.repeat(200));
		expect(Buffer.from(brotliDecompressSync(await compress(body, 'br')))).toEqual(Buffer.from(body));
		expect(Buffer.from(gunzipSync(await compress(body, 'gzip')))).toEqual(Buffer.from(body));
	});

	it('adds Vary tokens once', () => {
		expect(addVary(null, 'Accept-Encoding')).toBe('Accept-Encoding');
		expect(addVary('Accept', 'Accept-Encoding', 'accept')).toBe('Accept, Accept-Encoding');
	});
});

describe('the page cache', () => {
	const entry = (revision: number, bytes: number): CachedResponse => ({ revision, headers: [], contentType: 'text/html', cacheControl: PAGE_CACHE_CONTROL, vary: '', bodies: { identity: Buffer.alloc(bytes) }, bytes });

	it('misses and drops an entry of another revision', () => {
		const c = new PageCache(1000);
		c.set('a', entry(1, 100));
		expect(c.get('a', 1)).toBeDefined();
		expect(c.get('a', 2)).toBeUndefined();
		expect(c.size).toBe(0);
		expect(c.bytes).toBe(0);
	});

	it('evicts the least recently used entries to stay within its bytes', () => {
		const c = new PageCache(1000);
		c.set('a', entry(1, 200));
		c.set('b', entry(1, 200));
		c.set('c', entry(1, 200));
		c.get('a', 1);
		c.set('d', entry(1, 200));
		c.set('e', entry(1, 200)); // 1000: fits
		c.set('f', entry(1, 200)); // 1200: b goes (a was used after it)
		expect(c.get('b', 1)).toBeUndefined();
		expect(c.get('a', 1)).toBeDefined();
		expect(c.bytes).toBeLessThanOrEqual(1000);
	});

	it('does not keep one response larger than a quarter of it', () => {
		const c = new PageCache(1000);
		c.set('big', entry(1, 300));
		expect(c.size).toBe(0);
	});

	it('replacing a key counts its bytes once', () => {
		const c = new PageCache(1000);
		c.set('a', entry(1, 100));
		c.set('a', entry(2, 150));
		expect(c.bytes).toBe(150);
	});
});
