import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, notFound, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseInsatserQuery } from '$lib/server/api/params';
import { listInsatser, organisationBySlug, type FinancingSource } from '$lib/server/queries/insatser';
import { apiInsatser, insatserContext, insatserCsv } from '$lib/server/queries/api/insatser';

/** The published insatser of an organisation, with the public list's filters: priority, goal, financing, kommun. */
export const GET: RequestHandler = ({ url, request, params }) =>
	handle(() => {
		const db = getDb();
		const org =
			organisationBySlug(db, params.org) ??
			notFound('org', `Organisationen '${params.org}' finns inte. Se /api/v1/organisations.`, `The organisation '${params.org}' does not exist. See /api/v1/organisations.`);
		const { output, filter } = unwrap(parseInsatserQuery(url.searchParams, request.headers.get('accept'), insatserContext(db, org.id, org.geographyId)));
		const insatser = apiInsatser(listInsatser(db, org.id, { ...filter, financing: filter.financing as FinancingSource | null }), org.slug);
		return respond(
			output,
			{ data: insatser, meta: { count: insatser.length, organisation: org.slug, filter } },
			{ name: `insatser-${org.slug}`, table: () => insatserCsv(insatser) }
		);
	});

export const OPTIONS: RequestHandler = preflight;
