import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { worklist } from '$lib/server/editing/worklist';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = requireRole(locals, ['editor', 'reviewer']);
	return { periods: worklist(getDb(), user), role: user.role };
};
