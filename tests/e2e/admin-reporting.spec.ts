/**
 * Reporting a period end to end: an editor finds what is left in Att rapportera, enters a value (a typo first),
 * a comment with markup and a colour override (a reason required), previews the public page, publishes, and the
 * public indicator page shows the value. Two sessions saving the same value: the second gets the conflict view.
 * An editor of another organisation may read but not change. Users are made through the CLI.
 *
 * Desktop only: the flow publishes into the shared e2e database, so a second run (the phone project) would start
 * from a different state; the phone project checks that the pages reflow and pass axe instead.
 */
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'data/e2e-4173.db';
const ORIGIN = process.env.E2E_ORIGIN ?? 'http://127.0.0.1:4173';
const PASSWORD = 'en lång och hemlig mening';

function cli(...args: string[]): string {
	return execFileSync('npx', ['tsx', 'scripts/user.ts', ...args], { env: { ...process.env, DATABASE_URL, ORIGIN }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const unique = (info: TestInfo, what: string) => `${what}-${info.project.name}-${Date.now().toString(36)}@example.se`;

/** A user with a password, made through the CLI and the one-time link page; leaves the page signed in. */
async function signedIn(page: Page, email: string, role: 'editor' | 'reviewer', org?: string) {
	const out = cli('create', '--email', email, '--name', `Test ${role}`, '--role', role, ...(org ? ['--org', org] : []));
	const link = /http:\/\/127\.0\.0\.1:\d+(\/engangslank\/[\w-]{43})/.exec(out)![1];
	await page.goto(link);
	await page.getByLabel('Nytt lösenord').fill(PASSWORD);
	await page.getByLabel('Upprepa lösenordet').fill(PASSWORD);
	await page.getByRole('button', { name: 'Spara och logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
}

const SICK = 'Sjukfrånvaro, andel av ordinarie arbetstid.';

test('an editor reports a value, a comment and an override, previews, publishes, and the public sees the value', async ({ page }, info) => {
	test.skip(info.project.name === 'phone', 'mutates the shared e2e database; see the file comment');
	test.setTimeout(240_000);
	await signedIn(page, unique(info, 'rapportor'), 'editor', 'exempelregionen');
	await page.getByRole('link', { name: 'Att rapportera' }).first().click();
	await expect(page.getByRole('heading', { name: /Delår 1 2026: Exempelregionen/ })).toBeVisible();
	const item = page.getByRole('listitem').filter({ hasText: `Indikator: ${SICK}` });
	await expect(item).toContainText('○ Saknas');
	await expect(item).toContainText('värde för 2026T1');
	await expectNoAxeViolations(page);
	await item.getByRole('link').click();

	// A typo: the message names the value, what was typed stays.
	const value = page.getByRole('textbox', { name: `Utfall 2026T1, totalt – ${SICK}` });
	const save = page.getByRole('button', { name: `Spara utkast – Utfall totalt – ${SICK}` });
	await value.fill('4,9,1');
	await save.click();
	await expect(page.getByText("'4,9,1' är inte ett tal")).toBeVisible();
	await expect(value).toHaveValue('4,9,1');
	await expect(value).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);
	await value.fill('4,9');
	await save.click();
	await expect(page.getByText('Utkastet är sparat.').first()).toBeVisible();
	await expect(page.getByText(/✎ Utkast: 4,9/)).toBeVisible();
	// The colour the typed value computes to (Högst 5 %: 4,9 is met), before anything is published.
	await expect(page.locator('.computed').filter({ hasText: 'Beräknad färg med utkastets värde' })).toContainText('Grön');

	// Overriding the computed colour needs a reason; the comment keeps markup as text.
	await page.getByRole('combobox', { name: `Föreslagen färg – ${SICK}` }).selectOption('red');
	await page.getByRole('textbox', { name: `Kommentar – ${SICK}` }).fill('Sjukfrånvaron <script>alert(1)</script> minskar.\n\n- Friskvård\n- Chefsstöd');
	await page.getByRole('button', { name: `Spara utkast – ${SICK}` }).click();
	await expect(page.getByText('Du föreslår en annan färg än den beräknade. Skriv varför')).toBeVisible();
	await expect(page.getByRole('textbox', { name: `Kommentar – ${SICK}` })).toHaveValue(/<script>alert\(1\)<\/script>/);
	await page.getByRole('textbox', { name: `Motivering till annan färg än den beräknade – ${SICK}` }).fill('Siffran för tertial 1 är preliminär enligt HR.');
	await page.getByRole('button', { name: `Spara utkast – ${SICK}` }).click();
	await expect(page.getByText('Utkastet är sparat.').first()).toBeVisible();

	// Not public yet.
	const publicIndicator = await page.context().browser()!.newPage();
	await publicIndicator.goto('/indikator/exempel-sjukfranvaro?tab=table');
	await expect(publicIndicator.locator('body')).not.toContainText('Tertial 1 2026');

	// Preview: the public goal page with the drafts, and the markup as text.
	await page.getByRole('link', { name: 'Förhandsgranska som allmänheten ser det' }).click();
	await expect(page.getByText('Förhandsgranskning av utkast.')).toBeVisible();
	await expect(page.locator('main')).toContainText('4,9');
	// The comment's markup is shown as the characters typed, never run.
	await expect(page.locator('main')).toContainText('Sjukfrånvaron <script>alert(1)</script> minskar.');
	let alerted = false;
	page.on('dialog', (d) => {
		alerted = true;
		return d.dismiss();
	});
	await page.goto('/admin/rapportera');
	await page.getByRole('listitem').filter({ hasText: `Indikator: ${SICK}` }).getByRole('link').click();
	await page.getByRole('link', { name: 'Publicera periodens utkast' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: /Publicera \d+ utkast/ }).click();
	await expect(page.getByText(/✓ Publicerat: 1 värden och 1 bedömningar/)).toBeVisible();
	expect(alerted).toBe(false);

	await publicIndicator.reload();
	await expect(publicIndicator.locator('body')).toContainText('Tertial 1 2026: 4,9 %');
	await publicIndicator.close();
	await page.goto('/admin/rapportera');
	await expect(page.getByRole('listitem').filter({ hasText: `Indikator: ${SICK}` })).toContainText('✓ Klar');

	// The history shows each step: the draft saved through the form, then published — for the value and the assessment.
	await page.getByRole('listitem').filter({ hasText: `Indikator: ${SICK}` }).getByRole('link').click();
	await page.getByRole('link', { name: new RegExp(`^Historik – Totalt .* – ${SICK.replace(/[.,]/g, '.')}`) }).click();
	await expect(page.getByText(`Värde: ${SICK}`)).toBeVisible();
	// Other tests (the grid) may have drafted this value before: look for this test's own rows.
	const valueRows = page.getByRole('table').getByRole('row');
	await expect(valueRows.filter({ hasText: 'utkast sparat' }).filter({ hasText: 'formulär' }).filter({ hasText: '4,9 %' }).first()).toBeVisible();
	await expect(valueRows.filter({ hasText: 'publicerat' }).filter({ hasText: '4,9 %' }).first()).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goBack();
	await page.getByRole('link', { name: `Historik – ${SICK}` }).click();
	await expect(page.getByText(`Bedömning: ${SICK}`)).toBeVisible();
	const assessmentRows = page.getByRole('table').getByRole('row');
	await expect(assessmentRows.filter({ hasText: 'utkast sparat' }).first()).toContainText('Siffran för tertial 1 är preliminär enligt HR.');
	await expect(assessmentRows.filter({ hasText: 'publicerat' }).filter({ hasText: 'Siffran för tertial 1 är preliminär enligt HR.' }).first()).toBeVisible();
});

test('two sessions save the same value: the second sees the conflict and chooses', async ({ browser }, info) => {
	test.skip(info.project.name === 'phone', 'mutates the shared e2e database; see the file comment');
	test.setTimeout(240_000);
	const a = await (await browser.newContext()).newPage();
	const b = await (await browser.newContext()).newPage();
	await signedIn(a, unique(info, 'anna'), 'editor', 'exempelregionen');
	await signedIn(b, unique(info, 'bo'), 'editor', 'exempelregionen');
	for (const p of [a, b]) {
		await p.goto('/admin/rapportera');
		await p.getByRole('listitem').filter({ hasText: `Indikator: ${'Alla verksamheter har en aktuell krisplan.'}` }).getByRole('link').click();
	}
	const CRISIS = 'Alla verksamheter har en aktuell krisplan.';
	const field = `Utfall 2025, totalt – ${CRISIS}`;
	const save = `Spara utkast – Utfall totalt – ${CRISIS}`;
	await a.getByRole('textbox', { name: field }).fill('Delvis');
	await a.getByRole('button', { name: save }).click();
	await expect(a.getByText('Utkastet är sparat.').first()).toBeVisible();

	await b.getByRole('textbox', { name: field }).fill('Helt och hållet');
	await b.getByRole('button', { name: save }).click();
	await expect(b.getByRole('heading', { name: 'Någon annan har ändrat detta medan du arbetade' })).toBeVisible();
	await expect(b.getByRole('alert')).toContainText('Delvis');
	await expect(b.getByRole('alert')).toContainText('Helt och hållet');
	await expectNoAxeViolations(b);
	await b.getByRole('button', { name: 'Spara mitt förslag ändå' }).click();
	await expect(b.getByText(/✎ Utkast: Helt och hållet/)).toBeVisible();
});

test('an editor of another organisation can neither see the drafts nor change them', async ({ page, request }, info) => {
	test.skip(info.project.name === 'phone', 'creates accounts in the shared e2e database; see the file comment');
	const db = new Database(DATABASE_URL, { readonly: true });
	const { period, goal } = db
		.prepare(
			`SELECT p.id AS period, gi.goal_id AS goal FROM follow_up_period p, indicator i JOIN goal_indicator gi ON gi.indicator_id = i.id
			 WHERE p.slug = 'delar-1-2026' AND i.slug = 'exempel-sjukfranvaro'`
		)
		.get() as { period: number; goal: number };
	db.close();
	await signedIn(page, unique(info, 'orebro'), 'editor', 'region-orebro-lan');
	await page.goto('/admin/rapportera');
	await expect(page.getByText('Du har inget att rapportera just nu')).toBeVisible();
	// Unpublished work of another organisation: the reporting page, its table and the history are refused.
	for (const url of [`/admin/rapportera/${period}/mal/${goal}`, `/admin/rapportera/${period}/tabell`, `/admin/historik?entity=assessment&id=${period}:goal:${goal}`]) {
		const res = await page.goto(url);
		expect(res?.status(), url).toBe(403);
		await expect(page.getByText('Planen ligger utanför ditt ansvarsområde')).toBeVisible();
	}
	// A forged POST from this editor's session is refused on the server.
	const forged = await page.evaluate(async (url) => {
		const body = new URLSearchParams({ indicator: '1', sex: 'T', period: '2026T1', value: '1', note: '', draftVersion: '0', publishedVersion: '0' });
		const r = await fetch(url, { method: 'POST', body, headers: { 'x-sveltekit-action': 'true' } });
		return (await r.json()) as { type: string; status: number };
	}, `/admin/rapportera/${period}/mal/${goal}?/value`);
	expect(forged).toMatchObject({ type: 'failure', status: 403 });
	// Signed out, it is refused before anything is read.
	const res = await request.post(`/admin/rapportera/${period}/mal/${goal}?/value`, { form: { value: '1' }, headers: { origin: new URL(page.url()).origin }, maxRedirects: 0 });
	expect([401, 403]).toContain(res.status());
});

test('the reporting pages reflow on a phone and pass axe', async ({ page }, info) => {
	test.skip(info.project.name !== 'phone', 'the desktop project runs the full flow');
	await signedIn(page, unique(info, 'telefon'), 'editor', 'exempelregionen');
	await page.goto('/admin/rapportera');
	await expectNoAxeViolations(page);
	await page.getByRole('listitem').filter({ hasText: `Indikator: ${SICK}` }).getByRole('link').click();
	await expectNoAxeViolations(page);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('an uppdrag without a goal is listed under its own heading and reported on its own page', async ({ page }, info) => {
	test.skip(info.project.name === 'phone', 'mutates the shared e2e database; see the file comment');
	test.slow();
	const text = `Utred en gemensam e-tjänst (${Date.now().toString(36)})`;
	const db = new Database(DATABASE_URL);
	db.prepare("INSERT INTO uppdrag (plan_id, goal_id, number, text, origin, sort_order) SELECT id, NULL, '9', ?, 'council', 99 FROM plan WHERE slug = 'verksamhetsplan-2025'").run(text);
	db.close();
	await signedIn(page, unique(info, 'planuppdrag'), 'editor', 'exempelregionen');
	await page.goto('/admin/rapportera');
	await expect(page.getByRole('heading', { level: 3, name: /^Uppdrag utan mål/ })).toBeVisible();
	const item = page.getByRole('listitem').filter({ hasText: text });
	await expect(item).toContainText('○ Saknas');
	await item.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uppdrag utan mål');
	await expectNoAxeViolations(page);
	await page.getByRole('textbox', { name: `Kommentar – Uppdrag 9. ${text}` }).fill('Utredningen är påbörjad.');
	await page.getByRole('button', { name: `Spara utkast – Uppdrag 9. ${text}` }).click();
	await expect(page.getByText('Utkastet är sparat.').first()).toBeVisible();
	await page.goto('/admin/rapportera');
	await expect(page.getByRole('listitem').filter({ hasText: text })).toContainText('✎ Utkast, ej publicerat');
});
