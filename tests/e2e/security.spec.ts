/**
 * Web security end to end (issue 8): the headers on every kind of response, no Content-Security-Policy
 * violation in Chromium while pages hydrate and charts, maps and downloads run, only embeds may be framed by
 * another site, the origin check on forms, and the body size limit.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const INDICATOR = '/indikator/arbetsloshet-18-65-ar';

/** One URL per kind of response a reader or an official meets. */
const RESPONSES: { kind: string; path: string; status?: number; page?: boolean; framed?: boolean }[] = [
	{ kind: 'start', path: '/', page: true },
	{ kind: 'organisation', path: '/region-jamtland-harjedalen', page: true },
	{ kind: 'plan', path: '/region-orebro-lan/rtn-verksamhetsplan-2019', page: true },
	{ kind: 'uppdrag', path: '/region-orebro-lan/rtn-verksamhetsplan-2019/uppdrag/1', page: true },
	{ kind: 'indicator', path: `${INDICATOR}?focus=23&compare=00,2380`, page: true },
	{ kind: 'indicator map', path: `${INDICATOR}?focus=23&tab=map`, page: true },
	{ kind: 'kommun', path: '/kommun/2380', page: true },
	{ kind: 'search', path: '/sok?q=arbetsl%C3%B6shet', page: true },
	{ kind: 'sign-in', path: '/logga-in', page: true },
	{ kind: 'not found', path: '/finns-inte', status: 404, page: true },
	{ kind: 'embed', path: `/embed${INDICATOR}?focus=23`, page: true, framed: true },
	{ kind: 'admin (signed out: redirect)', path: '/admin', status: 303 },
	{ kind: 'api', path: '/api/v1' },
	{ kind: 'api csv', path: `/api/v1/indicators/arbetsloshet-18-65-ar/observations?geography=23&format=csv` },
	{ kind: 'api error', path: '/api/v1/finns-inte', status: 404 },
	{ kind: 'download csv', path: `${INDICATOR}/data.csv?focus=23` },
	{ kind: 'download xlsx', path: `${INDICATOR}/data.xlsx?focus=23` },
	{ kind: 'healthz', path: '/healthz' }
];

async function headersOf(request: APIRequestContext, path: string) {
	const res = await request.get(path, { maxRedirects: 0 });
	return { status: res.status(), headers: res.headers() };
}

test('every kind of response carries the security headers', async ({ request }) => {
	for (const r of RESPONSES) {
		const { status, headers } = await headersOf(request, r.path);
		const what = `${r.kind} (${r.path})`;
		expect(status, what).toBe(r.status ?? 200);
		expect(headers['x-content-type-options'], what).toBe('nosniff');
		expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
		expect(headers['permissions-policy'], what).toContain('camera=()');
		expect(headers['x-request-id'], what).toMatch(/^[0-9a-f]{12}$/);
		const csp = headers['content-security-policy'];
		expect(csp, what).toBeTruthy();
		if (r.framed) {
			expect(csp, what).toContain('frame-ancestors *');
			expect(headers['x-frame-options'], what).toBeUndefined();
		} else {
			expect(csp, what).toContain("frame-ancestors 'none'");
			expect(headers['x-frame-options'], what).toBe('DENY');
		}
		if (r.page) {
			// Scripts only from the site or with the hash of the page's own start-up script; never inline or
			// eval. A hash, not a nonce: the page may come from the cache, and a replayed nonce protects nothing.
			const script = /script-src ([^;]+)/.exec(csp)![1];
			expect(script, what).toMatch(/'sha256-[^']+'/);
			expect(script, what).not.toContain('nonce-');
			expect(script, what).not.toContain('unsafe-inline');
			expect(script, what).not.toContain('unsafe-eval');
			expect(csp, what).toContain("object-src 'none'");
			expect(csp, what).toContain("base-uri 'self'");
			expect(csp, what).toContain("form-action 'self'");
		} else {
			expect(csp, what).toContain("default-src 'none'");
		}
	}
});

/** Collects CSP violations (the DOM event and Chromium's console report) from the moment a page starts. */
async function watchViolations(page: Page): Promise<string[]> {
	const seen: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
	});
	await page.exposeFunction('__cspViolation', (text: string) => seen.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
		});
	});
	return seen;
}

test('pages hydrate and charts, maps and downloads work without CSP violations', async ({ page }) => {
	const violations = await watchViolations(page);
	for (const r of RESPONSES.filter((r) => r.page && r.status === undefined)) {
		await page.goto(r.path);
		await page.waitForLoadState('networkidle');
	}
	// Client-side navigation and interaction need the hydrated app: switch the view, then draw the PNG.
	await page.goto(`${INDICATOR}?focus=23`);
	await page.getByRole('link', { name: 'Tabell' }).first().click();
	await expect(page).toHaveURL(/tab=table/);
	await page.getByRole('link', { name: 'Karta' }).first().click();
	await expect(page).toHaveURL(/tab=map/);
	await page.goto(`${INDICATOR}?focus=23`);
	// The PNG is drawn from the chart's SVG through a blob: image (img-src blob:).
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Ladda ned diagram (PNG)' }).first().click();
	expect((await download).suggestedFilename()).toMatch(/\.png$/);
	expect(violations).toEqual([]);
});

test('only the embed may be framed by another site', async ({ page, baseURL }) => {
	// Another site: a real server on another loopback port (another origin). A page fulfilled by page.route
	// would not do: Chromium's local-network checks treat it as public and block every loopback frame.
	const html = `<!doctype html><title>Another site</title>
		<iframe name="embed" src="${baseURL}/embed${INDICATOR}?focus=23"></iframe>
		<iframe name="page" src="${baseURL}${INDICATOR}?focus=23"></iframe>`;
	const other = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
	await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
	try {
		await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
		const embed = page.frameLocator('iframe[name=embed]');
		await expect(embed.getByRole('heading', { level: 1 })).toContainText('Arbetslöshet');
		// page.goto waited for the load event, which waits for both frames. The blocked one never gets the
		// page: Chromium shows its own error document instead.
		const blocked = page.frames().find((f) => f.name() === 'page')!;
		expect(blocked.url()).toMatch(/^chrome-error:/);
		expect(await blocked.locator('h1', { hasText: 'Arbetslöshet' }).count()).toBe(0);
	} finally {
		other.close();
	}
});

test('forms refuse foreign origins, and too large bodies get a clear Swedish answer', async ({ request, baseURL }) => {
	const foreign = await request.post('/logga-in', {
		headers: { origin: 'http://evil.test', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=a%40b.se&password=x'
	});
	expect(foreign.status()).toBe(403);

	const big = await request.post('/logga-in', {
		headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=a%40b.se&password=' + 'x'.repeat(600 * 1024)
	});
	expect(big.status()).toBe(413);
	expect(await big.text()).toContain('Filen eller formuläret är för stort. Servern tar emot högst 512 kB per förfrågan.');
});
