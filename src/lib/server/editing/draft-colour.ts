/**
 * The computed colour, reason and trend an indicator would get if the plan's value drafts were published:
 * what an editor must see beside the value they just typed, and what their proposed colour is checked
 * against. Computed by the same rules publishing uses (withDraftsApplied rolls everything back).
 */
import type { Db } from '../db/client';
import type { Colour, Trend } from '../../domain/types';
import { planObservationDrafts } from './publish';
import { withDraftsApplied } from './preview';

export interface DraftComputed {
	computedColour: Colour | null;
	explanation: { sv: string; en: string } | null;
	trend: Trend | null;
}

/** For each of `indicatorIds` that has a value draft in the plan: its computed colour with the drafts applied. */
export function computedWithDrafts(db: Db, planId: number, periodId: number, indicatorIds: number[]): Map<number, DraftComputed> {
	const wanted = new Set(indicatorIds);
	const drafted = [...new Set(planObservationDrafts(db, planId).map((d) => d.indicator_id))].filter((id) => wanted.has(id));
	if (drafted.length === 0) return new Map();
	return withDraftsApplied(db, planId, () => {
		const rows = db.$client
			.prepare(
				`SELECT indicator_id, computed_colour, explanation, trend FROM assessment
				 WHERE period_id = ? AND indicator_id IN (${drafted.map(() => '?').join(',')})`
			)
			.all(periodId, ...drafted) as { indicator_id: number; computed_colour: Colour | null; explanation: string | null; trend: Trend | null }[];
		return new Map(
			rows.map((r) => [r.indicator_id, { computedColour: r.computed_colour, explanation: r.explanation ? JSON.parse(r.explanation) : null, trend: r.trend }])
		);
	});
}
