import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { getChapter } from '$lib/server/review/chapter';
import { chapterResponse } from '$lib/server/review/export/response';
import type { RequestHandler } from './$types';

/** The chapter of any period (also before approval) for editors, reviewers and admins. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	requireRole(locals, ['editor', 'reviewer', 'admin']);
	const chapter = getChapter(getDb(), params.org, params.plan, params.period, {
		publishedOnly: false,
		compareSlug: url.searchParams.get('jamfor'),
		includeArchived: true
	});
	if (!chapter) error(404, 'Planen eller perioden finns inte');
	return chapterResponse(chapter, params.format, { cache: 'private, no-store' });
};
