/**
 * The words every export of the chapter shares, so DOCX, PDF/HTML and CSV/XLSX say the same: symbols with
 * text (never colour alone), the legend's exact wording (domain.md, "Symbolförklaringar"), headings.
 */
import { colourLabel, legend, statusLabel, trendLabel } from '../../../domain/labels';
import { formatDateLong } from '../../../domain/format';
import { stateLabel } from '../../../domain/review-workflow';
import type { Colour, IndicatorStatus, Trend } from '../../../domain/types';
import type { Chapter } from '../chapter';

export const CHAPTER_TITLE = 'Nämndens mål och uppdrag';
export const LEGEND_TITLE = 'Symbolförklaringar';
export const NOT_ASSESSED = 'ej bedömd';

/** "● Grön" / "– Ej bedömd". */
export const colourText = (c: Colour | null) => {
	const l = colourLabel(c);
	return `${l.symbol} ${l.text}`;
};
/** "↗ Förbättrats", or "" when there is no arrow. */
export const trendText = (t: Trend | null) => (t ? `${trendLabel(t).symbol} ${trendLabel(t).text}` : '');
/** "✓ Helt", or "" when there is no status. */
export const statusText = (s: IndicatorStatus | null) => (s ? `${statusLabel(s).symbol} ${statusLabel(s).text}` : '');

const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

/**
 * The three legends with the printed headings, each line as printed: "grön = uppnått eller överträffat
 * målnivån", "resultatet har förbättrats", "helt" (our symbol in front, and "ej bedömd" added to the colours).
 */
export function legendBlocks(): { heading: string; lines: { symbol: string; text: string }[] }[] {
	const line = (kind: 'colour' | 'trend' | 'indicatorStatus', i: { symbol: string; text: string; meaning: string }) => ({
		symbol: i.symbol,
		text: kind === 'colour' ? `${i.text.toLowerCase()} = ${lowerFirst(i.meaning)}` : kind === 'trend' ? lowerFirst(i.meaning) : i.text.toLowerCase()
	});
	return (['colour', 'trend', 'indicatorStatus'] as const).map((kind) => {
		const l = legend(kind, 'sv');
		return { heading: `${l.heading}:`, lines: l.items.map((i) => line(kind, i)) };
	});
}

/** "3.1 Sammanfattning uppföljning av mål och uppdrag" when the avsnitt are numbered 3.2 …, else unnumbered. */
export function summaryTitle(ch: Chapter): string {
	const m = /^(\d+)\.(\d+)$/.exec(ch.sections[0]?.number ?? '');
	const number = m && Number(m[2]) > 1 ? `${m[1]}.${Number(m[2]) - 1} ` : '';
	return `${number}Sammanfattning uppföljning av mål och uppdrag`;
}

/** One line about the period's state: approval with meeting and paragraph, or the workflow state. */
export function approvalLine(ch: Chapter): string {
	const a = ch.approval;
	const state = stateLabel(ch.period.state);
	if (!a) return `Status: ${state}.`;
	return `Status: ${state}. Godkänd av nämnden vid sammanträdet ${formatDateLong(a.meetingDate)}, ${a.paragraph}.`;
}

/** File name stem: "nämndens-mål-och-uppdrag-helar-2019". */
export function fileStem(ch: Chapter): string {
	return `namndens-mal-och-uppdrag-${ch.plan.slug}-${ch.period.slug}`;
}

/** The column headings of the summary table. */
export const SUMMARY_COLUMNS: { key: 'green' | 'yellow' | 'red' | 'notAssessed'; heading: string }[] = [
	{ key: 'green', heading: colourText('green') },
	{ key: 'yellow', heading: colourText('yellow') },
	{ key: 'red', heading: colourText('red') },
	{ key: 'notAssessed', heading: colourText(null) }
];
