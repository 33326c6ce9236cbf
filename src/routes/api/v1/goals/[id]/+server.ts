import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, notFound, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseId, parseOutputQuery } from '$lib/server/api/params';
import { apiGoal } from '$lib/server/queries/api/goals';

export const GET: RequestHandler = ({ url, request, params }) =>
	handle(() => {
		const id = unwrap(parseId(params.id, 'goal'));
		const { output } = unwrap(parseOutputQuery(url.searchParams, request.headers.get('accept'), { csv: false }));
		const goal =
			apiGoal(getDb(), id) ??
			notFound('id', `Målet ${id} finns inte.`, `The goal ${id} does not exist.`);
		return respond(output, { data: goal });
	});

export const OPTIONS: RequestHandler = preflight;
