/**
 * Text from PDFs with a broken font map (seen in real regional documents): "a" comes out as "å", "ä" as
 * "åö", "ö" as "oö" and "å" as "åå", each two-letter form followed by a stray space
 * ("Lågen" = "Lagen", "foö rordningen" = "förordningen", "tillvåö xtårbete" = "tillväxtarbete").
 *
 * Detection works per paragraph: a paragraph with "åö", "oö" or "åå" and no "a" or "ä" at all is broken,
 * because Swedish prose without a single "a" is practically impossible while the broken font never prints
 * one. The repair is only a proposal: callers keep the raw text beside it (a word-final "ä" followed by the
 * stray space plus a real space is ambiguous, and a person must be able to see what was printed).
 */

/** Paragraphs are separated by a blank line (possibly with spaces on it). */
const PARAGRAPH_BREAK = /(\r?\n[ \t]*\r?\n)/;
const MARKERS = /åö|oö|åå/;
const REAL_A = /[aä]/;

/** True when one paragraph shows the broken-font pattern. */
export function looksLikeBrokenFont(paragraph: string): boolean {
	return MARKERS.test(paragraph) && !REAL_A.test(paragraph);
}

/** Repairs one paragraph that `looksLikeBrokenFont`; see the module comment for the mapping. */
function repairParagraph(p: string): string {
	let out = '';
	for (let i = 0; i < p.length; i++) {
		const c = p[i];
		const next = p[i + 1];
		let pair: string | null = null;
		// "ååö" is "a" followed by "ä": the "åö" pair wins over reading "åå" as "å".
		if (c === 'å' && next === 'å' && p[i + 2] === 'ö') pair = null;
		else if (c === 'å' && next === 'ö') pair = 'ä';
		else if (c === 'o' && next === 'ö') pair = 'ö';
		else if (c === 'å' && next === 'å') pair = 'å';
		if (pair !== null) {
			out += pair;
			i++;
			// The broken glyph is followed by one stray space; drop exactly one.
			if (p[i + 1] === ' ') i++;
		} else {
			out += c === 'å' ? 'a' : c;
		}
	}
	return out;
}

/** The text with every broken paragraph repaired; other paragraphs are returned unchanged. */
export function repairBrokenFont(text: string): string {
	return text
		.split(PARAGRAPH_BREAK)
		.map((part, i) => (i % 2 === 0 && looksLikeBrokenFont(part) ? repairParagraph(part) : part))
		.join('');
}

/**
 * Checks a text field. Returns null when no paragraph is broken, otherwise the raw text and the proposed
 * repair, so an import can warn and keep the raw text.
 */
export function checkBrokenFont(text: string): { raw: string; repaired: string } | null {
	if (!MARKERS.test(text)) return null;
	const repaired = repairBrokenFont(text);
	return repaired === text ? null : { raw: text, repaired };
}
