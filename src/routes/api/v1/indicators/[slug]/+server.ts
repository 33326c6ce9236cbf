import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, notFound, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseOutputQuery } from '$lib/server/api/params';
import { apiIndicator } from '$lib/server/queries/api/indicators';

export const GET: RequestHandler = ({ url, request, params }) =>
	handle(() => {
		const { output } = unwrap(parseOutputQuery(url.searchParams, request.headers.get('accept'), { csv: false }));
		const indicator =
			apiIndicator(getDb(), params.slug) ??
			notFound(
				'slug',
				`Indikatorn '${params.slug}' finns inte. Se /api/v1/indicators.`,
				`The indicator '${params.slug}' does not exist. See /api/v1/indicators.`
			);
		return respond(output, { data: indicator, meta: { attribution: indicator.attribution ? [indicator.attribution] : [] } });
	});

export const OPTIONS: RequestHandler = preflight;
