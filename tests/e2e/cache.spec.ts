/**
 * HTTP caching and compression of published data (issue 7), against the built site: validators and 304s on a
 * page, the API and a download; br and gzip decode to the very HTML; a signed-in reader gets private, no-store;
 * an import changes the ETag and the page shows the new figure at once; the CSP of a cached page is a hash of
 * its inline script (no nonce to replay).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { ORIGIN, PASSWORD, uniqueEmail, userCli } from './helpers/accounts';

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'data/e2e-4173.db';
const PAGE = '/indikator/arbetsloshet-18-65-ar?focus=23';

/** A raw GET (no automatic decompression): status, headers and the bytes as sent. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
	return new Promise((resolve, reject) => {
		// A fresh connection each time: a kept-alive socket the server closes meanwhile would hang up.
		const req = httpRequest(new URL(path, ORIGIN), { headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

test('a page, the API and a download carry validators and answer 304 without a body', async () => {
	for (const [path, cacheControl] of [
		[PAGE, 'public, max-age=60, must-revalidate'],
		['/api/v1/indicators/arbetsloshet-18-65-ar/observations?geography=23', 'public, max-age=300'],
		['/indikator/arbetsloshet-18-65-ar/data.csv?focus=23', 'public, max-age=60, must-revalidate']
	]) {
		const first = await rawGet(path);
		expect(first.status, path).toBe(200);
		const etag = first.headers.etag as string;
		expect(etag, path).toMatch(/^"[^"]+"$/);
		expect(first.headers['cache-control'], path).toBe(cacheControl);
		expect(first.headers['last-modified'], path).toMatch(/GMT$/);
		expect(first.headers.vary, path).toContain('Accept-Encoding');
		const again = await rawGet(path, { 'if-none-match': etag });
		expect(again.status, path).toBe(304);
		expect(again.body.byteLength, path).toBe(0);
		expect(again.headers.etag, path).toBe(etag);
		const since = await rawGet(path, { 'if-modified-since': first.headers['last-modified'] as string });
		expect(since.status, path).toBe(304);
		// Another tag (an older revision): the full answer.
		expect((await rawGet(path, { 'if-none-match': '"old"' })).status, path).toBe(200);
	}
	// The page is in Swedish or English by a cookie: shared caches must keep them apart.
	const page = await rawGet(PAGE);
	expect(page.headers.vary).toContain('Cookie');
	const english = await rawGet(PAGE, { cookie: 'lang=en' });
	expect(english.headers.etag).not.toBe(page.headers.etag);
	expect(english.body.toString()).toContain('lang="en"');
	expect(page.body.toString()).toContain('lang="sv"');
});

test('br and gzip responses decode to the same HTML as the plain one', async () => {
	const plain = await rawGet(PAGE);
	const br = await rawGet(PAGE, { 'accept-encoding': 'br, gzip' });
	const gzip = await rawGet(PAGE, { 'accept-encoding': 'gzip' });
	expect(plain.headers['content-encoding']).toBeUndefined();
	expect(br.headers['content-encoding']).toBe('br');
	expect(gzip.headers['content-encoding']).toBe('gzip');
	expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
	expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
	expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
	expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
	// Each coding is its own representation, with its own tag.
	expect(new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(3);
	// The API too.
	const api = await rawGet('/api/v1/indicators', { 'accept-encoding': 'gzip' });
	expect(api.headers['content-encoding']).toBe('gzip');
	expect(JSON.parse(gunzipSync(api.body).toString()).data.length).toBeGreaterThan(0);
});

test('a signed-in reader gets private, no-store pages; a draft preview and /admin too', async ({ page }, info) => {
	test.slow(); // the user CLI (tsx) and scrypt on a loaded machine
	// Signed in through the one-time link, not the sign-in form: admin.spec's rate-limit test locks the form
	// for 127.0.0.1 and may have run before this one.
	const out = userCli('create', '--email', uniqueEmail(info, 'cache'), '--name', 'Cecilia Cache', '--role', 'admin');
	await page.goto(/http:\/\/127\.0\.0\.1:\d+(\/engangslank\/[\w-]{43})/.exec(out)![1]);
	await page.getByLabel('Nytt lösenord').fill(PASSWORD);
	await page.getByLabel('Upprepa lösenordet').fill(PASSWORD);
	await page.getByRole('button', { name: 'Spara och logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
	for (const path of [PAGE, '/api/v1/indicators', '/admin', '/region-orebro-lan/rtn-verksamhetsplan-2019?utkast=1']) {
		const res = await page.request.get(path);
		expect(res.status(), path).toBe(200);
		expect(res.headers()['cache-control'], path).toBe('private, no-store');
		expect(res.headers()['last-modified'], path).toBeUndefined();
	}
	// The anonymous copy is still public.
	expect((await rawGet(PAGE)).headers['cache-control']).toContain('public');
	// An expired or made-up session cookie is not enough to get the shared copy either.
	expect((await rawGet(PAGE, { cookie: 'lagesbild_session=made-up' })).headers['cache-control']).toBe('private, no-store');
});

test('after an import the ETag changes and the page shows the new figure at once', async ({}, info) => {
	test.slow();
	// A year of its own per project (both run against the same database), never used by other tests.
	const year = info.project.name === 'phone' ? '2033' : '2032';
	const path = '/indikator/exempel-arbetsloshet?tab=table';
	const before = await rawGet(path);
	expect(before.status).toBe(200);
	expect(before.body.toString()).not.toContain(`>${year}<`);
	expect((await rawGet(path, { 'if-none-match': before.headers.etag as string })).status).toBe(304);

	const dir = mkdtempSync(join(tmpdir(), 'cache-e2e-'));
	try {
		const file = join(dir, `exempel-${year}.csv`);
		writeFileSync(file, `indikator;geografi;period;kön;värde\nexempel-arbetsloshet;EX;${year};T;7,3\n`);
		execFileSync('npx', ['tsx', 'scripts/import.ts', 'values', file], { env: { ...process.env, DATABASE_URL }, stdio: ['ignore', 'pipe', 'pipe'] });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}

	const after = await rawGet(path, { 'if-none-match': before.headers.etag as string });
	expect(after.status).toBe(200);
	expect(after.headers.etag).not.toBe(before.headers.etag);
	expect(after.body.toString()).toMatch(new RegExp(`>${year}<[\\s\\S]*?7,3`));
	expect(Date.parse(after.headers['last-modified'] as string)).toBeGreaterThanOrEqual(Date.parse(before.headers['last-modified'] as string));
});

test('a cached page keeps its CSP: the hash of its inline script, no nonce, no unsafe-inline', async () => {
	const first = await rawGet(PAGE);
	const second = await rawGet(PAGE);
	for (const res of [first, second]) {
		const csp = res.headers['content-security-policy'] as string;
		const script = /script-src ([^;]+)/.exec(csp)![1];
		expect(script).not.toContain('unsafe-inline');
		expect(script).not.toMatch(/nonce-/);
		const html = res.body.toString();
		expect(html).not.toMatch(/\snonce=/);
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
		expect(inline.length).toBeGreaterThan(0);
		for (const body of inline) expect(script).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
		expect(res.headers['x-frame-options']).toBe('DENY');
		expect(res.headers['x-content-type-options']).toBe('nosniff');
	}
	// Each response still has its own request id.
	expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
});
