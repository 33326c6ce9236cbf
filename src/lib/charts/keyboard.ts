/**
 * The keyboard model of the line chart, as a pure function so it can be tested without a browser.
 * The plot is one tab stop; inside it a cursor points at one period and one series:
 * Left/Right = previous/next period, Up/Down = previous/next series (in legend order),
 * Home/End = first/last period, Escape = leave the cursor (the tooltip closes).
 */

export interface Cursor {
	/** Index into the sorted list of periods. */
	period: number;
	/** Index into the list of series. */
	series: number;
}

/**
 * The cursor after a key press. `undefined` means the key is not ours (let the browser have it); `null` means the
 * cursor is cleared. A missing cursor starts at `start` on the first arrow or Home/End key.
 */
export function moveCursor(
	cursor: Cursor | null,
	key: string,
	periods: number,
	series: number,
	start: Cursor
): Cursor | null | undefined {
	if (periods < 1 || series < 1) return undefined;
	if (key === 'Escape') return cursor ? null : undefined;
	const current = cursor ?? start;
	const clampP = (p: number) => Math.max(0, Math.min(periods - 1, p));
	const clampS = (s: number) => Math.max(0, Math.min(series - 1, s));
	switch (key) {
		case 'ArrowLeft':
			return { period: clampP(cursor ? current.period - 1 : current.period), series: current.series };
		case 'ArrowRight':
			return { period: clampP(cursor ? current.period + 1 : current.period), series: current.series };
		case 'ArrowUp':
			return { period: current.period, series: clampS(cursor ? current.series - 1 : current.series) };
		case 'ArrowDown':
			return { period: current.period, series: clampS(cursor ? current.series + 1 : current.series) };
		case 'Home':
			return { period: 0, series: current.series };
		case 'End':
			return { period: periods - 1, series: current.series };
		default:
			return undefined;
	}
}
