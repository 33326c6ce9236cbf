import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseAssessmentsQuery } from '$lib/server/api/params';
import { loadOrganisationSlugs, loadPlanRefs } from '$lib/server/queries/api/context';
import { apiAssessments, assessmentsCsv } from '$lib/server/queries/api/assessments';

/** Assessments of published follow-up periods; filter by organisation, plan, period and subject type. */
export const GET: RequestHandler = ({ url, request }) =>
	handle(() => {
		const db = getDb();
		const { output, filter } = unwrap(
			parseAssessmentsQuery(url.searchParams, request.headers.get('accept'), {
				organisations: loadOrganisationSlugs(db),
				plans: loadPlanRefs(db)
			})
		);
		const assessments = apiAssessments(db, filter);
		const name = ['bedomningar', filter.plan?.slug ?? filter.organisation, filter.period].filter(Boolean).join('-');
		return respond(
			output,
			{
				data: assessments,
				meta: {
					count: assessments.length,
					filter: {
						organisation: filter.organisation,
						plan: filter.plan ? `${filter.plan.organisation}/${filter.plan.slug}` : null,
						period: filter.period,
						subject: filter.subjects
					}
				}
			},
			{ name, table: () => assessmentsCsv(assessments) }
		);
	});

export const OPTIONS: RequestHandler = preflight;
