/**
 * The insatser endpoints of the open data API against the built site: listed in the index, JSON with open CORS,
 * the public list's filters, CSV, one insats, and 400/404 with Swedish and English messages.
 */
import { expect, test } from '@playwright/test';

const LIST = '/api/v1/organisations/region-jamtland-harjedalen/insatser';

test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name === 'phone', 'The API does not depend on the viewport');
});

test('insatser: index, list with filters and CORS, CSV, one insats, and clear errors', async ({ request }) => {
	const index = await (await request.get('/api/v1')).json();
	expect(index.data.endpoints.map((e: { path: string }) => e.path)).toContain('/api/v1/organisations/{org}/insatser');

	const res = await request.get(`${LIST}?financing=eruf`);
	expect(res.status()).toBe(200);
	expect(res.headers()['access-control-allow-origin']).toBe('*');
	const body = await res.json();
	// 3 ERUF insatser in the demo report (the officials' e2e test may publish more, but not with ERUF).
	expect(body.meta).toMatchObject({ count: 3, organisation: 'region-jamtland-harjedalen', filter: { financing: 'eruf' } });
	expect(body.data[0].financing).toContain('eruf');

	const kommun = await (await request.get(`${LIST}?kommun=2305`)).json();
	expect(kommun.data.map((i: { name: string }) => i.name)).toEqual(['Investering i ny bränslestation Kälarne Bräcke kommun']);

	const csv = await request.get(`${LIST}?financing=interreg&format=csv&decimal=comma`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(csv.headers()['content-disposition']).toBe('attachment; filename="lagesbild-insatser-region-jamtland-harjedalen.csv"');
	const lines = (await csv.text()).replace('\uFEFF', '').trim().split('\r\n');
	expect(lines[0]).toBe('id;name;description;status;nyps_ids;years;national_priorities;financing;whole_county;kommuner;url');
	expect(lines).toHaveLength(3);

	const one = await (await request.get(kommun.data[0].api)).json();
	expect(one.data).toMatchObject({ name: 'Investering i ny bränslestation Kälarne Bräcke kommun', nypsIds: ['00216758'] });
	expect(one.data.state).toBeUndefined();

	const bad = await request.get(`${LIST}?financing=eu`);
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error).toMatchObject({
		parameter: 'financing',
		message: "Okänd finansiering 'eu'. Använd anslag-1-1, eruf, esf-plus, interreg, egen, annan.",
		message_en: "Unknown funding 'eu'. Use anslag-1-1, eruf, esf-plus, interreg, egen, annan."
	});
	expect((await request.get(`${LIST}/999999`)).status()).toBe(404);
	expect((await request.get('/api/v1/organisations/finns-inte/insatser')).status()).toBe(404);
});
