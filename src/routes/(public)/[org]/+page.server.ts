import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getOrganisationPage } from '$lib/server/queries/organisation-page';
import { lanLocator } from '$lib/server/geo/locator';
import { MAP_FOOTER } from '$lib/server/geo/maps';
import { listInsatser, organisationBySlug } from '$lib/server/queries/insatser';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const page = getOrganisationPage(getDb(), params.org);
	if (!page) error(404, 'Organisationen finns inte');
	const locator = page.geography?.level === 'lan' ? lanLocator(page.geography, locals.locale) : null;
	const org = organisationBySlug(getDb(), params.org);
	const insatser = org ? listInsatser(getDb(), org.id, {}).length : 0;
	return { ...page, locator, mapSource: locator ? MAP_FOOTER[locals.locale] : null, insatser };
};
