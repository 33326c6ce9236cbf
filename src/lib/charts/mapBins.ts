/**
 * Colour classes for the choropleth maps. Values are classed as the reader sees them: rounded to the indicator's
 * decimals first, so two areas that read "4,1 %" always get the same colour, and class limits never fall between
 * two printed numbers.
 *
 * How the class limits are chosen (sequential scale, `binValues`):
 * 1. The number of classes k is at most 5, at most the number of distinct values, and about half the number of
 *    areas (8 kommuner → 4 classes, 21 län → 5), so a class rarely holds a single area.
 * 2. Equal intervals with a round step (1, 2, 2,5 or 5 × 10ⁿ, e.g. "3,0–3,9 %", "4,0–4,9 %") are used when they
 *    work: every class gets at least one area and none gets more than twice its share (2n/k). Round limits are the
 *    easiest legend to read and keep the same meaning from year to year.
 * 3. Otherwise quantiles (about n/k areas per class). Skewed data needs them: with invånare per län, equal
 *    intervals would put 18 of 21 län in the lowest class because of Stockholm, Västra Götaland and Skåne.
 *    Quantile limits are rounded to two (else three) significant digits where that keeps every class non-empty,
 *    so the legend reads "240 000–279 999 invånare" rather than "243 265–280 712".
 * Diverging scale (`divergingBins`, chosen with `mapmode=riket`): classes below riket, equal to riket (as
 * printed) and above it, each side split in two at its median when it has at least two distinct values.
 *
 * Palettes are ColorBrewer's Blues (sequential) and PuOr (diverging), both safe for the common colour vision
 * deficiencies and in greyscale print; darker always means further from the start (higher, or further from riket).
 */

export interface MapClass {
	/** Lowest and highest value the class covers, as printed (rounded to the indicator's decimals). */
	lower: number;
	upper: number;
	/** Number of areas in the class. */
	count: number;
	colour: string;
	/** For the diverging scale: which side of riket the class is on. */
	side?: 'below' | 'same' | 'above';
}

export interface Binning {
	method: 'equal' | 'quantile' | 'single' | 'diverging' | 'none';
	classes: MapClass[];
	/** The index of the class of a value (-1 for null, NaN or a value outside the classes). */
	classOf(value: number | null): number;
}

/** ColorBrewer Blues for 1–5 classes, light to dark. */
export const SEQUENTIAL: Record<number, readonly string[]> = {
	1: ['#6baed6'],
	2: ['#9ecae1', '#2171b5'],
	3: ['#deebf7', '#9ecae1', '#3182bd'],
	4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
	5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']
};

/** ColorBrewer PuOr (5 classes): far below, near below, as riket, near above, far above. */
export const DIVERGING = { farBelow: '#e66101', nearBelow: '#fdb863', same: '#f7f7f7', nearAbove: '#b2abd2', farAbove: '#5e3c99' } as const;

const MAX_CLASSES = 5;
const NICE = [1, 2, 2.5, 5];

/** A value in whole units of the last shown decimal (4,1 % with 1 decimal → 41), rounded as Intl prints it. */
export function toUnits(value: number, decimals: number): number {
	return Math.round(Number(value.toFixed(decimals)) * 10 ** decimals);
}

const fromUnits = (units: number, decimals: number) => Number((units / 10 ** decimals).toFixed(decimals));

/** Number of classes for n areas with `distinct` different values (see the module comment). */
export function classCount(n: number, distinct: number, max = MAX_CLASSES): number {
	if (distinct <= 1) return distinct;
	return Math.min(max, distinct, Math.max(2, Math.ceil(n / 2)));
}

/** Class lower limits (in units) for equal intervals of a round step; the first limit is the data minimum. */
export function equalBreaks(sorted: readonly number[], k: number): number[] {
	const min = sorted[0];
	const max = sorted[sorted.length - 1];
	for (let p = 0; p < 20; p++) {
		for (const m of NICE) {
			const step = m * 10 ** p;
			if (!Number.isInteger(step)) continue;
			const first = Math.floor(min / step);
			const count = Math.floor(max / step) - first + 1;
			if (count <= k) return Array.from({ length: count }, (_, i) => (i === 0 ? min : (first + i) * step));
		}
	}
	return [min];
}

