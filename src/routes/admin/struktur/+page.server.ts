import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { createPlan, listPlans } from '$lib/server/structure/plans';
import { attempt, parseForm } from '$lib/server/structure/form';
import { PLAN_FIELDS, planSchema } from '$lib/server/structure/schemas';
import { geographies } from '$lib/server/structure/lookups';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = requireUser(locals);
	const db = getDb();
	return { organisations: listPlans(db, user), geographies: geographies(db) };
};

export const actions: Actions = {
	createPlan: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const fd = await request.formData();
		const parsed = parseForm(fd, [...PLAN_FIELDS, 'organisationId'], planSchema(locals.locale), 'plan');
		if (!parsed.ok) return parsed.failure;
		const id = attempt(locals.locale, 'plan', parsed.values, () =>
			createPlan(getDb(), user, Number(parsed.values.organisationId), parsed.data)
		);
		if (typeof id !== 'number') return id;
		redirect(303, `/admin/struktur/plan/${id}?skapad=1`);
	}
};
