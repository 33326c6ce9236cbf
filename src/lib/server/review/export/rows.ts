/**
 * The chapter as rows for further work (CSV and XLSX): one row per goal, indicator and uppdrag, in printed
 * order, with the same words as the document (symbol + text), and the previous period beside it.
 * CSV is written by the API's writer (BOM, CRLF, formula-safe), semicolon-separated for Swedish Excel.
 */
import type { Chapter } from '../chapter';
import { goalHeading, sectionHeading, uppdragHeading } from '../chapter';
import { toCsv } from '../../api/csv';
import { workbook } from '../../xlsx';
import { colourText, statusText, trendText, summaryTitle, SUMMARY_COLUMNS } from './text';
import { originLabel } from '../../../domain/labels';
import type { Colour } from '../../../domain/types';

export const ROW_HEADER = [
	'Avsnitt',
	'Typ',
	'Nr',
	'Text',
	'Ursprung',
	'Färg',
	'Pil',
	'Status',
	'Utfall',
	'Utfallsperiod',
	'Målvärde',
	'Kommentar',
	'Föregående period',
	'Färg föregående period',
	'Utfall föregående period'
] as const;

export function chapterRows(ch: Chapter): string[][] {
	const p = ch.previous;
	// Across plans the compared period's plan is named: "Helår 2025 (Verksamhetsplan 2025)".
	const prev = p ? (p.planId !== ch.plan.id ? `${p.label} (${p.planName})` : p.label) : '';
	/** The compared colour, or that the item is new since then (no counterpart in last year's plan). */
	const before = (x: { counterpart: boolean; previous: { colour: Colour | null } | null }) =>
		!p ? '' : x.counterpart ? colourText(x.previous?.colour ?? null) : `Ny sedan ${p.label}`;
	const rows: string[][] = [];
	for (const s of ch.sections) {
		const avsnitt = sectionHeading(s);
		for (const o of s.overall) rows.push([avsnitt, 'Övergripande mål', '', o.title, '', '', '', '', '', '', '', '', '', '', '']);
		for (const g of s.goals) {
			const a = g.assessment;
			rows.push([
				avsnitt,
				'Mål',
				goalHeading(g),
				g.title,
				originLabel(g.origin).text,
				colourText(a?.colour ?? null),
				trendText(a?.trend ?? null),
				'',
				'',
				'',
				'',
				a?.comment ?? '',
				prev,
				before(g),
				''
			]);
			for (const i of g.indicators) {
				const ia = i.assessment;
				rows.push([
					avsnitt,
					'Indikator',
					goalHeading(g),
					i.name,
					'',
					colourText(ia?.colour ?? null),
					trendText(ia?.trend ?? null),
					statusText(ia?.indicatorStatus ?? null),
					i.utfall,
					i.utfallPeriod ?? '',
					i.target,
					ia?.comment ?? '',
					prev,
					ch.previous ? colourText(i.previous?.colour ?? null) : '',
					i.utfallPrevious ?? ''
				]);
			}
		}
		for (const u of s.uppdrag) {
			rows.push([
				avsnitt,
				'Uppdrag',
				uppdragHeading(u),
				u.text,
				originLabel(u.origin).text,
				colourText(u.assessment?.colour ?? null),
				'',
				'',
				'',
				'',
				'',
				u.assessment?.comment ?? '',
				prev,
				before(u),
				''
			]);
		}
	}
	return rows;
}

export function chapterCsv(ch: Chapter): string {
	return toCsv({ header: ROW_HEADER, rows: chapterRows(ch) }, { sep: ';', decimal: ',' });
}

export async function chapterXlsx(ch: Chapter): Promise<Uint8Array> {
	const summary = [
		[summaryTitle(ch), ...SUMMARY_COLUMNS.map((c) => c.heading)],
		...ch.summary.map((r) => [r.label.sv, ...SUMMARY_COLUMNS.map((c) => r[c.key])])
	];
	const about = [
		['Om data', ''],
		['Organisation', ch.organisation.name],
		['Plan', ch.plan.name],
		['Period', ch.period.label],
		['Källa', ch.plan.source ?? ''],
		...(ch.organisation.isExample ? [['Obs', 'Exempeldata: allt är påhittat.']] : [])
	];
	return workbook([
		{ name: 'Mål och uppdrag', rows: [[...ROW_HEADER], ...chapterRows(ch)] },
		{ name: 'Sammanfattning', rows: summary },
		{ name: 'Om data', rows: about }
	]);
}
