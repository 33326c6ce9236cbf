import { describe, expect, it } from 'vitest';
import { NON_PAGE_CSP, mayBeFramed, securityHeaders, withSecurityHeaders } from './security';

describe('securityHeaders', () => {
	const page = "default-src 'self'; script-src 'self' 'nonce-abc'";
	it.each([
		['/', page, "frame-ancestors 'none'", 'DENY'],
		['/indikator/x', page, "frame-ancestors 'none'", 'DENY'],
		['/embedded', page, "frame-ancestors 'none'", 'DENY'],
		['/embed/indikator/x', page, 'frame-ancestors *', undefined],
		['/api/v1', null, "frame-ancestors 'none'", 'DENY']
	])('%s: %s', (path, csp, frame, xfo) => {
		const h = securityHeaders(path, csp);
		expect(h['content-security-policy']).toContain(frame);
		if (csp) expect(h['content-security-policy'].startsWith(csp + '; ')).toBe(true);
		expect(h['x-frame-options']).toBe(xfo);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(h['permissions-policy']).toContain('camera=()');
	});

	it('gives non-pages a policy that allows nothing', () => {
		expect(securityHeaders('/healthz', null)['content-security-policy']).toBe(NON_PAGE_CSP);
	});

	it('frames only /embed and below', () => {
		expect([mayBeFramed('/embed'), mayBeFramed('/embed/a'), mayBeFramed('/embedx'), mayBeFramed('/a/embed/b')]).toEqual([true, true, false, false]);
	});

	it('copies a response whose headers are immutable', async () => {
		const immutable = Response.redirect('http://127.0.0.1/x', 302);
		const out = withSecurityHeaders(immutable, '/');
		expect(out.status).toBe(302);
		expect(out.headers.get('location')).toBe('http://127.0.0.1/x');
		expect(out.headers.get('x-frame-options')).toBe('DENY');
	});
});
