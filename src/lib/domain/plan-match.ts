/**
 * Which goal or uppdrag of last year's plan is this year's, for the comparison "this year vs last year" when a
 * new year is a new verksamhetsplan (a new plan row, last year's usually archived). Nothing links the two plans:
 * a plan is copied to a new year by exporting it and importing it under a new slug (the plan import), so only
 * what is printed carries over: the goal's number (regionfullmäktige's "Nr 19" is kept from year to year) and
 * its wording. Indicators need no matching: they are shared rows, the same id in both plans.
 *
 * Rules, each previous item used at most once:
 *  1. same number and same wording;
 *  2. same number (goals only: an uppdrag's number is per year's plan — "Uppdrag 28" of 2018 is not 2019's);
 *  3. same wording (renumbered, or without numbers like the nämnd's "Mål:").
 * Wording is compared without case, spacing, punctuation at the ends and "(exempel)"-style notes.
 */
export interface MatchItem {
	id: number;
	number: string | null;
	text: string;
}

export type MatchedBy = 'number+text' | 'number' | 'text';

/** "Nr 19." / "19" / "Uppdrag 28." → "19" / "28". */
export function normaliseNumber(n: string | null): string | null {
	if (!n) return null;
	const s = n
		.toLowerCase()
		.replace(/^(nr|uppdrag|mål)\s*/u, '')
		.replace(/[.:\s]+$/u, '')
		.trim();
	return s || null;
}

export function normaliseText(t: string): string {
	return t
		.toLowerCase()
		.normalize('NFC')
		.replace(/\s+/gu, ' ')
		.replace(/^[\s"'”“.,:;–-]+|[\s"'”“.,:;–-]+$/gu, '')
		.trim();
}

/** For each current item id, the previous item it continues and how it was recognised. */
export function matchItems(current: MatchItem[], previous: MatchItem[], opts: { byNumberAlone: boolean }): Map<number, { id: number; by: MatchedBy }> {
	const out = new Map<number, { id: number; by: MatchedBy }>();
	const used = new Set<number>();
	const prev = previous.map((p) => ({ id: p.id, number: normaliseNumber(p.number), text: normaliseText(p.text) }));
	const cur = current.map((c) => ({ id: c.id, number: normaliseNumber(c.number), text: normaliseText(c.text) }));
	const pass = (by: MatchedBy, same: (c: (typeof cur)[number], p: (typeof prev)[number]) => boolean) => {
		for (const c of cur) {
			if (out.has(c.id)) continue;
			const p = prev.find((x) => !used.has(x.id) && same(c, x));
			if (p) {
				out.set(c.id, { id: p.id, by });
				used.add(p.id);
			}
		}
	};
	pass('number+text', (c, p) => c.number !== null && c.number === p.number && c.text === p.text);
	if (opts.byNumberAlone) pass('number', (c, p) => c.number !== null && c.number === p.number);
	pass('text', (c, p) => c.text !== '' && c.text === p.text);
	return out;
}
