import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

const OBSERVATIONS = '/api/v1/indicators/invanare-totalt/observations';

// The API has no viewport: once, in the desktop project, is enough.
test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name === 'phone', 'The API does not depend on the viewport');
});

test('the API index lists the endpoints, with open CORS and five minutes of caching', async ({ request }) => {
	const res = await request.get('/api/v1');
	expect(res.status()).toBe(200);
	expect(res.headers()['access-control-allow-origin']).toBe('*');
	expect(res.headers()['cache-control']).toBe('public, max-age=300');
	expect(res.headers()['content-type']).toBe('application/json; charset=utf-8');
	const body = await res.json();
	expect(body.data.endpoints.map((e: { path: string }) => e.path)).toContain('/api/v1/indicators/{slug}/observations');
	expect(body.data.attribution.join(' ')).toContain('Källa: Kolada');
});

test('organisations and a plan with its goal tree', async ({ request }) => {
	const orgs = await (await request.get('/api/v1/organisations')).json();
	expect(orgs.meta.count).toBe(3);
	expect(orgs.data.map((o: { slug: string; isExample: boolean }) => [o.slug, o.isExample])).toEqual([
		['region-orebro-lan', false],
		['region-jamtland-harjedalen', false],
		['exempelregionen', true]
	]);

	const res = await request.get('/api/v1/organisations/region-orebro-lan/plans/rtn-verksamhetsplan-2019');
	expect(res.status()).toBe(200);
	const plan = (await res.json()).data;
	expect(plan.levelNames).toEqual(['Avsnitt', 'Övergripande mål', 'Inriktningsmål']);
	expect(plan.goals[0]).toMatchObject({ number: '3.2', levelName: 'Avsnitt', title: 'Regional utvecklingsstrategi' });
	expect(plan.goals[0].children[0].levelName).toBe('Övergripande mål');
	expect(plan.periods.map((p: { slug: string }) => p.slug)).toEqual(['helar-2019']);

	const goal = await request.get(plan.goals[0].children[0].children[0].url);
	expect((await goal.json()).data.levelName).toBe('Inriktningsmål');
});

test('observations: Jämtlands län 2022 with attribution, and the kommuner of the län', async ({ request }) => {
	const res = await request.get(`${OBSERVATIONS}?geography=23&sex=T&from=2022&to=2022`);
	expect(res.status()).toBe(200);
	expect(res.headers()['access-control-allow-origin']).toBe('*');
	const body = await res.json();
	expect(body.data).toEqual([expect.objectContaining({ geography: '23', geographyName: 'Jämtlands län', period: '2022', sex: 'T', value: 132670 })]);
	expect(body.meta.attribution).toEqual(['Källa: Kolada']);

	const kommuner = await (await request.get(`${OBSERVATIONS}?level=kommun&parent=23&sex=T&from=2022&to=2022`)).json();
	expect(kommuner.data.map((r: { geographyName: string }) => r.geographyName)).toEqual([
		'Ragunda',
		'Bräcke',
		'Krokom',
		'Strömsund',
		'Åre',
		'Berg',
		'Härjedalen',
		'Östersund'
	]);
});

test('CSV download: BOM, header, rows, semicolons and decimal commas for Swedish Excel', async ({ request }) => {
	const res = await request.get(
		'/api/v1/indicators/arbetsloshet-18-65-ar/observations?geography=23&from=2021&to=2022&format=csv&decimal=comma'
	);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8; header=present');
	expect(res.headers()['content-disposition']).toBe('attachment; filename="lagesbild-arbetsloshet-18-65-ar-utfall.csv"');
	const bytes = await res.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = bytes.subarray(3).toString('utf8').split('\r\n');
	expect(lines[0]).toBe('indicator;geography;geography_name;level;period;sex;value;text_value;missing_symbol;printed;note;batch');
	expect(lines[1]).toMatch(/^arbetsloshet-18-65-ar;23;Jämtlands län;lan;2021;T;5,354804;;;;;\d+$/);
	expect(lines[2]).toMatch(/^arbetsloshet-18-65-ar;23;Jämtlands län;lan;2022;T;4,077952;;;;;\d+$/);
	expect(lines.slice(3)).toEqual(['']);
});

test('a bad parameter answers 400 with a clear message in Swedish and English', async ({ request }) => {
	const res = await request.get(`${OBSERVATIONS}?geography=99`);
	expect(res.status()).toBe(400);
	expect(res.headers()['access-control-allow-origin']).toBe('*');
	const { error } = await res.json();
	expect(error).toMatchObject({
		status: 400,
		parameter: 'geography',
		message: "Okänd geografi '99'. Använd SCB-koder, t.ex. 00 (riket), 23 (Jämtlands län), 2380 (Östersund).",
		message_en: "Unknown geography '99'. Use SCB codes, e.g. 00 (Sweden), 23 (Jämtland County), 2380 (Östersund)."
	});

	const typo = await (await request.get(`${OBSERVATIONS}?geograpy=23`)).json();
	expect(typo.error.message).toContain("Menar du 'geography'?");
	expect((await request.get('/api/v1/goals/abc')).status()).toBe(400);
});

test('unknown resources answer 404 as JSON, not as the HTML page', async ({ request }) => {
	const indicator = await request.get('/api/v1/indicators/finns-inte');
	expect(indicator.status()).toBe(404);
	expect((await indicator.json()).error.message).toBe("Indikatorn 'finns-inte' finns inte. Se /api/v1/indicators.");
	const path = await request.get('/api/v1/finns-inte');
	expect(path.status()).toBe(404);
	expect(path.headers()['content-type']).toBe('application/json; charset=utf-8');
	expect((await path.json()).error.message).toContain('Se /api/v1');
});

test('CORS: the preflight answers 204, and a page from another origin can read the data', async ({ request, page, baseURL }) => {
	const preflight = await request.fetch('/api/v1/assessments', {
		method: 'OPTIONS',
		headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' }
	});
	expect(preflight.status()).toBe(204);
	expect(preflight.headers()['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
	expect(preflight.headers()['access-control-allow-origin']).toBe('*');

	// A page of another site: a bare server on another loopback port (another origin, same machine, so no
	// private-network rules interfere). Chromium enforces CORS on its fetch. (Our own responses carry a
	// Content-Security-Policy that forbids such fetches, so none of them can stand in for the other site.)
	const otherSite = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Another site</title>'));
	await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
	try {
		await page.goto(`http://127.0.0.1:${(otherSite.address() as AddressInfo).port}/`);
		const colours = await page.evaluate(async (url) => {
			const res = await fetch(url, { headers: { Accept: 'application/json' } });
			const body = await res.json();
			return body.data.map((a: { colourLabel: string }) => a.colourLabel);
		}, `${baseURL}/api/v1/assessments?plan=exempelregionen/verksamhetsplan-2025&period=helar-2025&subject=goal`);
		expect(colours.length).toBeGreaterThan(0);
		expect(colours).toContain('Röd');
		// The check is real: a page without the CORS header cannot be read from that origin.
		const blocked = await page.evaluate((url) => fetch(url).then(() => 'read', () => 'blocked'), `${baseURL}/healthz`);
		expect(blocked).toBe('blocked');
	} finally {
		otherSite.close();
	}
});
