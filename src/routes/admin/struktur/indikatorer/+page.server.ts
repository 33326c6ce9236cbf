import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { createIndicator, listIndicators } from '$lib/server/structure/indicators';
import { getGoal } from '$lib/server/structure/goals';
import { mayChange } from '$lib/server/structure/access';
import { attempt, parseForm } from '$lib/server/structure/form';
import { INDICATOR_FIELDS, indicatorSchema } from '$lib/server/structure/schemas';
import { organisations } from '$lib/server/structure/lookups';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals);
	const db = getDb();
	const goalId = Number(url.searchParams.get('mal')) || null;
	const goal = goalId ? getGoal(db, goalId) : null;
	const orgs = organisations(db).filter((o) => mayChange(user, { organisationId: o.id }));
	return {
		indicators: listIndicators(db, user),
		organisations: orgs,
		goal: goal ? { id: goal.id, name: [goal.values.number, goal.values.title].filter(Boolean).join(' ') } : null,
		isAdmin: user.role === 'admin',
		mayCreate: user.role === 'admin' || orgs.length > 0 || goal !== null
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const fd = await request.formData();
		const parsed = parseForm(fd, INDICATOR_FIELDS, indicatorSchema(locals.locale), 'indicator');
		if (!parsed.ok) return parsed.failure;
		const goalId = Number(fd.get('goalId')) || null;
		const id = attempt(locals.locale, 'indicator', parsed.values, () => createIndicator(getDb(), user, parsed.data, goalId));
		if (typeof id !== 'number') return id;
		redirect(303, goalId ? `/admin/struktur/mal/${goalId}` : `/admin/struktur/indikator/${id}?skapad=1`);
	}
};
