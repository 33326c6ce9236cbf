/**
 * "Visa alla län och kommuner": the indicator chart with every geography (riket, 21 län, 290 kommuner) as thin grey
 * lines behind the chosen ones, and the table with all of them, one row per geography.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { gotoHydrated } from './helpers/hydration';

test('the chart can show all län and kommuner behind the chosen ones, without JavaScript too', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/indikator/arbetsloshet-18-65-ar?focus=23');
	const box = page.getByRole('checkbox', { name: 'Visa alla län och kommuner som grå linjer i diagrammet' });
	await expect(box).not.toBeChecked();
	await box.check();
	await page.getByRole('button', { name: 'Uppdatera' }).click();
	await expect(page).toHaveURL(/context=all/);
	await expect(box).toBeChecked();

	const figure = page.getByRole('figure').first();
	// 312 geographies have values: Jämtlands län and riket are named, the other 310 are the grey lines.
	await expect(figure).toContainText('och alla 310 övriga län och kommuner');
	await expect(figure).toContainText('De tunna grå linjerna visar alla 310 övriga geografier med värden');
	await expect(figure.locator('path[data-context]')).toHaveAttribute('data-context', '310');
	// The named lines keep their direct labels; no grey line gets one.
	const labelled = await figure.locator('.direct-labels [data-series]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-series')));
	expect(labelled.sort()).toEqual(['00', '23']);

	// Unchecking goes back to the chosen series only.
	await box.uncheck();
	await page.getByRole('button', { name: 'Uppdatera' }).click();
	await expect(page).not.toHaveURL(/context=all/);
	await expect(page.getByRole('figure').first().locator('path[data-context]')).toHaveCount(0);
	await context.close();
});

test('with all geographies the keyboard still walks the named series and the table lists all 312', async ({ page }, testInfo) => {
	// axe checks every cell of the 312-row table: three years keep that to ~1 000 cells, still slow on a busy machine.
	test.setTimeout(120_000);
	await gotoHydrated(page, '/indikator/arbetsloshet-18-65-ar?focus=23&context=all&from=2020&to=2022');
	await expectNoAxeViolations(page);
	if (testInfo.project.name !== 'phone') {
		const plot = page.getByRole('group', { name: /Interaktivt diagram/ });
		const readout = page.getByRole('figure').first().locator('[aria-live="polite"]');
		await plot.focus();
		await expect(readout).toHaveText(/^Jämtlands län, 2022: 4,1\u00a0%/);
		await page.keyboard.press('ArrowDown');
		await expect(readout).toHaveText(/^Riket, 2022: \d/);
		// Two named series: the next step stays among them, never on an unnamed grey line.
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowLeft');
		await expect(readout).toHaveText(/^Riket, 2021: \d/);
	}

	// The table tab keeps the choice; with so many geographies it has one row per geography.
	await page.getByRole('link', { name: 'Tabell' }).click();
	await expect(page).toHaveURL(/context=all/);
	const table = page.getByRole('table', { name: /samma data som diagrammet/ });
	// The server renders a 312-row table for the tab: give a busy machine time.
	await expect(table.getByRole('columnheader')).toHaveText(['Geografi', '2020', '2021', '2022'], { timeout: 30_000 });
	await expect(table.getByRole('rowheader')).toHaveCount(312);
	await expect(table.getByRole('rowheader').nth(0)).toHaveText('Jämtlands län');
	await expect(table.getByRole('row', { name: /^Östersund/ })).toBeVisible();
	await expectNoAxeViolations(page);
});
