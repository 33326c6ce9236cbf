import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { planTarget, requireRole, requireUser } from '$lib/server/auth/guard';
import { deletePlan, getPlan, setPlanArchived, updatePlan } from '$lib/server/structure/plans';
import { createGoal, goalTree, moveGoal, parentOptions, setGoalArchived } from '$lib/server/structure/goals';
import { createUppdrag, listUppdrag } from '$lib/server/structure/uppdrag';
import { mayChange } from '$lib/server/structure/access';
import { attempt, idParam, parseForm, versionOf } from '$lib/server/structure/form';
import {
	GOAL_FIELDS,
	goalSchema,
	PERIOD_CREATE_FIELDS,
	PERIOD_EDIT_FIELDS,
	periodCreateSchema,
	periodEditSchema,
	PLAN_FIELDS,
	planSchema,
	UPPDRAG_FIELDS,
	uppdragSchema
} from '$lib/server/structure/schemas';
import { createPeriod, deletePeriod, listPeriods, updatePeriod } from '$lib/server/structure/periods';
import { geographies } from '$lib/server/structure/lookups';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const user = requireUser(locals);
	const db = getDb();
	const plan = getPlan(db, idParam(params.id));
	if (!plan) error(404, 'Planen finns inte.');
	const tree = goalTree(db, user, plan.id);
	return {
		plan,
		tree,
		uppdrag: listUppdrag(db, user, plan.id),
		periods: listPeriods(db, plan.id),
		parents: parentOptions(db, plan.id),
		geographies: geographies(db),
		mayEditPlan: mayChange(user, planTarget(db, plan.id))
	};
};

const planId = (params: { id: string }) => idParam(params.id);

export const actions: Actions = {
	savePlan: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const parsed = parseForm(await request.formData(), PLAN_FIELDS, planSchema(locals.locale), 'plan');
		if (!parsed.ok) return parsed.failure;
		const done = attempt(locals.locale, 'plan', parsed.values, () => updatePlan(getDb(), user, planId(params), versionOf(parsed.values), parsed.data));
		return typeof done === 'number' ? { form: 'plan', saved: true } : done;
	},
	archivePlan: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return attempt(locals.locale, 'archive', {}, () => (setPlanArchived(getDb(), user, planId(params), true), { form: 'archive', saved: true }));
	},
	restorePlan: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return attempt(locals.locale, 'archive', {}, () => (setPlanArchived(getDb(), user, planId(params), false), { form: 'archive', saved: true }));
	},
	deletePlan: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const done = attempt(locals.locale, 'archive', {}, () => (deletePlan(getDb(), user, planId(params)), true));
		if (done !== true) return done;
		redirect(303, '/admin/struktur');
	},
	createGoal: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const parsed = parseForm(await request.formData(), GOAL_FIELDS, goalSchema(locals.locale), 'goal');
		if (!parsed.ok) return parsed.failure;
		const id = attempt(locals.locale, 'goal', parsed.values, () => createGoal(getDb(), user, planId(params), parsed.data));
		if (typeof id !== 'number') return id;
		redirect(303, `/admin/struktur/mal/${id}?skapad=1`);
	},
	moveGoal: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const fd = await request.formData();
		const direction = fd.get('direction') === 'up' ? 'up' : 'down';
		const id = idParam(String(fd.get('id')));
		return attempt(locals.locale, 'tree', {}, () => (moveGoal(getDb(), user, id, direction), { form: 'tree', saved: true, moved: id, direction }));
	},
	archiveGoal: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const fd = await request.formData();
		const id = idParam(String(fd.get('id')));
		const archived = fd.get('archived') === 'true';
		return attempt(locals.locale, 'tree', {}, () => (setGoalArchived(getDb(), user, id, archived), { form: 'tree', saved: true }));
	},
	createUppdrag: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const parsed = parseForm(await request.formData(), UPPDRAG_FIELDS, uppdragSchema(locals.locale), 'uppdrag');
		if (!parsed.ok) return parsed.failure;
		const id = attempt(locals.locale, 'uppdrag', parsed.values, () => createUppdrag(getDb(), user, planId(params), parsed.data));
		return typeof id === 'number' ? { form: 'uppdrag', saved: true } : id;
	},
	createPeriod: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const parsed = parseForm(await request.formData(), PERIOD_CREATE_FIELDS, periodCreateSchema(locals.locale), 'period');
		if (!parsed.ok) return parsed.failure;
		const id = attempt(locals.locale, 'period', parsed.values, () => createPeriod(getDb(), user, planId(params), parsed.data));
		return typeof id === 'number' ? { form: 'period', saved: true, created: id } : id;
	},
	savePeriod: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const fd = await request.formData();
		const id = idParam(String(fd.get('id')));
		const form = `period-${id}`;
		const parsed = parseForm(fd, PERIOD_EDIT_FIELDS, periodEditSchema(locals.locale), form);
		if (!parsed.ok) return parsed.failure;
		const done = attempt(locals.locale, form, parsed.values, () => updatePeriod(getDb(), user, id, versionOf(parsed.values), parsed.data));
		return typeof done === 'number' ? { form, saved: true } : done;
	},
	deletePeriod: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const id = idParam(String((await request.formData()).get('id')));
		const form = `period-${id}`;
		return attempt(locals.locale, form, {}, () => (deletePeriod(getDb(), user, id), { form: 'period', saved: true, deleted: true }));
	}
};
