import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { buildReport } from '$lib/server/insatser/report';
import { exportReport, REPORT_FORMATS, type ReportFormat } from '$lib/server/insatser/report-export';
import { organisationBySlug } from '$lib/server/queries/insatser';
import type { RequestHandler } from './$types';

/** The återrapportering tables of an organisation for a year, as DOCX or XLSX (drafts included: officials only). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const org = organisationBySlug(getDb(), url.searchParams.get('org') ?? '');
	if (!org) error(404, 'Organisationen finns inte');
	requireRole(locals, ['admin', 'editor', 'reviewer'], { organisationId: org.id });
	const year = Number(url.searchParams.get('year'));
	const format = url.searchParams.get('format') ?? 'docx';
	if (!Number.isInteger(year) || year < 1990 || year > 2100) error(400, 'Ange året, till exempel year=2020.');
	if (!(REPORT_FORMATS as readonly string[]).includes(format)) error(400, 'Formatet ska vara docx eller xlsx.');
	const file = await exportReport(buildReport(getDb(), org.id, year), format as ReportFormat);
	return new Response(file.body as unknown as BodyInit, {
		headers: {
			'content-type': file.type,
			'content-disposition': `attachment; filename="${org.slug}-${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
