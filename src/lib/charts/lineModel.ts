/**
 * Everything the line chart derives from its props before drawing: styled series, the sorted periods the keyboard
 * walks through, domains, ticks, tick labels and the padding that makes room for them. Pure, so the same numbers
 * come out on the server (no width known) and in the browser (measured width).
 */
import { formatPeriod } from '$lib/domain/period';
import { splitLabel, textWidth } from './layout';
import { styleSeries, type StyledSeries } from './palette';
import { axisUnits, niceTicks, tickDecimals, tickFormatter, unitOnTicks, yDomain, yearTicks } from './scales';
import type { ChartPoint, LineChartProps } from './types';

export const TICK_FONT = 12;
export const LABEL_FONT = 13;
export const LABEL_LINE = 15;
/** Gap (with room for a leader line) in front of a direct label. */
export const LABEL_LEAD = 18;
/** Plot width assumed on the server: the tick count for a typical desktop column; CSS thins them on phones. */
const SERVER_PLOT_WIDTH = 640;
/** The narrowest plot we design for: a 360 px phone minus axis labels and page margins. */
const PHONE_PLOT_WIDTH = 240;

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface PeriodSlot {
	x: number;
	/** The canonical period code of the first point seen at this x. */
	code: string;
	/** "2022", "Tertial 2 2025": for tooltips and read-outs. */
	label: string;
}

export interface LineModel {
	series: StyledSeries[];
	periods: PeriodSlot[];
	xDomain: [number, number];
	yDomain: [number, number];
	xTicks: number[];
	yTicks: number[];
	formatY: (value: number) => string;
	/** The unit written once above the y axis, when it is not on every tick. */
	unitCaption: string | null;
	padding: Padding;
	plotHeight: number;
	/** True when the tick count was chosen for an unknown width (server render): CSS hides every other tick on phones. */
	guessedWidth: boolean;
	/** Pixels between neighbouring periods, when the width is known. */
	periodSpacing: number | null;
	/** Plot width in px when the frame width is known. */
	plotWidth: number | null;
	/** x of the direct-label column: the last period with a value. Left of the plot's end when a target year extends it. */
	labelX: number;
}

export function isDefined(p: ChartPoint): p is ChartPoint & { value: number } {
	return p.value !== null && Number.isFinite(p.value) && Number.isFinite(p.x);
}

/** The periods of all series, once each, in x order. */
export function collectPeriods(series: readonly { points: readonly ChartPoint[] }[], locale: LineChartProps['locale']): PeriodSlot[] {
	const byX = new Map<number, string>();
	for (const s of series) {
		for (const p of s.points) if (Number.isFinite(p.x) && !byX.has(p.x)) byX.set(p.x, p.period);
	}
	return [...byX.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([x, code]) => ({ x, code, label: formatPeriod(code, locale) }));
}

type ModelInput = Pick<LineChartProps, 'series' | 'context' | 'target' | 'unit' | 'decimals' | 'locale'> & { height: number };

