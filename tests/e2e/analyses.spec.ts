/**
 * The 5.1 list in admin: an editor adds a row (a missing name is a Swedish message next to the field, with what
 * was typed kept), changes it and removes it; the history shows each step; a reviewer reads without forms; axe.
 * Year 2019 (no imported report), so the other tests' 2020 report stays as imported.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

const ORIGIN = process.env.E2E_ORIGIN ?? 'http://127.0.0.1:4173';
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'data/e2e-4173.db';
const PASSWORD = 'en lång och hemlig mening';
const ORG = 'region-jamtland-harjedalen';
const PAGE = `/admin/insatser/analyser?org=${ORG}&year=2019`;

function cli(...args: string[]): string {
	return execFileSync('npx', ['tsx', 'scripts/user.ts', ...args], { env: { ...process.env, DATABASE_URL, ORIGIN }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function signIn(page: Page, info: TestInfo, role: 'editor' | 'reviewer') {
	const email = `analys-${role}-${info.project.name}-${Date.now().toString(36)}@example.se`;
	const m = /http:\/\/127\.0\.0\.1:\d+(\/engangslank\/[\w-]{43})/.exec(cli('create', '--email', email, '--name', `Analys ${role}`, '--role', role, '--org', ORG));
	await page.goto(m![1]);
	await page.getByLabel('Nytt lösenord').fill(PASSWORD);
	await page.getByLabel('Upprepa lösenordet').fill(PASSWORD);
	await page.getByRole('button', { name: 'Spara och logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
}

test('an editor adds, changes and removes a row of the 5.1 list, with history; a reviewer only reads', async ({ page }, info) => {
	test.slow();
	const name = `E2e-utvärdering ${info.project.name}`;
	await signIn(page, info, 'editor');
	await page.goto('/admin/insatser');
	await expect(page.getByRole('link', { name: 'Analyser, uppföljningar och utvärderingar (5.1)' }).first()).toBeVisible();
	await page.goto(PAGE);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analyser, uppföljningar och utvärderingar (5.1)');

	const add = page.getByRole('region', { name: 'Lägg till en rad' });
	await add.getByLabel('Hur har erfarenheter och kunskap tagits till vara?').fill('I nästa strategi.');
	await add.getByRole('button', { name: 'Lägg till' }).click();
	await expect(page.getByText('Skriv namnet på analysen, uppföljningen eller utvärderingen.').first()).toBeVisible();
	await expect(page.getByRole('region', { name: 'Lägg till en rad' }).getByLabel('Hur har erfarenheter och kunskap tagits till vara?')).toHaveValue('I nästa strategi.');
	await expectNoAxeViolations(page);

	await page.getByRole('region', { name: 'Lägg till en rad' }).getByLabel('Typ av aktivitet').selectOption('utvärdering');
	await page.getByRole('region', { name: 'Lägg till en rad' }).getByLabel('Namn').fill(name);
	await page.getByRole('region', { name: 'Lägg till en rad' }).getByLabel('Ja', { exact: true }).check();
	await page.getByRole('region', { name: 'Lägg till en rad' }).getByRole('button', { name: 'Lägg till' }).click();
	await expect(page.getByText('Raden är tillagd.')).toBeVisible();
	const row = page.getByRole('region', { name: new RegExp(`: ${name}$`) });
	await expect(row.getByLabel('Hur har erfarenheter och kunskap tagits till vara?')).toHaveValue('I nästa strategi.');

	await row.getByLabel('Namn').fill(`${name}, ändrad`);
	await row.getByLabel('Nej', { exact: true }).check();
	await row.getByRole('button', { name: 'Spara raden' }).click();
	await expect(page.getByText('Raden är sparad.')).toBeVisible();
	await expect(page.getByTestId('history')).toContainText(`ändrade ”${name}, ändrad”`);
	await expect(page.getByTestId('history')).toContainText(`lade till ”${name}”`);
	await expectNoAxeViolations(page);

	await page.context().clearCookies();
	await signIn(page, info, 'reviewer');
	await page.goto(PAGE);
	await expect(page.getByText('Du kan läsa men inte ändra listan.')).toBeVisible();
	await expect(page.getByRole('heading', { name: new RegExp(`${name}, ändrad`) })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Spara raden' })).toHaveCount(0);
	const refused = await page.request.post(`/admin/insatser/analyser?/create&org=${ORG}&year=2019`, { form: { name: 'x', type: '', financed: '', howUsed: '' }, headers: { origin: ORIGIN } });
	expect(refused.status()).toBe(403);

	await page.context().clearCookies();
	await signIn(page, info, 'editor');
	await page.goto(PAGE);
	await page.getByRole('region', { name: new RegExp(`${name}, ändrad`) }).getByRole('button', { name: 'Ta bort raden' }).click();
	await expect(page.getByText('Raden är borttagen.')).toBeVisible();
	await expect(page.getByRole('heading', { name: new RegExp(`${name}, ändrad`) })).toHaveCount(0);
	await expect(page.getByTestId('history')).toContainText(`tog bort ”${name}, ändrad”`);
});
