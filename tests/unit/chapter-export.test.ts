/**
 * The chapter exports of Örebro helår 2019, opened the way a reader's program would: the DOCX unzipped and its
 * XML read, the PDF's pages and text (pdftotext when poppler-utils is installed, else the page objects), the
 * XLSX read back with exceljs, the HTML and CSV as text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDb } from '../helpers/db';
import { getChapter, type Chapter } from '../../src/lib/server/review/chapter';
import { exportChapter } from '../../src/lib/server/review/export';
import { chromiumPath } from '../../src/lib/server/review/export/pdf';
import { TEXT_WIDTH } from '../../src/lib/server/review/export/docx';
import { packageProblems, tableProblems, xmlProblems } from '../helpers/ooxml';

const AVSNITT = [
	'3.2 Regional utvecklingsstrategi',
	'3.3 Hållbar utveckling',
	'3.4 Regional utveckling',
	'3.5 Regional tillväxt',
	'3.6 Samhällsbyggnad',
	'3.7 Digitalisering',
	'3.8 Attraktiv arbetsgivare',
	'3.9 Ekonomi'
];
const LEGEND = [
	'Färgindikatorer, måluppfyllelse och genomförande av uppdrag:',
	'grön = uppnått eller överträffat målnivån',
	'gul = mindre, acceptabel avvikelse från målnivån',
	'röd = större negativ avvikelse från målnivån',
	'Förändringspilar, utveckling under året, resultat jämfört med föregående år alternativt årets början:',
	'resultatet har förbättrats',
	'resultatet är oförändrat',
	'resultatet har försämrats',
	'Indikatorer, status för perioden:',
	'helt',
	'delvis',
	'inte alls',
	'värde saknas för perioden'
];

let ch: Chapter;
beforeAll(() => {
	ch = getChapter(seededDb(), 'region-orebro-lan', 'rtn-verksamhetsplan-2019', 'helar-2019', { publishedOnly: true })!;
});

/** Text of a DOCX: paragraphs joined by newlines, runs within a paragraph joined. */
async function docxText(bytes: Uint8Array): Promise<{ xml: string; text: string }> {
	const zip = await JSZip.loadAsync(bytes);
	const xml = await zip.file('word/document.xml')!.async('string');
	const text = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
		.map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
		.join('\n')
		.replaceAll('&amp;', '&')
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"')
		.replaceAll('&apos;', "'");
	return { xml, text };
}

/** Where each needle first occurs after the previous one; -1 when one is missing or out of order. */
function inOrder(text: string, needles: string[]): number[] {
	let from = 0;
	return needles.map((n) => {
		const i = text.indexOf(n, from);
		if (i >= 0) from = i + n.length;
		return i;
	});
}

