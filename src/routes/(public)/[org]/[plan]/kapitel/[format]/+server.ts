import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getChapter } from '$lib/server/review/chapter';
import { chapterResponse } from '$lib/server/review/export/response';
import type { RequestHandler } from './$types';

/** The chapter of a published period as DOCX, PDF, HTML, CSV or XLSX (`?period=`, default the latest). */
export const GET: RequestHandler = async ({ params, url }) => {
	const chapter = getChapter(getDb(), params.org, params.plan, url.searchParams.get('period'), {
		publishedOnly: true,
		compareSlug: url.searchParams.get('jamfor')
	});
	if (!chapter) error(404, 'Planen eller den publicerade perioden finns inte');
	return chapterResponse(chapter, params.format, { cache: 'public, max-age=300' });
};
