import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { getReportingPeriod, isLocked } from '$lib/server/editing/period';
import { periodAssessmentDrafts, planObservationDrafts, publishPeriod } from '$lib/server/editing/publish';
import { indicatorTargets, mayEdit, subjectTargets } from '$lib/server/editing/scope';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const user = requireRole(locals, ['editor', 'reviewer']);
	const db = getDb();
	const period = getReportingPeriod(db, Number(params.period));
	if (!period) error(404, 'Perioden finns inte.');
	const names = db.$client.prepare('SELECT id, name FROM indicator WHERE id = ?');
	const geo = db.$client.prepare('SELECT name FROM geography WHERE id = ?');
	const values = planObservationDrafts(db, period.planId).map((d) => ({
		indicator: (names.get(d.indicator_id) as { name: string }).name,
		geography: (geo.get(d.geography_id) as { name: string }).name,
		sex: d.sex,
		period: d.period,
		value: d.remove ? null : (d.value ?? d.text_value ?? d.missing_symbol),
		remove: !!d.remove,
		mine: mayEdit(user, indicatorTargets(db, d.indicator_id, period.planId))
	}));
	const assessments = periodAssessmentDrafts(db, period.id).map((d) => ({
		kind: d.subject_kind,
		id: d.subject_id,
		colour: d.colour,
		comment: d.comment,
		mine: mayEdit(user, subjectTargets(db, d.subject_kind, d.subject_id, period.planId))
	}));
	const plan = db.$client.prepare('SELECT p.slug, o.slug AS org FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?').get(period.planId) as { slug: string; org: string };
	return { period, locked: isLocked(period), values, assessments, plan };
};

export const actions: Actions = {
	publish: ({ locals, params }) => {
		const user = requireRole(locals, 'editor');
		const r = publishPeriod(getDb(), user, { userId: user.id, channel: 'form' }, Number(params.period));
		if (!r.ok) return fail(409, { message: r.message[locals.locale] });
		return { published: { observations: r.observations, assessments: r.assessments, held: r.held.map((h) => ({ id: h.id, what: h.what, reason: h.reason[locals.locale] })) } };
	}
};
