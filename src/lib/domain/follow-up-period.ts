/**
 * A follow-up period of a plan (delår or helår) as officials name it: "Delår 1 2026", slug `delar-1-2026`,
 * ending 30 April. Regions report in tertials (delår 1 = januari–april, delår 2 = januari–augusti, helår =
 * the whole year); other part numbers (e.g. quarterly reports) must give their end date.
 */

export type FollowUpKind = 'delar' | 'helar';

/** End of a delår by part number, when the region follows the tertial convention. */
const TERTIAL_ENDS: Record<number, string> = { 1: '04-30', 2: '08-31' };

export interface FollowUpIdentity {
	slug: string;
	label: string;
	/** The default last day, ISO; null when the part has no conventional end (the user must give it). */
	defaultEnd: string | null;
}

export function followUpIdentity(kind: FollowUpKind, year: number, part: number | null): FollowUpIdentity {
	if (kind === 'helar') return { slug: `helar-${year}`, label: `Helår ${year}`, defaultEnd: `${year}-12-31` };
	const n = part ?? 1;
	const end = TERTIAL_ENDS[n];
	return { slug: `delar-${n}-${year}`, label: `Delår ${n} ${year}`, defaultEnd: end ? `${year}-${end}` : null };
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Why the dates of a period do not hold together, or null. Dates are ISO (compare as text). */
export function periodDateProblem(year: number, end: string, deadline: string | null): 'end_outside_year' | 'deadline_before_end' | null {
	if (end.slice(0, 4) !== String(year)) return 'end_outside_year';
	if (deadline != null && deadline < end) return 'deadline_before_end';
	return null;
}
