import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { allowed } from '$lib/server/auth/guard';
import { getInsats, organisationBySlug } from '$lib/server/queries/insatser';
import { withInsatsDraftApplied } from '$lib/server/insatser/drafts';
import { insatsTarget } from '$lib/server/insatser/edit';
import type { PageServerLoad } from './$types';

/**
 * The public insats page. `?utkast=1`, for officials who may see the insats in admin: the page as it will look
 * when its draft (or the never-published insats) is published; never cached, nothing stored.
 */
export const load: PageServerLoad = ({ params, url, locals, setHeaders }) => {
	const db = getDb();
	const organisation = organisationBySlug(db, params.org);
	const id = Number(params.id);
	const target = Number.isInteger(id) ? insatsTarget(db, id) : null;
	const preview = url.searchParams.has('utkast') && !!target && allowed(locals.user, ['admin', 'editor', 'reviewer'], target);
	const read = () => getInsats(db, id, { publishedOnly: true });
	let insats = null;
	if (organisation && target) {
		if (preview) setHeaders({ 'cache-control': 'private, no-store' });
		insats = preview ? withInsatsDraftApplied(db, id, read, { asPublished: true }) : read();
	}
	if (!organisation || !insats || insats.organisationId !== organisation.id) error(404, 'Insatsen finns inte');
	return { organisation, insats, preview };
};
