import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { fieldErrors, formStrings, safeNext, signInSchema } from '$lib/server/auth/forms';
import { SESSION_COOKIE, deleteSession, sessionCookieOptions } from '$lib/server/auth/sessions';
import { signIn } from '$lib/server/auth/signin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
	signedInAs: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
	next: safeNext(url.searchParams.get('next')),
	signedOut: url.searchParams.has('utloggad')
});

export const actions: Actions = {
	/** Public by design (allow-listed in the role-coverage test): rate-limited, new session token every time. */
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const values = formStrings(await request.formData(), ['email', 'password']);
		const keep = { email: values.email };
		const parsed = signInSchema(locals.locale).safeParse(values);
		if (!parsed.success) return fail(400, { values: keep, errors: fieldErrors(parsed.error), message: '' });
		const db = getDb();
		const result = await signIn(db, parsed.data.email, parsed.data.password, getClientAddress());
		if (!result.ok) {
			return fail(result.reason === 'limited' ? 429 : 400, {
				values: keep,
				errors: {} as Record<string, string>,
				message: result.message[locals.locale]
			});
		}
		// The old session (if any) ends; the browser gets a brand-new token.
		deleteSession(db, cookies.get(SESSION_COOKIE));
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url));
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
