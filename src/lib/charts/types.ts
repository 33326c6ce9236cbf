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

export interface LineChartProps {
	series: ChartSeries[];
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
