import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { planTarget, requireRole } from '$lib/server/auth/guard';
import { filterChapter, getChapter } from '$lib/server/review/chapter';
import { parseFilter } from '$lib/domain/chapter-filter';
import {
	addComment,
	approve,
	itemTarget,
	mayMark,
	mayReview,
	markReady,
	periodHistory,
	publish,
	readiness,
	readyMarks,
	reopen,
	reviewComments,
	unmarkReady,
	WorkflowError
} from '$lib/server/review/workflow';
import { COMMENT_SUBJECTS, READY_SUBJECTS, type CommentSubject, type ReadySubject } from '$lib/server/db/schema-review';
import type { Locale } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

const ROLES = ['editor', 'reviewer', 'admin'] as const;

function chapterOrThrow(params: { org: string; plan: string; period: string }, compareSlug: string | null = null) {
	const chapter = getChapter(getDb(), params.org, params.plan, params.period, { publishedOnly: false, compareSlug, includeArchived: true });
	if (!chapter) error(404, 'Planen eller perioden finns inte');
	return chapter;
}

export const load: PageServerLoad = ({ params, url, locals }) => {
	const user = requireRole(locals, ROLES);
	const db = getDb();
	const compareSlug = url.searchParams.get('jamfor');
	const chapter = chapterOrThrow(params, compareSlug);
	const filter = parseFilter(url.searchParams);
	const marks = Object.fromEntries(readyMarks(db, chapter.period.id));
	// Which items this user may mark: the avsnitt, goals and uppdrag their scope covers.
	const markable: string[] = [];
	// An archived plan's chapter is shown for the record only: no marks, no decisions, no comments.
	for (const s of chapter.plan.archived ? [] : chapter.sections) {
		if (s.id && mayMark(user, itemTarget(db, chapter.plan.id, { kind: 'goal', id: s.id })!)) markable.push(`goal:${s.id}`);
		for (const g of s.goals) if (mayMark(user, itemTarget(db, chapter.plan.id, { kind: 'goal', id: g.id })!)) markable.push(`goal:${g.id}`);
		for (const u of s.uppdrag) if (mayMark(user, itemTarget(db, chapter.plan.id, { kind: 'uppdrag', id: u.id })!)) markable.push(`uppdrag:${u.id}`);
	}
	const target = planTarget(db, chapter.plan.id)!;
	return {
		chapter,
		filter,
		compareSlug,
		...filterChapter(chapter, filter),
		marks,
		markable,
		readiness: readiness(db, chapter.period.id, chapter.plan.id),
		comments: reviewComments(db, chapter.period.id),
		history: periodHistory(db, chapter.period.id),
		can: {
			review: !chapter.plan.archived && mayReview(user, target),
			reopen: !chapter.plan.archived && user.role === 'admin'
		}
	};
};

function problem(e: unknown, action: string, values: Record<string, string> = {}) {
	if (!(e instanceof WorkflowError)) throw e;
	const status = e.problem === 'stale' ? 409 : e.problem === 'scope' || e.problem === 'role' ? 403 : 400;
	return fail(status, {
		action,
		values,
		message: e.message,
		field: e.field,
		current: e.current ? { state: e.current.state, version: e.current.version } : null
	});
}

function item<K extends string>(fd: FormData, kinds: readonly K[]): { kind: K; id: number } | null {
	const kind = String(fd.get('kind') ?? '');
	const id = Number(fd.get('id'));
	return (kinds as readonly string[]).includes(kind) && Number.isInteger(id) && id > 0 ? { kind: kind as K, id } : null;
}

const notFound = (locale: Locale) => (locale === 'sv' ? 'Posten finns inte.' : 'No such item.');

export const actions: Actions = {
	markReady: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['editor', 'admin']);
		const chapter = chapterOrThrow(params);
		const ref = item<ReadySubject>(await request.formData(), READY_SUBJECTS);
		if (!ref) return fail(400, { action: 'markReady', message: notFound(locals.locale) });
		try {
			const n = markReady(getDb(), user, chapter.period.id, ref, locals.locale);
			return { action: 'markReady', done: `${ref.kind}:${ref.id}`, marked: n };
		} catch (e) {
			return problem(e, 'markReady');
		}
	},
	unmarkReady: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['editor', 'admin']);
		const chapter = chapterOrThrow(params);
		const ref = item<ReadySubject>(await request.formData(), READY_SUBJECTS);
		if (!ref) return fail(400, { action: 'unmarkReady', message: notFound(locals.locale) });
		try {
			unmarkReady(getDb(), user, chapter.period.id, ref, locals.locale);
			return { action: 'unmarkReady', done: `${ref.kind}:${ref.id}` };
		} catch (e) {
			return problem(e, 'unmarkReady');
		}
	},
	approve: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['reviewer', 'admin']);
		const chapter = chapterOrThrow(params);
		const fd = await request.formData();
		const values = { meetingDate: String(fd.get('meetingDate') ?? ''), paragraph: String(fd.get('paragraph') ?? '') };
		try {
			approve(getDb(), user, chapter.period.id, Number(fd.get('version')), values, locals.locale);
			return { action: 'approve', done: 'approved' };
		} catch (e) {
			return problem(e, 'approve', values);
		}
	},
	publish: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['reviewer', 'admin']);
		const chapter = chapterOrThrow(params);
		const fd = await request.formData();
		try {
			publish(getDb(), user, chapter.period.id, Number(fd.get('version')), locals.locale);
			return { action: 'publish', done: 'published' };
		} catch (e) {
			return problem(e, 'publish');
		}
	},
	reopen: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin');
		const chapter = chapterOrThrow(params);
		const fd = await request.formData();
		const values = { reason: String(fd.get('reason') ?? '') };
		try {
			reopen(getDb(), user, chapter.period.id, Number(fd.get('version')), values.reason, locals.locale);
			return { action: 'reopen', done: 'open' };
		} catch (e) {
			return problem(e, 'reopen', values);
		}
	},
	comment: async ({ request, locals, params }) => {
		const user = requireRole(locals, ['reviewer', 'admin']);
		const chapter = chapterOrThrow(params);
		const fd = await request.formData();
		const ref = item<CommentSubject>(fd, COMMENT_SUBJECTS);
		const values = { body: String(fd.get('body') ?? ''), target: `${fd.get('kind')}:${fd.get('id')}` };
		if (!ref) return fail(400, { action: 'comment', values, message: notFound(locals.locale), field: null });
		try {
			addComment(getDb(), user, chapter.period.id, ref, values.body, locals.locale);
			return { action: 'comment', done: values.target };
		} catch (e) {
			return problem(e, 'comment', values);
		}
	}
};
