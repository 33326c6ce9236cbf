import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseIndicatorsQuery } from '$lib/server/api/params';
import { loadOrganisationSlugs } from '$lib/server/queries/api/context';
import { apiIndicators, indicatorsCsv } from '$lib/server/queries/api/indicators';

export const GET: RequestHandler = ({ url, request }) =>
	handle(() => {
		const db = getDb();
		const { output, filter } = unwrap(
			parseIndicatorsQuery(url.searchParams, request.headers.get('accept'), { organisations: loadOrganisationSlugs(db) })
		);
		const indicators = apiIndicators(db, filter);
		const attribution = [...new Set(indicators.map((i) => i.attribution).filter((a) => a !== null))];
		return respond(
			output,
			{ data: indicators, meta: { count: indicators.length, filter, attribution } },
			{ name: filter.organisation ? `indikatorer-${filter.organisation}` : 'indikatorer', table: () => indicatorsCsv(indicators) }
		);
	});

export const OPTIONS: RequestHandler = preflight;
