import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { deleteIndicator, getIndicator, setIndicatorArchived, updateIndicator } from '$lib/server/structure/indicators';
import { listTargets } from '$lib/server/structure/targets';
import { mayChange, mayChangeIndicator } from '$lib/server/structure/access';
import { attempt, idParam, parseForm, versionOf } from '$lib/server/structure/form';
import { INDICATOR_FIELDS, indicatorSchema } from '$lib/server/structure/schemas';
import { organisations } from '$lib/server/structure/lookups';
import { createTargetAction, deleteTargetAction, previewAction, updateTargetAction } from '../../target-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const user = requireUser(locals);
	const db = getDb();
	const indicator = getIndicator(db, user, idParam(params.id));
	if (!indicator) error(404, 'Indikatorn finns inte.');
	const all = organisations(db);
	const owner = Number(indicator.values.organisationId) || null;
	return {
		indicator,
		targets: listTargets(db, user, indicator.id, null, locals.locale),
		// The current owner stays choosable, so saving without touching it keeps it.
		organisations: all.filter((o) => o.id === owner || mayChange(user, { organisationId: o.id })),
		isAdmin: user.role === 'admin',
		mayEdit: mayChangeIndicator(db, user, indicator.id)
	};
};

const indicatorId = (params: { id: string }) => idParam(params.id);

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const parsed = parseForm(await request.formData(), INDICATOR_FIELDS, indicatorSchema(locals.locale), 'indicator');
		if (!parsed.ok) return parsed.failure;
		const done = attempt(locals.locale, 'indicator', parsed.values, () => updateIndicator(getDb(), user, indicatorId(params), versionOf(parsed.values), parsed.data));
		return typeof done === 'number' ? { form: 'indicator', saved: true } : done;
	},
	archive: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return attempt(locals.locale, 'archive', {}, () => (setIndicatorArchived(getDb(), user, indicatorId(params), true), { form: 'archive', saved: true }));
	},
	restore: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return attempt(locals.locale, 'archive', {}, () => (setIndicatorArchived(getDb(), user, indicatorId(params), false), { form: 'archive', saved: true }));
	},
	delete: async ({ locals, params }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		const done = attempt(locals.locale, 'archive', {}, () => (deleteIndicator(getDb(), user, indicatorId(params)), true));
		if (done !== true) return done;
		redirect(303, '/admin/struktur/indikatorer');
	},
	previewTarget: async ({ request, locals }) => {
		requireRole(locals, ['admin', 'editor']);
		return previewAction(await request.formData());
	},
	createTarget: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin', 'editor']);
		return createTargetAction(user, locals.locale, await request.formData(), null);
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
