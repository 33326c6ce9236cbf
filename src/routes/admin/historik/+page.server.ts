import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { getHistoryPage, isHistoryEntity } from '$lib/server/queries/history-page';
import type { PageServerLoad } from './$types';

/** The history of one value or assessment, for everyone who works with reporting (editors, reviewers, admins). */
export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, ['editor', 'reviewer']);
	const entity = url.searchParams.get('entity');
	const id = url.searchParams.get('id') ?? '';
	const page = isHistoryEntity(entity) ? getHistoryPage(getDb(), entity, id) : null;
	if (!page) error(404, 'Det finns inget värde eller någon bedömning med den adressen.');
	return { history: page };
};
