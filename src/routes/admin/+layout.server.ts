import { getDb } from '$lib/server/db';
import { requireUserOrRedirect } from '$lib/server/auth/guard';
import { describeScope } from '$lib/server/auth/users';
import type { LayoutServerLoad } from './$types';

/** The gate for the whole admin area: signed in, else to the sign-in page and back. Actions check again. */
export const load: LayoutServerLoad = ({ locals, url, setHeaders }) => {
	const user = requireUserOrRedirect(locals, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const db = getDb();
	return {
		user: {
			name: user.name,
			email: user.email,
			role: user.role,
			scopes: user.scopes.map((s) => describeScope(db, s))
		}
	};
};
