import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { planUppdragEdit } from '$lib/server/editing/plan-uppdrag-edit';
import { requireDraftAccess } from '$lib/server/editing/draft-access';
import { getReportingPeriod, isLocked } from '$lib/server/editing/period';
import { saveAssessmentForm } from '$lib/server/editing/assessment-action';
import type { Actions, PageServerLoad } from './$types';

/** The plan's uppdrag without a goal, for one period: comment and colour per uppdrag. */
export const load: PageServerLoad = ({ locals, params }) => {
	const user = requireRole(locals, ['editor', 'reviewer']);
	const view = planUppdragEdit(getDb(), user, Number(params.period));
	if (!view) error(404, 'Perioden finns inte.');
	requireDraftAccess(getDb(), user, view.period.planId);
	return { view };
};

export const actions: Actions = {
	assessment: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'editor');
		const period = getReportingPeriod(getDb(), Number(params.period));
		if (!period) error(404, 'Perioden finns inte.');
		return saveAssessmentForm(getDb(), user, period, isLocked(getDb(), period), await request.formData(), locals.locale);
	}
};
