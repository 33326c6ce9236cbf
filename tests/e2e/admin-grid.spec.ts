/**
 * Grid editing end to end: an editor of Exempelregionen types values for Delår 1 2026 straight into the table.
 * A typo saves nothing and keeps everything typed, with the message at the bad cell; fixed, every changed cell is
 * saved as a marked draft, and the value's history says who saved it through the grid. A reviewer sees the grid
 * read-only and a forged save is refused. Axe on the grid and history pages.
 */
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { waitForHydration } from './helpers/hydration';

const ORIGIN = process.env.E2E_ORIGIN ?? 'http://127.0.0.1:4173';
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'data/e2e-4173.db';
const PASSWORD = 'en lång och hemlig mening';

function cli(...args: string[]): string {
	return execFileSync('npx', ['tsx', 'scripts/user.ts', ...args], {
		env: { ...process.env, DATABASE_URL, ORIGIN },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

const unique = (info: TestInfo, what: string) => `${what}-${info.project.name}-${Date.now().toString(36)}@example.se`;

/** A user with a password: made through the CLI, password chosen through the one-time link, then signed out. */
async function makeUser(page: Page, email: string, name: string, role: 'editor' | 'reviewer') {
	const scope = role === 'editor' ? ['--org', 'exempelregionen'] : [];
	const m = /http:\/\/127\.0\.0\.1:\d+(\/engangslank\/[\w-]{43})/.exec(cli('create', '--email', email, '--name', name, '--role', role, ...scope));
	expect(m).not.toBeNull();
	await page.goto(m![1]);
	await page.getByLabel('Nytt lösenord').fill(PASSWORD);
	await page.getByLabel('Upprepa lösenordet').fill(PASSWORD);
	await page.getByRole('button', { name: 'Spara och logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
	await page.context().clearCookies();
}

async function signIn(page: Page, email: string) {
	await page.goto('/logga-in');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
}

/** The id of the open example period, read from the e2e database the server uses. */
function periodId(): number {
	const db = new Database(DATABASE_URL, { readonly: true, fileMustExist: true });
	try {
		return (db.prepare("SELECT id FROM follow_up_period WHERE slug = 'delar-1-2026'").get() as { id: number }).id;
	} finally {
		db.close();
	}
}

// The cells' labels: the indicator's name and the period.
const ABSENCE = 'Sjukfrånvaro, andel av ordinarie arbetstid. Målvärde: Högst 5 %. (Tertial 1 2026)';
const EMPLOYMENT = /^Andel sysselsatta invånare 20–64 år\..* \(2025\)$/;
const UNEMPLOYMENT = 'Arbetslöshet 18–65 år ska minska jämfört med föregående år. (2025)';

test('an editor fills the grid: a typo saves nothing and keeps what was typed; fixed, all are saved as marked drafts with history', async ({ page }, info) => {
	test.slow();
	const email = unique(info, 'tabell');
	await makeUser(page, email, 'Greta Gridsson', 'editor');
	await signIn(page, email);
	// Both projects share one database: each writes its own sex (desktop totalt, phone kvinnor).
	const sex = info.project.name === 'phone' ? { code: 'K', word: 'kvinnor' } : { code: 'T', word: 'totalt' };
	const grid = `/admin/rapportera/${periodId()}/tabell`;
	await page.goto(grid);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tabell: Delår 1 2026');
	await page.getByLabel('Kön').selectOption(sex.code);
	await page.getByRole('button', { name: 'Visa' }).click();
	await expect(page).toHaveURL(new RegExp(`kon=${sex.code}`));
	await waitForHydration(page);
	await expect(page.getByRole('link', { name: 'Tabell' })).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('heading', { name: `Årsvärden (${sex.word})` })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Tertialvärden/ })).toBeVisible();
	await expectNoAxeViolations(page);

	const absence = page.getByLabel(ABSENCE, { exact: true });
	const employment = page.getByRole('textbox', { name: EMPLOYMENT });
	const unemployment = page.getByLabel(UNEMPLOYMENT, { exact: true });
	// Published: 81 % of all, 80,1 % of women.
	const published = sex.code === 'T' ? '81' : '80,1';
	const loadedUnemployment = await unemployment.inputValue();
	await expect(employment).toHaveValue(published);
	await expect(absence).toHaveValue('');

	// Undo before saving: the reset button puts a changed cell back.
	await employment.fill('99');
	await page.getByRole('button', { name: 'Ångra ändringarna' }).click();
	await expect(employment).toHaveValue(published);

	// Type, Tab to move, Enter to save: two values (one with a decimal comma) and a typo.
	await absence.fill('4,7');
	await employment.fill('81,5');
	await page.getByLabel(UNEMPLOYMENT.replace('(2025)', '(2024)'), { exact: true }).focus();
	await page.keyboard.press('Tab');
	await expect(unemployment).toBeFocused();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('6,2,1');
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { name: 'Inget sparades. Rätta cellerna nedan och spara igen.' })).toBeVisible();
	const summaryLink = page.getByRole('link', { name: `${UNEMPLOYMENT}: '6,2,1' är inte ett tal: för många skiljetecken. Skriv till exempel 12,5 eller 2 588.` });
	await expect(summaryLink).toHaveAttribute('href', `#${await unemployment.getAttribute('id')}`);
	await expect(unemployment).toHaveAttribute('aria-invalid', 'true');
	await expect(unemployment).toHaveAccessibleDescription(/'6,2,1' är inte ett tal/);
	await expect(unemployment).toBeFocused();
	await expect(unemployment).toHaveValue('6,2,1');
	await expect(absence).toHaveValue('4,7');
	await expect(employment).toHaveValue('81,5');
	// Nothing was saved: no cell is marked as a draft.
	for (const cell of [absence, employment]) await expect(cell).not.toHaveAccessibleDescription(/Utkast/);
	await expectNoAxeViolations(page);

	// "Ångra ändringarna" goes back to the values as loaded, not to what was typed.
	await page.getByRole('button', { name: 'Ångra ändringarna' }).click();
	await expect(employment).toHaveValue(published);
	await expect(absence).toHaveValue('');
	await expect(unemployment).toHaveValue(loadedUnemployment);

	await absence.fill('4,7');
	await employment.fill('81,5');
	await unemployment.fill('6,2');
	await unemployment.press('Enter');
	await expect(page.getByRole('status')).toContainText('3 ändringar sparades.');
	await expect(absence).toHaveValue('4,7');
	await expect(employment).toHaveValue('81,5');
	await expect(unemployment).toHaveValue('6,2');
	await expect(absence).toHaveAccessibleDescription(/Utkast/);
	await expect(employment).toHaveAccessibleDescription(new RegExp(`Utkast · publicerat: ${published}`));
	await expectNoAxeViolations(page);

	// The history of one cell: saved as a draft, by whom, through the grid.
	const historyLink = page.getByRole('link', { name: `Historik för ${ABSENCE}` });
	const historyHref = await historyLink.getAttribute('href');
	await historyLink.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Historik');
	await expect(page.getByText(/Sjukfrånvaro, andel av ordinarie arbetstid\..*Tertial 1 2026/)).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: 'utkast sparat' });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Greta Gridsson');
	await expect(row).toContainText('tabell');
	await expect(row.getByRole('cell').last()).toHaveText('4,7 %');
	await expectNoAxeViolations(page);

	// Back in the grid, putting the values back as they were discards the drafts (and leaves the shared e2e
	// database as the other reporting tests expect it).
	await page.goto(`${grid}?kon=${sex.code}`);
	await absence.fill('');
	await employment.fill(published);
	await unemployment.fill(loadedUnemployment);
	await unemployment.press('Enter');
	await expect(page.getByRole('status')).toContainText('3 ändringar sparades.');
	for (const cell of [absence, employment, unemployment]) await expect(cell).not.toHaveAccessibleDescription(/Utkast/);
	await expect(employment).toHaveValue(published);
	await page.goto(historyHref!);
	await expect(page.getByRole('row').nth(1)).toContainText('utkast borttaget');
});

test('a reviewer sees the grid read-only, and a save is refused', async ({ page }, info) => {
	test.slow();
	const email = unique(info, 'granskar-tabell');
	await makeUser(page, email, 'Rut Granskare', 'reviewer');
	await signIn(page, email);
	const grid = `/admin/rapportera/${periodId()}/tabell`;
	await page.goto(grid);
	await expect(page.getByText('Du är granskare')).toBeVisible();
	await expect(page.getByRole('textbox')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Spara ändringarna' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	const post = await page.request.post(grid, {
		form: { kon: 'T', 'cell-1-2025': '5', 'was-cell-1-2025': '', 'seen-cell-1-2025': '0.0' },
		headers: { origin: ORIGIN }
	});
	expect(post.status()).toBe(403);
});
