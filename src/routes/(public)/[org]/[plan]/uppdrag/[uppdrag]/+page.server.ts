import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getUppdragPage } from '$lib/server/queries/uppdrag-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const id = Number(params.uppdrag);
	const page = Number.isInteger(id) ? getUppdragPage(getDb(), params.org, params.plan, id) : null;
	if (!page) error(404, 'Uppdraget finns inte');
	return page;
};
