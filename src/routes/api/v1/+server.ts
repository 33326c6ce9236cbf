import type { RequestHandler } from './$types';
import { INDEX } from '$lib/server/api/catalogue';
import { handle, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseOutputQuery } from '$lib/server/api/params';

/** The API's index: endpoints, formats, licence and attribution. */
export const GET: RequestHandler = ({ url, request }) =>
	handle(() => {
		const { output } = unwrap(parseOutputQuery(url.searchParams, request.headers.get('accept'), { csv: false }));
		return respond(output, { data: INDEX });
	});

export const OPTIONS: RequestHandler = preflight;
