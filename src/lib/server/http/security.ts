/**
 * Security headers for every response that passes through SvelteKit (pages, endpoints, downloads, errors and
 * redirects). The page Content-Security-Policy itself comes from `kit.csp` in svelte.config.js (the hash of
 * SvelteKit's inline start-up script, so `script-src` needs no 'unsafe-inline'); this module adds
 * what kit.csp cannot express per route: only /embed/** may be framed by other sites, everything else
 * refuses to be framed. Responses without a page policy (JSON, CSV, XLSX, healthz) get a policy that allows
 * nothing, so a browser never runs or embeds anything from them.
 *
 * Static files under /_app and /static are served by adapter-node's file server before the hooks run, so
 * they do not get these headers; put `X-Content-Type-Options: nosniff` on them in the reverse proxy (README).
 */

/** Browser features the site never uses: denied to the site and to anything it embeds. */
export const PERMISSIONS_POLICY = [
	'accelerometer=()',
	'autoplay=()',
	'camera=()',
	'display-capture=()',
	'geolocation=()',
	'gyroscope=()',
	'magnetometer=()',
	'microphone=()',
	'midi=()',
	'payment=()',
	'usb=()'
].join(', ');

/** The policy of responses that are not pages: nothing may load, run or frame them. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Only the embeds are made to be shown in other sites' iframes. */
export function mayBeFramed(pathname: string): boolean {
	return pathname === '/embed' || pathname.startsWith('/embed/');
}

/** The headers to add, given the path and the page policy SvelteKit already set (null for non-pages). */
export function securityHeaders(pathname: string, pageCsp: string | null): Record<string, string> {
	const framed = mayBeFramed(pathname);
	const frameAncestors = framed ? 'frame-ancestors *' : "frame-ancestors 'none'";
	const headers: Record<string, string> = {
		'content-security-policy': pageCsp ? `${pageCsp.replace(/;\s*$/, '')}; ${frameAncestors}` : framed ? `default-src 'none'; ${frameAncestors}` : NON_PAGE_CSP,
		'x-content-type-options': 'nosniff',
		// Full URLs (with ?focus=…) stay on the site; other sites see only the origin, and http never sees https.
		'referrer-policy': 'strict-origin-when-cross-origin',
		'permissions-policy': PERMISSIONS_POLICY,
		'cross-origin-opener-policy': 'same-origin'
	};
	// For browsers that predate frame-ancestors.
	if (!framed) headers['x-frame-options'] = 'DENY';
	return headers;
}

/**
 * Sets the headers on `response`. Responses with immutable headers (e.g. passed through from `fetch`) are
 * copied first.
 */
export function withSecurityHeaders(response: Response, pathname: string): Response {
	const add = securityHeaders(pathname, response.headers.get('content-security-policy'));
	try {
		for (const [k, v] of Object.entries(add)) response.headers.set(k, v);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [k, v] of Object.entries(add)) copy.headers.set(k, v);
		return copy;
	}
}
