/**
 * What may be cached, and with which Cache-Control: the pure rules behind the page cache (page-cache.ts) and
 * the HTTP validators. Published data is the same for every reader, so anonymous GETs of public pages, the
 * API and downloads are cached (in the server and in browsers and proxies); anything personal never is.
 */

/** Paths that are personal or about signing in: never cached, whoever asks. */
const PRIVATE_PREFIXES = ['/admin', '/logga-in', '/logga-ut', '/engangslank', '/healthz'];

export const NO_STORE = 'private, no-store';
/**
 * Pages and downloads: a browser or proxy may reuse them for a minute, then must ask again (a 304 when nothing
 * changed). An authority's figures should not linger: a publication reaches every reader within a minute.
 */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, must-revalidate';

export interface CacheRequest {
	method: string;
	pathname: string;
	searchParams: URLSearchParams;
	/** A session cookie was sent (valid or not). */
	hasSession: boolean;
}

export type RequestVerdict = { cache: true } | { cache: false; reason: string };

function isPrivatePath(pathname: string): boolean {
	return PRIVATE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** May this request be answered from (and stored in) the shared cache? Decided before rendering. */
export function requestVerdict(r: CacheRequest): RequestVerdict {
	if (r.method !== 'GET' && r.method !== 'HEAD') return { cache: false, reason: 'method' };
	if (r.hasSession) return { cache: false, reason: 'signed in' };
	if (isPrivatePath(r.pathname)) return { cache: false, reason: 'private path' };
	if (r.searchParams.has('utkast')) return { cache: false, reason: 'draft preview' };
	// ?lang= sets the language cookie: the response carries Set-Cookie.
	if (r.searchParams.has('lang')) return { cache: false, reason: 'sets language' };
	return { cache: true };
}

/** May this rendered response be stored? Only complete, public 200s that set nothing. */
export function mayStore(status: number, headers: Headers): boolean {
	if (status !== 200) return false;
	if (headers.has('set-cookie')) return false;
	if (headers.has('content-encoding')) return false;
	const cc = (headers.get('cache-control') ?? '').toLowerCase();
	if (/\b(private|no-store|no-cache)\b/.test(cc)) return false;
	return headers.has('content-type');
}

/** The API's own policy (src/lib/server/api/http.ts): five minutes. */
export const API_CACHE_CONTROL = 'public, max-age=300';

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/**
 * The Cache-Control of a cached response: the route's own public policy when it has one, otherwise the API's
 * five minutes or the page policy.
 */
export function publicCacheControl(pathname: string, routeValue: string | null): string {
	if (routeValue && /\bpublic\b/i.test(routeValue)) return routeValue;
	return isApi(pathname) ? API_CACHE_CONTROL : PAGE_CACHE_CONTROL;
}

/**
 * The cache key besides revision and coding: the locale (pages are rendered in it), the path and query, and
 * for the API the Accept header (it can choose CSV over JSON). The query is kept as sent: two spellings of the
 * same query are two entries, never a wrong answer.
 */
export function cacheKey(locale: string, pathname: string, search: string, accept: string | null): string {
	const api = isApi(pathname);
	return `${locale} ${pathname}${search}${api ? ` accept=${(accept ?? '').trim()}` : ''}`;
}

/**
 * What a cached response varies on besides its URL: the coding; for the API the Accept header (JSON or CSV),
 * elsewhere the cookies (the language is a cookie; a signed-in reader must never get the anonymous copy from a
 * shared proxy).
 */
export function varyTokens(pathname: string): string[] {
	return isApi(pathname) ? ['Accept', 'Accept-Encoding'] : ['Accept-Encoding', 'Cookie'];
}
