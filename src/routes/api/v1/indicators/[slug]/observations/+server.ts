import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, notFound, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseObservationsQuery } from '$lib/server/api/params';
import { loadGeographies } from '$lib/server/queries/api/context';
import { indicatorHead } from '$lib/server/queries/api/indicators';
import { apiObservations, observationsCsv } from '$lib/server/queries/api/observations';

/** One indicator's observations in long format, filtered by geography, sex and period range. */
export const GET: RequestHandler = ({ url, request, params }) =>
	handle(() => {
		const db = getDb();
		const indicator =
			indicatorHead(db, params.slug) ??
			notFound(
				'slug',
				`Indikatorn '${params.slug}' finns inte. Se /api/v1/indicators.`,
				`The indicator '${params.slug}' does not exist. See /api/v1/indicators.`
			);
		const { output, filter } = unwrap(
			parseObservationsQuery(url.searchParams, request.headers.get('accept'), { geographies: loadGeographies(db) })
		);
		const { rows, batches } = apiObservations(db, indicator, filter);
		const { id: _id, ...about } = indicator;
		const meta = {
			indicator: about,
			count: rows.length,
			// The filter as applied, under the parameter names (geographies as SCB codes, periods as codes).
			filter: {
				geography: filter.geographies,
				level: filter.levels,
				parent: filter.parent,
				sex: filter.sexes,
				from: filter.from?.code ?? null,
				to: filter.to?.code ?? null
			},
			attribution: indicator.attribution ? [indicator.attribution] : [],
			isExample: indicator.isExample,
			batches
		};
		return respond(output, { data: rows, meta }, { name: `${indicator.slug}-utfall`, table: () => observationsCsv(rows) });
	});

export const OPTIONS: RequestHandler = preflight;
