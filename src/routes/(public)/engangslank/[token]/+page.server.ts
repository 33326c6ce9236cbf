import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { fieldErrors, formStrings, profileSchema, setPasswordSchema } from '$lib/server/auth/forms';
import { findLink, FIRST_ADMIN_EMAIL, useLink } from '$lib/server/auth/links';
import { passwordProblem } from '$lib/server/auth/password';
import { SESSION_COOKIE, createSession, deleteSession, sessionCookieOptions } from '$lib/server/auth/sessions';
import { setPassword, updateProfile, UserError } from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, setHeaders }) => {
	// The token is in the address: keep the page out of caches and don't send it as a referrer to other sites.
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'same-origin' });
	const link = findLink(getDb(), params.token);
	if (!link) return { link: null };
	const firstAdmin = link.purpose === 'first-admin';
	return {
		link: {
			purpose: link.purpose,
			email: firstAdmin && link.email === FIRST_ADMIN_EMAIL ? '' : link.email,
			name: firstAdmin ? '' : link.name,
			askProfile: firstAdmin
		}
	};
};

export const actions: Actions = {
	/**
	 * Public by design (allow-listed): the unguessable one-time token is the credential. Sets the password,
	 * uses up the link and signs the person in with a new session.
	 */
	default: async ({ request, params, cookies, url, locals }) => {
		const db = getDb();
		const link = findLink(db, params.token);
		if (!link) return fail(410, { values: {}, errors: {} as Record<string, string>, gone: true });
		const values = formStrings(await request.formData(), ['email', 'name', 'password', 'repeat']);
		const keep = { email: values.email, name: values.name };
		const errors: Record<string, string> = {};
		const askProfile = link.purpose === 'first-admin';
		const profile = profileSchema(locals.locale).safeParse(values);
		if (askProfile && !profile.success) Object.assign(errors, fieldErrors(profile.error));
		const pw = setPasswordSchema(locals.locale).safeParse(values);
		if (!pw.success) Object.assign(errors, fieldErrors(pw.error));
		const problem = passwordProblem(values.password, askProfile ? values.email : link.email);
		if (problem) errors.password = problem[locals.locale];
		if (Object.keys(errors).length) return fail(400, { values: keep, errors, gone: false });

		const actor = { userId: link.userId, channel: 'form' as const };
		if (askProfile && profile.success) {
			try {
				updateProfile(db, link.userId, profile.data, actor);
			} catch (e) {
				if (e instanceof UserError) return fail(400, { values: keep, errors: { email: e.message }, gone: false });
				throw e;
			}
		}
		if (!useLink(db, link.linkId)) return fail(410, { values: {}, errors: {} as Record<string, string>, gone: true });
		await setPassword(db, link.userId, values.password, actor);
		deleteSession(db, cookies.get(SESSION_COOKIE));
		const { token } = createSession(db, link.userId);
		cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url));
		redirect(303, '/admin');
	}
};
