/** Organisations and their plans, for the start page. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { followUpPeriod, organisation, plan } from '../db/schema';

export interface PlanSummary {
	slug: string;
	name: string;
	kind: string;
	startYear: number | null;
	endYear: number | null;
	latestPeriod: string | null;
}

export interface OrganisationSummary {
	slug: string;
	name: string;
	description: string | null;
	isExample: boolean;
	plans: PlanSummary[];
}

export function listOrganisations(db: Db): OrganisationSummary[] {
	const orgs = db.select().from(organisation).orderBy(asc(organisation.sortOrder), asc(organisation.name)).all();
	const plans = db
		.select({
			organisationId: plan.organisationId,
			id: plan.id,
			slug: plan.slug,
			name: plan.name,
			kind: plan.kind,
			startYear: plan.startYear,
			endYear: plan.endYear
		})
		.from(plan)
		.where(eq(plan.archived, false))
		.orderBy(asc(plan.sortOrder), asc(plan.name))
		.all();
	const periods = db
		.select({ planId: followUpPeriod.planId, label: followUpPeriod.label, endDate: followUpPeriod.endDate })
		.from(followUpPeriod)
		.where(eq(followUpPeriod.state, 'published'))
		.orderBy(asc(followUpPeriod.endDate))
		.all();
	const latest = new Map(periods.map((p) => [p.planId, p.label]));
	return orgs.map((o) => ({
		slug: o.slug,
		name: o.name,
		description: o.description,
		isExample: o.isExample,
		plans: plans
			.filter((p) => p.organisationId === o.id)
			.map(({ slug, name, kind, startYear, endYear, id }) => ({
				slug,
				name,
				kind,
				startYear,
				endYear,
				latestPeriod: latest.get(id) ?? null
			}))
	}));
}