/** Class lower limits (in units) at the quantiles: each limit is a data value, about n/k values per class. */
export function quantileBreaks(sorted: readonly number[], k: number): number[] {
	const breaks = [sorted[0]];
	for (let i = 1; i < k; i++) {
		const b = sorted[Math.min(sorted.length - 1, Math.round((i * sorted.length) / k))];
		if (b > breaks[breaks.length - 1]) breaks.push(b);
	}
	return breaks;
}

/** `units` rounded to `digits` significant digits (in units, so never finer than the printed precision). */
export function roundSignificant(units: number, digits: number): number {
	if (units === 0) return 0;
	const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(units))) - digits + 1);
	return Math.round(units / step) * step;
}

/**
 * Quantile limits moved to round numbers: each limit after the first is rounded to two, else three, significant
 * digits when the rounded limit still leaves at least one value on each side of it within its neighbours.
 */
export function roundBreaks(sorted: readonly number[], breaks: readonly number[]): number[] {
	const out = [breaks[0]];
	for (let i = 1; i < breaks.length; i++) {
		const next = i + 1 < breaks.length ? breaks[i + 1] : Infinity;
		const prev = out[out.length - 1];
		const fits = (r: number) => r > prev && r < next && sorted.some((v) => v >= prev && v < r) && sorted.some((v) => v >= r && v < next);
		out.push([2, 3].map((d) => roundSignificant(breaks[i], d)).find(fits) ?? breaks[i]);
	}
	return out;
}

function countsFor(sorted: readonly number[], breaks: readonly number[]): number[] {
	const counts = breaks.map(() => 0);
	for (const v of sorted) counts[indexIn(breaks, v)]++;
	return counts;
}

/** The class of `units` given the lower limits (the last class whose limit is ≤ the value). */
function indexIn(breaks: readonly number[], units: number): number {
	let i = 0;
	while (i + 1 < breaks.length && units >= breaks[i + 1]) i++;
	return i;
}

function classesFrom(sorted: readonly number[], breaks: readonly number[], colours: readonly string[], decimals: number): MapClass[] {
	const counts = countsFor(sorted, breaks);
	const max = sorted[sorted.length - 1];
	return breaks.map((lower, i) => ({
		lower: fromUnits(lower, decimals),
		upper: fromUnits(i + 1 < breaks.length ? breaks[i + 1] - 1 : max, decimals),
		count: counts[i],
		colour: colours[i]
	}));
}

function finiteUnits(values: readonly (number | null)[], decimals: number): number[] {
	return values.filter((v): v is number => v !== null && Number.isFinite(v)).map((v) => toUnits(v, decimals)).sort((a, b) => a - b);
}

/** Sequential classes for a set of values (nulls are missing and get no class). */
export function binValues(values: readonly (number | null)[], decimals: number, maxClasses = MAX_CLASSES): Binning {
	const sorted = finiteUnits(values, decimals);
	const distinct = new Set(sorted).size;
	const k = classCount(sorted.length, distinct, maxClasses);
	if (k === 0) return { method: 'none', classes: [], classOf: () => -1 };

	let method: Binning['method'] = k === 1 ? 'single' : 'equal';
	let breaks = k === 1 ? [sorted[0]] : equalBreaks(sorted, k);
	if (k > 1) {
		const counts = countsFor(sorted, breaks);
		const ok = breaks.length >= 2 && counts.every((c) => c > 0) && Math.max(...counts) <= (2 * sorted.length) / breaks.length;
		if (!ok) {
			method = 'quantile';
			breaks = roundBreaks(sorted, quantileBreaks(sorted, k));
		}
	}
	const classes = classesFrom(sorted, breaks, SEQUENTIAL[breaks.length], decimals);
	return {
		method,
		classes,
		classOf: (value) => {
			if (value === null || !Number.isFinite(value)) return -1;
			const u = toUnits(value, decimals);
			return u < breaks[0] || u > sorted[sorted.length - 1] ? -1 : indexIn(breaks, u);
		}
	};
}

