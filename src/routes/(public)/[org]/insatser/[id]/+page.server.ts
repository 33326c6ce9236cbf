import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getInsats, organisationBySlug } from '$lib/server/queries/insatser';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const organisation = organisationBySlug(db, params.org);
	const id = Number(params.id);
	const insats = organisation && Number.isInteger(id) ? getInsats(db, id, { publishedOnly: true }) : null;
	if (!organisation || !insats || insats.organisationId !== organisation.id) error(404, 'Insatsen finns inte');
	return { organisation, insats };
};
