import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { getHistoryPage, historyPlans, isHistoryEntity } from '$lib/server/queries/history-page';
import { maySeeDrafts } from '$lib/server/editing/scope';
import { OUTSIDE_SCOPE } from '$lib/server/editing/draft-access';
import type { PageServerLoad } from './$types';

/**
 * The history of one value or assessment, for those who work with its plan (editors and reviewers in scope,
 * admins): it holds unpublished drafts, so others get a 403.
 */
export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireRole(locals, ['editor', 'reviewer']);
	const entity = url.searchParams.get('entity');
	const id = url.searchParams.get('id') ?? '';
	const db = getDb();
	const page = isHistoryEntity(entity) ? getHistoryPage(db, entity, id) : null;
	if (!page) error(404, 'Det finns inget värde eller någon bedömning med den adressen.');
	if (!historyPlans(db, page.entity, id).some((planId) => maySeeDrafts(db, user, planId))) {
		error(403, OUTSIDE_SCOPE);
	}
	return { history: page };
};
