import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { organisationsFor } from '$lib/server/insatser/edit';
import { listInsatser } from '$lib/server/queries/insatser';
import type { PageServerLoad } from './$types';

/** The insatser of the organisations in the user's scope, drafts included, and the återrapportering exports. */
export const load: PageServerLoad = ({ locals }) => {
	const user = requireRole(locals, ['admin', 'editor', 'reviewer']);
	const db = getDb();
	const orgs = organisationsFor(db, user).map((o) => {
		const insatser = db.$client
			.prepare(`SELECT id, name, state, status, version, updated_at, EXISTS (SELECT 1 FROM insats_draft d WHERE d.insats_id = insats.id) AS has_draft
				 FROM insats WHERE organisation_id = ? AND archived = 0 ORDER BY name COLLATE NOCASE`)
			.all(o.id) as { id: number; name: string; state: 'draft' | 'published'; status: string | null; version: number; updated_at: string; has_draft: number }[];
		const years = (
			db.$client
				.prepare(
					`SELECT year FROM report_section WHERE organisation_id = ? UNION SELECT r.year FROM insats_result r JOIN insats i ON i.id = r.insats_id
					 WHERE i.organisation_id = ? ORDER BY year DESC`
				)
				.all(o.id, o.id) as { year: number }[]
		).map((y) => y.year);
		return { ...o, insatser, years, published: listInsatser(db, o.id, {}).length };
	});
	return { orgs, canEdit: user.role !== 'reviewer' };
};
