/**
 * The återrapportering tables (report.ts) as Word (DOCX) and Excel (XLSX). Both keep the model's order and
 * the template's column headings; cells keep their line breaks.
 */
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { writeXlsx, type SheetSpec } from '../import/xlsx';
import type { ReportModel, ReportTable } from './report';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

const cell = (content: string, bold = false) =>
	new TableCell({
		borders: BORDERS,
		children: (content || '').split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }))
	});

function tableBlock(t: ReportTable): (Paragraph | Table)[] {
	const heading = t.code && !t.code.endsWith('.99') && t.kind !== 'anslag' ? `${t.code} ${t.title}` : t.title;
	const out: (Paragraph | Table)[] = [new Paragraph({ text: heading, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } })];
	if (t.priority && t.kind !== 'anslag') out.push(new Paragraph({ children: [new TextRun({ text: `Nationell prioritering: ${t.priority}`, italics: true })] }));
	if (t.note) out.push(new Paragraph({ text: t.note, spacing: { after: 120 } }));
	const rows = [new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))];
	out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
	return out;
}

export function reportDocument(m: ReportModel): Document {
	return new Document({
		creator: 'Lägesbild',
		title: `${m.title}: ${m.organisation}`,
		styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
		sections: [
			{
				children: [
					new Paragraph({ text: m.title, heading: HeadingLevel.HEADING_1 }),
					new Paragraph({ text: m.organisation, spacing: { after: 200 } }),
					...m.tables.flatMap(tableBlock)
				]
			}
		]
	});
}

export async function reportDocx(m: ReportModel): Promise<Uint8Array> {
	return new Uint8Array(await Packer.toBuffer(reportDocument(m)));
}

/** One sheet per kind of table; each row says its section, so the sheets sort and filter in Excel. */
export async function reportXlsx(m: ReportModel): Promise<Uint8Array> {
	const sheet = (name: string, kind: ReportTable['kind'], lead: string[]): SheetSpec | null => {
		const tables = m.tables.filter((t) => t.kind === kind);
		if (!tables.length) return null;
		const columns = tables[0].columns;
		return {
			name,
			header: true,
			widths: [...lead.map(() => 14), ...columns.map(() => 50)],
			rows: [
				[...lead, ...columns],
				...tables.flatMap((t) => t.rows.map((r) => [...(lead.length ? [t.code ?? '', t.title, t.priority ?? ''].slice(0, lead.length) : []), ...r]))
			]
		};
	};
	const sheets = [
		sheet('Insatser', 'insatser', ['Avsnitt', 'Rubrik', 'Nationell prioritering']),
		sheet('Tidigare insatser', 'tidigare', ['Avsnitt', 'Rubrik', 'Nationell prioritering']),
		sheet('Analyser 5.1', 'analyser', []),
		sheet('Anslag 1-1', 'anslag', [])
	].filter((s): s is SheetSpec => s !== null);
	return writeXlsx(sheets);
}

export const REPORT_FORMATS = ['docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export async function exportReport(m: ReportModel, format: ReportFormat): Promise<{ body: Uint8Array; type: string; fileName: string }> {
	const base = `aterrapportering-${m.year}`;
	if (format === 'docx') {
		return { body: await reportDocx(m), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: `${base}.docx` };
	}
	return { body: await reportXlsx(m), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx` };
}
