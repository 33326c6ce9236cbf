/**
 * Pure helpers behind the chart axes: where a period sits on the x axis, which y range to show, nice ticks and
 * how tick labels read. No Svelte, no DOM; numbers are formatted by `$lib/domain/format` (one formatter).
 */
import { nice, ticks } from 'd3';
import { formatNumber, formatValue } from '$lib/domain/format';
import { parsePeriod } from '$lib/domain/period';
import type { Locale } from '$lib/i18n';

const PARTS_PER_YEAR = { half: 2, tertial: 3, quarter: 4, month: 12 } as const;

/**
 * Position of a period on the x axis, in years.
 * A calendar year is its own number ("2019" → 2019), so year ticks sit on yearly points.
 * A sub-year period sits at its middle: "2025T2" → 2025.5, "2019K1" → 2019.125, "2019H2" → 2019.75,
 * "2026M01" → 2026 + 0.5/12. A multi-year range sits between its first and last year ("2015-2016" → 2015.5).
 * Null for text that is not a period.
 */
export function periodToX(periodCode: string): number | null {
	const period = parsePeriod(periodCode);
	if ('error' in period) return null;
	const year = Number(period.code.slice(0, 4));
	switch (period.kind) {
		case 'year':
			return year;
		case 'range':
			return (year + Number(period.end.slice(0, 4))) / 2;
		default: {
			const n = Number(period.code.slice(5));
			return year + (n - 0.5) / PARTS_PER_YEAR[period.kind];
		}
	}
}

export interface YDomainOptions {
	/** About how many ticks the axis will show; the domain is widened to nice tick values for that count. Default 5. */
	ticks?: number;
	/**
	 * When to include zero for values that are all ≥ 0 (or all ≤ 0):
	 * 'auto' (default) includes it unless the data's range is narrow relative to its level (see `narrowRatio`),
	 * 'always' includes it, 'never' fits the data.
	 */
	zero?: 'auto' | 'always' | 'never';
	/** Range/level below which 'auto' zooms in instead of starting at zero. Default 0.25. */
	narrowRatio?: number;
}

/** The part of a target that the y axis must show. */
export interface TargetRange {
	value: number;
	valueHigh?: number | null;
}

/**
 * The y domain of a chart, already widened to nice tick values.
 *
 * The rule (documented in README.md, "y axis"):
 * 1. Measure the finite values together with the target (its `value` and `valueHigh`), so the target is always visible.
 * 2. Quantities that are all ≥ 0 start at 0, because bar-like readings ("half as many") stay honest. The exception is
 *    a range that is narrow relative to its level, (max − min) < narrowRatio · max (default 0.25): then the axis zooms
 *    in on the data, or population 126 000–136 000 would be a flat line. The same holds mirrored for values ≤ 0.
 *    A single value (or all equal) is never "narrow": it is shown against zero.
 * 3. A zoomed axis gets 5 % air below and above, never crossing zero, so no point sits on the frame.
 * 4. The ends are rounded out to nice numbers for about `ticks` ticks (d3-array `nice`).
 * Without any finite value the domain is [0, 1].
 */
export function yDomain(
	values: readonly (number | null | undefined)[],
	target?: TargetRange | null,
	opts: YDomainOptions = {}
): [number, number] {
	const count = opts.ticks ?? 5;
	const zero = opts.zero ?? 'auto';
	const ratio = opts.narrowRatio ?? 0.25;
	const all = [...values, target?.value, target?.valueHigh].filter(
		(v): v is number => typeof v === 'number' && Number.isFinite(v)
	);
	if (all.length === 0) return [0, 1];
	let lo = Math.min(...all);
	let hi = Math.max(...all);
	if (lo === 0 && hi === 0) return [0, 1];

	const oneSided = lo >= 0 || hi <= 0;
	const level = Math.max(Math.abs(lo), Math.abs(hi));
	const narrow = hi > lo && hi - lo < ratio * level;
	const withZero = oneSided && (zero === 'always' || (zero === 'auto' && !narrow));
	if (withZero) {
		lo = Math.min(lo, 0);
		hi = Math.max(hi, 0);
	} else if (hi === lo) {
		const pad = Math.abs(lo) * 0.1;
		[lo, hi] = [lo - pad, hi + pad];
	} else {
		const pad = (hi - lo) * 0.05;
		lo = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
		hi = hi <= 0 ? Math.min(0, hi + pad) : hi + pad;
	}
	return nice(lo, hi, count);
}

