import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGoalPage } from '$lib/server/queries/goal-page';
import { readMaybePreview } from '$lib/server/editing/preview-route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals, setHeaders }) => {
	const id = Number(params.goal);
	if (!Number.isInteger(id)) error(404, 'Målet finns inte');
	const db = getDb();
	const { page, preview } = readMaybePreview(db, locals.user, url, setHeaders, params.org, params.plan, () =>
		getGoalPage(db, params.org, params.plan, id, url.searchParams.get('period'))
	);
	if (!page) error(404, 'Målet finns inte');
	return { ...page, preview };
};
