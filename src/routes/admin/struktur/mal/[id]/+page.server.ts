import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { goalTarget, requireRole, requireUser } from '$lib/server/auth/guard';
import { deleteGoal, getGoal, goalTree, parentOptions, setGoalArchived, updateGoal } from '$lib/server/structure/goals';
import { getPlan } from '$lib/server/structure/plans';
import { linkedIndicatorsOf, linkIndicator, linkOptions, unlinkIndicator } from '$lib/server/structure/indicators';
import { listTargets } from '$lib/server/structure/targets';
import { mayChange } from '$lib/server/structure/access';
import { attempt, idParam, parseForm, versionOf } from '$lib/server/structure/form';
import { GOAL_FIELDS, goalSchema } from '$lib/server/structure/schemas';
import { createTargetAction, deleteTargetAction, previewAction, updateTargetAction } from '../../target-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const user = requireUser(locals);
	const db = getDb();
	const goal = getGoal(db, idParam(params.id));
	if (!goal) error(404, 'Målet finns inte.');
	const plan = getPlan(db, goal.planId)!;
	const node = goalTree(db, user, plan.id).find((g) => g.id === goal.id);
	const indicators = linkedIndicatorsOf(db, goal.id).map((i) => ({ ...i, targets: listTargets(db, user, i.id, goal.id, locals.locale) }));
	return {
		goal,
		plan: { id: plan.id, name: plan.values.name, slug: plan.slug, organisationSlug: plan.organisationSlug, archived: plan.archived },
		hidden: node?.hidden ?? goal.archived,
		parents: parentOptions(db, plan.id, goal.id),
		indicators,
		linkOptions: linkOptions(db, goal.id),
		mayEdit: mayChange(user, goalTarget(db, goal.id))
	};
};

const goalId = (params: { id: string }) => idParam(params.id);

export const actions: Actions = {
	saveGoal: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const parsed = parseForm(await request.formData(), GOAL_FIELDS, goalSchema(locals.locale), 'goal');
		if (!parsed.ok) return parsed.failure;
		const done = attempt(locals.locale, 'goal', parsed.values, () => updateGoal(getDb(), user, goalId(params), versionOf(parsed.values), parsed.data));
		return typeof done === 'number' ? { form: 'goal', saved: true } : done;
	},
	archiveGoal: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return attempt(locals.locale, 'archive', {}, () => (setGoalArchived(getDb(), user, goalId(params), true), { form: 'archive', saved: true }));
	},
	restoreGoal: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return attempt(locals.locale, 'archive', {}, () => (setGoalArchived(getDb(), user, goalId(params), false), { form: 'archive', saved: true }));
	},
	deleteGoal: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const planId = attempt(locals.locale, 'archive', {}, () => deleteGoal(getDb(), user, goalId(params)));
		if (typeof planId !== 'number') return planId;
		redirect(303, `/admin/struktur/plan/${planId}`);
	},
	link: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const values = { indicatorId: String((await request.formData()).get('indicatorId') ?? '') };
		return attempt(locals.locale, 'link', values, () => (linkIndicator(getDb(), user, goalId(params), Number(values.indicatorId)), { form: 'link', saved: true }));
	},
	unlink: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const id = idParam(String((await request.formData()).get('indicatorId')));
		return attempt(locals.locale, 'link', {}, () => (unlinkIndicator(getDb(), user, goalId(params), id), { form: 'link', saved: true }));
	},
	previewTarget: async ({ request, locals }) => {
		requireRole(locals, ['admin', 'editor']);
		return previewAction(await request.formData());
	},
	createTarget: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return createTargetAction(user, locals.locale, await request.formData(), goalId(params));
	},
	updateTarget: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return updateTargetAction(user, locals.locale, await request.formData());
	},
	deleteTarget: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return deleteTargetAction(user, locals.locale, await request.formData());
	}
};
