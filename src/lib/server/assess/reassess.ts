/** Recomputes the colours of the follow-up periods whose plans link any of the indicators. */
import type { Db } from '../db/client';
import { isPeriodLocked } from '../review/workflow';
import { assessIndicatorsForPeriod } from './indicators';

/**
 * Locked (approved or published) periods are left as the nämnd decided: their labels are returned so that an
 * import can say that their colours were kept.
 */
export function reassessIndicators(db: Db, indicatorIds: number[]): { kept: string[] } {
	if (indicatorIds.length === 0) return { kept: [] };
	const periods = db.$client
		.prepare(
			`SELECT DISTINCT p.id, p.label, pl.name AS plan FROM follow_up_period p JOIN plan pl ON pl.id = p.plan_id
			 JOIN goal g ON g.plan_id = p.plan_id JOIN goal_indicator gi ON gi.goal_id = g.id
			 WHERE gi.indicator_id IN (${indicatorIds.map(() => '?').join(',')}) ORDER BY pl.name, p.end_date`
		)
		.all(...indicatorIds) as { id: number; label: string; plan: string }[];
	const kept: string[] = [];
	for (const p of periods) {
		if (isPeriodLocked(db, p.id)) kept.push(`${p.label} (${p.plan})`);
		else assessIndicatorsForPeriod(db, p.id);
	}
	return { kept };
}
