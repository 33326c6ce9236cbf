import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { SESSION_COOKIE, deleteSession, deleteUserSessions } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ signedIn: !!locals.user });

export const actions: Actions = {
	/** Public by design (allow-listed): signing out needs no role, only the session it ends. */
	signOut: async ({ cookies }) => {
		deleteSession(getDb(), cookies.get(SESSION_COOKIE));
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/logga-in?utloggad=1');
	},
	/** Sign out on every device. */
	everywhere: async ({ cookies, locals }) => {
		const user = requireUser(locals);
		deleteUserSessions(getDb(), user.id);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/logga-in?utloggad=1');
	}
};
