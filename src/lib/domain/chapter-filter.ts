/**
 * The filters of the review page and of the chapter's public form, as GET parameters (no JavaScript needed):
 *   visa=gulrod     only gul and röd goals and uppdrag
 *   visa=andrade    only what changed since the previous period (colour, arrow or comment; or new)
 *   visa=ejbedomda  only what is not assessed
 *   kategori=council_goals|council_uppdrag|committee_goals|committee_uppdrag and farg=green|yellow|red|ejbedomd:
 *                   the list a count of the summary table stands for (each count links here)
 */
import type { Colour, Origin } from './types';
import { summaryCategory, SUMMARY_CATEGORIES, type SummaryCategory } from './summary';

export const SHOW_FILTERS = ['gulrod', 'andrade', 'ejbedomda'] as const;
export type ShowFilter = (typeof SHOW_FILTERS)[number];
export type ColourFilter = Colour | 'ejbedomd';

export interface ChapterFilter {
	show: ShowFilter | null;
	category: SummaryCategory | null;
	colour: ColourFilter | null;
}

export const NO_FILTER: ChapterFilter = { show: null, category: null, colour: null };

/** An item the filter looks at: a goal or uppdrag with its colour now, and whether it changed. */
export interface FilterItem {
	type: 'goal' | 'uppdrag';
	origin: Origin;
	colour: Colour | null;
	changed: boolean;
}

const COLOURS: readonly ColourFilter[] = ['green', 'yellow', 'red', 'ejbedomd'];

/** Read the filter from the URL; unknown values are ignored (the page shows everything). */
export function parseFilter(params: URLSearchParams): ChapterFilter {
	const show = params.get('visa');
	const category = params.get('kategori');
	const colour = params.get('farg');
	return {
		show: (SHOW_FILTERS as readonly string[]).includes(show ?? '') ? (show as ShowFilter) : null,
		category: (SUMMARY_CATEGORIES as readonly string[]).includes(category ?? '') ? (category as SummaryCategory) : null,
		colour: (COLOURS as readonly string[]).includes(colour ?? '') ? (colour as ColourFilter) : null
	};
}

export function isFiltered(f: ChapterFilter): boolean {
	return f.show !== null || f.category !== null || f.colour !== null;
}

/** Does the item pass the filter? */
export function matchesFilter(item: FilterItem, f: ChapterFilter): boolean {
	if (f.show === 'gulrod' && item.colour !== 'yellow' && item.colour !== 'red') return false;
	if (f.show === 'ejbedomda' && item.colour !== null) return false;
	if (f.show === 'andrade' && !item.changed) return false;
	if (f.category && summaryCategory(item) !== f.category) return false;
	if (f.colour && (item.colour ?? 'ejbedomd') !== f.colour) return false;
	return true;
}

/** The query string of a filter (with other parameters to keep, e.g. the period), "" when nothing is set. */
export function filterQuery(f: Partial<ChapterFilter>, keep: Record<string, string | null | undefined> = {}): string {
	const p = new URLSearchParams();
	for (const [k, v] of Object.entries(keep)) if (v) p.set(k, v);
	if (f.show) p.set('visa', f.show);
	if (f.category) p.set('kategori', f.category);
	if (f.colour) p.set('farg', f.colour);
	const s = p.toString();
	return s ? `?${s}` : '';
}

/** The summary-table link for one count. */
export function countFilter(category: SummaryCategory, colour: Colour | null): ChapterFilter {
	return { show: null, category, colour: colour ?? 'ejbedomd' };
}
