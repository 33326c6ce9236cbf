import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { allowed, requireRole } from '$lib/server/auth/guard';
import { fieldErrors } from '$lib/server/auth/forms';
import { organisationBySlug } from '$lib/server/queries/insatser';
import {
	ANALYSIS_FIELDS,
	AnalysisConflict,
	analysisHistory,
	analysisSchema,
	analysisYears,
	createAnalysis,
	deleteAnalysis,
	getAnalysis,
	listAnalyses,
	saveAnalysis
} from '$lib/server/insatser/analyses';
import type { Actions, PageServerLoad } from './$types';

const EDIT = ['admin', 'editor'] as const;

function orgOf(url: URL) {
	const org = organisationBySlug(getDb(), url.searchParams.get('org') ?? '');
	if (!org) error(404, 'Organisationen finns inte');
	return org;
}

function yearOf(url: URL): number {
	const y = url.searchParams.get('year');
	if (y === null || y === '') return new Date().getFullYear();
	if (!/^\d{4}$/.test(y)) error(400, 'Året ska skrivas med fyra siffror, till exempel 2020.');
	return Number(y);
}

/** The 5.1 list of an organisation for a year: everyone with a role in scope may read it, editors change it. */
export const load: PageServerLoad = ({ locals, url }) => {
	const org = orgOf(url);
	const year = yearOf(url);
	requireRole(locals, ['admin', 'editor', 'reviewer'], { organisationId: org.id });
	const db = getDb();
	return {
		org,
		year,
		years: analysisYears(db, org.id),
		rows: listAnalyses(db, org.id, year),
		history: analysisHistory(db, org.id, year),
		canEdit: allowed(locals.user, EDIT, { organisationId: org.id })
	};
};

async function read(request: Request) {
	const fd = await request.formData();
	const values = Object.fromEntries(ANALYSIS_FIELDS.map((k) => [k, String(fd.get(k) ?? '')])) as Record<(typeof ANALYSIS_FIELDS)[number], string>;
	return { fd, values };
}

/** The row an action names, with its organisation checked against the user's scope (not the URL's). */
function rowFor(locals: App.Locals, fd: FormData) {
	const id = Number(fd.get('id'));
	const row = Number.isInteger(id) && id > 0 ? getAnalysis(getDb(), id) : null;
	if (!row) return null;
	const user = requireRole(locals, EDIT, { organisationId: row.organisationId });
	return { row, user };
}

const actor = (userId: number) => ({ userId, channel: 'form' as const });

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const org = orgOf(url);
		const user = requireRole(locals, EDIT, { organisationId: org.id });
		const { values } = await read(request);
		const parsed = analysisSchema(locals.locale).safeParse(values);
		if (!parsed.success) return fail(400, { rowId: 0, values, errors: fieldErrors(parsed.error) });
		createAnalysis(getDb(), actor(user.id), org.id, yearOf(url), parsed.data);
		return { created: true };
	},
	save: async ({ request, locals }) => {
		// The role first; the row's own organisation is then checked against the user's scope.
		requireRole(locals, EDIT);
		const { fd, values } = await read(request);
		const found = rowFor(locals, fd);
		if (!found) return fail(409, { rowId: Number(fd.get('id')), values, errors: {}, gone: true });
		const parsed = analysisSchema(locals.locale).safeParse(values);
		if (!parsed.success) return fail(400, { rowId: found.row.id, values, errors: fieldErrors(parsed.error) });
		try {
			saveAnalysis(getDb(), actor(found.user.id), found.row.id, Number(fd.get('version')), parsed.data);
		} catch (e) {
			if (e instanceof AnalysisConflict) return fail(409, { rowId: found.row.id, values, errors: {}, conflict: e.current });
			throw e;
		}
		return { saved: found.row.id };
	},
	delete: async ({ request, locals }) => {
		requireRole(locals, EDIT);
		const { fd, values } = await read(request);
		const found = rowFor(locals, fd);
		if (!found) return { deleted: true };
		try {
			deleteAnalysis(getDb(), actor(found.user.id), found.row.id, Number(fd.get('version')));
		} catch (e) {
			if (e instanceof AnalysisConflict) return fail(409, { rowId: found.row.id, values, errors: {}, conflict: e.current });
			throw e;
		}
		return { deleted: true };
	}
};
