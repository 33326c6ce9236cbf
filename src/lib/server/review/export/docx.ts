/**
 * The chapter "Nämndens mål och uppdrag" as a Word document (DOCX, with the `docx` library): heading, the
 * "Symbolförklaringar" legend with the exact texts of the three symbol systems, the summary table, then per
 * avsnitt "Övergripande mål:", each goal ("Inriktningsmål: Nr N." / "Mål:") with colour and arrow and
 * "Kommentar", the table "Indikatorer | Utfall | Målvärde | Status" with each indicator's comment, and each
 * "Uppdrag N." with colour and comment. Symbols are characters followed by their word, so they survive in
 * Word and LibreOffice and in greyscale; colour is only a cell shading on top.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	Packer,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { Chapter, ChapterGoal, ChapterUppdrag } from '../chapter';
import { goalHeading, sectionHeading, uppdragHeading } from '../chapter';
import type { AssessmentView } from '../../queries/shared';
import type { Colour } from '../../../domain/types';
import {
	approvalLine,
	CHAPTER_TITLE,
	colourText,
	LEGEND_TITLE,
	legendBlocks,
	statusText,
	SUMMARY_COLUMNS,
	summaryTitle,
	trendText
} from './text';

const FILL: Record<Colour, string> = { green: 'DFF3E4', yellow: 'FFF4CC', red: 'FDE2E1' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

const text = (t: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text: t, ...opts });
const para = (children: TextRun[] | string, opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; spacingAfter?: number } = {}) =>
	new Paragraph({
		children: typeof children === 'string' ? [text(children)] : children,
		heading: opts.heading,
		spacing: { after: opts.spacingAfter ?? 80 }
	});

/**
 * The text width of the page in twentieths of a point: A4 (11 906) less the 1 440 margins on either side.
 * Tables are given in these units, with a grid that matches their cells: LibreOffice lays tables out from
 * the grid (`w:tblGrid`), and Word 2007 reads widths in percent only as fiftieths, not as "40%".
 */
export const TEXT_WIDTH = 11906 - 2 * 1440;

/** Column widths in twips from percentages of the text width; the last takes the rounding. */
export function columnWidths(percent: number[]): number[] {
	const w = percent.map((p) => Math.floor((TEXT_WIDTH * p) / 100));
	w[w.length - 1] += TEXT_WIDTH - w.reduce((a, b) => a + b, 0);
	return w;
}

function cell(content: string | Paragraph[], opts: { bold?: boolean; fill?: string; width?: number; span?: number; right?: boolean } = {}) {
	const children =
		typeof content === 'string'
			? content.split('\n').map((line) => new Paragraph({ children: [text(line, { bold: opts.bold })], alignment: opts.right ? AlignmentType.RIGHT : undefined }))
			: content;
	return new TableCell({
		children,
		borders: BORDERS,
		columnSpan: opts.span,
		width: opts.width ? { size: opts.width, type: WidthType.DXA } : undefined,
		shading: opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } : undefined
	});
}

const table = (rows: TableRow[], widths: number[]) =>
	new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED });

/** "● Grön  ↗ Förbättrats": the colour run shaded, the arrow after it. */
function statusParagraph(a: AssessmentView | null): Paragraph {
	const colour = a?.colour ?? null;
	const runs = [new TextRun({ text: colourText(colour), bold: true, shading: colour ? { type: ShadingType.CLEAR, color: 'auto', fill: FILL[colour] } : undefined })];
	const t = trendText(a?.trend ?? null);
	if (t) runs.push(text(`   ${t}`));
	return new Paragraph({ children: runs, spacing: { after: 80 } });
}

function commentParagraphs(comment: string | null | undefined): Paragraph[] {
	if (!comment) return [];
	return [
		para([text('Kommentar', { bold: true })], { spacingAfter: 40 }),
		...comment
			.split(/\n\s*\n/)
			.filter((p) => p.trim())
			.map((p) => para(p.trim()))
	];
}

const INDICATOR_COLUMNS = columnWidths([46, 16, 20, 18]);
const SUMMARY_WIDTHS = columnWidths([40, 15, 15, 15, 15]);

