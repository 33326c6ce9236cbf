import { loadIndicator } from '$lib/server/indicator-load';
import { csvRows } from '$lib/indicator-view/chart-data';
import { numberFormat, workbook } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** The same rows as the CSV download, as an Excel workbook with the metadata on a second sheet. */
export const GET: RequestHandler = async ({ params, url }) => {
	const page = loadIndicator(params.slug, url);
	const i = page.indicator;
	const about: (string | number | null)[][] = [
		['Fält', 'Värde'],
		['Indikator', i.name],
		['Definition', i.definition],
		['Enhet', i.unit],
		['Källa', i.source],
		['Attribution', i.attribution],
		['Senaste data avser', page.latestPeriod],
		['Hämtat från', `${url.origin}/indikator/${i.slug}${url.search}`],
		...(i.isExample ? [['Obs', 'Exempeldata: påhittade värden.']] : [])
	];
	const bytes = await workbook([
		{ name: 'Data', rows: csvRows(page), numberFormat: numberFormat(i.decimals) },
		{ name: 'Om data', rows: about }
	]);
	return new Response(bytes as unknown as BodyInit, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${i.slug}.xlsx"`
		}
	});
};
