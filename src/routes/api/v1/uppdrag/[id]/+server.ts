import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, notFound, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseId, parseOutputQuery } from '$lib/server/api/params';
import { apiUppdrag } from '$lib/server/queries/api/goals';

export const GET: RequestHandler = ({ url, request, params }) =>
	handle(() => {
		const id = unwrap(parseId(params.id, 'uppdrag'));
		const { output } = unwrap(parseOutputQuery(url.searchParams, request.headers.get('accept'), { csv: false }));
		const uppdrag =
			apiUppdrag(getDb(), id) ??
			notFound('id', `Uppdraget ${id} finns inte.`, `The uppdrag (assignment) ${id} does not exist.`);
		return respond(output, { data: uppdrag });
	});

export const OPTIONS: RequestHandler = preflight;