/**
 * Diverging classes around a reference value (riket): below, equal as printed, above. Each side is split at its
 * median into a near and a far class when it has at least two distinct values.
 */
export function divergingBins(values: readonly (number | null)[], reference: number, decimals: number): Binning {
	const sorted = finiteUnits(values, decimals);
	if (sorted.length === 0) return { method: 'none', classes: [], classOf: () => -1 };
	const centre = toUnits(reference, decimals);
	const below = sorted.filter((v) => v < centre);
	const same = sorted.filter((v) => v === centre);
	const above = sorted.filter((v) => v > centre);

	// Each side as lower limits plus colours, ordered from low to high values.
	const belowBreaks = below.length === 0 ? [] : quantileBreaks(below, Math.min(2, new Set(below).size));
	const aboveBreaks = above.length === 0 ? [] : quantileBreaks(above, Math.min(2, new Set(above).size));
	const classes: MapClass[] = [];
	const limits: number[] = [];
	belowBreaks.forEach((b, i) => {
		const upper = i + 1 < belowBreaks.length ? belowBreaks[i + 1] - 1 : below[below.length - 1];
		const colour = belowBreaks.length === 1 ? DIVERGING.farBelow : i === 0 ? DIVERGING.farBelow : DIVERGING.nearBelow;
		classes.push({ lower: fromUnits(b, decimals), upper: fromUnits(upper, decimals), count: below.filter((v) => v >= b && v <= upper).length, colour, side: 'below' });
		limits.push(b);
	});
	if (same.length > 0) {
		classes.push({ lower: fromUnits(centre, decimals), upper: fromUnits(centre, decimals), count: same.length, colour: DIVERGING.same, side: 'same' });
		limits.push(centre);
	}
	aboveBreaks.forEach((b, i) => {
		const upper = i + 1 < aboveBreaks.length ? aboveBreaks[i + 1] - 1 : above[above.length - 1];
		const colour = aboveBreaks.length === 1 ? DIVERGING.farAbove : i === 0 ? DIVERGING.nearAbove : DIVERGING.farAbove;
		classes.push({ lower: fromUnits(b, decimals), upper: fromUnits(upper, decimals), count: above.filter((v) => v >= b && v <= upper).length, colour, side: 'above' });
		limits.push(b);
	});
	return {
		method: 'diverging',
		classes,
		classOf: (value) => {
			if (value === null || !Number.isFinite(value)) return -1;
			const u = toUnits(value, decimals);
			if (u < limits[0] || u > sorted[sorted.length - 1]) return -1;
			// Below riket never falls into an above class and vice versa, whatever the limits.
			const i = indexIn(limits, u);
			const side = u < centre ? 'below' : u === centre ? 'same' : 'above';
			return classes[i].side === side ? i : classes.findIndex((c) => c.side === side);
		}
	};
}

/**
 * Competition ranks ("1, 2, 2, 4"), best first: lowest first when a lower value is better (`direction` 'down'),
 * otherwise highest first, as on the kommun page. Values are compared as printed (rounded to `decimals`), so two
 * areas that both read "5,0 %" share a place instead of being told apart by digits the reader cannot see.
 * Nulls get null.
 */
export function ranks(values: readonly (number | null)[], direction: 'up' | 'down' | 'none' | string, decimals: number): (number | null)[] {
	const units = values.map((v) => (v === null || !Number.isFinite(v) ? null : toUnits(v, decimals)));
	const numeric = units.filter((u): u is number => u !== null);
	return units.map((u) => (u === null ? null : 1 + numeric.filter((o) => (direction === 'down' ? o < u : o > u)).length));
}
