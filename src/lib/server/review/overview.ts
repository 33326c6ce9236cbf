/** The list of periods to review: every plan's periods (archived plans are done with and left out) with their state and how many items are marked ready. */
import type { Db } from '../db/client';
import type { PeriodState } from '../../domain/review-workflow';
import { readiness } from './workflow';

export interface ReviewPeriodRow {
	org: string;
	orgName: string;
	plan: string;
	planName: string;
	slug: string;
	label: string;
	state: PeriodState;
	ready: number;
	total: number;
}

export function reviewOverview(db: Db): ReviewPeriodRow[] {
	const rows = db.$client
		.prepare(
			`SELECT o.slug AS org, o.name AS org_name, p.id AS plan_id, p.slug AS plan, p.name AS plan_name, f.id, f.slug, f.label, f.state
			 FROM follow_up_period f JOIN plan p ON p.id = f.plan_id JOIN organisation o ON o.id = p.organisation_id
			 WHERE p.archived = 0
			 ORDER BY o.sort_order, o.name, p.sort_order, p.name, f.end_date DESC`
		)
		.all() as Record<string, unknown>[];
	return rows.map((r) => ({
		org: r.org as string,
		orgName: r.org_name as string,
		plan: r.plan as string,
		planName: r.plan_name as string,
		slug: r.slug as string,
		label: r.label as string,
		state: r.state as PeriodState,
		...readiness(db, r.id as number, r.plan_id as number)
	}));
}
