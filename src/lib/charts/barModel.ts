/**
 * What the bar chart derives from its props: the bar order, the value domain, row geometry and padding.
 * Pure, so the order and layout can be tested without rendering.
 */
import { nice } from 'd3';
import { textWidth } from './layout';
import type { Bar, BarChartProps } from './types';

export const ROW_HEIGHT = 28;
export const NAME_FONT = 13;
export const VALUE_FONT = 12;
/** Height of one reference label row above the bars. */
export const REF_ROW = 18;
/** Width of the hatched stub that stands in for a missing value. */
export const MISSING_STUB = 16;

/**
 * Bars in reading order: highest value first; equal values keep their input order (Array.prototype.sort is stable);
 * bars without a value come last, in input order.
 */
export function sortBars(bars: readonly Bar[]): Bar[] {
	const has = (b: Bar) => b.value !== null && Number.isFinite(b.value);
	return [...bars].sort((a, b) => {
		if (has(a) !== has(b)) return has(a) ? -1 : 1;
		return has(a) ? (b.value as number) - (a.value as number) : 0;
	});
}

export interface BarModel {
	bars: Bar[];
	xDomain: [number, number];
	padding: { top: number; right: number; bottom: number; left: number };
	plotHeight: number;
	height: number;
	/** True when some bar links somewhere: the SVG is then a group of links, not a single image. */
	hasLinks: boolean;
}

export function barModel(props: Pick<BarChartProps, 'bars' | 'references'>): BarModel {
	const bars = sortBars(props.bars);
	const values = [...bars.map((b) => b.value), ...props.references.map((r) => r.value)].filter(
		(v): v is number => v !== null && Number.isFinite(v)
	);
	const lo = Math.min(0, ...values);
	const hi = Math.max(0, ...values);
	const xDomain: [number, number] = lo === hi ? [0, 1] : nice(lo, hi, 5);

	const nameWidth = Math.max(0, ...bars.map((b) => textWidth(b.name, NAME_FONT, b.role === 'focus')));
	const valueWidth = Math.max(
		0,
		...bars.map((b) => textWidth(b.label, VALUE_FONT, b.role === 'focus') + (b.value === null ? MISSING_STUB : 0))
	);
	const padding = {
		top: props.references.length ? props.references.length * REF_ROW + 8 : 6,
		right: Math.min(140, valueWidth + 10),
		bottom: 6,
		left: Math.min(180, nameWidth + 12)
	};
	const plotHeight = Math.max(1, bars.length) * ROW_HEIGHT;
	return {
		bars,
		xDomain,
		padding,
		plotHeight,
		height: plotHeight + padding.top + padding.bottom,
		hasLinks: bars.some((b) => !!b.href)
	};
}
