import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPlanPage } from '$lib/server/queries/plan-page';
import { readMaybePreview } from '$lib/server/editing/preview-route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals, setHeaders }) => {
	const db = getDb();
	const { page, preview } = readMaybePreview(db, locals.user, url, setHeaders, params.org, params.plan, () =>
		getPlanPage(db, params.org, params.plan, url.searchParams.get('period'))
	);
	if (!page) error(404, 'Planen eller perioden finns inte');
	return { ...page, preview };
};
