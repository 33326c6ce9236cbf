import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

test('health check reports the database', async ({ request }) => {
	const res = await request.get('/healthz');
	expect(res.status()).toBe(200);
	expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
});

test('start page lists both real organisations and the labelled example', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveTitle(/Lägesbild/);
	await expect(page.getByRole('heading', { level: 2, name: 'Region Örebro län' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Region Jämtland Härjedalen' })).toBeVisible();
	const example = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Exempelregionen' }) });
	await expect(example.getByText('Exempeldata.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('start page → Örebro plan: the 58 % indicator with its target wording and status as text', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Regional tillväxtnämnd – verksamhetsplan 2019' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regional tillväxtnämnd – verksamhetsplan 2019');
	await expect(page.getByText('Uppföljning: Helår 2019')).toBeVisible();

	const row = page.getByRole('row', { name: /jämställdhetsintegrerade ska öka/ });
	await expect(row.getByRole('cell').nth(0)).toContainText('58\u00a0%');
	await expect(row.getByRole('cell').nth(0)).toContainText('(2019)');
	await expect(row.getByRole('cell').nth(1)).toHaveText('ska öka');
	// Status is symbol + text, never colour alone: here not assessed, because 2018 is missing.
	await expect(row.getByRole('cell').nth(2)).toContainText('Ej bedömd');

	const goal = page.getByRole('heading', { name: /Inriktningsmål: Nr 2\./ });
	await expect(goal).toBeVisible();
	await expect(page.getByRole('heading', { name: /Avsnitt 3\.7 Digitalisering/ })).toBeVisible();
	await expect(page.getByText('Uppdrag 46.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a computed colour is shown with symbol, text and its reason', async ({ page }) => {
	await page.goto('/region-orebro-lan/rtn-verksamhetsplan-2019');
	const row = page.getByRole('row', { name: /Resultatet ska under 2019 uppgå till minst noll/ });
	await expect(row.getByRole('cell').nth(0)).toContainText('3,9\u00a0mnkr');
	const status = row.getByRole('cell').nth(2);
	await expect(status).toContainText('Grön');
	await expect(status).toContainText('●');
	await expect(status).toContainText('Utfallet 3,9 når målvärdet minst 0.');
});

test('the period selector works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/exempelregionen/verksamhetsplan-2025');
	await expect(page.getByText('Uppföljning: Helår 2025')).toBeVisible();
	await expect(page.getByText('Exempeldata.', { exact: true })).toBeVisible();
	await page.getByLabel('Uppföljningsperiod').selectOption('delar-2-2025');
	await page.getByRole('button', { name: 'Visa' }).click();
	await expect(page).toHaveURL(/period=delar-2-2025/);
	await expect(page.getByText('Uppföljning: Delår 2 2025')).toBeVisible();
	const row = page.getByRole('row', { name: /Sjukfrånvaro/ });
	await expect(row.getByRole('cell').nth(0)).toContainText('Tertial 2 2025');
	await context.close();
});

test('Jämtland RUS shows Kolada population for the län with attribution-worthy source', async ({ page }) => {
	await page.goto('/region-jamtland-harjedalen/rus-jamtlands-lan-2050');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Jämtlands län 2050');
	const row = page.getByRole('row', { name: /Invånare totalt/ });
	await expect(row.getByRole('cell').nth(0)).toContainText('132\u00a0670');
	await expect(row.getByRole('cell').nth(1)).toHaveText('Befolkningsutvecklingen är positiv');
	await expectNoAxeViolations(page);
});

test('an unknown plan answers 404 with a plain message', async ({ page }) => {
	const res = await page.goto('/region-orebro-lan/finns-inte');
	expect(res?.status()).toBe(404);
	await expect(page.getByText('Sidan finns inte')).toBeVisible();
});
