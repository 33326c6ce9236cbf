/**
 * The state of an indicator view lives in its URL, so every view is a shareable link:
 * `?focus=23&compare=00,2380&sex=K&from=2010&to=2022&tab=table&year=2021`, and for the map tab
 * `?focus=23&tab=map&level=lan&mapmode=riket`, and `context=all` draws every other geography as a thin grey line
 * behind the chosen ones (the spread of all 312: riket, 21 län, 290 kommuner).
 * Parsing is forgiving (a citizen's typo gives the default, not an error page); the API is strict instead.
 */
import type { Sex } from '../domain/types';

export const TABS = ['chart', 'bar', 'map', 'table'] as const;
export type Tab = (typeof TABS)[number];

/** What the map shows: the kommuner of the focus län, or all 21 län. */
export const MAP_LEVELS = ['kommun', 'lan'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];
/** How the map is coloured: by value (sequential scale), or above and below riket's value (diverging scale). */
export const MAP_MODES = ['value', 'riket'] as const;
export type MapMode = (typeof MAP_MODES)[number];

export interface IndicatorViewState {
	/** The geography the view is about (SCB code); null = the indicator's default. */
	focus: string | null;
	/** Other geographies drawn for comparison (SCB codes), in the order chosen. */
	compare: string[] | null;
	sex: Sex;
	from: number | null;
	to: number | null;
	tab: Tab;
	/** The year of the bar chart and the map; null = the latest with data. */
	year: number | null;
	/** The map's areas; null = the focus län's kommuner when there are kommun values, else all län. */
	level: MapLevel | null;
	/** The map's colour scale; null = by value. `riket` needs a value for riket in that year. */
	mapmode: MapMode | null;
	/** `all`: the line chart also draws every other geography with values, thin and grey, unnamed, behind the chosen ones. */
	context: 'all' | null;
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
	const level = params.get('level');
	const mapmode = params.get('mapmode');
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
		year: year(params.get('year')),
		level: MAP_LEVELS.includes(level as MapLevel) ? (level as MapLevel) : null,
		mapmode: MAP_MODES.includes(mapmode as MapMode) ? (mapmode as MapMode) : null,
		context: params.getAll('context').includes('all') ? 'all' : null
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
	if (s.level) q.set('level', s.level);
	if (s.mapmode) q.set('mapmode', s.mapmode);
	if (s.context) q.set('context', s.context);
	const text = q.toString().replaceAll('%2C', ',');
	return text ? `?${text}` : '';
}
