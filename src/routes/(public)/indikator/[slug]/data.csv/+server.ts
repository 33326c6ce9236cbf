import { loadIndicator } from '$lib/server/indicator-load';
import { csvRows } from '$lib/indicator-view/chart-data';
import { toCsv } from '$lib/server/api/csv';
import type { RequestHandler } from './$types';

/** Exactly the rows of the chart and table for the same URL state; `?dialect=excel` gives `;` and decimal comma. */
export const GET: RequestHandler = ({ params, url }) => {
	const page = loadIndicator(params.slug, url);
	const excel = url.searchParams.get('dialect') === 'excel';
	const [header, ...rows] = csvRows(page);
	const body = toCsv({ header: header as string[], rows }, excel ? { sep: ';', decimal: ',' } : { sep: ',', decimal: '.' });
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${page.indicator.slug}${excel ? '-excel' : ''}.csv"`
		}
	});
};
