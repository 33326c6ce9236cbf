/**
 * The data contract between pages and charts. Pages (server loads) build these plain objects with values
 * already formatted for the reader's locale; charts only place and draw them.
 */
import type { Locale } from '$lib/i18n';

export interface ChartPoint {
	/** Canonical period code: "2019", "2025T2", "2026M01". */
	period: string;
	/** Position on the x axis: the year, or a fraction of it for sub-year periods (see periodToX). */
	x: number;
	/** Null for a missing value (the line breaks there). */
	value: number | null;
	/** The value as the reader sees it, e.g. "132 670 invånare", "58 %", or ".." with its meaning. */
	label: string;
}

export interface ChartSeries {
	/** Stable id, e.g. the geography code "23", "00", "2380". */
	id: string;
	/** Shown in legends, direct labels and read-outs: "Jämtlands län", "Riket", "Östersund". */
	name: string;
	/** focus = the organisation's own län (or chosen kommun); riket = Sweden; compare = any other chosen geography. */
	role: 'focus' | 'riket' | 'compare';
	points: ChartPoint[];
}

/** A target drawn on the chart: a line at `value`, or a zone between `value` and `valueHigh`. */
export interface TargetMark {
	value: number;
	valueHigh?: number | null;
	/** x of the target period (e.g. 2030), drawn as a marker when inside or beyond the x range. */
	targetX?: number | null;
	/** "Målvärde: minst 80 % (2030)" */
	label: string;
}

/**
 * Many unnamed lines drawn thin and grey behind the named series, to show the spread (e.g. all 310 other län and
 * kommuner). Compact on purpose (it travels in the page's hydration data): `values[i][j]` is line i's value at
 * `xs[j]`, null where it has none (the line breaks). No markers, labels, tooltip rows or key stops.
 */
export interface ContextLines {
	xs: number[];
	values: (number | null)[][];
}

export interface LineChartProps {
	series: ChartSeries[];
	/** Context lines behind the series; the description should say what they are. */
	context?: ContextLines | null;
	target?: TargetMark | null;
	/** Accessible name of the figure, e.g. "Invånare totalt, Jämtlands län och riket, 1994–2022". */
	title: string;
	/** A one-sentence summary read after the title (trend in words). */
	description: string;
	/** Unit and decimals for axis ticks. */
	unit: string | null;
	decimals: number;
	locale: Locale;
	/** Pixel height of the plot in the browser; width is fluid. */
	height?: number;
	/** Id of the `<figure>`, e.g. for ChartDownloads' `targetId`. Optional extension; a stable id is generated otherwise. */
	id?: string;
}

export interface Bar {
	id: string;
	name: string;
	value: number | null;
	label: string;
	role: 'focus' | 'riket' | 'lan' | 'other';
	/** A link to that geography's page, when there is one. */
	href?: string | null;
}

export interface BarReference {
	name: string;
	value: number;
	/** The value as read ("5,6 %"), or the whole reference text ("Riket 5,6 %"): the chart adds `name` only if missing. */
	label: string;
}

export interface BarChartProps {
	bars: Bar[];
	references: BarReference[];
	title: string;
	description: string;
	unit: string | null;
	decimals: number;
	locale: Locale;
	/** Id of the `<figure>`, e.g. for ChartDownloads' `targetId`. Optional extension; a stable id is generated otherwise. */
	id?: string;
}

export interface SparklinePoint {
	x: number;
	/** Null for a missing value (the line breaks there). */
	value: number | null;
}

export interface SparklineProps {
	points: SparklinePoint[];
	/** Accessible name, e.g. "Arbetslöshet 2010–2022, senast 4,1 %". */
	title: string;
	/** Target value drawn as a dotted line; the y range includes it. */
	target?: number | null;
	/** Size in px (default 120 × 32). */
	width?: number;
	height?: number;
}

/** One coloured area of a choropleth map: a län or a kommun. */
export interface MapArea {
	/** SCB code: "23", "2380". */
	code: string;
	name: string;
	/** SVG path data in the map's viewBox units (precomputed, see src/lib/server/geo/). */
	d: string;
	/** Fill colour of the area's class, or null for a missing value (drawn hatched). */
	fill: string | null;
	/** The accessible name, tooltip and read-out: "Östersund: 4,2 %, plats 5 av 8". */
	label: string;
	/** Where the area leads: the kommun page, or the län's own kommun map. */
	href: string;
	/** The view's focus geography (outlined and always named on the map). */
	focus: boolean;
	/** A point inside the area for its name, in viewBox units. */
	at: [number, number] | null;
}

export interface MapLegendItem {
	/** Swatch colour; null = the hatch of missing values. */
	colour: string | null;
	/** "3,0–3,9 %", "Uppgift saknas". */
	label: string;
	/** "5 kommuner"; a screen reader hears it after the label. */
	count: string;
}

/** A row of the map's table: the same areas and values as the map. */
export interface MapTableRow {
	code: string;
	name: string;
	href: string;
	value: string;
	/** The meaning of a missing-value symbol, shown as the value's title. */
	explanation: string | null;
	rank: string;
}

/** Links that switch what the map shows (a group with its current choice marked). */
export interface MapSwitch {
	label: string;
	links: { text: string; href: string; current: boolean }[];
}

export interface ChoroplethMapProps {
	/** Prefix for element ids (the figure gets this id); must be unique on the page. */
	id: string;
	/** "Arbetslöshet 18–65 år: kommunerna i Jämtlands län, 2022" */
	title: string;
	/** Colour scale in words and the focus area's rank; read after the title. */
	description: string;
	/** viewBox size. */
	width: number;
	height: number;
	areas: MapArea[];
	/** Neighbouring län, greyed, not interactive; named on the map where there is room (`at`). */
	context: { code: string; d: string; name: string; at: [number, number] | null }[];
	legend: { title: string; items: MapLegendItem[]; notes: string[] };
	/** Names on the map: every area (small maps) or only the focus area. */
	names: 'all' | 'focus';
	/** What the read-out line says before anything is hovered or focused. */
	readout: string;
	table: { caption: string; areaHeader: string; valueHeader: string; rankHeader: string; rows: MapTableRow[] };
	switches: MapSwitch[];
	/** "Källa: SCB (Digitala gränser)" */
	attribution: string;
	locale: Locale;
}

/** A small map that shows where a län lies in Sweden, or a kommun in its län. */
export interface LocatorMapProps {
	/** Accessible name, e.g. "Jämtlands län på Sveriges karta". */
	title: string;
	/** Visible caption under the map, e.g. "Jämtlands län". */
	caption: string;
	width: number;
	height: number;
	/** Every area of the map; `highlight` marks the one the page is about. */
	areas: { code: string; d: string; highlight: boolean }[];
	attribution: string;
}
