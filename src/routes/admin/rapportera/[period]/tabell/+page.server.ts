import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { requireDraftAccess } from '$lib/server/editing/draft-access';
import { getReportingPeriod, isLocked, LOCKED_MESSAGE } from '$lib/server/editing/period';
import { buildGrid, visibleSections } from '$lib/server/grid/grid';
import { readPostedCells, saveGrid } from '$lib/server/grid/save';
import type { Sex } from '$lib/domain/types';
import type { Actions, PageServerLoad } from './$types';

const SEXES: Sex[] = ['T', 'K', 'M'];
const sexOf = (x: unknown): Sex => (SEXES.includes(x as Sex) ? (x as Sex) : 'T');

function periodOf(param: string) {
	const period = /^\d{1,9}$/.test(param) ? getReportingPeriod(getDb(), Number(param)) : null;
	if (!period) error(404, 'Uppföljningsperioden finns inte.');
	return period;
}

export const load: PageServerLoad = ({ locals, params, url }) => {
	// Editors (and admins) edit; reviewers see the same table read-only.
	const user = requireRole(locals, ['editor', 'reviewer']);
	const db = getDb();
	const period = periodOf(params.period);
	requireDraftAccess(db, user, period.planId);
	const sex = sexOf(url.searchParams.get('kon'));
	const names = db.$client
		.prepare('SELECT pl.name AS plan, o.name AS organisation FROM plan pl JOIN organisation o ON o.id = pl.organisation_id WHERE pl.id = ?')
		.get(period.planId) as { plan: string; organisation: string };
	const locked = isLocked(getDb(), period);
	const saved = url.searchParams.get('sparat');
	return {
		period: { id: period.id, label: period.label, deadline: period.deadline, hasGeography: period.geographyId != null, ...names },
		locked,
		lockedMessage: LOCKED_MESSAGE[locals.locale],
		readOnly: locked || user.role === 'reviewer',
		sex,
		sections: visibleSections(buildGrid(db, user, period, sex), user),
		saved: saved && /^\d{1,6}$/.test(saved) ? Number(saved) : null
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireRole(locals, 'editor');
		const period = periodOf(params.period);
		const fd = await request.formData();
		const sex = sexOf(fd.get('kon'));
		const r = saveGrid(getDb(), user, period, sex, readPostedCells(fd.entries()));
		if (!r.ok) {
			const l = locals.locale;
			return fail(r.status, {
				values: r.values,
				was: r.was,
				seen: r.seen,
				errors: Object.fromEntries(Object.entries(r.errors).map(([k, e]) => [k, { message: e.message[l], current: e.current ?? null }])),
				message: r.message?.[l] ?? null
			});
		}
		redirect(303, `?kon=${sex}&sparat=${r.saved}`);
	}
};