describe('DOCX', () => {
	let text: string;
	beforeAll(async () => {
		const file = await exportChapter(ch, 'docx');
		expect(file.fileName).toBe('namndens-mal-och-uppdrag-rtn-verksamhetsplan-2019-helar-2019.docx');
		text = (await docxText(file.body)).text;
	});

	it('has the heading and the legend with the exact texts of the three symbol systems', () => {
		expect(text.split('\n')[0]).toBe('Nämndens mål och uppdrag');
		expect(text).toContain('Symbolförklaringar');
		for (const line of LEGEND) expect(text, line).toContain(line);
	});

	it('has the summary table with its counts', () => {
		const title = text.indexOf('3.1 Sammanfattning uppföljning av mål och uppdrag');
		expect(title).toBeGreaterThan(0);
		const table = text.slice(title, text.indexOf(AVSNITT[0], title)).split('\n');
		expect(table.slice(1, 6)).toEqual(['', '● Grön', '▲ Gul', '■ Röd', '– Ej bedömd']);
		for (const row of ch.summary) {
			const at = table.indexOf(row.label.sv);
			expect(at, row.label.sv).toBeGreaterThan(0);
			expect(table.slice(at + 1, at + 5)).toEqual([row.green, row.yellow, row.red, row.notAssessed].map(String));
		}
		expect(ch.summary.reduce((n, r) => n + r.total, 0)).toBe(34);
	});

	it('has every avsnitt heading in order, with the Nr labels, goals, indicators, utfall and comments', () => {
		expect(inOrder(text, AVSNITT).every((i) => i >= 0)).toBe(true);
		const g = ch.sections[0].goals[0];
		const i0 = g.indicators[0];
		expect(
			inOrder(text, [
				AVSNITT[0],
				'Övergripande mål:',
				`${g.label} ${g.title}`,
				'Indikatorer',
				'Utfall',
				'Målvärde',
				i0.name,
				i0.utfall,
				'Kommentar: Detta är första mätningen',
				g.indicators[1]?.name ?? i0.name,
				AVSNITT[1]
			]).every((i) => i >= 0)
		).toBe(true);
		expect(text).toMatch(/Inriktningsmål: Nr 19\./);
		expect(text).toMatch(/\nMål: /);
		expect(text).toMatch(/\nUppdrag \d+\. /);
		// The demo has no printed colours: "ej bedömd" is said in words.
		expect(text.match(/– Ej bedömd/g)!.length).toBeGreaterThan(30);
	});
});

