/** Maps: the indicator's map tab (län and kommuner), keyboard and year, and the locator maps. */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { gotoHydrated } from './helpers/hydration';

const INDICATOR = '/indikator/arbetsloshet-18-65-ar';
const areas = (page: Page) => page.locator('[data-map] a[data-code]');
/** What the read-out line shows (its other lines are hidden until their area is hovered or focused). */
const readout = (page: Page) => page.locator('[data-map] .readout > span:visible');
/** Each area's colour (set on its link, so the highlight ring does not inherit it). */
const fills = (page: Page) => areas(page).evaluateAll((links) => links.map((a) => getComputedStyle(a).fill));

test('Jämtland: the map tab shows the län’s 8 kommuner with name, value and rank, a legend and the source', async ({ page }) => {
	await page.goto(`${INDICATOR}?focus=23&tab=map`);
	await expect(page.getByRole('link', { name: 'Karta' })).toHaveAttribute('aria-current', 'page');
	const figure = page.locator('figure[data-map]');
	await expect(figure).toHaveRole('figure');
	await expect(figure).toContainText('kommunerna i Jämtlands län, 2022');
	await expect(areas(page)).toHaveCount(8);
	// (Accessible names come with whitespace normalised, so \s stands for the no-break space before "%".)
	await expect(page.getByRole('link', { name: /^Östersund: \d+,\d\s%, plats [1-8] av 8$/ })).toHaveCount(1);
	for (const name of ['Krokom', 'Strömsund', 'Åre', 'Berg', 'Härjedalen', 'Bräcke', 'Ragunda']) {
		await expect(page.getByRole('link', { name: new RegExp(`^${name}: `) })).toHaveCount(1);
	}
	// Neighbouring län are drawn in grey for context, and are not links.
	expect(await page.locator('[data-map] .context path').count()).toBeGreaterThanOrEqual(3);
	// The legend gives every class as a range with the number of kommuner; the counts add up to 8.
	const counts = await page.locator('[data-map] .legend .count').allTextContents();
	expect(counts.reduce((sum, c) => sum + Number(c.split(' ')[0]), 0)).toBe(8);
	await expect(page.locator('[data-map] .legend .range').first()).toHaveText(/^\d+,\d–\d+,\d\s%$/);
	await expect(figure.getByText('Källa: SCB (Digitala gränser)')).toBeVisible();
	await expect(page.getByRole('contentinfo')).toContainText('Kartor: Källa: SCB (Digitala gränser)');

	// The same areas and values as a table.
	await page.getByText('Visa kartans värden som tabell').click();
	const table = page.getByRole('table', { name: /kommunerna i Jämtlands län/ });
	await expect(table.getByRole('row')).toHaveCount(9);
	await expect(table.getByRole('row', { name: /Östersund/ })).toContainText(/\d+,\d\s%/);
	await expectNoAxeViolations(page);

	// An area leads to the kommun's page.
	await page.getByRole('link', { name: /^Östersund: / }).click();
	await expect(page).toHaveURL(/\/kommun\/2380$/);
});

test('Örebro: 12 kommuner, then all 21 län with Örebro län outlined', async ({ page }) => {
	await page.goto(`${INDICATOR}?focus=18&tab=map`);
	await expect(areas(page)).toHaveCount(12);
	await expect(page.getByRole('link', { name: /^Örebro: \d+,\d\s%, plats \d+ av 12$/ })).toHaveCount(1);
	await expect(page.getByRole('link', { name: /^Hällefors: / })).toHaveCount(1);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Alla län' }).click();
	await expect(page).toHaveURL(/level=lan/);
	await expect(areas(page)).toHaveCount(21);
	await expect(page.locator('[data-map]')).toContainText('alla län, 2022');
	for (const name of ['Stockholms län', 'Gotlands län', 'Norrbottens län', 'Jämtlands län']) {
		await expect(page.getByRole('link', { name: new RegExp(`^${name}: \\d+,\\d\\s%, plats \\d+ av 21$`) })).toHaveCount(1);
	}
	const orebro = page.getByRole('link', { name: /^Örebro län: / });
	await expect(orebro).toHaveCount(1);
	// The focus län is named on the map and in the read-out, and outlined.
	await expect(readout(page)).toHaveText(/^Örebro län: \d+,\d\s%, plats \d+ av 21$/);
	await expect(page.locator('[data-map] .focus-line')).toHaveCount(1);
	await expectNoAxeViolations(page);

	// A län leads to that län's kommuner on the map.
	await page.getByRole('link', { name: /^Jämtlands län: / }).click();
	await expect(page).toHaveURL(/focus=23/);
	await expect(areas(page)).toHaveCount(8);
});

