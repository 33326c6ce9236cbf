/** Small helpers for the benchmark scripts: medians and Swedish number formatting. */
export const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A whole number written the Swedish way: 1 234 567. */
export const fmt = (x: number) => Math.round(x).toLocaleString('sv-SE');

/** The load average as "1.10 / 2.44 / 2.66" (1, 5 and 15 minutes). */
export const loadText = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
