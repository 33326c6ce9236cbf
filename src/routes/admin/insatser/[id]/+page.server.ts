import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { allowed, requireRole } from '$lib/server/auth/guard';
import { fieldErrors } from '$lib/server/auth/forms';
import {
	comparable,
	deleteResult,
	editOptions,
	insatsHistory,
	insatsTarget,
	insatsValues,
	parseInsatsForm,
	readInsatsForm,
	resultSchema,
	saveInsats,
	saveResult,
	VersionConflict
} from '$lib/server/insatser/edit';
import { discardDraft, editingView, PublishedChanged, publishInsats, unpublishInsats } from '$lib/server/insatser/drafts';
import type { Actions, PageServerLoad } from './$types';

const EDIT = ['admin', 'editor'] as const;

function target(id: string) {
	const t = insatsTarget(getDb(), Number(id));
	if (!t) error(404, 'Insatsen finns inte');
	return t;
}

export const load: PageServerLoad = ({ locals, params, url }) => {
	const t = target(params.id);
	requireRole(locals, ['admin', 'editor', 'reviewer'], t);
	const db = getDb();
	const view = editingView(db, Number(params.id));
	if (!view) error(404, 'Insatsen finns inte');
	const insats = view.insats;
	return {
		insats,
		draft: view.draft,
		values: insatsValues(insats),
		options: editOptions(db, insats.organisationId),
		history: insatsHistory(db, insats.id),
		canEdit: allowed(locals.user, EDIT, t),
		created: url.searchParams.has('skapad')
	};
};

const actor = (userId: number) => ({ userId, channel: 'form' as const });

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const user = requireRole(locals, EDIT, target(params.id));
		const values = readInsatsForm(await request.formData());
		const { form, errors } = parseInsatsForm(values, locals.locale);
		if (!form) return fail(400, { values, errors });
		const db = getDb();
		try {
			saveInsats(db, actor(user.id), Number(params.id), Number(values.version), form);
		} catch (e) {
			if (e instanceof VersionConflict) {
				return fail(409, { values, errors: {}, conflict: { current: comparable(e.current), version: e.current.version, updatedAt: e.current.updatedAt } });
			}
			throw e;
		}
		return { saved: true };
	},
	/** Publish (a new insats, or the draft of a published one) or take off the public site. */
	state: async ({ request, locals, params }) => {
		const user = requireRole(locals, EDIT, target(params.id));
		const fd = await request.formData();
		const version = Number(fd.get('version'));
		try {
			if (fd.get('state') === 'published') {
				publishInsats(getDb(), actor(user.id), Number(params.id), version, fd.get('force') === '1');
				return { stateChanged: 'published' };
			}
			if (unpublishInsats(getDb(), actor(user.id), Number(params.id), version) === 'has-draft') return fail(409, { hasDraft: true });
			return { stateChanged: 'draft' };
		} catch (e) {
			if (e instanceof VersionConflict) return fail(409, { stateConflict: true });
			if (e instanceof PublishedChanged) return fail(409, { publishedChanged: comparable(e.published) });
			throw e;
		}
	},
	discard: async ({ request, locals, params }) => {
		const user = requireRole(locals, EDIT, target(params.id));
		const fd = await request.formData();
		try {
			discardDraft(getDb(), actor(user.id), Number(params.id), Number(fd.get('version')));
		} catch (e) {
			if (e instanceof VersionConflict) return fail(409, { stateConflict: true });
			throw e;
		}
		return { discarded: true };
	},
	result: async ({ request, locals, params }) => {
		const user = requireRole(locals, EDIT, target(params.id));
		const fd = await request.formData();
		const raw = Object.fromEntries(['year', 'type', 'term', 'basis', 'text', 'figures', 'resultId', 'version'].map((k) => [k, String(fd.get(k) ?? '')]));
		const parsed = resultSchema(locals.locale).safeParse(raw);
		const resultId = raw.resultId ? Number(raw.resultId) : null;
		if (!parsed.success) return fail(400, { result: { id: resultId, values: raw, errors: fieldErrors(parsed.error) } });
		try {
			saveResult(getDb(), actor(user.id), Number(params.id), resultId, Number(raw.version), parsed.data);
		} catch (e) {
			if (e instanceof VersionConflict) return fail(409, { result: { id: resultId, values: raw, errors: {}, conflict: true } });
			throw e;
		}
		return { resultSaved: true };
	},
	deleteResult: async ({ request, locals, params }) => {
		const user = requireRole(locals, EDIT, target(params.id));
		const fd = await request.formData();
		deleteResult(getDb(), actor(user.id), Number(params.id), Number(fd.get('resultId')));
		return { resultDeleted: true };
	}
};
