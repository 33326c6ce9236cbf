import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getKommunPage } from '$lib/server/queries/kommun-page';
import { kommunLocator } from '$lib/server/geo/locator';
import { MAP_FOOTER } from '$lib/server/geo/maps';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const page = getKommunPage(getDb(), params.code);
	if (!page) error(404, 'Kommunen finns inte');
	const locator = kommunLocator(page.kommun, page.lan, locals.locale);
	return { ...page, locator, mapSource: locator ? MAP_FOOTER[locals.locale] : null };
};
