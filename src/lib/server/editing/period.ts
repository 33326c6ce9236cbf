/** The follow-up period being reported on, and whether it still takes changes. */
import type { Db } from '../db/client';
import { isPeriodLocked } from '../review/workflow';
import { REFUSALS, type PeriodState } from '../../domain/review-workflow';
import type { FollowUpKind } from '../../domain/follow-up-period';

export interface ReportingPeriod {
	id: number;
	planId: number;
	organisationId: number;
	slug: string;
	label: string;
	kind: FollowUpKind;
	year: number;
	endDate: string;
	deadline: string | null;
	state: PeriodState;
	geographyId: number | null;
}

/** The period, or null when it does not exist or its plan is archived (nothing more is reported on it). */
export function getReportingPeriod(db: Db, periodId: number): ReportingPeriod | null {
	const r = db.$client
		.prepare(
			`SELECT p.id, p.plan_id, pl.organisation_id, p.slug, p.label, p.kind, p.year, p.end_date, p.deadline, p.state, pl.geography_id
			 FROM follow_up_period p JOIN plan pl ON pl.id = p.plan_id WHERE p.id = ? AND pl.archived = 0`
		)
		.get(periodId) as Record<string, never> | undefined;
	if (!r) return null;
	return {
		id: r.id,
		planId: r.plan_id,
		organisationId: r.organisation_id,
		slug: r.slug,
		label: r.label,
		kind: r.kind,
		year: r.year,
		endDate: r.end_date,
		deadline: r.deadline,
		state: r.state,
		geographyId: r.geography_id
	};
}

/**
 * Approved and published periods are locked: the nämnd has decided on them. One definition for the whole
 * application, the review module's `isPeriodLocked` (reads the period's state as it is now, so a period
 * approved after the page was loaded is refused too); the review workflow reopens it with a reason.
 */
export function isLocked(db: Db, p: Pick<ReportingPeriod, 'id'>): boolean {
	return isPeriodLocked(db, p.id);
}

/** The refusal shown when a save hits a locked period (the review workflow's own words). */
export const LOCKED_MESSAGE = REFUSALS.locked;
