/** Recomputes the colours of the follow-up periods whose plans link any of the indicators. */
import type { Db } from '../db/client';
import { assessIndicatorsForPeriod } from './indicators';

export function reassessIndicators(db: Db, indicatorIds: number[]): void {
	if (indicatorIds.length === 0) return;
	const periods = db.$client
		.prepare(
			`SELECT DISTINCT p.id FROM follow_up_period p JOIN goal g ON g.plan_id = p.plan_id
			 JOIN goal_indicator gi ON gi.goal_id = g.id WHERE gi.indicator_id IN (${indicatorIds.map(() => '?').join(',')})`
		)
		.all(...indicatorIds) as { id: number }[];
	for (const p of periods) assessIndicatorsForPeriod(db, p.id);
}
