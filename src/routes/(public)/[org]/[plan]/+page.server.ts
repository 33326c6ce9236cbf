import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPlanPage } from '$lib/server/queries/plan-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const page = getPlanPage(getDb(), params.org, params.plan, url.searchParams.get('period'));
	if (!page) error(404, 'Planen eller perioden finns inte');
	return page;
};
