/** Search over goals, uppdrag and indicators: with and without JavaScript, in both viewports (projects). */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

const ANDEL_JAMSTALLDHETSINTEGRERADE =
	'Andel handlingsplaner och understrategier kopplade till RUS som är jämställdhetsintegrerade ska öka.';

test('"jämställdhet" finds the Örebro indicator, marks the word and the link opens the indicator', async ({ page }) => {
	await page.goto('/sok');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sök');
	await expectNoAxeViolations(page);

	const field = page.getByLabel('Sök efter mål, uppdrag eller indikator');
	await field.fill('jämställdhet');
	await field.press('Enter');
	await expect(page).toHaveURL(/\/sok\?q=j%C3%A4mst%C3%A4lldhet$/);

	// The count is announced in a polite live region.
	const status = page.getByRole('status').filter({ hasText: 'träffar för' });
	await expect(status).toContainText(/^\d+ träffar för ”jämställdhet”: \d+ mål, \d+ uppdrag, \d+ indikatorer\.$/);
	// With JavaScript the search runs in place and the focus stays in the field.
	await expect(field).toBeFocused();

	const indicators = page.getByRole('region', { name: /^Indikatorer \(\d+\)$/ });
	await expect(indicators.getByRole('heading', { level: 2 })).toBeVisible();
	const link = indicators.getByRole('link', { name: ANDEL_JAMSTALLDHETSINTEGRERADE });
	await expect(link).toHaveAttribute('href', '/indikator/andel-handlingsplaner-och-understrategier-kopplade-till-rus');
	// The matched part of the compound is marked, and the hit says where it belongs.
	await expect(link.locator('mark')).toHaveText('jämställdhet');
	const item = indicators.getByRole('listitem').filter({ has: page.getByRole('link', { name: ANDEL_JAMSTALLDHETSINTEGRERADE }) });
	await expect(item).toContainText(
		'Region Örebro län › Regional tillväxtnämnd – verksamhetsplan 2019'
	);
	// The snippet shows the goal the indicator serves, where the word stands on its own.
	await expect(item).toContainText('Hör till målet: … kopplade till RUS integrerar viktiga perspektiv som jämställdhet');
	await expect(page.getByRole('region', { name: /^Mål \(\d+\)$/ }).getByRole('link', { name: /Inriktningsmål: Nr 2\./ })).toBeVisible();
	await expectNoAxeViolations(page);

	await link.click();
	await expect(page).toHaveURL(/\/indikator\/andel-handlingsplaner-och-understrategier-kopplade-till-rus/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ANDEL_JAMSTALLDHETSINTEGRERADE);
});

test('searching works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/sok');
	await page.getByLabel('Sök efter mål, uppdrag eller indikator').fill('arbetslöshet');
	await page.getByRole('button', { name: 'Sök' }).click();
	await expect(page).toHaveURL(/\/sok\?q=arbetsl%C3%B6shet$/);
	await expect(page).toHaveTitle('Sök: arbetslöshet – Lägesbild');
	await expect(page.getByRole('status')).toHaveText('2 träffar för ”arbetslöshet”: 2 indikatorer.');
	const indicators = page.getByRole('region', { name: 'Indikatorer (2)' });
	await expect(indicators.getByRole('link', { name: /^Arbetslöshet 18–65 år, årsmedelvärde/ })).toHaveAttribute(
		'href',
		'/indikator/arbetsloshet-18-65-ar'
	);
	const example = indicators.getByRole('listitem').filter({ hasText: 'Arbetslöshet 18–65 år ska minska' });
	await expect(example).toContainText('Exempelregionen › Verksamhetsplan 2025 (exempel)');
	await expect(example).toContainText('Exempeldata');
	// The field keeps the query for the next search.
	await expect(page.getByLabel('Sök efter mål, uppdrag eller indikator')).toHaveValue('arbetslöshet');
	await context.close();
});

test('"Nr 19" puts the goal first; stems and numbers are explained by what is marked', async ({ page }) => {
	await page.goto('/sok?q=Nr+19');
	const goals = page.getByRole('region', { name: /^Mål \(\d+\)$/ });
	const first = goals.getByRole('listitem').first();
	await expect(first.getByRole('link')).toHaveAttribute('href', /^\/region-orebro-lan\/rtn-verksamhetsplan-2019\/mal\/\d+$/);
	await expect(first.locator('mark').first()).toHaveText('Nr 19');

	await page.goto('/sok?q=%C3%B6kning');
	const okar = page.getByRole('link', { name: 'Inriktningsmål: Nr 8. Resandet med kollektivtrafik ökar.' });
	await expect(okar.locator('mark')).toHaveText('ökar');
});

test('too short and unknown queries explain themselves, with tips', async ({ page }) => {
	await page.goto('/sok?q=a');
	await expect(page.getByRole('status')).toHaveText('Skriv minst två bokstäver eller siffror för att söka.');
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);

	await page.goto('/sok?q=qwxyzzy');
	await expect(page.getByRole('status')).toHaveText('Inga träffar för ”qwxyzzy”.');
	await expect(page.getByRole('heading', { level: 2, name: 'Tips' })).toBeVisible();
	await expect(page.getByText('Kontrollera stavningen.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the search page speaks English when asked', async ({ page }) => {
	await page.goto('/sok?q=j%C3%A4mst%C3%A4lldhet&lang=en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
	await expect(page.getByRole('status')).toContainText('results for “jämställdhet”');
	await expect(page.getByRole('heading', { level: 2, name: /^Indicators \(\d+\)$/ })).toBeVisible();
	await expectNoAxeViolations(page);
});
