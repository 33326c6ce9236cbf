/**
 * Counts for the summary table of the verksamhetsberättelse, "3.1 Sammanfattning uppföljning av mål och uppdrag":
 * how many goals and uppdrag are grön, gul and röd, per origin.
 */
import type { Colour, Origin } from './types';
import { LABELS, type Bilingual, type SummaryCategory } from './labels';

export type { SummaryCategory } from './labels';

/** One goal or uppdrag with its assessed colour (`null` = not assessed). */
export interface SummaryItem {
	type: 'goal' | 'uppdrag';
	origin: Origin;
	colour: Colour | null;
}

/** Colour counts; `total` includes the not assessed. */
export interface ColourCounts {
	green: number;
	yellow: number;
	red: number;
	notAssessed: number;
	total: number;
}

/** One row of the summary table. */
export interface SummaryRow extends ColourCounts {
	category: SummaryCategory;
	label: Bilingual;
}

/** The rows in printed order. */
export const SUMMARY_CATEGORIES: readonly SummaryCategory[] = [
	'council_goals',
	'council_uppdrag',
	'committee_goals',
	'committee_uppdrag'
];

/** Count colours; `null` counts as not assessed. */
export function countColours(colours: (Colour | null)[]): ColourCounts {
	const counts: ColourCounts = { green: 0, yellow: 0, red: 0, notAssessed: 0, total: 0 };
	for (const c of colours) {
		if (c === 'green' || c === 'yellow' || c === 'red') counts[c]++;
		else counts.notAssessed++;
		counts.total++;
	}
	return counts;
}

/**
 * Which row an item belongs to. The printed table has only two origins, so origin 'other' (e.g. a goal from a
 * regional programme adopted by the nämnd) is counted with the nämnd: the nämnd is the one that adopted it into
 * its plan and reports on it, whereas regionfullmäktige's rows must hold exactly what the council decided.
 */
export function summaryCategory(item: Pick<SummaryItem, 'type' | 'origin'>): SummaryCategory {
	const council = item.origin === 'council';
	if (item.type === 'goal') return council ? 'council_goals' : 'committee_goals';
	return council ? 'council_uppdrag' : 'committee_uppdrag';
}

/** The summary table: always four rows, in printed order, also when a row is empty. */
export function summarise(items: SummaryItem[]): SummaryRow[] {
	return SUMMARY_CATEGORIES.map((category) => {
		const entry = LABELS.summaryCategory[category];
		const colours = items.filter((item) => summaryCategory(item) === category).map((item) => item.colour);
		return { category, label: { sv: entry.sv, en: entry.en }, ...countColours(colours) };
	});
}