function indicatorTable(goal: ChapterGoal): Table[] {
	if (goal.indicators.length === 0) return [];
	const header = new TableRow({
		tableHeader: true,
		children: ['Indikatorer', 'Utfall', 'Målvärde', 'Status'].map((h, i) => cell(h, { bold: true, fill: 'E8EEF6', width: INDICATOR_COLUMNS[i] }))
	});
	const rows = goal.indicators.flatMap((i) => {
		const a = i.assessment;
		const status = [colourText(a?.colour ?? null), trendText(a?.trend ?? null), statusText(a?.indicatorStatus ?? null)].filter(Boolean).join('\n');
		const utfall = i.utfallPeriod && i.utfall !== '–' ? `${i.utfall}\n(${i.utfallPeriod})` : i.utfall;
		const out = [
			new TableRow({
				children: [
					cell(i.name, { width: INDICATOR_COLUMNS[0] }),
					cell(utfall, { width: INDICATOR_COLUMNS[1] }),
					cell(i.target, { width: INDICATOR_COLUMNS[2] }),
					cell(status, { fill: a?.colour ? FILL[a.colour] : undefined, width: INDICATOR_COLUMNS[3] })
				]
			})
		];
		if (a?.comment) {
			out.push(
				new TableRow({
					children: [cell([new Paragraph({ children: [text('Kommentar: ', { bold: true }), text(a.comment)] })], { span: 4, width: TEXT_WIDTH })]
				})
			);
		}
		return out;
	});
	return [table([header, ...rows], INDICATOR_COLUMNS)];
}

function goalBlock(goal: ChapterGoal): (Paragraph | Table)[] {
	return [
		para([text(`${goalHeading(goal)} `, { bold: true }), text(goal.title, { bold: true })], { heading: HeadingLevel.HEADING_3 }),
		statusParagraph(goal.assessment),
		...commentParagraphs(goal.assessment?.comment),
		...indicatorTable(goal),
		para('')
	];
}

function uppdragBlock(u: ChapterUppdrag): (Paragraph | Table)[] {
	return [
		para([text(`${uppdragHeading(u)} `, { bold: true }), text(u.text)], { heading: HeadingLevel.HEADING_3 }),
		statusParagraph(u.assessment),
		...commentParagraphs(u.assessment?.comment)
	];
}

function summaryTable(ch: Chapter): Table {
	const header = new TableRow({
		tableHeader: true,
		children: [
			cell('', { width: SUMMARY_WIDTHS[0] }),
			...SUMMARY_COLUMNS.map((c, i) => cell(c.heading, { bold: true, fill: c.key === 'notAssessed' ? 'EEEEEE' : FILL[c.key], width: SUMMARY_WIDTHS[i + 1] }))
		]
	});
	const rows = ch.summary.map(
		(r) =>
			new TableRow({
				children: [
					cell(r.label.sv, { width: SUMMARY_WIDTHS[0] }),
					...SUMMARY_COLUMNS.map((c, i) => cell(String(r[c.key]), { right: true, width: SUMMARY_WIDTHS[i + 1] }))
				]
			})
	);
	return table([header, ...rows], SUMMARY_WIDTHS);
}

/** The DOCX document of the chapter. */
export function chapterDocument(ch: Chapter): Document {
	const legend = legendBlocks().flatMap((b) => [
		para([text(b.heading, { bold: true })], { spacingAfter: 40 }),
		...b.lines.map((l) => para(`${l.symbol}  ${l.text}`, { spacingAfter: 20 })),
		para('')
	]);
	const sections = ch.sections.flatMap((s) => [
		para(sectionHeading(s), { heading: HeadingLevel.HEADING_2 }),
		...s.overall.map((o) => para([text(`${o.label ?? 'Övergripande mål:'} `, { bold: true }), text(o.title)])),
		...s.goals.flatMap(goalBlock),
		...s.uppdrag.flatMap(uppdragBlock)
	]);
	return new Document({
		creator: 'Lägesbild',
		title: `${CHAPTER_TITLE} – ${ch.plan.name} – ${ch.period.label}`,
		description: `${ch.organisation.name}, ${ch.period.label}`,
		styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
		sections: [
			{
				children: [
					para(CHAPTER_TITLE, { heading: HeadingLevel.HEADING_1 }),
					para(`${ch.organisation.name} · ${ch.plan.name} · ${ch.period.label}`),
					para(approvalLine(ch)),
					...(ch.organisation.isExample ? [para([text('Exempeldata. ', { bold: true }), text('Allt i kapitlet är påhittat.')])] : []),
					para(LEGEND_TITLE, { heading: HeadingLevel.HEADING_2 }),
					...legend,
					para(summaryTitle(ch), { heading: HeadingLevel.HEADING_2 }),
					summaryTable(ch),
					...sections,
					...(ch.plan.source ? [para([text(`Källa: ${ch.plan.source}`, { italics: true })])] : [])
				]
			}
		]
	});
}

export async function chapterDocx(ch: Chapter): Promise<Buffer> {
	return Packer.toBuffer(chapterDocument(ch));
}