/** Tick values for a domain: round numbers (1, 2 or 5 × 10ⁿ apart), about `approxCount` of them, inside the domain. */
export function niceTicks(domain: readonly [number, number], approxCount: number): number[] {
	const [a, b] = domain;
	if (!Number.isFinite(a) || !Number.isFinite(b)) return [];
	if (a === b) return [a];
	const lo = Math.min(a, b);
	const hi = Math.max(a, b);
	return ticks(lo, hi, Math.max(1, Math.round(approxCount)));
}

/** Year ticks for a time axis: whole years only, about `approxCount` of them (1995, 2000, 2005 …). */
export function yearTicks(domain: readonly [number, number], approxCount: number): number[] {
	const whole = niceTicks(domain, approxCount).filter(Number.isInteger);
	if (whole.length > 0) return whole;
	// A domain inside one year (2025T1–2025T3) has no whole year in it: label the year it belongs to.
	return [Math.floor(domain[0])];
}

/** Decimals needed to tell ticks apart: 0 for 0, 5, 10; 1 for 0, 0.5, 1; 2 for 0.25 steps. */
export function tickDecimals(tickValues: readonly number[]): number {
	if (tickValues.length < 2) {
		const v = tickValues[0] ?? 0;
		return decimalsOf(v);
	}
	return Math.max(...tickValues.map(decimalsOf));
}

function decimalsOf(v: number): number {
	if (!Number.isFinite(v)) return 0;
	for (let d = 0; d < 6; d++) {
		const scaled = v * 10 ** d;
		if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
	}
	return 6;
}

/** Units that belong on every tick label; any other unit is written once, as the axis caption. */
const TICK_UNITS = new Set(['%', 'procent', 'percent']);

/** True when the unit is written on each tick ("58 %") instead of once above the axis ("invånare"). */
export function unitOnTicks(unit: string | null | undefined): boolean {
	return TICK_UNITS.has(unit?.trim().toLowerCase() ?? '');
}

/**
 * A tick label formatter: sv "2 588" (U+00A0 groups thousands), "12,5", "58 %", "−5"; en "2,588", "12.5", "58%".
 * Percent is written on every tick; other units ("invånare", "kr") are left to the axis caption so ticks stay short.
 */
export function tickFormatter(
	unit: string | null | undefined,
	decimals: number,
	locale: Locale
): (value: number) => string {
	const opts = { decimals, locale };
	if (unitOnTicks(unit)) return (value) => formatValue(value, unit, opts);
	return (value) => formatNumber(value, opts);
}

const MILLIONS: Record<Locale, (unit: string | null) => string> = {
	sv: (unit) => (unit ? `miljoner ${unit}` : 'miljoner'),
	en: (unit) => (unit ? `${unit}, millions` : 'millions')
};

/**
 * How the y axis writes large numbers: ticks of a million or more are shown in millions ("12" instead of
 * "12 000 000", which would take half a phone's width), and the axis caption says so ("miljoner invånare").
 * Percent axes and smaller numbers are written as they are (factor 1). `caption` is null when there is nothing to say.
 */
export function axisUnits(
	tickValues: readonly number[],
	unit: string | null | undefined,
	locale: Locale
): { factor: number; caption: string | null } {
	const clean = unit?.trim() || null;
	if (unitOnTicks(clean)) return { factor: 1, caption: null };
	const max = Math.max(0, ...tickValues.map(Math.abs).filter(Number.isFinite));
	if (max >= 1e6) return { factor: 1e6, caption: MILLIONS[locale](clean) };
	return { factor: 1, caption: clean };
}
