/**
 * Structure editing end to end: an admin adds a goal with a printed number to a demo plan, links an
 * indicator, gives it a target by its wording (seeing the parser's reading first), and the public goal page
 * shows it; archiving hides it publicly and restoring brings it back. An editor scoped to another plan is
 * refused. Two sessions edit the same goal: the second gets the conflict view. Axe on every admin page.
 * Accounts come from the CLI run against the e2e database, as in admin.spec.ts.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

const ORIGIN = process.env.E2E_ORIGIN ?? 'http://127.0.0.1:4173';
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'data/e2e-4173.db';
const PASSWORD = 'en lång och hemlig mening';
const PLAN = 'Regional tillväxtnämnd – verksamhetsplan 2019';

function cli(...args: string[]): string {
	return execFileSync('npx', ['tsx', 'scripts/user.ts', ...args], {
		env: { ...process.env, DATABASE_URL, ORIGIN },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

const unique = (info: TestInfo, what: string) => `${what}-${info.project.name}-${Date.now().toString(36)}`;

/** A user made with the CLI who chooses a password through the one-time link (and is then signed in). */
async function makeUser(page: Page, email: string, role: 'admin' | 'editor', ...scope: string[]) {
	const out = cli('create', '--email', email, '--name', `Test ${role}`, '--role', role, ...scope);
	const link = /http:\/\/127\.0\.0\.1:\d+(\/engangslank\/[\w-]{43})/.exec(out);
	expect(link, out).not.toBeNull();
	await page.goto(link![1]);
	await page.getByLabel('Nytt lösenord').fill(PASSWORD);
	await page.getByLabel('Upprepa lösenordet').fill(PASSWORD);
	await page.getByRole('button', { name: 'Spara och logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
}

async function signIn(page: Page, email: string) {
	await page.goto('/logga-in');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
}

/** The value of the first option of a select whose text contains `text`. */
async function optionValue(page: Page, select: string, text: string): Promise<string> {
	const value = await page.locator(`${select} option`, { hasText: text }).first().getAttribute('value');
	expect(value).toBeTruthy();
	return value!;
}

test('an admin adds a numbered goal, links an indicator, sets a target by wording; the public page follows', async ({ page }, info) => {
	// A long flow (CLI, scrypt, a dozen page loads, axe six times) on a shared 2-core machine.
	test.setTimeout(300_000);
	await makeUser(page, `${unique(info, 'struktur-admin')}@example.se`, 'admin');
	await page.getByRole('link', { name: 'Struktur: planer, mål, uppdrag och indikatorer' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Struktur');
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: PLAN }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PLAN);
	await expectNoAxeViolations(page);

	// A missing text: the form comes back with a Swedish message and what was typed.
	const title = `Fler unga ska vilja stanna i länet (${unique(info, 'e2e')})`;
	await page.locator('#goal-parentId').selectOption(await optionValue(page, '#goal-parentId', 'Region Örebro län bidrar till'));
	await page.locator('#goal-number').fill('Nr 99');
	await page.getByRole('button', { name: 'Skapa mål' }).click();
	await expect(page.getByRole('link', { name: 'Text: Skriv målets text.' })).toBeVisible();
	await expect(page.locator('#goal-number')).toHaveValue('Nr 99');
	await expect(page.locator('#goal-title')).toBeFocused();
	await expectNoAxeViolations(page);
	await page.locator('#goal-title').fill(title);
	await page.locator('#goal-origin').selectOption('council');
	await page.getByRole('button', { name: 'Skapa mål' }).click();
	await expect(page).toHaveURL(/\/admin\/struktur\/mal\/\d+\?skapad=1$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Inriktningsmål: Nr 99 ${title}`);
	await expectNoAxeViolations(page);
	const goalUrl = new URL(page.url()).pathname;

	// Link an indicator.
	const indicatorValue = await optionValue(page, '#link-indicatorId', 'Invånare');
	const indicatorName = (await page.locator(`#link-indicatorId option[value="${indicatorValue}"]`).textContent())!.replace(/ \(.*\)$/, '').trim();
	await page.locator('#link-indicatorId').selectOption(indicatorValue);
	await page.getByRole('button', { name: 'Koppla', exact: true }).click();
	await expect(page.getByRole('heading', { level: 3, name: indicatorName })).toBeVisible();

	// A target by its wording: the reading shows while typing, and again server-side with "Visa tolkningen".
	const wording = page.locator(`#new-${indicatorValue}-wording`);
	await wording.fill('Alla ska trivas här');
	await expect(page.getByTestId('target-preview')).toContainText('Kunde inte tolkas');
	await expect(page.getByTestId('target-preview')).toContainText('sparas som text');
	await wording.fill('Minst 58 %');
	await expect(page.getByTestId('target-preview')).toContainText('Målet är att värdet ska vara minst 58 %.');
	await page.getByRole('button', { name: 'Visa tolkningen' }).last().click();
	await expect(page.locator(`#new-${indicatorValue}-wording`)).toHaveValue('Minst 58 %');
	await expect(page.getByTestId('target-preview')).toContainText('✓ Tolkad');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Spara målvärdet' }).last().click();
	await expect(page.getByText('✓ Ändringen är sparad.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 4, name: 'Huvudmålvärde: Minst 58 %' })).toBeVisible();
	await expectNoAxeViolations(page);

	// The public goal page shows the goal, its indicator and the target as worded.
	await page.getByRole('link', { name: 'Visa på den publika sajten' }).click();
	await expect(page).toHaveURL(/\/region-orebro-lan\/rtn-verksamhetsplan-2019\/mal\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(page.getByRole('definition').filter({ hasText: /^Minst 58 %$/ })).toBeVisible();
	await expect(page.getByText(indicatorName).first()).toBeVisible();
	const publicUrl = new URL(page.url()).pathname;

	// Archived: gone from the public site, kept in admin; restored: back.
	await page.goto(goalUrl);
	await page.getByRole('button', { name: 'Arkivera', exact: true }).click();
	await expect(page.getByText('▣ Arkiverad: visas inte på den publika sajten.')).toBeVisible();
	await expectNoAxeViolations(page);
	expect((await page.goto(publicUrl))?.status()).toBe(404);
	await page.goto('/region-orebro-lan/rtn-verksamhetsplan-2019');
	await expect(page.getByText(title)).toHaveCount(0);
	// Deleting is refused: an indicator and a target hang on it.
	await page.goto(goalUrl);
	await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('kan inte tas bort. Arkivera det i stället.');
	await page.getByRole('button', { name: 'Återställ', exact: true }).click();
	expect((await page.goto(publicUrl))?.status()).toBe(200);

	// With nothing attached any more, the goal can be deleted: target, link, then the goal.
	await page.goto(goalUrl);
	await page.getByRole('button', { name: 'Ta bort målvärdet' }).first().click();
	await expect(page.getByText('✓ Ändringen är sparad.')).toBeVisible();
	await page.getByRole('button', { name: `Ta bort kopplingen: ${indicatorName}` }).click();
	await expect(page.getByText('Målet har inga indikatorer ännu.')).toBeVisible();
	await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
	await expect(page).toHaveURL(/\/admin\/struktur\/plan\/\d+$/);
	await expect(page.getByRole('link', { name: new RegExp(`Nr 99 ${title.replace(/[()]/g, '.')}`) })).toHaveCount(0);
	expect((await page.goto(publicUrl))?.status()).toBe(404);
});

test('indicator and uppdrag pages pass axe; the section speaks English when asked', async ({ page }, info) => {
	test.slow();
	await makeUser(page, `${unique(info, 'sidor')}@example.se`, 'admin');
	await page.goto('/admin/struktur/indikatorer');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indikatorer');
	await expectNoAxeViolations(page);
	await page.getByRole('table').getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 2, name: 'Indikatorns uppgifter' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto('/admin/struktur/plan/1');
	await page.getByRole('link', { name: /^Uppdrag/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Uppdrag');
	await expectNoAxeViolations(page);
	await page.goto('/admin/struktur?lang=en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Structure');
	await expect(page.getByRole('heading', { level: 2, name: 'New plan' })).toBeVisible();
	await page.goto('/admin/struktur?lang=sv');
});

test('the goal tree reorders by keyboard-usable buttons', async ({ page }, info) => {
	test.slow();
	await makeUser(page, `${unique(info, 'ordning')}@example.se`, 'admin');
	await page.goto('/admin/struktur');
	await page.getByRole('link', { name: 'Verksamhetsplan 2025 (exempel)' }).click();
	const rows = page.locator('section[aria-labelledby="tree-heading"] > ul > li > .goal-row a');
	const [first, second] = [await rows.nth(0).textContent(), await rows.nth(1).textContent()];
	await page.getByRole('button', { name: `Flytta ned: ${first}` }).focus();
	await page.keyboard.press('Enter');
	await expect(rows.nth(0)).toHaveText(second!);
	await expect(rows.nth(1)).toHaveText(first!);
	await expect(page.getByRole('button', { name: `Flytta ned: ${first}` })).toBeFocused();
	await page.getByRole('button', { name: `Flytta upp: ${first}` }).click();
	await expect(rows.nth(0)).toHaveText(first!);
});

test('an editor scoped to another plan can look but not change', async ({ page }, info) => {
	test.slow();
	await makeUser(page, `${unique(info, 'jamtland')}@example.se`, 'editor', '--plan', 'region-jamtland-harjedalen/rus-jamtlands-lan-2050');
	await page.goto('/admin/struktur/mal/3');
	await expect(page.getByText('Du kan se men inte ändra det här.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Spara målet' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	const version = await page.locator('input[name="version"]').first().inputValue();
	const post = await page.request.post('/admin/struktur/mal/3?/saveGoal', {
		form: { parentId: '2', number: 'Nr 1', label: '', title: 'Kapat', description: '', origin: 'council', version },
		headers: { origin: ORIGIN }
	});
	expect(post.status()).toBe(403);
	const newPlan = await page.request.post('/admin/struktur?/createPlan', {
		form: { organisationId: '1', name: 'Smygplan', kind: 'annan', startYear: '', endYear: '', levelNames: 'Mål', geographyId: '', description: '', source: '' },
		headers: { origin: ORIGIN }
	});
	expect(newPlan.status()).toBe(403);
	await page.goto('/admin/struktur/mal/3');
	await expect(page.locator('#goal-title')).not.toHaveValue('Kapat');
	// Inside their own plan they may.
	await page.goto('/admin/struktur');
	await page.getByRole('link', { name: 'Regional utvecklingsstrategi Jämtlands län 2050' }).click();
	await expect(page.getByRole('button', { name: 'Skapa mål' })).toBeVisible();
});

async function session(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

test('two sessions edit the same goal: the second sees the conflict and chooses', async ({ page, browser }, info) => {
	test.slow();
	const email = `${unique(info, 'konflikt')}@example.se`;
	await makeUser(page, email, 'admin');
	// A goal of its own, so runs in both projects do not meet.
	await page.goto('/admin/struktur/plan/3');
	await page.locator('#goal-parentId').selectOption({ index: 1 });
	await page.locator('#goal-title').fill('Konfliktmål');
	await page.getByRole('button', { name: 'Skapa mål' }).click();
	const goalUrl = new URL(page.url()).pathname;
	const other = await session(browser, email);
	await page.goto(goalUrl);
	await other.goto(goalUrl);

	await page.locator('#goal-title').fill('Först sparat');
	await page.getByRole('button', { name: 'Spara målet' }).click();
	await expect(page.getByText('✓ Ändringen är sparad.')).toBeVisible();

	await other.locator('#goal-title').fill('Mitt förslag');
	await other.locator('#goal-number').fill('Nr 7');
	await other.getByRole('button', { name: 'Spara målet' }).click();
	const conflict = other.getByRole('alert').filter({ hasText: 'Någon annan har sparat ändringar medan du redigerade' });
	await expect(conflict).toBeVisible();
	await expect(conflict.getByRole('row', { name: /Text/ })).toContainText('Mitt förslag');
	await expect(conflict.getByRole('row', { name: /Text/ })).toContainText('Först sparat');
	await expect(other.locator('#goal-title')).toHaveValue('Mitt förslag');
	await expectNoAxeViolations(other);

	// "Ta de nuvarande värdena" shows what is stored; typing again and keeping theirs then saves on purpose.
	await conflict.getByRole('link', { name: 'Ta de nuvarande värdena' }).click();
	await expect(other.locator('#goal-title')).toHaveValue('Först sparat');
	await page.locator('#goal-title').fill('Andra sparningen');
	await page.getByRole('button', { name: 'Spara målet' }).click();
	await other.locator('#goal-title').fill('Mitt förslag igen');
	await other.getByRole('button', { name: 'Spara målet' }).click();
	await other.getByRole('button', { name: 'Spara mina värden' }).click();
	await expect(other.getByText('✓ Ändringen är sparad.')).toBeVisible();
	await expect(other.locator('#goal-title')).toHaveValue('Mitt förslag igen');
	await other.context().close();
	// Leave the shared database as found: the goal has nothing attached, so it can be deleted.
	await page.goto(goalUrl);
	await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
	await expect(page).toHaveURL(/\/admin\/struktur\/plan\/3$/);
});

test('without JavaScript: the parser reading and field errors come from the server', async ({ browser }, info) => {
	test.slow();
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await makeUser(page, `${unique(info, 'utan-js')}@example.se`, 'admin');
	await page.goto('/admin/struktur/plan/3');
	await page.locator('#goal-number').fill('7 b');
	await page.getByRole('button', { name: 'Skapa mål' }).click();
	await expect(page.getByRole('link', { name: 'Text: Skriv målets text.' })).toBeVisible();
	await expect(page.locator('#goal-number')).toHaveValue('7 b');
	await page.locator('#goal-parentId').selectOption({ index: 1 });
	await page.locator('#goal-title').fill('Mål utan skript');
	await page.getByRole('button', { name: 'Skapa mål' }).click();
	await expect(page).toHaveURL(/\/admin\/struktur\/mal\/\d+\?skapad=1$/);
	const value = await optionValue(page, '#link-indicatorId', 'Invånare');
	await page.locator('#link-indicatorId').selectOption(value);
	await page.getByRole('button', { name: 'Koppla', exact: true }).click();
	await page.locator(`#new-${value}-wording`).fill('Öka jämfört med föregående år');
	await page.getByRole('button', { name: 'Visa tolkningen' }).last().click();
	await expect(page.getByTestId('target-preview')).toContainText('Målet är att värdet ska öka jämfört med föregående år.');
	await page.getByRole('button', { name: 'Spara målvärdet' }).last().click();
	await expect(page.getByRole('heading', { level: 4, name: 'Huvudmålvärde: Öka jämfört med föregående år' })).toBeVisible();
	// Leave the shared database as found: target, link, goal.
	await page.getByRole('button', { name: 'Ta bort målvärdet' }).first().click();
	await page.getByRole('button', { name: /^Ta bort kopplingen/ }).click();
	await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
	await expect(page).toHaveURL(/\/admin\/struktur\/plan\/3$/);
	await context.close();
});

test('an admin opens a new follow-up period with a deadline; editors see it under Att rapportera', async ({ page }, info) => {
	test.slow();
	// A year no other run of this test has used against the same database (projects share it).
	const year = 2100 + (Date.now() % 800);
	await makeUser(page, `${unique(info, 'period')}@example.se`, 'admin');
	await page.goto('/admin/struktur');
	await page.getByRole('link', { name: PLAN }).click();
	const periods = page.getByRole('region', { name: 'Uppföljningsperioder' });
	await expect(periods.getByRole('rowheader', { name: 'Helår 2019' })).toBeVisible();

	// A deadline before the period ends: the message sits at the field and the typed values stay.
	await page.locator('#period-new-kind').selectOption('delar');
	await page.locator('#period-new-year').fill(String(year));
	await page.locator('#period-new-part').fill('1');
	await page.locator('#period-new-deadline').fill(`${year}-04-01`);
	await page.getByRole('button', { name: 'Skapa perioden' }).click();
	await expect(page.locator('#period-new-deadline-error')).toHaveText('Sista dag för rapportering kan inte vara före periodens slutdatum.');
	await expect(page.locator('#period-new-year')).toHaveValue(String(year));
	await expectNoAxeViolations(page);

	await page.locator('#period-new-deadline').fill(`${year}-05-15`);
	await page.getByRole('button', { name: 'Skapa perioden' }).click();
	await expect(periods.getByRole('status')).toHaveText('✓ Perioden är skapad.');
	const row = periods.getByRole('row', { name: new RegExp(`^Delår 1 ${year}`) });
	await expect(row.getByRole('cell').nth(0)).toHaveText(`${year}-04-30`);
	await expect(row.getByRole('cell').nth(1)).toHaveText(`${year}-05-15`);
	await expect(row.getByRole('cell').nth(2)).toHaveText('Öppen');

	await page.goto('/admin/rapportera');
	const section = page.getByRole('region', { name: new RegExp(`^Delår 1 ${year}: Region Örebro län`) });
	await expect(section).toContainText(`Sista dag: ${year}-05-15`);

	// Move the deadline, then remove the period again (nothing has been reported for it).
	await page.goBack();
	await page.getByText(`Ändra: Delår 1 ${year}`).click();
	const deadline = page.locator(`details:has-text("Ändra: Delår 1 ${year}") input[name="deadline"]`);
	await deadline.fill(`${year}-05-20`);
	await page.getByRole('button', { name: 'Spara perioden' }).click();
	await expect(periods.getByRole('status')).toHaveText('✓ Perioden är sparad.');
	await expect(row.getByRole('cell').nth(1)).toHaveText(`${year}-05-20`);
	await page.getByText(`Ändra: Delår 1 ${year}`).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: `Ta bort: Delår 1 ${year}` }).click();
	await expect(periods.getByRole('status')).toHaveText('✓ Perioden är borttagen.');
	await expect(row).toHaveCount(0);
});
