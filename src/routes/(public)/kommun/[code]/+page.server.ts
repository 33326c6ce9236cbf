import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getKommunPage } from '$lib/server/queries/kommun-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const page = getKommunPage(getDb(), params.code);
	if (!page) error(404, 'Kommunen finns inte');
	return page;
};
