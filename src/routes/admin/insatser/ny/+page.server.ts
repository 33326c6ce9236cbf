import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { createInsats, editOptions, parseInsatsForm, readInsatsForm } from '$lib/server/insatser/edit';
import { organisationBySlug } from '$lib/server/queries/insatser';
import type { Actions, PageServerLoad } from './$types';

function orgOf(url: URL) {
	const org = organisationBySlug(getDb(), url.searchParams.get('org') ?? '');
	if (!org) error(404, 'Organisationen finns inte');
	return org;
}

export const load: PageServerLoad = ({ locals, url }) => {
	const org = orgOf(url);
	requireRole(locals, ['admin', 'editor'], { organisationId: org.id });
	return { org, options: editOptions(getDb(), org.id) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const org = orgOf(url);
		const user = requireRole(locals, ['admin', 'editor'], { organisationId: org.id });
		const values = readInsatsForm(await request.formData());
		const { form, errors } = parseInsatsForm(values, locals.locale);
		if (!form) return fail(400, { values, errors });
		const id = createInsats(getDb(), { userId: user.id, channel: 'form' }, org.id, form);
		redirect(303, `/admin/insatser/${id}?skapad=1`);
	}
};
