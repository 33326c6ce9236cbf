/**
 * The admin import page end to end, without JavaScript-only paths (plain multipart form posts): an admin's
 * dry run, cancel, confirm and the value on the public indicator page; the same file again says there is
 * nothing to change; a bad file lists its errors by row and column and writes nothing; too large a file gets
 * a Swedish message; an editor of another organisation is refused; reviewers and signed-out visitors too.
 * Axe on every step's page.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { makeUser, ORIGIN, signIn, uniqueEmail } from './helpers/accounts';

const FIXTURES = 'tests/fixtures/values';

/**
 * tests/fixtures/values/exempel-nytt-ar.csv has made-up 2026 values for Exempelregionen's made-up indicators.
 * Both projects run against the same database, so the phone project imports them as 2027 to see new rows too.
 */
function exampleFile(info: TestInfo): { name: string; mimeType: string; buffer: Buffer; year: string } {
	const year = info.project.name === 'phone' ? '2027' : '2026';
	const text = readFileSync(`${FIXTURES}/exempel-nytt-ar.csv`, 'utf8').replaceAll(';2026;', `;${year};`);
	return { name: `exempel-${year}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text), year };
}

async function upload(page: Page, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
	await page.getByRole('radio', { name: kind, exact: true }).check();
	await page.getByLabel('Fil', { exact: true }).setInputFiles(file);
	await page.getByRole('button', { name: 'Provkör' }).click();
}

test('an admin uploads values, sees the dry run, cancels, confirms, and the public page shows the value', async ({ page }, info) => {
	test.slow(); // the user CLI (tsx) and scrypt on a loaded machine
	const email = uniqueEmail(info, 'importadmin');
	await makeUser(page, email, 'Ingrid Import', 'admin');
	await signIn(page, email);
	await page.getByRole('link', { name: 'Importera planer och värden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importera');
	await expect(page.getByRole('link', { name: 'plan-mall.xlsx (Excel, med instruktioner)' })).toHaveAttribute('href', '/templates/plan-mall.xlsx');
	await expectNoAxeViolations(page);

	const file = exampleFile(info);
	await upload(page, 'Värden', file);
	const preview = page.getByTestId('import-preview');
	await expect(preview.getByRole('heading', { name: 'Provkörning: inget är sparat ännu' })).toBeVisible();
	await expect(preview.getByTestId('count-observations')).toHaveText(/Observationer\s*2\s*0\s*0\s*0/);
	await expect(preview.getByTestId('examples-new')).toContainText(`Exempellänet (påhittat) · ${file.year} · totalt`);
	await expect(preview.getByTestId('examples-new')).toContainText('6,4');
	await expectNoAxeViolations(page);

	// Avbryt: nothing is kept.
	await page.getByRole('button', { name: 'Avbryt' }).click();
	await expect(page.getByText('Importen är avbruten.')).toBeVisible();
	await page.goto(`/indikator/exempel-arbetsloshet?tab=table`);
	await expect(page.getByRole('rowheader', { name: file.year, exact: true })).toHaveCount(0);

	await page.goto('/admin/import');
	await upload(page, 'Värden', file);
	await page.getByRole('button', { name: 'Bekräfta import' }).click();
	const done = page.getByTestId('import-done');
	await expect(done.getByRole('heading', { name: /^Importen är klar: batch \d+$/ })).toBeVisible();
	await expect(done.getByTestId('count-observations')).toHaveText(/Observationer\s*2\s*0\s*0\s*0/);
	await expectNoAxeViolations(page);

	// The batch page: provenance and the audit entry (who, through which channel, file and SHA-256).
	await done.getByRole('link', { name: /^Visa batch \d+$/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Batch \d+$/);
	await expect(page.getByText(`Värdefil ${file.name}`)).toBeVisible();
	await expect(page.getByTestId('sha256')).toHaveText(/^[0-9a-f]{64}$/);
	const audit = page.getByTestId('batch-audit');
	await expect(audit).toContainText('Ingrid Import');
	await expect(audit).toContainText('Importsidan');
	await expect(audit).toContainText(`${file.name}, SHA-256 `);
	await expect(page.getByTestId('batch-indicators')).toContainText('Arbetslöshet 18–65 år');
	await expectNoAxeViolations(page);

	// The public page shows the imported value.
	await page.goto(`/indikator/exempel-arbetsloshet?tab=table`);
	await expect(page.getByRole('row', { name: new RegExp(`^${file.year} 6,4 %`) })).toBeVisible();

	// The same file again: nothing to change, nothing to confirm; the list of recent imports has the batch.
	await page.goto('/admin/import');
	await upload(page, 'Värden', file);
	await expect(page.getByRole('heading', { name: 'Inget att ändra' })).toBeVisible();
	await expect(page.getByText(/Samma fil \(samma SHA-256\) lästes in .* som batch \d+\./)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Bekräfta import' })).toHaveCount(0);
	await expect(page.getByTestId('batches').getByRole('row').filter({ hasText: file.name })).toContainText('Ingrid Import');
	await expectNoAxeViolations(page);
});

test('a bad file lists its errors by row and column and writes nothing; too large a file is refused in Swedish', async ({ page }, info) => {
	test.slow();
	const email = uniqueEmail(info, 'importfel');
	await makeUser(page, email, 'Felix Fel', 'admin');
	await signIn(page, email);
	await page.goto('/admin/import');
	const batchesBefore = await page.getByTestId('batches').getByRole('row').count();

	await upload(page, 'Värden', { name: 'icke-tal.csv', mimeType: 'text/csv', buffer: readFileSync(`${FIXTURES}/icke-tal.csv`) });
	await expect(page.getByRole('heading', { name: 'Inget lästes in' })).toBeVisible();
	const errors = page.getByTestId('import-errors');
	await expect(errors.getByRole('row').filter({ hasText: "'12,5,3' är inte ett tal" })).toContainText(/icke-tal\.csv\s*14\s*värde\s*12,5,3/);
	await expect(page.getByRole('button', { name: 'Bekräfta import' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Unknown codes are listed together, one line per kind.
	await upload(page, 'Värden', { name: 'okanda-koder.csv', mimeType: 'text/csv', buffer: readFileSync(`${FIXTURES}/okanda-koder.csv`) });
	await expect(errors).toContainText("okända geografikoder (2): '9999' (rad 2, 5), 'Atlantis' (rad 3)");
	await expect(errors).toContainText("okända indikatorer (1): 'okand-indikator' (rad 4)");
	await page.goto('/admin/import');
	await expect(page.getByTestId('batches').getByRole('row')).toHaveCount(batchesBefore);

	// No file, no kind: messages next to the fields.
	await page.getByRole('button', { name: 'Provkör' }).click();
	await expect(page.getByRole('heading', { name: 'Filen kunde inte provköras' })).toBeVisible();
	await expect(page.getByText('Välj vad filen innehåller.').first()).toBeVisible();
	await expect(page.getByText('Välj en fil att läsa in.').first()).toBeVisible();
	await expectNoAxeViolations(page);

	// The e2e server runs with adapter-node's default BODY_SIZE_LIMIT (512K); the page keeps 64 kB of that for
	// the rest of the form, so it takes files up to 448 kB and says so beside the field (npm start: 20 MB).
	await expect(page.getByText('CSV, Excel (XLSX) eller JSON, högst 448 kB.')).toBeVisible();
	await upload(page, 'Värden', { name: 'stor.csv', mimeType: 'text/csv', buffer: Buffer.alloc(480 * 1024, 'a') });
	await expect(page.getByText(/^Filen är för stor\. Högst 448 kB kan läsas in här/).first()).toBeVisible();
	await expect(page.locator('#file')).toHaveAttribute('aria-invalid', 'true');
});

test('an editor of another organisation is refused with the indicators out of scope; reviewers and signed-out visitors too', async ({ page, request }, info) => {
	test.slow();
	const editor = uniqueEmail(info, 'importredaktor');
	await makeUser(page, editor, 'Olle Örebro', 'editor', ['--org', 'region-orebro-lan']);
	await signIn(page, editor);
	await page.goto('/admin/import');
	await upload(page, 'Värden', { ...exampleFile(info), name: 'utanfor.csv' });
	await expect(page.getByRole('heading', { name: 'Inget lästes in' })).toBeVisible();
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText('2 indikatorer utanför ditt ansvarsområde');
	await expect(errors).toContainText("'exempel-arbetsloshet'");
	await expect(errors).toContainText("'exempel-sysselsattning'");
	await expect(page.getByRole('button', { name: 'Bekräfta import' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	const reviewer = uniqueEmail(info, 'importgranskare');
	await makeUser(page, reviewer, 'Greta Granskare', 'reviewer');
	await signIn(page, reviewer);
	await expect(page.getByRole('link', { name: 'Importera planer och värden' })).toHaveCount(0);
	expect((await page.goto('/admin/import'))?.status()).toBe(403);
	const post = await page.request.post('/admin/import?/preview', {
		multipart: { kind: 'values', file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('indikator;geografi;period;kön;värde\n') } },
		headers: { origin: ORIGIN }
	});
	expect(post.status()).toBe(403);

	const signedOut = await request.post('/admin/import?/confirm', { form: { token: 'x'.repeat(32) }, headers: { origin: ORIGIN } });
	expect(signedOut.status()).toBe(401);
});