/** Builds the model. `width` is the measured frame width in px, or null on the server. */
export function lineModel(props: ModelInput, width: number | null): LineModel {
	const series = styleSeries(props.series);
	const periods = collectPeriods(props.series, props.locale);
	const target = props.target ?? null;

	const context = props.context ?? null;
	// Context lines widen the axes (every line is drawn whole) but add no period to the keyboard's walk.
	const xs = [...periods.map((p) => p.x), ...(context?.xs ?? [])];
	if (target?.targetX != null && Number.isFinite(target.targetX)) xs.push(target.targetX);
	let xDomain: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
	if (xDomain[0] === xDomain[1]) xDomain = [xDomain[0] - 0.5, xDomain[1] + 0.5];

	// The caption row is reserved for any unit not written on ticks; its text is only known once ticks are.
	const top = props.unit && !unitOnTicks(props.unit) ? 30 : 14;
	const bottom = 30;
	const plotHeight = Math.max(80, props.height - top - bottom);
	const yCount = Math.max(3, Math.min(7, Math.round(plotHeight / 55)));
	const values = [...props.series.flatMap((s) => s.points.map((p) => p.value)), ...(context?.values.flat() ?? [])];
	const yDom = yDomain(values, target, { ticks: yCount });
	let yTicks = niceTicks(yDom, yCount);
	// Whole-number data (decimals 0: people, kronor) never gets "0,5" ticks; keep the whole ones if two remain.
	const whole = yTicks.filter(Number.isInteger);
	if (props.decimals === 0 && whole.length >= 2) yTicks = whole;
	let { factor, caption: unitCaption } = axisUnits(yTicks, props.unit, props.locale);
	if (top < 30) unitCaption = null;
	const scaled = tickFormatter(props.unit, tickDecimals(yTicks.map((t) => t / factor)), props.locale);
	const formatY = (value: number) => scaled(value / factor);
	const left = Math.max(32, ...yTicks.map((t) => textWidth(formatY(t), TICK_FONT) + 12));

	const span = xDomain[1] - xDomain[0];
	const lastXs = props.series.flatMap((s) => s.points.filter(isDefined).map((p) => p.x));
	const contextLast = context?.xs.findLast((_, j) => context.values.some((line) => line[j] !== null && Number.isFinite(line[j])));
	if (contextLast !== undefined) lastXs.push(contextLast);
	const labelX = lastXs.length ? Math.max(...lastXs) : xDomain[1];
	const labelWidths = series.map((s) =>
		Math.max(...splitLabel(s.name).map((line) => textWidth(line, LABEL_FONT, s.style.emphasis)))
	);
	const labelSpace = series.length ? Math.min(160, LABEL_LEAD + Math.max(...labelWidths) + 6) : 0;
	// When a target year extends the axis, the labels sit in the empty years after the data and need less padding.
	// On the server the room there is estimated for a phone-sized plot, so it is never overestimated.
	const gapPx = ((xDomain[1] - labelX) / span) * (width ? width - left - 18 : PHONE_PLOT_WIDTH);
	const right = Math.max(18, Math.ceil(labelSpace - gapPx));

	const plotWidth = width ? Math.max(40, width - left - right) : null;
	const xCount = plotWidth ? Math.max(2, Math.min(10, Math.floor(plotWidth / 70))) : Math.floor(SERVER_PLOT_WIDTH / 70);
	const periodSpacing =
		plotWidth && periods.length > 1 ? (plotWidth * minGap(periods.map((p) => p.x))) / span : null;

	return {
		series,
		periods,
		xDomain,
		yDomain: yDom,
		xTicks: yearTicks(xDomain, xCount),
		yTicks,
		formatY,
		unitCaption,
		padding: { top, right, bottom, left },
		plotHeight,
		guessedWidth: plotWidth === null,
		periodSpacing,
		plotWidth,
		labelX
	};
}

function minGap(xs: number[]): number {
	const sorted = [...new Set(xs)].sort((a, b) => a - b);
	let gap = Infinity;
	for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i] - sorted[i - 1]);
	return Number.isFinite(gap) ? gap : 1;
}

/** Index of the period nearest to x (ties go to the earlier period); -1 when there are none. */
export function nearestPeriod(periods: readonly PeriodSlot[], x: number): number {
	let best = -1;
	for (let i = 0; i < periods.length; i++) {
		if (best < 0 || Math.abs(periods[i].x - x) < Math.abs(periods[best].x - x)) best = i;
	}
	return best;
}

/**
 * Index of the series whose value at period x is nearest to y; series without a value there are skipped.
 * `fallback` when no series has a value at x.
 */
export function nearestSeries(series: readonly { points: readonly ChartPoint[] }[], x: number, y: number, fallback: number): number {
	let best = -1;
	let bestDistance = Infinity;
	series.forEach((s, i) => {
		const p = s.points.find((q) => q.x === x);
		if (!p || !isDefined(p)) return;
		const distance = Math.abs(p.value - y);
		if (distance < bestDistance) [best, bestDistance] = [i, distance];
	});
	return best < 0 ? fallback : best;
}
