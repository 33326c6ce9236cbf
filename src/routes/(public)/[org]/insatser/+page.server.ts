import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { FINANCING_SOURCES } from '$lib/server/db/schema-insatser';
import { filterOptions, listInsatser, organisationBySlug, type FinancingSource } from '$lib/server/queries/insatser';
import type { PageServerLoad } from './$types';

/** The published insatser of an organisation, filtered by GET parameters (a plain form: works without JS). */
export const load: PageServerLoad = ({ params, url }) => {
	const db = getDb();
	const organisation = organisationBySlug(db, params.org);
	if (!organisation) error(404, 'Organisationen finns inte');
	const id = (name: string) => {
		const n = Number(url.searchParams.get(name));
		return Number.isInteger(n) && n > 0 ? n : null;
	};
	const financing = url.searchParams.get('finansiering');
	const kommun = url.searchParams.get('kommun');
	const filters = {
		priority: id('prioritering'),
		goal: id('mal'),
		financing: (FINANCING_SOURCES as readonly string[]).includes(financing ?? '') ? (financing as FinancingSource) : null,
		kommun: kommun && /^\d{4}$/.test(kommun) ? kommun : null
	};
	return {
		organisation,
		filters,
		options: filterOptions(db, organisation.id),
		insatser: listInsatser(db, organisation.id, filters),
		total: listInsatser(db, organisation.id, {}).length
	};
};
