import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { getBatch } from '$lib/server/queries/import-batches';
import type { PageServerLoad } from './$types';

/** One batch's provenance: where it came from, who imported it, what it changed, which values are still its. */
export const load: PageServerLoad = ({ locals, params }) => {
	requireRole(locals, ['editor']);
	const id = Number(params.id);
	const batch = Number.isInteger(id) && id > 0 ? getBatch(getDb(), id) : null;
	if (!batch) error(404, locals.locale === 'en' ? 'No such import batch.' : 'Importen finns inte.');
	return { batch };
};
