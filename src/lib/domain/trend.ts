/**
 * The change arrow ("förändringspil"): did the result get better, stay the same or get worse compared with the
 * previous year (or the start of the year)?
 */
import type { Direction, Movement, Trend } from './types';

/** Raw movement and its judgement; both `null` when a value is missing. */
export interface TrendResult {
	/** Which way the number moved, regardless of whether that is good. */
	movement: Movement | null;
	/** Whether that movement is an improvement; `null` for indicators without direction. */
	trend: Trend | null;
}

/** Default neutral band: changes of at most 1 % count as "oförändrat". */
export const DEFAULT_NEUTRAL_BAND = 0.01;

/**
 * Compute the arrow for an indicator.
 *
 * The change is relative to |previous| so the band means the same for large and small numbers; when previous is 0
 * there is no relative scale and the absolute change is used instead. Changes within the band (inclusive) are flat,
 * because a statistic moving by a rounding step should not be reported as a development.
 */
export function computeTrend(
	current: number | null,
	previous: number | null,
	direction: Direction,
	neutralBand = DEFAULT_NEUTRAL_BAND
): TrendResult {
	if (!isNumber(current) || !isNumber(previous)) return { movement: null, trend: null };
	const change = previous === 0 ? current - previous : (current - previous) / Math.abs(previous);
	// The small epsilon keeps a change of exactly the band width (e.g. 100 → 101) flat despite float error.
	const movement: Movement =
		Math.abs(change) <= Math.max(0, neutralBand) + 1e-12 ? 'flat' : change > 0 ? 'up' : 'down';
	return { movement, trend: judge(movement, direction) };
}

/** Whether a movement is an improvement for an indicator with the given direction. */
export function judge(movement: Movement, direction: Direction): Trend | null {
	if (direction === 'none') return null;
	if (movement === 'flat') return 'unchanged';
	return movement === direction ? 'improved' : 'worsened';
}

function isNumber(x: number | null): x is number {
	return typeof x === 'number' && Number.isFinite(x);
}
