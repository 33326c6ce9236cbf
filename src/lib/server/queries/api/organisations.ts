/** Organisations and their plans for the API, with each plan's published follow-up periods. */
import type { Db } from '../../db/client';
import type { CsvTable } from '../../api/csv';
import { API_ROOT, apiPath, num, periodRef, str, type PeriodRef, type Row } from './shared';

export interface ApiPlanSummary {
	slug: string;
	name: string;
	kind: string;
	startYear: number | null;
	endYear: number | null;
	/** Published follow-up periods, oldest first. */
	periods: (PeriodRef & { assessments: string })[];
	url: string;
}

export interface ApiOrganisation {
	slug: string;
	name: string;
	kind: string;
	description: string | null;
	/** Made-up data for showing the service; label it wherever it is shown. */
	isExample: boolean;
	/** The län (or kommun) the organisation is responsible for. */
	geography: { code: string; name: string } | null;
	plans: ApiPlanSummary[];
	url: string;
	indicators: string;
}

function load(db: Db, slug: string | null): ApiOrganisation[] {
	const sql = db.$client;
	const orgs = sql
		.prepare(
			`SELECT o.id, o.slug, o.name, o.kind, o.description, o.is_example, g.code AS geo_code, g.name AS geo_name
			 FROM organisation o LEFT JOIN geography g ON g.id = o.geography_id
			 WHERE ? IS NULL OR o.slug = ?
			 ORDER BY o.sort_order, o.name`
		)
		.all(slug, slug) as Row[];
	if (orgs.length === 0) return [];
	const ids = orgs.map((o) => o.id as number);
	const marks = ids.map(() => '?').join(',');
	const plans = sql
		.prepare(
			`SELECT id, organisation_id, slug, name, kind, start_year, end_year FROM plan
			 WHERE organisation_id IN (${marks}) AND archived = 0 ORDER BY sort_order, name`
		)
		.all(...ids) as Row[];
	const periods = sql
		.prepare(
			`SELECT fp.plan_id, fp.slug, fp.label, fp.kind, fp.year, fp.end_date FROM follow_up_period fp
			 JOIN plan p ON p.id = fp.plan_id
			 WHERE p.organisation_id IN (${marks}) AND fp.state = 'published' ORDER BY fp.end_date, fp.id`
		)
		.all(...ids) as Row[];
	return orgs.map((o) => {
		const orgSlug = o.slug as string;
		return {
			slug: orgSlug,
			name: o.name as string,
			kind: o.kind as string,
			description: str(o.description),
			isExample: o.is_example === 1,
			geography: o.geo_code ? { code: o.geo_code as string, name: o.geo_name as string } : null,
			plans: plans
				.filter((p) => p.organisation_id === o.id)
				.map((p) => ({
					slug: p.slug as string,
					name: p.name as string,
					kind: p.kind as string,
					startYear: num(p.start_year),
					endYear: num(p.end_year),
					periods: periods
						.filter((fp) => fp.plan_id === p.id)
						.map((fp) => ({ ...periodRef(fp), assessments: apiPath.assessments(orgSlug, p.slug as string, fp.slug as string) })),
					url: apiPath.plan(orgSlug, p.slug as string)
				})),
			url: apiPath.organisation(orgSlug),
			indicators: `${API_ROOT}/indicators?organisation=${encodeURIComponent(orgSlug)}`
		};
	});
}

export function apiOrganisations(db: Db): ApiOrganisation[] {
	return load(db, null);
}

export function apiOrganisation(db: Db, slug: string): ApiOrganisation | null {
	return load(db, slug)[0] ?? null;
}

export function organisationsCsv(orgs: ApiOrganisation[]): CsvTable {
	return {
		header: ['organisation', 'name', 'kind', 'is_example', 'geography', 'geography_name', 'plans', 'description'],
		rows: orgs.map((o) => [
			o.slug,
			o.name,
			o.kind,
			o.isExample,
			o.geography?.code ?? null,
			o.geography?.name ?? null,
			o.plans.map((p) => p.slug).join(' '),
			o.description
		])
	};
}
