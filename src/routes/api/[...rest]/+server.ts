import type { RequestHandler } from './$types';
import { errorResponse, preflight } from '$lib/server/api/http';

/** Anything under /api/ that is not an endpoint: a JSON 404 that points to the index, never the HTML page. */
export const GET: RequestHandler = ({ url }) =>
	errorResponse(404, [
		{
			parameter: null,
			message: `Det finns ingen resurs ${url.pathname}. Se /api/v1 för en lista över allt som finns.`,
			message_en: `There is no resource ${url.pathname}. See /api/v1 for a list of everything available.`
		}
	]);

export const OPTIONS: RequestHandler = preflight;
