/**
 * `npm run check:docx`: the chapter's DOCX opened by LibreOffice, not only its XML read. For the demo data
 * (Örebro helår 2019, without colours, and the example region's helår 2025, with colours and arrows) it exports
 * the chapter, lets `soffice --headless` convert it to text and to PDF, and checks that LibreOffice sees the
 * heading, the legend's exact texts, every avsnitt, the summary counts and the symbols with their words, and
 * that the PDF has pages.
 *
 * Not part of `npm test`: LibreOffice is not a project dependency. Install it with
 *   apt-get install -y --no-install-recommends libreoffice-writer-nogui
 * Exit code 0 when everything is found, 1 with the list of what is missing, 2 when soffice is not installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../src/lib/server/db/client';
import { seedDemo } from '../src/lib/server/seed';
import { getChapter, sectionHeading, type Chapter } from '../src/lib/server/review/chapter';
import { exportChapter } from '../src/lib/server/review/export';
import { CHAPTER_TITLE, colourText, LEGEND_TITLE, legendBlocks, SUMMARY_COLUMNS, summaryTitle, trendText } from '../src/lib/server/review/export/text';

const CHAPTERS = [
	{ org: 'region-orebro-lan', plan: 'rtn-verksamhetsplan-2019', period: 'helar-2019' },
	{ org: 'exempelregionen', plan: 'verksamhetsplan-2025', period: 'helar-2025' }
];

function soffice(): string | null {
	for (const bin of ['soffice', 'libreoffice']) {
		try {
			execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 60_000 });
			return bin;
		} catch {
			/* try the next name */
		}
	}
	return null;
}

/** LibreOffice's text of the document, whitespace runs made single spaces (table cells become lines). */
function convert(bin: string, file: string, dir: string, to: 'txt:Text' | 'pdf'): string {
	// A private profile: a user's running LibreOffice or a half-written profile does not interfere.
	execFileSync(bin, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', dir, file], {
		stdio: 'pipe',
		timeout: 180_000
	});
	return join(dir, file.replace(/^.*\//, '').replace(/\.docx$/, to === 'pdf' ? '.pdf' : '.txt'));
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

/** What LibreOffice must show of this chapter, in words a reader would search for. */
function expected(ch: Chapter): string[] {
	const out = [CHAPTER_TITLE, LEGEND_TITLE, summaryTitle(ch)];
	for (const b of legendBlocks()) {
		out.push(b.heading);
		for (const l of b.lines) out.push(`${l.symbol} ${l.text}`);
	}
	for (const c of SUMMARY_COLUMNS) out.push(c.heading);
	// Each summary row: its label followed by its four counts (LibreOffice writes one cell per line).
	for (const r of ch.summary) out.push(`${r.label.sv} ${r.green} ${r.yellow} ${r.red} ${r.notAssessed}`);
	for (const s of ch.sections) out.push(sectionHeading(s));
	for (const g of ch.sections.flatMap((s) => s.goals)) {
		out.push(g.title);
		const a = g.assessment;
		out.push(colourText(a?.colour ?? null));
		if (a?.trend) out.push(trendText(a.trend)!);
	}
	return out;
}

async function main(): Promise<number> {
	const bin = soffice();
	if (!bin) {
		console.error('LibreOffice (soffice) saknas. Installera: apt-get install -y --no-install-recommends libreoffice-writer-nogui');
		return 2;
	}
	const dir = mkdtempSync(join(tmpdir(), 'lagesbild-docx-'));
	const missing: string[] = [];
	try {
		const db = createDb(':memory:');
		seedDemo(db);
		for (const c of CHAPTERS) {
			const ch = getChapter(db, c.org, c.plan, c.period, { publishedOnly: false });
			if (!ch) throw new Error(`Kapitlet finns inte: ${c.org} ${c.plan} ${c.period}`);
			const file = await exportChapter(ch, 'docx');
			const path = join(dir, file.fileName);
			writeFileSync(path, file.body);
			const text = flat(readFileSync(convert(bin, path, dir, 'txt:Text'), 'utf8'));
			const lacking = expected(ch).filter((e) => !text.includes(flat(e)));
			const pdf = readFileSync(convert(bin, path, dir, 'pdf'));
			const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
			if (pages === 0) lacking.push('PDF utan sidor');
			for (const l of lacking) missing.push(`${file.fileName}: saknas i LibreOffice: ${l}`);
			console.log(`${file.fileName}: ${file.body.byteLength} byte, LibreOffice: ${pages} sidor, ${expected(ch).length - lacking.length + (pages ? 1 : 0)} av ${expected(ch).length + 1} kontroller gick igenom.`);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	for (const m of missing) console.error(m);
	return missing.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	}
);
