import { fail } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getDb, DEFAULT_DATABASE_URL } from '$lib/server/db';
import { allowed, requireRole } from '$lib/server/auth/guard';
import type { SessionUser } from '$lib/server/auth/sessions';
import { importAuthorizer } from '$lib/server/auth/import-scope';
import { IMPORT_KINDS, runImport, type ImportResult } from '$lib/server/import';
import { deletePending, loadPending, pendingDir, savePending, sweepPending, type PendingProblem } from '$lib/server/import/pending';
import { readUploadForm, tooBigMessage, uploadLimit } from '$lib/server/import/upload-form';
import { draftPublishPages, listBatches } from '$lib/server/queries/import-batches';
import { formatBytes } from '$lib/server/http/limits';
import type { Db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** Admins and editors import; reviewers and signed-out visitors are refused. */
const ROLES = ['editor'] as const;

const problems: Record<'sv' | 'en', Record<PendingProblem, string>> = {
	sv: {
		missing: 'Uppladdningen finns inte längre (den är redan inläst eller avbruten). Ladda upp filen igen.',
		'other-user': 'Uppladdningen finns inte längre (den är redan inläst eller avbruten). Ladda upp filen igen.',
		expired: 'Uppladdningen är äldre än en timme och har tagits bort. Ladda upp filen igen och gör en ny provkörning.',
		changed: 'Den sparade filen stämmer inte med provkörningen (SHA-256 skiljer sig); inget lästes in. Ladda upp filen igen.'
	},
	en: {
		missing: 'The upload no longer exists (already imported or cancelled). Upload the file again.',
		'other-user': 'The upload no longer exists (already imported or cancelled). Upload the file again.',
		expired: 'The upload is more than an hour old and has been removed. Upload the file again for a new dry run.',
		changed: 'The stored file does not match the dry run (its SHA-256 differs); nothing was imported. Upload the file again.'
	}
};

const dir = () => pendingDir(env.DATABASE_URL || DEFAULT_DATABASE_URL);
const limit = () => uploadLimit(env.BODY_SIZE_LIMIT);
const who = (u: SessionUser) => `${u.name} (${u.email})`;

/** The plan targets this user may import into: whole organisations and their plans. */
function targets(db: Db, user: SessionUser) {
	const orgs = db.$client.prepare('SELECT id, slug, name FROM organisation ORDER BY name').all() as { id: number; slug: string; name: string }[];
	const plans = db.$client.prepare('SELECT id, slug, name, organisation_id AS org FROM plan ORDER BY name').all() as {
		id: number;
		slug: string;
		name: string;
		org: number;
	}[];
	return orgs
		.map((o) => ({
			slug: o.slug,
			name: o.name,
			whole: allowed(user, ROLES, { organisationId: o.id }),
			plans: plans.filter((p) => p.org === o.id && allowed(user, ROLES, { organisationId: o.id, planId: p.id })).map((p) => ({ slug: p.slug, name: p.name }))
		}))
		.filter((o) => o.whole || o.plans.length);
}

function indicators(db: Db) {
	return db.$client.prepare('SELECT slug, name FROM indicator WHERE archived = 0 ORDER BY name').all() as { slug: string; name: string }[];
}

function known(db: Db, user: SessionUser) {
	const t = targets(db, user);
	return {
		targets: new Set(t.flatMap((o) => [...(o.whole ? [`org:${o.slug}`] : []), ...o.plans.map((p) => `plan:${o.slug}/${p.slug}`)])),
		indicators: new Set(indicators(db).map((i) => i.slug))
	};
}

/** Kinds whose values can be drafts (the rest, plans and återrapporteringar, are imported directly). */
const STATS_KINDS = new Set(['values', 'pxweb', 'kolada', 'kolada-ddf']);

/**
 * Draft or published (issue 5: what officials enter is a draft until published). An editor's values always
 * become drafts, published from "Granska och publicera" with its preview. An admin chooses, and the page
 * offers "Publicera direkt" first: admins mostly load official statistics (SCB, Kolada) that have nothing
 * to review, as the command line does; "Som utkast" is there for values that should be looked at first.
 */
const asDraft = (user: SessionUser, kind: string, publish: string) => STATS_KINDS.has(kind) && (user.role !== 'admin' || publish === 'draft');

/** What the page shows of a result (plain data; the core's result already is). */
const shown = (r: ImportResult) => ({ ...r, durationMs: undefined });

export const load: PageServerLoad = ({ locals }) => {
	const user = requireRole(locals, ROLES);
	const db = getDb();
	sweepPending(dir());
	return {
		kinds: IMPORT_KINDS,
		targets: targets(db, user),
		indicators: indicators(db),
		batches: listBatches(db, 30),
		maxText: formatBytes(limit()),
		isAdmin: user.role === 'admin'
	};
};

export const actions: Actions = {
	/** Step 1: read the upload, run a dry run, keep the bytes for step 2 when there is something to import. */
	preview: async ({ request, locals }) => {
		const user = requireRole(locals, ROLES);
		const max = limit();
		const length = Number(request.headers.get('content-length'));
		if (length > max) return fail(413, { values: null, errors: { file: tooBigMessage(locals.locale, max) } });
		let fd: FormData;
		try {
			fd = await request.formData();
		} catch (e) {
			// adapter-node stops reading at BODY_SIZE_LIMIT when no Content-Length announced the size.
			if ((e as { status?: number }).status === 413) return fail(413, { values: null, errors: { file: tooBigMessage(locals.locale, max) } });
			throw e;
		}
		const db = getDb();
		const form = await readUploadForm(fd, locals.locale, max, known(db, user));
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		if (asDraft(user, form.kind, form.values.publish)) form.options.draft = true;
		sweepPending(dir());
		const result = await runImport(db, {
			kind: form.kind,
			input: { bytes: form.file.bytes, fileName: form.file.name },
			options: { ...form.options, dryRun: true },
			user: who(user),
			authorize: importAuthorizer(db, user)
		});
		if (!result.ok) return fail(400, { values: form.values, preview: shown(result) });
		const token = result.unchanged ? null : savePending(dir(), { userId: user.id, kind: form.kind, options: form.options, fileName: form.file.name }, form.file.bytes);
		return { values: form.values, preview: shown(result), token };
	},

	/** Step 2: import the kept bytes (same core, same options), checked against the dry run's SHA-256. */
	confirm: async ({ request, locals }) => {
		const user = requireRole(locals, ROLES);
		const token = String((await request.formData()).get('token') ?? '');
		const pending = loadPending(dir(), token, user.id);
		if ('problem' in pending) return fail(400, { problem: problems[locals.locale][pending.problem] });
		const db = getDb();
		const result = await runImport(db, {
			kind: pending.meta.kind,
			input: { bytes: pending.bytes, fileName: pending.meta.fileName },
			options: pending.meta.options,
			user: who(user),
			actor: { userId: user.id, channel: 'import' },
			authorize: importAuthorizer(db, user)
		});
		deletePending(dir(), token);
		if (!result.ok) return fail(400, { done: shown(result) });
		const publishPages = result.draft && result.batchId ? draftPublishPages(db, result.batchId) : [];
		return { done: shown(result), publishPages };
	},

	/** Or not: forget the kept bytes. */
	cancel: async ({ request, locals }) => {
		const user = requireRole(locals, ROLES);
		const token = String((await request.formData()).get('token') ?? '');
		// Only the uploader's own pending file is removed; any other token is ignored.
		if (!('problem' in loadPending(dir(), token, user.id))) deletePending(dir(), token);
		return { cancelled: true };
	}
};
