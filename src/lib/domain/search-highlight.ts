/**
 * Highlighting for search hits, kept apart from the search engine so a page can import it without
 * shipping the stemmer to the browser. Hits carry plain text and ranges, never HTML: the template
 * escapes the text itself and wraps the marked parts in <mark>.
 */

/** A text with the ranges to mark. Ranges are [start, end) in `text`, sorted and not overlapping. */
export interface Highlighted {
	text: string;
	ranges: [number, number][];
}

/** Sort and merge overlapping or touching ranges. */
export function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
	const sorted = [...ranges].filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const out: [number, number][] = [];
	for (const [a, b] of sorted) {
		const last = out.at(-1);
		if (last && a <= last[1]) last[1] = Math.max(last[1], b);
		else out.push([a, b]);
	}
	return out;
}

/** Split a highlighted text into plain and marked parts, for a template to escape and wrap in <mark>. */
export function highlightParts(h: Highlighted): { text: string; mark: boolean }[] {
	const parts: { text: string; mark: boolean }[] = [];
	let at = 0;
	for (const [a, b] of mergeRanges(h.ranges)) {
		const start = Math.max(a, at);
		const end = Math.min(b, h.text.length);
		if (end <= start) continue;
		if (start > at) parts.push({ text: h.text.slice(at, start), mark: false });
		parts.push({ text: h.text.slice(start, end), mark: true });
		at = end;
	}
	if (at < h.text.length) parts.push({ text: h.text.slice(at), mark: false });
	return parts;
}