describe('DOCX structure (what Word and LibreOffice need to open it cleanly)', () => {
	it('is a complete package of well-formed XML parts', async () => {
		const { problems, documentXml } = await packageProblems((await exportChapter(ch, 'docx')).body);
		expect(problems).toEqual([]);
		expect(documentXml.length).toBeGreaterThan(10_000);
	});

	it('has tables whose rows match their grid, with real column widths and a paragraph in every cell', async () => {
		const { documentXml } = await packageProblems((await exportChapter(ch, 'docx')).body);
		expect(tableProblems(documentXml, TEXT_WIDTH)).toEqual([]);
		// The summary and one indicator table per goal with indicators.
		const withIndicators = ch.sections.flatMap((s) => s.goals).filter((g) => g.indicators.length > 0).length;
		expect(documentXml.match(/<w:tbl>/g)!.length).toBe(1 + withIndicators);
		// The summary's label column is wider than its count columns (LibreOffice lays out from the grid).
		const grid = [...documentXml.match(/<w:tblGrid>.*?<\/w:tblGrid>/)![0].matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
		expect(grid).toHaveLength(5);
		expect(grid[0]).toBeGreaterThan(2 * grid[1]);
	});

	it('keeps the symbols as characters with their words beside them, never colour alone', async () => {
		const { documentXml } = await packageProblems((await exportChapter(ch, 'docx')).body);
		for (const s of ['● Grön', '▲ Gul', '■ Röd', '– Ej bedömd']) expect(documentXml).toContain(`>${s}<`);
		for (const s of ['↗  resultatet har förbättrats', '✓  helt', '◐  delvis', '✕  inte alls']) expect(documentXml).toContain(s);
	});

	it('the checks catch what they are for', () => {
		expect(xmlProblems('<a><b></a></b>')).not.toEqual([]);
		expect(xmlProblems('<a x="1" x="2"/>')).not.toEqual([]);
		expect(xmlProblems('<a>Tom & Jerry</a>')).not.toEqual([]);
		expect(xmlProblems('<a b="1"><c/>text &amp; more</a>')).toEqual([]);
		const row = (cells: string) => `<w:tr>${cells}</w:tr>`;
		const tc = '<w:tc><w:p/></w:tc>';
		const grid = (n: number, w = 3000) => `<w:tblGrid>${`<w:gridCol w:w="${w}"/>`.repeat(n)}</w:tblGrid>`;
		expect(tableProblems(`<w:tbl>${grid(2)}${row(tc + tc)}</w:tbl>`, 9026)).toEqual([]);
		expect(tableProblems(`<w:tbl>${grid(2, 100)}${row(tc + tc)}</w:tbl>`, 9026)[0]).toMatch(/too narrow/);
		expect(tableProblems(`<w:tbl>${grid(3)}${row(tc + tc)}</w:tbl>`, 9026)[0]).toMatch(/span 2 columns, the grid has 3/);
		expect(tableProblems(`<w:tbl>${grid(2)}${row(tc + '<w:tc></w:tc>')}</w:tbl>`, 9026)[0]).toMatch(/no paragraph/);
		expect(tableProblems(`<w:tbl><w:tblW w:w="100%"/>${grid(2)}${row(tc + tc)}</w:tbl>`, 9026)[0]).toMatch(/percent/);
	});
});

describe('PDF', () => {
	// Skipped only where Chromium is absent (`npm test` installs it before the e2e run, so CI always has it): the PDF
	// is Chromium printing the chapter page, and there is nothing else to print it with.
	it.skipIf(!chromiumPath())('is printed by Chromium: pages > 0 and the chapter text', { timeout: 60_000 }, async () => {
		const file = await exportChapter(ch, 'pdf');
		const pdf = Buffer.from(file.body);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		expect(pages).toBeGreaterThan(3);
		let pdftotext = true;
		try {
			execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
		} catch {
			pdftotext = false;
		}
		if (!pdftotext) return; // page objects counted above; the text needs poppler-utils
		const dir = mkdtempSync(join(tmpdir(), 'kapitel-'));
		writeFileSync(join(dir, 'k.pdf'), pdf);
		const text = execFileSync('pdftotext', ['-layout', join(dir, 'k.pdf'), '-'], { encoding: 'utf8' });
		expect(text.split('\f').filter((p) => p.trim()).length).toBe(pages);
		expect(text).toContain('Nämndens mål och uppdrag');
		expect(text).toContain('Sida 1 av');
		for (const a of AVSNITT) expect(text.replace(/\s+/g, ' ')).toContain(a);
	});
});

describe('XLSX and CSV', () => {
	it('has one row per goal, indicator and uppdrag in printed order', async () => {
		const file = await exportChapter(ch, 'xlsx');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(file.body) as never);
		const ws = wb.getWorksheet('Mål och uppdrag')!;
		const rows: string[][] = [];
		ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
		expect(rows[0].slice(0, 4)).toEqual(['Avsnitt', 'Typ', 'Nr', 'Text']);
		const types = rows.slice(1).map((r) => r[1]);
		expect(types.filter((t) => t === 'Mål')).toHaveLength(16);
		expect(types.filter((t) => t === 'Indikator')).toHaveLength(48);
		expect(types.filter((t) => t === 'Uppdrag')).toHaveLength(18);
		expect([...new Set(rows.slice(1).map((r) => r[0]))]).toEqual(AVSNITT);
		const firstIndicator = rows.find((r) => r[1] === 'Indikator')!;
		expect(firstIndicator[3]).toMatch(/^Andel organisationer inom partnerskapet/);
		expect(firstIndicator[8]).toMatch(/^20\s%$/);
		const summary = wb.getWorksheet('Sammanfattning')!;
		expect(summary.getRow(2).getCell(1).value).toBe('Mål från regionfullmäktige');
	});

	it('CSV: the same rows, semicolon-separated with a BOM', async () => {
		const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode((await exportChapter(ch, 'csv')).body);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1).split('\r\n')[0]).toMatch(/^Avsnitt;Typ;Nr;Text;/);
		expect(csv.split('\r\n').filter((l) => l.includes(';Indikator;'))).toHaveLength(48);
	});

	it('HTML: one self-contained print document', async () => {
		const html = new TextDecoder().decode((await exportChapter(ch, 'html')).body);
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('@page { size: A4');
		expect(html).not.toMatch(/<script|<link /);
		expect(inOrder(html, AVSNITT).every((i) => i >= 0)).toBe(true);
	});
});
