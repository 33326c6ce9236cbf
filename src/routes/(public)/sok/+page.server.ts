import { getDb } from '$lib/server/db';
import { searchSite } from '$lib/server/queries/search';
import type { PageServerLoad } from './$types';

/** `/sok?q=…`: a plain GET form, so searching works without JavaScript and every search is a link. */
export const load: PageServerLoad = ({ url }) => {
	const q = url.searchParams.get('q') ?? '';
	return { q, result: q.trim() ? searchSite(getDb(), q) : null };
};
