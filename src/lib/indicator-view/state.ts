/**
 * The state of an indicator view lives in its URL, so every view is a shareable link:
 * `?focus=23&compare=00,2380&sex=K&from=2010&to=2022&tab=table&year=2021`.
 * Parsing is forgiving (a citizen's typo gives the default, not an error page); the API is strict instead.
 */
import type { Sex } from '../domain/types';

export const TABS = ['chart', 'bar', 'table'] as const;
export type Tab = (typeof TABS)[number];

export interface IndicatorViewState {
	/** The geography the view is about (SCB code); null = the indicator's default. */
	focus: string | null;
	/** Other geographies drawn for comparison (SCB codes), in the order chosen. */
	compare: string[] | null;
	sex: Sex;
	from: number | null;
	to: number | null;
	tab: Tab;
	/** The year of the bar chart; null = the latest with data. */
	year: number | null;
}

const GEO_CODE = /^\d{2}(\d{2})?$|^EX$/;
const MAX_COMPARE = 12;

function year(v: string | null): number | null {
	if (!v || !/^\d{4}$/.test(v)) return null;
	const n = Number(v);
	return n >= 1800 && n <= 2200 ? n : null;
}

export function parseViewState(params: URLSearchParams): IndicatorViewState {
	const focus = params.get('focus');
	// Forms send one `compare` per checkbox (plus an empty one, meaning "none"); links send one comma list.
	const compareRaw = params.getAll('compare');
	const compare =
		compareRaw.length === 0
			? null
			: [...new Set(compareRaw.flatMap((v) => v.split(',')).map((c) => c.trim()).filter((c) => GEO_CODE.test(c)))].slice(
					0,
					MAX_COMPARE
				);
	const sex = params.get('sex');
	const tab = params.get('tab');
	let from = year(params.get('from'));
	let to = year(params.get('to'));
	if (from !== null && to !== null && from > to) [from, to] = [to, from];
	return {
		focus: focus && GEO_CODE.test(focus) ? focus : null,
		compare,
		sex: sex === 'K' || sex === 'M' ? sex : 'T',
		from,
		to,
		tab: TABS.includes(tab as Tab) ? (tab as Tab) : 'chart',
		year: year(params.get('year'))
	};
}

/** The query string for a state, leaving out defaults so links stay short. */
export function viewQuery(state: IndicatorViewState, change: Partial<IndicatorViewState> = {}): string {
	const s = { ...state, ...change };
	const q = new URLSearchParams();
	if (s.focus) q.set('focus', s.focus);
	if (s.compare !== null) q.set('compare', s.compare.join(','));
	if (s.sex !== 'T') q.set('sex', s.sex);
	if (s.from !== null) q.set('from', String(s.from));
	if (s.to !== null) q.set('to', String(s.to));
	if (s.tab !== 'chart') q.set('tab', s.tab);
	if (s.year !== null) q.set('year', String(s.year));
	const text = q.toString().replaceAll('%2C', ',');
	return text ? `?${text}` : '';
}
