import { loadIndicator } from '$lib/server/indicator-load';
import { csvRows } from '$lib/indicator-view/chart-data';
import { CSV_MACHINE, CSV_SWEDISH_EXCEL, toCsv } from '$lib/domain/csv-write';
import type { RequestHandler } from './$types';

/** Exactly the rows of the chart and table for the same URL state; `?dialect=excel` gives `;` and decimal comma. */
export const GET: RequestHandler = ({ params, url }) => {
	const page = loadIndicator(params.slug, url);
	const excel = url.searchParams.get('dialect') === 'excel';
	const body = toCsv(csvRows(page), excel ? CSV_SWEDISH_EXCEL : CSV_MACHINE);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${page.indicator.slug}${excel ? '-excel' : ''}.csv"`
		}
	});
};
