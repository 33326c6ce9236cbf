import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getOrganisationPage } from '$lib/server/queries/organisation-page';
import { lanLocator } from '$lib/server/geo/locator';
import { MAP_FOOTER } from '$lib/server/geo/maps';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const page = getOrganisationPage(getDb(), params.org);
	if (!page) error(404, 'Organisationen finns inte');
	const locator = page.geography?.level === 'lan' ? lanLocator(page.geography, locals.locale) : null;
	return { ...page, locator, mapSource: locator ? MAP_FOOTER[locals.locale] : null };
};
