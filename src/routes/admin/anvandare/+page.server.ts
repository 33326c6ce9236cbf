import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { fieldErrors, formStrings, userSchema } from '$lib/server/auth/forms';
import { createLink, linkUrl } from '$lib/server/auth/links';
import {
	createUser,
	describeScope,
	getUser,
	isRole,
	listUsers,
	parseScopeValue,
	scopeOptions,
	setDisabled,
	setRole,
	UserError
} from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

const messages = {
	sv: { scope: 'Välj ett ansvarsområde för redaktören.', noUser: 'Användaren finns inte.' },
	en: { scope: 'Choose a scope for the editor.', noUser: 'No such user.' }
};

export const load: PageServerLoad = ({ locals }) => {
	requireRole(locals, 'admin');
	const db = getDb();
	return {
		users: listUsers(db).map((u) => ({ ...u, scopeNames: u.scopes.map((s) => describeScope(db, s)) })),
		options: scopeOptions(db),
		me: locals.user!.id
	};
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const admin = requireRole(locals, 'admin');
		const values = formStrings(await request.formData(), ['email', 'name', 'role', 'scope']);
		const parsed = userSchema(locals.locale).safeParse(values);
		const errors = parsed.success ? {} : fieldErrors(parsed.error);
		const scope = parseScopeValue(values.scope);
		if (values.role === 'editor' && !scope) errors.scope = messages[locals.locale].scope;
		if (!parsed.success || Object.keys(errors).length) return fail(400, { create: { values, errors } });
		const db = getDb();
		const actor = { userId: admin.id, channel: 'form' as const };
		try {
			const u = createUser(db, { ...parsed.data, scopes: scope ? [scope] : [] }, actor);
			const token = createLink(db, u.id, 'reset', actor);
			return { created: { email: u.email, name: u.name, link: linkUrl(url.origin, token) } };
		} catch (e) {
			if (e instanceof UserError) return fail(400, { create: { values, errors: { [e.field ?? 'email']: e.message } } });
			throw e;
		}
	},
	role: async ({ request, locals }) => {
		const admin = requireRole(locals, 'admin');
		const fd = await request.formData();
		const id = Number(fd.get('id'));
		const role = fd.get('role');
		if (!getUser(getDb(), id) || !isRole(role)) return fail(400, { rowError: { id, message: messages[locals.locale].noUser } });
		try {
			setRole(getDb(), id, role, { userId: admin.id, channel: 'form' });
		} catch (e) {
			if (e instanceof UserError) return fail(400, { rowError: { id, message: e.message } });
			throw e;
		}
		return { changed: id };
	},
	disable: async ({ request, locals }) => {
		const admin = requireRole(locals, 'admin');
		const fd = await request.formData();
		const id = Number(fd.get('id'));
		const disabled = fd.get('disabled') === 'true';
		if (!getUser(getDb(), id)) return fail(400, { rowError: { id, message: messages[locals.locale].noUser } });
		try {
			setDisabled(getDb(), id, disabled, { userId: admin.id, channel: 'form' });
		} catch (e) {
			if (e instanceof UserError) return fail(400, { rowError: { id, message: e.message } });
			throw e;
		}
		return { changed: id };
	},
	link: async ({ request, locals, url }) => {
		const admin = requireRole(locals, 'admin');
		const id = Number((await request.formData()).get('id'));
		const u = getUser(getDb(), id);
		if (!u) return fail(400, { rowError: { id, message: messages[locals.locale].noUser } });
		const token = createLink(getDb(), id, 'reset', { userId: admin.id, channel: 'form' });
		return { created: { email: u.email, name: u.name, link: linkUrl(url.origin, token) } };
	}
};
