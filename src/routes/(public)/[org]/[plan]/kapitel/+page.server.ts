import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { filterChapter, getChapter } from '$lib/server/review/chapter';
import { parseFilter } from '$lib/domain/chapter-filter';
import type { PageServerLoad } from './$types';

/** The read-only chapter of a published period: `?period=` like the plan page (default: the latest published). */
export const load: PageServerLoad = ({ params, url }) => {
	const compareSlug = url.searchParams.get('jamfor');
	const chapter = getChapter(getDb(), params.org, params.plan, url.searchParams.get('period'), { publishedOnly: true, compareSlug });
	if (!chapter) error(404, 'Planen eller den publicerade perioden finns inte');
	const filter = parseFilter(url.searchParams);
	return { chapter, filter, ...filterChapter(chapter, filter), compareSlug };
};
