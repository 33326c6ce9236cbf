import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGoalPage } from '$lib/server/queries/goal-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const id = Number(params.goal);
	const page = Number.isInteger(id) ? getGoalPage(getDb(), params.org, params.plan, id, url.searchParams.get('period')) : null;
	if (!page) error(404, 'Målet finns inte');
	return page;
};
