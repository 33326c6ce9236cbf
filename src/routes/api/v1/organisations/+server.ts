import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseOutputQuery } from '$lib/server/api/params';
import { apiOrganisations, organisationsCsv } from '$lib/server/queries/api/organisations';

export const GET: RequestHandler = ({ url, request }) =>
	handle(() => {
		const { output } = unwrap(parseOutputQuery(url.searchParams, request.headers.get('accept'), { csv: true }));
		const organisations = apiOrganisations(getDb());
		return respond(
			output,
			{ data: organisations, meta: { count: organisations.length } },
			{ name: 'organisationer', table: () => organisationsCsv(organisations) }
		);
	});

export const OPTIONS: RequestHandler = preflight;
