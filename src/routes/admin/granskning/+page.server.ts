import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { reviewOverview } from '$lib/server/review/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	requireRole(locals, ['editor', 'reviewer', 'admin']);
	return { periods: reviewOverview(getDb()) };
};
