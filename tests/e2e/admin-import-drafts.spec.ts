/**
 * An editor's upload becomes drafts (issue 5: what officials enter is a draft until published): the dry run says
 * the values become drafts, the confirmed import leaves the public indicator page as it was, "Granska och
 * publicera" publishes them, the public page then shows the new value, and the value's history shows the import
 * (channel, file and batch) and the publication. Axe on the import, publish and history pages.
 */
import Database from 'better-sqlite3';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { makeUser, signIn, uniqueEmail } from './helpers/accounts';

const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'data/e2e-4173.db';
const SLUG = 'exempel-nystartade-foretag';

/** The history address of the indicator's 2021 value in Exempellänet, from the e2e database the server uses. */
function historyHref(): string {
	const db = new Database(DATABASE_URL, { readonly: true, fileMustExist: true });
	try {
		const { i, g } = db.prepare("SELECT (SELECT id FROM indicator WHERE slug = ?) AS i, (SELECT id FROM geography WHERE code = 'EX') AS g").get(SLUG) as { i: number; g: number };
		return `/admin/historik?entity=observation&id=${encodeURIComponent(`${i}:${g}:T:2021`)}`;
	} finally {
		db.close();
	}
}

/** The public table's 2021 row in Exempellänet. Both projects share the database, so each imports its own value. */
const row2021 = (page: Page, value: string) => page.getByRole('row', { name: new RegExp(`^2021 ${value}(\\s|$)`) });
const newValue = (info: TestInfo) => (info.project.name === 'phone' ? '3,8' : '3,7');

test('an editor uploads values: they become drafts, stay off the public page until published, and the history shows the import', async ({ page }, info) => {
	test.slow(); // the user CLI (tsx) and scrypt on a loaded machine
	const value = newValue(info);
	await page.goto(`/indikator/${SLUG}?tab=table`);
	await expect(row2021(page, '\\d,\\d')).toHaveCount(1);
	await expect(row2021(page, value)).toHaveCount(0);

	const email = uniqueEmail(info, 'utkastimport');
	await makeUser(page, email, 'Ulla Utkast', 'editor', ['--org', 'exempelregionen']);
	await signIn(page, email);
	await page.goto('/admin/import');
	await expect(page.getByTestId('editor-drafts')).toContainText('Värden du läser in blir utkast');
	await expect(page.getByRole('radio', { name: 'Publicera direkt' })).toHaveCount(0);

	const file = { name: `utkast-${info.project.name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`indikator;geografi;period;kön;värde\n${SLUG};EX;2021;T;${value}\n`) };
	await page.getByRole('radio', { name: 'Värden', exact: true }).check();
	await page.getByLabel('Fil', { exact: true }).setInputFiles(file);
	await page.getByRole('button', { name: 'Provkör' }).click();
	const preview = page.getByTestId('import-preview');
	await expect(preview.getByTestId('draft-notice')).toContainText('Värdena blir utkast');
	await expect(preview.getByRole('heading', { name: 'Ändrade, exempel (blir utkast)' })).toBeVisible();
	await expect(preview.getByTestId('examples-changed')).toContainText(`Exempellänet (påhittat) · 2021 · totalt`);
	await expect(preview.getByTestId('examples-changed')).toContainText(value);
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Bekräfta import' }).click();
	const done = page.getByTestId('import-done');
	await expect(done.getByRole('heading', { name: /^Importen är klar: batch \d+$/ })).toBeVisible();
	await expect(done.getByTestId('draft-done')).toContainText('sparade som utkast');
	await expectNoAxeViolations(page);
	const publishLink = done.getByRole('link', { name: /Granska och publicera$/ }).first();
	const publishHref = await publishLink.getAttribute('href');

	// Nothing public yet.
	await page.goto(`/indikator/${SLUG}?tab=table`);
	await expect(row2021(page, '\\d,\\d')).toHaveCount(1);
	await expect(row2021(page, value)).toHaveCount(0);

	// Granska och publicera lists the draft; publishing makes it public.
	await page.goto(publishHref!);
	const drafts = page.getByRole('table').filter({ hasText: 'Utkast' });
	const draftRow = drafts.getByRole('row').filter({ hasText: /Antal nystartade företag/ }).filter({ hasText: '2021' });
	await expect(draftRow).toContainText(value);
	await expect(draftRow).toContainText(`import: ${file.name} (batch `);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: /^Publicera \d+ utkast$/ }).click();
	await expect(page.getByRole('status')).toContainText('Publicerat:');

	await page.goto(`/indikator/${SLUG}?tab=table`);
	await expect(row2021(page, value)).toBeVisible();

	// The value's history: saved as a draft through the import (file and batch), then published.
	await page.goto(historyHref());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Historik');
	const imported = page.getByRole('row').filter({ hasText: 'utkast sparat' }).filter({ hasText: file.name });
	await expect(imported).toContainText('Ulla Utkast');
	await expect(imported).toContainText('import');
	await expect(imported).toContainText(/batch \d+/);
	await expect(page.getByRole('row').filter({ hasText: 'publicerat' }).first()).toContainText('Ulla Utkast');
	await expectNoAxeViolations(page);
});

test('an admin publishes directly by default, or chooses Som utkast; the dry run says which', async ({ page }, info) => {
	test.slow();
	const email = uniqueEmail(info, 'utkastadmin');
	await makeUser(page, email, 'Astrid Admin', 'admin');
	await signIn(page, email);
	await page.goto('/admin/import');
	await expect(page.getByRole('radio', { name: 'Publicera direkt' })).toBeChecked();
	const file = { name: 'admin-utkast.csv', mimeType: 'text/csv', buffer: Buffer.from(`indikator;geografi;period;kön;värde\n${SLUG};EX;2021;T;3,9\n`) };
	await page.getByRole('radio', { name: 'Värden', exact: true }).check();
	await page.getByLabel('Fil', { exact: true }).setInputFiles(file);
	await page.getByRole('button', { name: 'Provkör' }).click();
	await expect(page.getByText('Värdena publiceras direkt när du bekräftar.')).toBeVisible();
	await expect(page.getByTestId('draft-notice')).toHaveCount(0);

	await page.getByRole('radio', { name: 'Värden', exact: true }).check();
	await page.getByRole('radio', { name: 'Som utkast' }).check();
	await page.getByLabel('Fil', { exact: true }).setInputFiles(file);
	await page.getByRole('button', { name: 'Provkör' }).click();
	await expect(page.getByTestId('draft-notice')).toContainText('Värdena blir utkast');
	await expect(page.getByRole('radio', { name: 'Som utkast' })).toBeChecked();
	await expectNoAxeViolations(page);
	// Nothing is kept: cancel the pending upload.
	await page.getByRole('button', { name: 'Avbryt' }).click();
	await expect(page.getByText('Importen är avbruten.')).toBeVisible();
});
