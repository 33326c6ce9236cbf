/**
 * Insatser end to end: the public list with its filters (a plain GET form), an insats page, a goal page listing
 * its insatser with results, axe on each; an editor of another organisation is refused, an admin creates an
 * insats, publishes it, and the history shows it; a change to it stays a draft (previewed, not public) until
 * published; the export downloads as DOCX.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

const ORIGIN = process.env.E2E_ORIGIN ?? 'http://127.0.0.1:4173';
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'data/e2e-4173.db';
const PASSWORD = 'en lång och hemlig mening';
const ORG = 'region-jamtland-harjedalen';

function cli(...args: string[]): string {
	return execFileSync('npx', ['tsx', 'scripts/user.ts', ...args], { env: { ...process.env, DATABASE_URL, ORIGIN }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function userWithPassword(page: Page, info: TestInfo, role: 'admin' | 'editor', scope: string[] = []) {
	const email = `insats-${role}-${info.project.name}-${Date.now().toString(36)}@example.se`;
	const m = /http:\/\/127\.0\.0\.1:\d+(\/engangslank\/[\w-]{43})/.exec(cli('create', '--email', email, '--name', `Insats ${role}`, '--role', role, ...scope));
	await page.goto(m![1]);
	await page.getByLabel('Nytt lösenord').fill(PASSWORD);
	await page.getByLabel('Upprepa lösenordet').fill(PASSWORD);
	await page.getByRole('button', { name: 'Spara och logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
	return email;
}

test('public list: filter by national priority and kommun without JavaScript, then an insats page', async ({ browser, page: jsPage }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/${ORG}`);
	await page.getByRole('link', { name: /^Insatser \(\d+\)/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insatser: Region Jämtland Härjedalen');
	await expect(page.getByTestId('insats-count')).toHaveText(/^(30|31) insatser$/);
	await page.getByLabel('Nationell prioritering').selectOption({ label: 'Kompetensförsörjning' });
	await page.getByRole('button', { name: 'Visa', exact: true }).click();
	await expect(page).toHaveURL(/prioritering=\d+/);
	await expect(page.getByTestId('insats-count')).toHaveText(/^5 av (30|31) insatser$/);
	await page.goto(`/${ORG}/insatser?kommun=2305`);
	await expect(page.getByTestId('insats-count')).toHaveText(/^1 av (30|31) insatser$/);
	await page.getByRole('link', { name: 'Investering i ny bränslestation Kälarne Bräcke kommun' }).click();
	await expect(page.getByTestId('nyps')).toContainText('00216758');
	await expect(page.getByRole('link', { name: 'Infrastruktur och samhällsservice' })).toBeVisible();
	const insatsUrl = page.url();
	await context.close();
	// axe needs JavaScript in the page: the same pages in an ordinary browser. (31: the officials' test publishes one.)
	await jsPage.goto(`/${ORG}/insatser?finansiering=eruf`);
	await expect(jsPage.getByTestId('insats-count')).toHaveText(/^3 av (30|31) insatser$/);
	await expectNoAxeViolations(jsPage);
	await jsPage.goto(insatsUrl);
	await expectNoAxeViolations(jsPage);
});

test('a goal page lists the insatser that contribute to it, with their results and figures', async ({ page }) => {
	await page.goto(`/${ORG}/rus-prioriteringar-2020`);
	await page.getByRole('link', { name: 'Livslångt lärande för tillväxt och personlig utveckling' }).first().click();
	const section = page.getByRole('region', { name: 'Insatser som bidrar till målet' });
	await expect(section.getByRole('link', { name: 'Regional samordning av yrkesvux' })).toBeVisible();
	await expect(section.getByRole('heading', { name: 'Resultat i form av prestationer, 2020' }).first()).toBeVisible();
	await expect(section.getByRole('rowheader', { name: /minst fyra gånger\/år/ })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('officials: an editor of another organisation is refused; an admin creates, publishes and sees the history', async ({ page }, info) => {
	test.slow();
	await userWithPassword(page, info, 'editor', ['--org', 'region-orebro-lan']);
	const id = await (async () => {
		await page.goto('/admin/insatser');
		await expect(page.getByRole('heading', { name: 'Region Örebro län' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Region Jämtland Härjedalen' })).toHaveCount(0);
		const res = await page.goto(`/admin/insatser/ny?org=${ORG}`);
		expect(res?.status()).toBe(403);
		const first = await page.request.get(`/${ORG}/insatser`);
		const m = /\/insatser\/(\d+)"/.exec(await first.text());
		return m![1];
	})();
	expect((await page.goto(`/admin/insatser/${id}`))?.status()).toBe(403);
	const post = await page.request.post(`/admin/insatser/${id}?/state`, { form: { version: '1', state: 'draft' }, headers: { origin: ORIGIN } });
	expect(post.status()).toBe(403);
	await page.context().clearCookies();

	await userWithPassword(page, info, 'admin');
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Insatser' }).first().click();
	await expectNoAxeViolations(page);
	await page.goto(`/admin/insatser/ny?org=${ORG}`);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Spara som utkast' }).click();
	await expect(page.getByText('Skriv insatsens namn.').first()).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Namn', { exact: true }).fill('E2e-insats för lärcentrum');
	await page.getByLabel('Ärende-id i NYPS').fill('0020 1234');
	await page.getByLabel('Livslångt lärande för tillväxt och personlig utveckling').check();
	await page.getByRole('button', { name: 'Spara som utkast' }).click();
	await expect(page.getByText('Insatsen är skapad som utkast.')).toBeVisible();
	await expect(page.getByTestId('state')).toContainText('Utkast');
	await expectNoAxeViolations(page);
	await page.getByLabel('Text', { exact: true }).last().fill('189 jobb varav 86 kvinnor och 103 män');
	await page.getByLabel('Siffror, en per rad som de står i texten').last().fill('189 jobb varav 86 kvinnor och 103 män');
	await page.getByRole('button', { name: 'Lägg till resultat' }).click();
	await expect(page.getByText('189 jobb · 86 kvinnor · 103 män')).toBeVisible();
	await page.getByRole('button', { name: 'Publicera' }).click();
	await expect(page.getByTestId('state')).toContainText('Publicerad');
	await expect(page.getByTestId('history')).toContainText('publicerade insatsen');
	await expect(page.getByTestId('history')).toContainText('skapade ett resultat');
	const adminUrl = page.url().replace(/\?.*$/, '');
	await page.getByRole('link', { name: 'Visa den publika sidan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2e-insats för lärcentrum');
	await expect(page.getByTestId('nyps')).toContainText('00201234');
	const publicUrl = page.url();

	// A change to the published insats is a draft: the public page keeps the published name until it is published.
	await page.goto(adminUrl);
	await page.getByLabel('Namn', { exact: true }).fill('E2e-insats med nytt namn');
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page.getByText('Ändringarna är sparade.')).toBeVisible();
	await expect(page.getByTestId('state')).toContainText('Opublicerade ändringar');
	await expect(page.getByTestId('history')).toContainText('ändrade insatsen (utkast)');
	await expectNoAxeViolations(page);
	const anonymous = await page.context().browser()!.newContext();
	const before = await (await anonymous.request.get(publicUrl)).text();
	expect(before).toContain('E2e-insats för lärcentrum');
	expect(before).not.toContain('E2e-insats med nytt namn');
	expect(await (await anonymous.request.get(`${publicUrl}?utkast=1`)).text()).not.toContain('E2e-insats med nytt namn');
	await page.getByRole('link', { name: 'Förhandsgranska' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2e-insats med nytt namn');
	await expect(page.getByText('Förhandsgranskning av utkast.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto(adminUrl);
	await page.getByRole('button', { name: 'Publicera ändringarna' }).click();
	await expect(page.getByText('Insatsen är publicerad.')).toBeVisible();
	await expect(page.getByTestId('history')).toContainText('publicerade insatsen');
	expect(await (await anonymous.request.get(publicUrl)).text()).toContain('E2e-insats med nytt namn');
	await anonymous.close();

	const docx = await page.request.get(`/admin/insatser/atterrapportering?org=${ORG}&year=2020&format=docx`);
	expect(docx.status()).toBe(200);
	expect(docx.headers()['content-type']).toContain('wordprocessingml');
});
