/** The public site end to end: from the overview down to an indicator, its views, downloads and embed. */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { gotoHydrated } from './helpers/hydration';

test('overview → plan → goal → indicator, and every page type passes axe', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('heading', { level: 2, name: 'Region Jämtland Härjedalen' }).isVisible();
	await page.goto('/region-jamtland-harjedalen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Läget i länet: Region Jämtland Härjedalen');
	await expect(page.getByRole('heading', { name: 'Nyckeltal för Jämtlands län' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Regional utvecklingsstrategi Jämtlands län 2050' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regional utvecklingsstrategi Jämtlands län 2050');
	await page.getByRole('link', { name: /Långsiktig prioritering 1: Förutsättningar/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Förutsättningar för utvecklingskraft i hela länet');
	await expect(page.getByRole('heading', { level: 2, name: 'Indikatorer' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Invånare totalt, antal' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invånare totalt, antal');
	await expect(page).toHaveURL(/\/indikator\/invanare-totalt\?focus=23/);
	await expect(page.getByText('Jämtlands län 2022: 132\u00a0670 invånare').first()).toBeVisible();
	await expect(page.getByRole('figure').first()).toBeVisible();
	await expectNoAxeViolations(page);
});

test('uppdrag, kommun and plan pages render and pass axe', async ({ page }) => {
	await page.goto('/region-orebro-lan/rtn-verksamhetsplan-2019');
	await page.getByRole('link', { name: 'Uppdrag 46.' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uppdrag 46.');
	await expect(page.getByRole('heading', { name: 'Helår 2019' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/kommun/2380');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Östersund');
	const row = page.getByRole('row', { name: /Invånare totalt/ });
	await expect(row).toContainText('av 8');
	await expectNoAxeViolations(page);
});

test('choosing comparisons and sex changes the chart, the table and the URL', async ({ page }) => {
	await gotoHydrated(page, '/indikator/arbetsloshet-18-65-ar?focus=23&tab=table');
	const table = page.getByRole('table', { name: /samma data som diagrammet/ });
	await expect(table.getByRole('columnheader')).toHaveText(['Period', 'Jämtlands län', 'Riket']);

	await page.getByText(/Jämför med \(\d valda\)/).click();
	await page.getByRole('checkbox', { name: 'Östersund' }).check();
	await expect(page).toHaveURL(/compare=[^&]*2380/);
	await expect(table.getByRole('columnheader')).toHaveText(['Period', 'Jämtlands län', 'Riket', 'Östersund']);
	await page.getByRole('checkbox', { name: 'Riket' }).uncheck();
	await expect(table.getByRole('columnheader')).toHaveText(['Period', 'Jämtlands län', 'Östersund']);

	await page.getByRole('link', { name: 'Diagram' }).click();
	await expect(page).toHaveURL(/compare=2380/);
	await expect(page.getByRole('figure').first()).toContainText('Östersund');
	await expect(page.getByRole('figure').first()).not.toContainText('Riket');

	await gotoHydrated(page, '/indikator/invanare-totalt?focus=23&tab=table');
	const before = await page.getByRole('table').first().getByRole('row').nth(1).textContent();
	await page.getByRole('radio', { name: 'kvinnor' }).check();
	await expect(page).toHaveURL(/sex=K/);
	await expect(page.getByRole('table').first().getByRole('row').nth(1)).not.toHaveText(before ?? '');
	await expect(page.getByText('(kvinnor)')).toBeVisible();
});

test('the CSV download holds exactly the rows the table shows', async ({ page, request }) => {
	await page.goto('/indikator/arbetsloshet-18-65-ar?focus=23&compare=00,2380&from=2018&to=2022&tab=table');
	const rows = page.getByRole('table').first().getByRole('row');
	await expect(rows).toHaveCount(6);
	const firstCells = await rows.nth(1).getByRole('cell').allTextContents();

	const href = await page.getByRole('link', { name: /CSV \(komma/ }).getAttribute('href');
	const res = await request.get(href!);
	expect(res.headers()['content-type']).toContain('text/csv');
	const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
	expect(lines[0]).toBe('indikator,geografikod,geografi,period,kön,värde,symbol,enhet');
	expect(lines).toHaveLength(1 + 3 * 5);
	const jamtland2018 = lines.find((l) => l.includes(',23,') && l.includes(',2018,'))!;
	const value = Number(jamtland2018.split(',')[5]);
	expect(firstCells[0]).toBe(value.toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).replace('-', '\u2212') + '\u00a0%');

	const excel = await request.get(href!.replace('?', '?dialect=excel&'));
	expect((await excel.text()).split('\r\n')[0]).toContain('indikator;geografikod');
	const xlsx = await request.get(href!.replace('data.csv', 'data.xlsx'));
	expect(xlsx.status()).toBe(200);
	expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
});

test('the embed page shows the chart without site chrome, with source and a link back', async ({ page }) => {
	await page.goto('/indikator/arbetsloshet-18-65-ar?focus=23');
	await page.getByText('Bädda in diagrammet').click();
	const code = await page.getByRole('textbox', { name: 'Kod för inbäddning' }).inputValue();
	const src = /src="([^"]+)"/.exec(code)![1];
	await page.goto(src);
	await expect(page.getByRole('banner')).toHaveCount(0);
	await expect(page.getByRole('figure').first()).toBeVisible();
	await expect(page.getByText('Källa: Kolada')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Mer om indikatorn på Lägesbild' })).toHaveAttribute('href', /\/indikator\/arbetsloshet-18-65-ar\?focus=23/);
	await expectNoAxeViolations(page);
});

test('bar charts rank the län’s kommuner and all län for the chosen year', async ({ page }) => {
	await page.goto('/indikator/arbetsloshet-18-65-ar?focus=23&tab=bar&year=2020');
	const figures = page.getByRole('figure');
	await expect(figures.nth(0)).toContainText('kommunerna i Jämtlands län, 2020');
	await expect(figures.nth(1)).toContainText('alla län, 2020');
	await expect(figures.nth(0)).toContainText('Östersund');
	await expectNoAxeViolations(page);
});

test('the site switches to English and remembers it', async ({ page }) => {
	await page.goto('/region-orebro-lan');
	await page.getByRole('link', { name: 'In English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('State of the county: Region Örebro län');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.goto('/indikator/arbetsloshet-18-65-ar');
	await expect(page.getByRole('link', { name: 'Table' })).toBeVisible();
	await page.getByRole('link', { name: 'På svenska' }).click();
	await expect(page.getByRole('link', { name: 'Tabell' })).toBeVisible();
});

test('the line chart can be read with the keyboard alone', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name === 'phone', 'Arrow-key reading is a desktop keyboard feature; the phone project covers touch.');
	await gotoHydrated(page, '/indikator/arbetsloshet-18-65-ar?focus=23');
	const plot = page.getByRole('group', { name: /Interaktivt diagram/ });
	await expect(plot).toBeVisible();
	// Reach the chart with Tab only, as a keyboard user would.
	for (let i = 0; i < 80 && !(await plot.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(plot).toBeFocused();
	const readout = page.locator('[aria-live="polite"]').filter({ hasText: 'Jämtlands län' });
	await expect(readout).toHaveText(/Jämtlands län, 2022: 4,1\u00a0%/);
	await page.keyboard.press('ArrowLeft');
	await expect(readout).toHaveText(/Jämtlands län, 2021: 5,4\u00a0%/);
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Riket' })).toHaveText(/Riket, 2021: \d/);
	await page.keyboard.press('Home');
	await expect(page.locator('[aria-live="polite"]').filter({ hasText: '2010' })).toBeVisible();
});

test('the indicator page says which import the focus’s latest value and the values shown came from', async ({ page }) => {
	// Server-rendered: no need to wait for hydration.
	await page.goto('/indikator/arbetsloshet-18-65-ar?focus=23&compare=00');
	const about = page.getByRole('region', { name: 'Om indikatorn' });
	await expect(about.getByRole('heading', { level: 3, name: 'Var siffrorna kommer ifrån' })).toBeVisible();
	const source = 'Kolada, nyckeltal N03920 (via open-numbers/ddf--kolada--dump, hösten 2024) (fil ddf--datapoints--n03920--by--geo--year.csv), inläst';
	await expect(about.getByText('Senaste värdet för Jämtlands län (2022):')).toBeVisible();
	await expect(about.locator('.focus-origin')).toContainText(source);
	await expect(about.getByRole('listitem')).toHaveCount(1);
	await expect(about.getByRole('listitem')).toContainText(source);
	await expect(about.getByRole('listitem')).toContainText('26 värden, 2010–2022, Jämtlands län, Riket');
	// Another focus: its own latest value, and the list follows the geographies in view.
	await page.goto('/indikator/arbetsloshet-18-65-ar?focus=2380');
	await expect(about.getByText(/^Senaste värdet för Östersund \(\d{4}\):/)).toBeVisible();
	await expect(about.getByRole('listitem')).toContainText(/värden, \d{4}–\d{4}, Östersund/);
	await expectNoAxeViolations(page);
});