test('keyboard focus moves from area to area and the read-out follows with value and rank', async ({ page }) => {
	await gotoHydrated(page, `${INDICATOR}?focus=23&tab=map`);
	const line = readout(page);
	// The hint ("Peka på …") is for screens that can hover; a touch screen shows no line until an area has focus.
	const canHover = await page.evaluate(() => matchMedia('(hover: hover)').matches);
	const expectHint = async () => (canHover ? expect(line).toHaveText(/^Peka på ett område/) : expect(line).toHaveCount(0));
	await expectHint();
	// Reach the map with Tab only: the "Jämfört med riket" switch is the last stop before it.
	await page.getByRole('link', { name: 'Jämfört med riket' }).focus();
	await page.keyboard.press('Tab');
	const names: string[] = [];
	for (let i = 0; i < 8; i++) {
		const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
		expect(name).toMatch(/^[A-ZÅÄÖ][a-zåäö]+: \d+,\d\s%, plats [1-8] av 8$/);
		await expect(line).toHaveText(name);
		// The ring drawn on top of all areas shows the focused one's outline.
		const code = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
		await expect(page.locator('[data-map] use.ring:visible')).toHaveAttribute('href', `#map-kommun-${code}`);
		names.push(name);
		await page.keyboard.press('Tab');
	}
	expect(new Set(names).size).toBe(8);
	// Past the last area focus leaves the map and the read-out returns to its hint.
	await expectHint();
	await expect(page.locator('[data-map] use.ring:visible')).toHaveCount(0);
});

test('switching year changes the fills and the legend; the colour scale can compare with riket', async ({ page }) => {
	await gotoHydrated(page, `${INDICATOR}?focus=23&tab=map`);
	const before = await fills(page);
	expect(new Set(before).size).toBeGreaterThan(1);
	const legend = page.locator('[data-map] .legend');
	const legendBefore = await legend.textContent();
	await expect(page.locator('[data-map] .legend-title')).toHaveText('Värde 2022');

	await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2012');
	await expect(page).toHaveURL(/year=2012/);
	await expect(page.locator('[data-map] .legend-title')).toHaveText('Värde 2012');
	await expect(page.locator('[data-map]')).toContainText('kommunerna i Jämtlands län, 2012');
	expect(await fills(page)).not.toEqual(before);
	expect(await legend.textContent()).not.toBe(legendBefore);
	await expect(page).toHaveURL(/tab=map/);

	await page.getByRole('link', { name: 'Jämfört med riket' }).click();
	await expect(page).toHaveURL(/mapmode=riket/);
	await expect(page).toHaveURL(/year=2012/);
	await expect(page.locator('[data-map] .legend-title')).toHaveText(/^Jämfört med riket \(\d+,\d\s%\)$/);
	await expect(legend).toContainText(/(lägre|högre) än riket/);
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the map is in the HTML, with links, names and the legend', async ({ page }) => {
		await page.goto(`${INDICATOR}?focus=18&tab=map&level=lan`);
		await expect(areas(page)).toHaveCount(21);
		await expect(page.getByRole('link', { name: /^Örebro län: .*av 21$/ })).toHaveCount(1);
		await expect(page.locator('[data-map] .legend li').first()).toBeVisible();
		await expect(readout(page)).toHaveText(/^Örebro län: /);
		// The read-out follows the keyboard without any script.
		await page.getByRole('link', { name: /^Skåne län: / }).focus();
		await expect(readout(page)).toHaveText(/^Skåne län: /);
	});
});

test('pages without a map draw none and name no map source', async ({ page }) => {
	await page.goto(`${INDICATOR}?focus=23`);
	await expect(page.locator('[data-map]')).toHaveCount(0);
	await expect(page.getByRole('contentinfo')).not.toContainText('Digitala gränser');
	// An indicator with a value for one area only has no map tab.
	await page.goto('/indikator/resultatet-ska-under-2019-uppga-till-minst-noll');
	await expect(page.getByRole('link', { name: 'Tabell' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Karta' })).toHaveCount(0);
});

test('locator maps: the län in Sweden on the organisation page, the kommun in its län on the kommun page', async ({ page }) => {
	await page.goto('/region-jamtland-harjedalen');
	await expect(page.getByRole('img', { name: 'Karta: Jämtlands län markerat bland Sveriges 21 län' })).toBeVisible();
	await expect(page.getByText('Jämtlands län i Sverige')).toBeVisible();
	await expect(page.getByRole('contentinfo')).toContainText('Kartor: Källa: SCB (Digitala gränser)');
	await expectNoAxeViolations(page);

	await page.goto('/region-orebro-lan');
	await expect(page.getByRole('img', { name: 'Karta: Örebro län markerat bland Sveriges 21 län' })).toBeVisible();

	await page.goto('/kommun/2380');
	await expect(page.getByRole('img', { name: 'Karta: Östersund markerad bland kommunerna i Jämtlands län' })).toBeVisible();
	await expect(page.getByText('Östersund i Jämtlands län')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/kommun/1880?lang=en');
	await expect(page.getByRole('img', { name: 'Map: Örebro highlighted among the municipalities of Örebro län' })).toBeVisible();
	await page.goto('/exempelregionen');
	await expect(page.getByRole('img', { name: /^(Karta|Map):/ })).toHaveCount(0);
});
