/**
 * Pure layout helpers for chart text. The server cannot measure text, so widths are estimated from the number of
 * characters; the estimates err on the wide side so labels never get clipped.
 */

/** Average glyph width relative to the font size for system sans-serif fonts (digits ≈ 0.55, capitals ≈ 0.65). */
const GLYPH = 0.6;

/** Rounds a coordinate to 3 decimals: 0.001 % of a 2000 px plot is 0.02 px, and the HTML stays short. */
export function r3(value: number): number {
	return Math.round(value * 1000) / 1000;
}

/** Estimated width in px of a single line of text. */
export function textWidth(text: string, fontSize: number, bold = false): number {
	return Math.ceil(text.length * fontSize * GLYPH * (bold ? 1.07 : 1));
}

/**
 * Splits a long name into at most two lines at the space nearest its middle ("Västra Götalands län" →
 * ["Västra", "Götalands län"]), so direct labels take less width on a phone. Short names stay one line; a number
 * written with spaces ("135 000") is never split.
 */
export function splitLabel(name: string, maxChars = 12): string[] {
	const text = name.trim();
	if (text.length <= maxChars) return [text];
	const middle = text.length / 2;
	let best = -1;
	for (let i = 0; i < text.length; i++) {
		// Never inside a number written with spaces ("135 000").
		const inNumber = /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
		if (text[i] === ' ' && !inNumber && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
	}
	return best < 0 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

export interface LabelBox {
	/** Wanted centre, in px from the top. */
	y: number;
	/** Height in px. */
	height: number;
}

/**
 * Moves label centres apart so no two overlap, staying as close as possible to where they want to be and inside
 * [min, max]. Returns the new centres in input order. Greedy: sort by wanted position, push each label below its
 * predecessor, then shift the whole stack up if it ran past `max` (and clamp at `min`).
 */
export function spreadLabels(boxes: readonly LabelBox[], min: number, max: number, gap = 2): number[] {
	const order = boxes.map((b, i) => i).sort((a, b) => boxes[a].y - boxes[b].y || a - b);
	const placed = new Array<number>(boxes.length);
	let bottom = -Infinity;
	for (const i of order) {
		const half = boxes[i].height / 2;
		const y = Math.max(boxes[i].y, bottom + gap + half, min + half);
		placed[i] = y;
		bottom = y + half;
	}
	// Ran past the bottom: walk back up, moving each label only as far as the one below forces it.
	let limit = max;
	for (let j = order.length - 1; j >= 0; j--) {
		const i = order[j];
		const half = boxes[i].height / 2;
		if (placed[i] + half <= limit) break;
		placed[i] = Math.max(min + half, limit - half);
		limit = placed[i] - half - gap;
	}
	return placed;
}

/**
 * SVG path data of a line through points in order, starting a new piece ("M") after every point where `defined` is
 * false, so a missing value breaks the line. A lone point between gaps is a zero-length piece (drawn by its marker).
 * Written here instead of importing d3-shape: its curve factories cannot be tree-shaken and cost ~4 kB gzip.
 */
export function linePath<T>(points: readonly T[], defined: (p: T) => boolean, x: (p: T) => number, y: (p: T) => number): string {
	let d = '';
	let pen = false;
	for (const p of points) {
		if (!defined(p)) {
			pen = false;
			continue;
		}
		d += `${pen ? 'L' : 'M'}${r3(x(p))},${r3(y(p))}`;
		pen = true;
	}
	return d;
}
