import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getOrganisationPage } from '$lib/server/queries/organisation-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const page = getOrganisationPage(getDb(), params.org);
	if (!page) error(404, 'Organisationen finns inte');
	return page;
};
