/**
 * PDF by printing the chapter's HTML document in Chromium (through playwright-core, which comes with the
 * project's @playwright/test). The same Debian binary the e2e tests use: CHROMIUM_PATH or /usr/bin/chromium.
 * In production Chromium may be missing (or playwright-core, with `npm ci --omit=dev`): the export then
 * fails with a message that says exactly what to install, and the other formats still work.
 */
import { existsSync } from 'node:fs';

export class PdfUnavailable extends Error {}

export function chromiumPath(): string | null {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	return existsSync(path) ? path : null;
}

interface Launcher {
	chromium: {
		launch(o: { executablePath: string; args: string[] }): Promise<{
			newPage(): Promise<{
				setContent(html: string, o: { waitUntil: 'load' }): Promise<void>;
				pdf(o: Record<string, unknown>): Promise<Buffer>;
			}>;
			close(): Promise<void>;
		}>;
	};
}

async function launcher(): Promise<Launcher> {
	// A variable specifier keeps the bundler from pulling playwright-core into the server build.
	const name = 'playwright-core';
	try {
		return (await import(/* @vite-ignore */ name)) as Launcher;
	} catch {
		throw new PdfUnavailable(
			'PDF kan inte skapas: paketet playwright-core saknas (installera utvecklingsberoendena med npm ci). Hämta kapitlet som DOCX eller HTML och skriv ut det i stället.'
		);
	}
}

/** Print an HTML document to an A4 PDF with page numbers. */
export async function htmlToPdf(html: string): Promise<Buffer> {
	const executablePath = chromiumPath();
	if (!executablePath) {
		throw new PdfUnavailable(
			`PDF kan inte skapas: Chromium finns inte på ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} (installera det med "apt-get install chromium" eller ange CHROMIUM_PATH). Hämta kapitlet som DOCX eller HTML och skriv ut det i stället.`
		);
	}
	const { chromium } = await launcher();
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
	try {
		const page = await browser.newPage();
		await page.setContent(html, { waitUntil: 'load' });
		return await page.pdf({
			format: 'A4',
			printBackground: true,
			preferCSSPageSize: true,
			displayHeaderFooter: true,
			headerTemplate: '<span></span>',
			footerTemplate:
				'<div style="font-size:8pt;width:100%;text-align:center;color:#444">Sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>'
		});
	} finally {
		await browser.close();
	}
}
