import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, notFound, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseOutputQuery } from '$lib/server/api/params';
import { apiPlan, planGoalsCsv } from '$lib/server/queries/api/plans';

/** A plan with its goal tree; as CSV, one goal per row. */
export const GET: RequestHandler = ({ url, request, params }) =>
	handle(() => {
		const { output } = unwrap(parseOutputQuery(url.searchParams, request.headers.get('accept'), { csv: true }));
		const plan =
			apiPlan(getDb(), params.org, params.plan) ??
			notFound(
				'plan',
				`Planen '${params.plan}' finns inte hos organisationen '${params.org}'. Se /api/v1/organisations/${params.org}.`,
				`The plan '${params.plan}' does not exist in the organisation '${params.org}'. See /api/v1/organisations/${params.org}.`
			);
		return respond(output, { data: plan }, { name: `${plan.organisation.slug}-${plan.slug}-mal`, table: () => planGoalsCsv(plan) });
	});

export const OPTIONS: RequestHandler = preflight;
