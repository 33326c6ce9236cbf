import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { requireDraftAccess } from '$lib/server/editing/draft-access';
import { getReportingPeriod, isLocked } from '$lib/server/editing/period';
import { publishOverview, publishPeriod } from '$lib/server/editing/publish';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const user = requireRole(locals, ['editor', 'reviewer']);
	const db = getDb();
	const period = getReportingPeriod(db, Number(params.period));
	if (!period) error(404, 'Perioden finns inte.');
	requireDraftAccess(db, user, period.planId);
	return { period, locked: isLocked(getDb(), period), ...publishOverview(db, user, period) };
};

export const actions: Actions = {
	publish: ({ locals, params }) => {
		const user = requireRole(locals, 'editor');
		const r = publishPeriod(getDb(), user, { userId: user.id, channel: 'form' }, Number(params.period));
		if (!r.ok) return fail(409, { message: r.message[locals.locale] });
		return { published: { observations: r.observations, assessments: r.assessments, held: r.held.map((h) => ({ id: h.id, what: h.what, reason: h.reason[locals.locale] })) } };
	}
};
