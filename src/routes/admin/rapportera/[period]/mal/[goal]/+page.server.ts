import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { goalEdit } from '$lib/server/editing/goal-edit';
import { requireDraftAccess } from '$lib/server/editing/draft-access';
import { getReportingPeriod, isLocked, LOCKED_MESSAGE } from '$lib/server/editing/period';
import { indicatorTargets, mayEdit } from '$lib/server/editing/scope';
import { saveObservationDraft } from '$lib/server/editing/observation-drafts';
import { saveAssessmentForm } from '$lib/server/editing/assessment-action';
import type { Sex } from '$lib/domain/types';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

const REFUSED = { sv: 'Du har inte behörighet att ändra det här.', en: 'You may not change this.' };

export const load: PageServerLoad = ({ locals, params }) => {
	const user = requireRole(locals, ['editor', 'reviewer']);
	const view = goalEdit(getDb(), user, Number(params.period), Number(params.goal));
	if (!view) error(404, 'Målet eller perioden finns inte.');
	requireDraftAccess(getDb(), user, view.period.planId);
	return { view };
};

function form(fd: FormData, names: string[]): Record<string, string> {
	return Object.fromEntries(names.map((n) => [n, String(fd.get(n) ?? '')]));
}

/** The period in the URL, and whether it is locked. */
function openPeriod(user: SessionUser, periodParam: string) {
	const period = getReportingPeriod(getDb(), Number(periodParam));
	if (!period) error(404, 'Perioden finns inte.');
	return { user, period, locked: isLocked(getDb(), period) };
}

export const actions: Actions = {
	value: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'editor');
		const { period, locked } = openPeriod(user, params.period);
		const values = form(await request.formData(), ['indicator', 'sex', 'period', 'value', 'note', 'draftVersion', 'publishedVersion']);
		const key = { indicatorId: Number(values.indicator), geographyId: period.geographyId ?? -1, sex: values.sex as Sex, period: values.period };
		const formId = `value:${key.indicatorId}:${key.sex}`;
		const l = locals.locale;
		if (locked) return fail(423, { form: formId, values, errors: { value: LOCKED_MESSAGE[l] } });
		if (!['T', 'K', 'M'].includes(key.sex) || !mayEdit(user, indicatorTargets(getDb(), key.indicatorId, period.planId))) return fail(403, { form: formId, values, errors: { value: REFUSED[l] } });
		const r = saveObservationDraft(getDb(), { userId: user.id, channel: 'form' }, key, { raw: values.value, note: values.note }, { draftVersion: Number(values.draftVersion), publishedVersion: Number(values.publishedVersion) });
		if (r.ok) return { saved: formId, unchanged: !!r.unchanged };
		if (r.kind === 'invalid') return fail(400, { form: formId, values, errors: { [r.field]: r.message[l] } });
		return fail(409, { form: formId, values, conflict: r.state });
	},
	assessment: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'editor');
		const { period, locked } = openPeriod(user, params.period);
		return saveAssessmentForm(getDb(), user, period, locked, await request.formData(), locals.locale);
	}
};
