/**
 * Colours, dash patterns and marker shapes of chart series. Every line is told apart without colour too: by its
 * direct label, its marker shape and (riket) its dash. All colours reach 4.5:1 against white, so they pass WCAG 2.1
 * AA both as lines and bars (3:1) and as label text (4.5:1); palette.test.ts checks it.
 */
import type { ChartSeries } from './types';

export const BRAND = '#1d4f91';
export const RIKET = '#3d4451';
export const INK = '#1b1f24';
export const INK_SOFT = '#4a5360';
export const GRID = '#dde2e8';
/** Bars of other geographies: muted slate, clearly lighter than the focus bar but still 3:1 against white. */
export const BAR_OTHER = '#7d8da3';
/**
 * Context lines (up to 310 thin lines whose mass shows the spread behind the named series): light on purpose, so the
 * named lines stay readable on top. No single context line carries anything the reader needs from the chart alone:
 * the description says what they are, and the table has every value.
 */
export const CONTEXT = '#a3adba';

/**
 * Okabe–Ito hues without yellow and sky blue, darkened until each reaches 4.5:1 on white:
 * vermillion, bluish green, reddish purple, orange (ochre), blue.
 */
export const COMPARE = ['#c1560a', '#008060', '#a8537f', '#9e6a00', '#0072b2'] as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown' | 'plus';

/** Marker paths centred on 0,0, about 10 px across, of roughly equal visual weight. */
export const MARKER_PATHS: Record<MarkerShape, string> = {
	circle: 'M4.6,0A4.6,4.6 0 1,1 -4.6,0A4.6,4.6 0 1,1 4.6,0Z',
	square: 'M-4,-4H4V4H-4Z',
	triangle: 'M0,-5.4L5,3.6H-5Z',
	diamond: 'M0,-5.6L5.6,0L0,5.6L-5.6,0Z',
	triangleDown: 'M0,5.4L5,-3.6H-5Z',
	plus: 'M-1.8,-5.2H1.8V-1.8H5.2V1.8H1.8V5.2H-1.8V1.8H-5.2V-1.8H-1.8Z'
};

const COMPARE_SHAPES: MarkerShape[] = ['triangle', 'diamond', 'triangleDown', 'plus', 'square'];

export interface SeriesStyle {
	colour: string;
	shape: MarkerShape;
	/** SVG stroke-dasharray, or null for a solid line. */
	dash: string | null;
	/** Line width in px. */
	width: number;
	/** Focus series are drawn last (on top) and labelled in bold. */
	emphasis: boolean;
}

export type StyledSeries = ChartSeries & { style: SeriesStyle };

/**
 * Styles in the order given: focus = brand, thick, circles; riket = dark grey, dashed, squares; every compare series
 * takes the next palette colour and shape. The shape cycle (5) is offset from the colour cycle (5) by the riket
 * square so a sixth compare series still differs from the first in shape.
 */
export function styleSeries(series: readonly ChartSeries[]): StyledSeries[] {
	let compare = 0;
	return series.map((s) => {
		if (s.role === 'focus') {
			return { ...s, style: { colour: BRAND, shape: 'circle', dash: null, width: 3, emphasis: true } };
		}
		if (s.role === 'riket') {
			return { ...s, style: { colour: RIKET, shape: 'square', dash: '7 4', width: 2, emphasis: false } };
		}
		const i = compare++;
		const style: SeriesStyle = {
			colour: COMPARE[i % COMPARE.length],
			shape: COMPARE_SHAPES[(i + Math.floor(i / COMPARE.length)) % COMPARE_SHAPES.length],
			dash: null,
			width: 2,
			emphasis: false
		};
		return { ...s, style };
	});
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

function luminance(hex: string): number {
	const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
