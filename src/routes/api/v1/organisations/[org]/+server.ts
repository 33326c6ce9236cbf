import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, notFound, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseOutputQuery } from '$lib/server/api/params';
import { apiOrganisation } from '$lib/server/queries/api/organisations';

export const GET: RequestHandler = ({ url, request, params }) =>
	handle(() => {
		const { output } = unwrap(parseOutputQuery(url.searchParams, request.headers.get('accept'), { csv: false }));
		const organisation =
			apiOrganisation(getDb(), params.org) ??
			notFound(
				'org',
				`Organisationen '${params.org}' finns inte. Se /api/v1/organisations.`,
				`The organisation '${params.org}' does not exist. See /api/v1/organisations.`
			);
		return respond(output, { data: organisation });
	});

export const OPTIONS: RequestHandler = preflight;
