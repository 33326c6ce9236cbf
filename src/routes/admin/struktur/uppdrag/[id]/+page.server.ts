import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { deleteUppdrag, getUppdrag, listUppdrag, setUppdragArchived, updateUppdrag } from '$lib/server/structure/uppdrag';
import { parentOptions } from '$lib/server/structure/goals';
import { getPlan } from '$lib/server/structure/plans';
import { attempt, idParam, parseForm, versionOf } from '$lib/server/structure/form';
import { UPPDRAG_FIELDS, uppdragSchema } from '$lib/server/structure/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const user = requireUser(locals);
	const db = getDb();
	const u = getUppdrag(db, idParam(params.id));
	if (!u) error(404, 'Uppdraget finns inte.');
	const plan = getPlan(db, u.planId)!;
	return {
		uppdrag: u,
		plan: { id: plan.id, name: plan.values.name, slug: plan.slug, organisationSlug: plan.organisationSlug, archived: plan.archived },
		goals: parentOptions(db, plan.id),
		mayEdit: listUppdrag(db, user, plan.id).find((x) => x.id === u.id)?.mayEdit ?? false
	};
};

const uppdragId = (params: { id: string }) => idParam(params.id);

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const parsed = parseForm(await request.formData(), UPPDRAG_FIELDS, uppdragSchema(locals.locale), 'uppdrag');
		if (!parsed.ok) return parsed.failure;
		const done = attempt(locals.locale, 'uppdrag', parsed.values, () => updateUppdrag(getDb(), user, uppdragId(params), versionOf(parsed.values), parsed.data));
		return typeof done === 'number' ? { form: 'uppdrag', saved: true } : done;
	},
	archive: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return attempt(locals.locale, 'archive', {}, () => (setUppdragArchived(getDb(), user, uppdragId(params), true), { form: 'archive', saved: true }));
	},
	restore: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return attempt(locals.locale, 'archive', {}, () => (setUppdragArchived(getDb(), user, uppdragId(params), false), { form: 'archive', saved: true }));
	},
	delete: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const planId = attempt(locals.locale, 'archive', {}, () => deleteUppdrag(getDb(), user, uppdragId(params)));
		if (typeof planId !== 'number') return planId;
		redirect(303, `/admin/struktur/plan/${planId}`);
	}
};
