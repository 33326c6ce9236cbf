import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseGeographiesQuery } from '$lib/server/api/params';
import { loadGeographies } from '$lib/server/queries/api/context';
import { apiGeographies, geographiesCsv } from '$lib/server/queries/api/geographies';

export const GET: RequestHandler = ({ url, request }) =>
	handle(() => {
		const db = getDb();
		const all = loadGeographies(db);
		const { output, filter } = unwrap(parseGeographiesQuery(url.searchParams, request.headers.get('accept'), { geographies: all }));
		const geographies = apiGeographies(db, filter, all);
		return respond(
			output,
			{
				data: geographies,
				meta: { count: geographies.length, filter: { level: filter.levels, parent: filter.parent }, attribution: ['Källa: SCB'] }
			},
			{ name: 'geografier', table: () => geographiesCsv(geographies) }
		);
	});

export const OPTIONS: RequestHandler = preflight;
