/**
 * The review workflow of a follow-up period, applied to the database (issue 6). The rules are the pure state
 * machine in `domain/review-workflow.ts`; this module checks who may act (role and scope), applies the step
 * in one transaction with its audit entry, and uses the period's `version` for optimistic locking.
 *
 * Items to mark ready: every goal of the plan at every level (an avsnitt is a top-level goal) and every uppdrag.
 * Marking a goal marks everything below it that is not marked yet (an editor whose scope covers an avsnitt
 * covers its goals and uppdrag too), so "Markera avsnittet som klart" is one click. Unmarking removes one mark.
 * Marks do not need the period's version: two editors marking different avsnitt at once must not conflict, and
 * a mark never changes what a reviewer approves (the approval checks the version, and any mark that changes
 * the period's state bumps it).
 *
 * Reviewers without a scope review every plan; a reviewer with scopes reviews the plans they cover.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { allowed, goalTarget, planTarget, scopeCovers, type Target } from '../auth/guard';
import { writeAudit, type Actor, type Tx } from '../auth/audit';
import {
	decide,
	isLockedState,
	refusalMessage,
	REFUSALS,
	stateFromMarks,
	type ActionInput,
	type PeriodState,
	type Refusal,
	type WorkflowAction
} from '../../domain/review-workflow';
import type { Locale } from '../../domain/labels';
import type { CommentSubject, ReadySubject } from '../db/schema-review';

type Row = Record<string, unknown>;

export type WorkflowProblem = Refusal | 'stale' | 'notFound' | 'scope' | 'body' | 'archived';

const EXTRA: Record<'stale' | 'notFound' | 'scope' | 'body' | 'archived', { sv: string; en: string }> = {
	archived: {
		sv: 'Planen är arkiverad. Dess perioder visas för arkivet men granskas och ändras inte längre; en administratör kan återställa planen under Struktur.',
		en: 'The plan is archived. Its periods are shown for the record but are no longer reviewed or changed; an administrator can restore the plan under Structure.'
	},
	stale: {
		sv: 'Perioden har ändrats av någon annan sedan du öppnade sidan. Se det nya läget nedan och gör om steget om det fortfarande behövs.',
		en: 'Someone else changed the period after you opened the page. See its new state below and repeat the step if it is still needed.'
	},
	notFound: { sv: 'Perioden eller posten finns inte i planen.', en: 'The period or item does not exist in the plan.' },
	scope: {
		sv: 'Posten ligger utanför ditt ansvarsområde.',
		en: 'The item is outside your scope.'
	},
	body: { sv: 'Skriv en kommentar (högst 4 000 tecken).', en: 'Write a comment (at most 4,000 characters).' }
};

/** A refused step, with a message for the user and, for `stale`, the period as it is now. */
export class WorkflowError extends Error {
	constructor(
		public problem: WorkflowProblem,
		public locale: Locale = 'sv',
		public current?: PeriodRow
	) {
		super(problem in REFUSALS ? refusalMessage(problem as Refusal, locale) : EXTRA[problem as keyof typeof EXTRA][locale]);
	}
	/** Which form field the message belongs beside, when it is about one. */
	get field(): string | null {
		return this.problem === 'meetingDate' || this.problem === 'paragraph' || this.problem === 'reason' || this.problem === 'body'
			? this.problem
			: null;
	}
}

export interface PeriodRow {
	id: number;
	planId: number;
	slug: string;
	label: string;
	state: PeriodState;
	version: number;
}

export interface ItemRef {
	kind: ReadySubject;
	id: number;
}

function getPeriod(db: Db, periodId: number): PeriodRow | null {
	const r = db.$client
		.prepare('SELECT id, plan_id, slug, label, state, version FROM follow_up_period WHERE id = ?')
		.get(periodId) as Row | undefined;
	if (!r) return null;
	return {
		id: r.id as number,
		planId: r.plan_id as number,
		slug: r.slug as string,
		label: r.label as string,
		state: r.state as PeriodState,
		version: r.version as number
	};
}

/**
 * True when the period is approved or published: its values, comments and assessments may not change.
 * The editing module calls this before every save and refuses with `lockedMessage()`.
 */
export function isPeriodLocked(db: Db, periodId: number): boolean {
	const p = getPeriod(db, periodId);
	return p !== null && isLockedState(p.state);
}

/** The message to show when an edit is refused because the period is locked. */
export function lockedMessage(locale: Locale = 'sv'): string {
	return refusalMessage('locked', locale);
}

/** The plan's items that must be marked ready: goals at every level and uppdrag (not archived). */
export function reviewItems(db: Db, planId: number) {
	const sql = db.$client;
	const goals = sql
		.prepare('SELECT id, parent_id, depth FROM goal WHERE plan_id = ? AND archived = 0 ORDER BY depth, sort_order, id')
		.all(planId) as Row[];
	const uppdrag = sql.prepare('SELECT id, goal_id FROM uppdrag WHERE plan_id = ? AND archived = 0').all(planId) as Row[];
	return {
		goals: goals.map((g) => ({ id: g.id as number, parentId: (g.parent_id as number) ?? null, depth: g.depth as number })),
		uppdrag: uppdrag.map((u) => ({ id: u.id as number, goalId: (u.goal_id as number) ?? null }))
	};
}

const key = (kind: ReadySubject, id: number) => `${kind}:${id}`;

/** The period's ready marks, as "goal:12" / "uppdrag:3" keys with who marked and when. */
export function readyMarks(db: Db, periodId: number): Map<string, { by: number | null; byName: string | null; at: string }> {
	const rows = db.$client
		.prepare(
			`SELECT m.subject_kind, m.subject_id, m.marked_by, m.marked_at, u.name FROM review_ready_mark m
			 LEFT JOIN user u ON u.id = m.marked_by WHERE m.period_id = ?`
		)
		.all(periodId) as Row[];
	return new Map(
		rows.map((r) => [
			key(r.subject_kind as ReadySubject, r.subject_id as number),
			{ by: (r.marked_by as number) ?? null, byName: (r.name as string) ?? null, at: r.marked_at as string }
		])
	);
}

/** How many items are marked, of how many. */
export function readiness(db: Db, periodId: number, planId: number): { ready: number; total: number } {
	const items = reviewItems(db, planId);
	const marks = readyMarks(db, periodId);
	const all = [...items.goals.map((g) => key('goal', g.id)), ...items.uppdrag.map((u) => key('uppdrag', u.id))];
	return { ready: all.filter((k) => marks.has(k)).length, total: all.length };
}

/** Where an item lives, for the scope check; null when it is not in the plan. */
export function itemTarget(db: Db, planId: number, item: { kind: ReadySubject | CommentSubject; id: number }): Target | null {
	const sql = db.$client;
	if (item.kind === 'goal') {
		const g = sql.prepare('SELECT plan_id FROM goal WHERE id = ?').get(item.id) as Row | undefined;
		return g && g.plan_id === planId ? goalTarget(db, item.id) : null;
	}
	if (item.kind === 'uppdrag') {
		const u = sql.prepare('SELECT plan_id, goal_id FROM uppdrag WHERE id = ?').get(item.id) as Row | undefined;
		if (!u || u.plan_id !== planId) return null;
		return u.goal_id ? goalTarget(db, u.goal_id as number) : planTarget(db, planId);
	}
	const linked = sql
		.prepare('SELECT gi.goal_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE gi.indicator_id = ? AND g.plan_id = ? LIMIT 1')
		.get(item.id, planId) as Row | undefined;
	return linked ? goalTarget(db, linked.goal_id as number) : null;
}

/** May this user review (approve, publish, comment on) the plan? Reviewers without scopes review every plan. */
export function mayReview(user: SessionUser, target: Target): boolean {
	if (user.role === 'admin') return true;
	if (user.role !== 'reviewer') return false;
	return user.scopes.length === 0 || user.scopes.some((s) => scopeCovers(s, target));
}

/** May this user mark the item ready (an editor whose scope covers it, or an admin)? */
export function mayMark(user: SessionUser, target: Target): boolean {
	return allowed(user, 'editor', target);
}

function actorOf(user: SessionUser): Actor {
	return { userId: user.id, channel: 'form' };
}

function check(period: PeriodRow, action: WorkflowAction, user: SessionUser, input: ActionInput, locale: Locale) {
	const d = decide(period.state, action, user.role, input);
	if (!d.ok) throw new WorkflowError(d.refusal, locale, period);
	return d.next;
}

function loadPeriod(db: Db, periodId: number, locale: Locale): PeriodRow {
	const p = getPeriod(db, periodId);
	if (!p) throw new WorkflowError('notFound', locale);
	const plan = db.$client.prepare('SELECT archived FROM plan WHERE id = ?').get(p.planId) as { archived: number };
	if (plan.archived) throw new WorkflowError('archived', locale);
	return p;
}

function setState(db: Db, tx: Tx, actor: Actor, period: PeriodRow, next: PeriodState, note: string | null = null) {
	if (next === period.state) return;
	db.$client
		.prepare(
			`UPDATE follow_up_period SET state = ?, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`
		)
		.run(next, period.id);
	writeAudit(tx, actor, {
		action: 'set-state',
		entity: 'follow_up_period',
		entityId: period.id,
		old: { state: period.state, version: period.version },
		new: { state: next, version: period.version + 1 },
		note
	});
}

/** Recount the marks of an unlocked period and move it between open and ready. */
function recount(db: Db, tx: Tx, actor: Actor, period: PeriodRow) {
	const { ready, total } = readiness(db, period.id, period.planId);
	setState(db, tx, actor, period, stateFromMarks(ready, total));
}

/** The items below a goal (goals and uppdrag), the goal included. */
function subtree(db: Db, planId: number, goalId: number): ItemRef[] {
	const items = reviewItems(db, planId);
	const children = new Map<number, number[]>();
	for (const g of items.goals) if (g.parentId != null) children.set(g.parentId, [...(children.get(g.parentId) ?? []), g.id]);
	const goals: number[] = [];
	const walk = (id: number) => {
		goals.push(id);
		for (const c of children.get(id) ?? []) walk(c);
	};
	walk(goalId);
	const inTree = new Set(goals);
	return [
		...goals.map((id) => ({ kind: 'goal' as const, id })),
		...items.uppdrag.filter((u) => u.goalId != null && inTree.has(u.goalId)).map((u) => ({ kind: 'uppdrag' as const, id: u.id }))
	];
}

/** Mark an item ready (a goal: with everything below it). Returns how many new marks were written. */
export function markReady(db: Db, user: SessionUser, periodId: number, item: ItemRef, locale: Locale = 'sv'): number {
	return db.transaction((tx) => {
		const period = loadPeriod(db, periodId, locale);
		check(period, 'markReady', user, {}, locale);
		const target = itemTarget(db, period.planId, item);
		if (!target) throw new WorkflowError('notFound', locale);
		if (!mayMark(user, target)) throw new WorkflowError('scope', locale);
		const items = item.kind === 'goal' ? subtree(db, period.planId, item.id) : [item];
		const marks = readyMarks(db, periodId);
		const fresh = items.filter((i) => !marks.has(key(i.kind, i.id)));
		const insert = db.$client.prepare(
			'INSERT INTO review_ready_mark (period_id, subject_kind, subject_id, marked_by) VALUES (?, ?, ?, ?)'
		);
		for (const i of fresh) insert.run(periodId, i.kind, i.id, user.id);
		if (fresh.length > 0) {
			writeAudit(tx, actorOf(user), {
				action: 'mark-ready',
				entity: 'follow_up_period',
				entityId: periodId,
				new: { item: key(item.kind, item.id), marked: fresh.map((i) => key(i.kind, i.id)) }
			});
		}
		recount(db, tx, actorOf(user), period);
		return fresh.length;
	});
}

/** Remove one item's ready mark (the period goes back to open if it was ready). */
export function unmarkReady(db: Db, user: SessionUser, periodId: number, item: ItemRef, locale: Locale = 'sv'): void {
	db.transaction((tx) => {
		const period = loadPeriod(db, periodId, locale);
		check(period, 'unmarkReady', user, {}, locale);
		const target = itemTarget(db, period.planId, item);
		if (!target) throw new WorkflowError('notFound', locale);
		if (!mayMark(user, target)) throw new WorkflowError('scope', locale);
		const res = db.$client
			.prepare('DELETE FROM review_ready_mark WHERE period_id = ? AND subject_kind = ? AND subject_id = ?')
			.run(periodId, item.kind, item.id);
		if (res.changes > 0) {
			writeAudit(tx, actorOf(user), {
				action: 'unmark-ready',
				entity: 'follow_up_period',
				entityId: periodId,
				old: { item: key(item.kind, item.id) }
			});
		}
		recount(db, tx, actorOf(user), period);
	});
}

function checkVersion(period: PeriodRow, expected: number, locale: Locale) {
	if (period.version !== expected) throw new WorkflowError('stale', locale, period);
}

function checkReviewer(db: Db, user: SessionUser, period: PeriodRow, locale: Locale) {
	const target = planTarget(db, period.planId);
	if (!target || !mayReview(user, target)) throw new WorkflowError(user.role === 'editor' ? 'role' : 'scope', locale);
}

/** Approve on behalf of the nämnd: locks the period. */
export function approve(
	db: Db,
	user: SessionUser,
	periodId: number,
	expectedVersion: number,
	input: { meetingDate: string; paragraph: string },
	locale: Locale = 'sv'
): void {
	db.transaction((tx) => {
		const period = loadPeriod(db, periodId, locale);
		checkVersion(period, expectedVersion, locale);
		const next = check(period, 'approve', user, input, locale);
		checkReviewer(db, user, period, locale);
		const meetingDate = input.meetingDate.trim();
		const paragraph = input.paragraph.trim();
		db.$client
			.prepare('INSERT OR REPLACE INTO period_approval (period_id, meeting_date, paragraph, approved_by) VALUES (?, ?, ?, ?)')
			.run(periodId, meetingDate, paragraph, user.id);
		writeAudit(tx, actorOf(user), {
			action: 'approve',
			entity: 'follow_up_period',
			entityId: periodId,
			new: { meetingDate, paragraph }
		});
		setState(db, tx, actorOf(user), period, next, `Godkänd vid sammanträdet ${meetingDate}, ${paragraph}`);
	});
}

/** Publish an approved period: the public site and the API show it from now on. */
export function publish(db: Db, user: SessionUser, periodId: number, expectedVersion: number, locale: Locale = 'sv'): void {
	db.transaction((tx) => {
		const period = loadPeriod(db, periodId, locale);
		checkVersion(period, expectedVersion, locale);
		const next = check(period, 'publish', user, {}, locale);
		checkReviewer(db, user, period, locale);
		db.$client
			.prepare(`UPDATE period_approval SET published_by = ?, published_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE period_id = ?`)
			.run(user.id, periodId);
		writeAudit(tx, actorOf(user), { action: 'publish', entity: 'follow_up_period', entityId: periodId });
		setState(db, tx, actorOf(user), period, next);
	});
}

/**
 * Reopen an approved or published period (admins, with a written reason). The approval is removed and the
 * ready marks too: the förvaltning reports again and marks what is ready. A published period leaves the
 * public site until it is published again.
 */
export function reopen(db: Db, user: SessionUser, periodId: number, expectedVersion: number, reason: string, locale: Locale = 'sv'): void {
	db.transaction((tx) => {
		const period = loadPeriod(db, periodId, locale);
		checkVersion(period, expectedVersion, locale);
		const next = check(period, 'reopen', user, { reason }, locale);
		const approval = db.$client.prepare('SELECT * FROM period_approval WHERE period_id = ?').get(periodId) as Row | undefined;
		db.$client.prepare('DELETE FROM period_approval WHERE period_id = ?').run(periodId);
		const marks = db.$client.prepare('DELETE FROM review_ready_mark WHERE period_id = ?').run(periodId);
		writeAudit(tx, actorOf(user), {
			action: 'reopen',
			entity: 'follow_up_period',
			entityId: periodId,
			old: { state: period.state, approval: approval ?? null, readyMarks: marks.changes },
			note: reason.trim()
		});
		setState(db, tx, actorOf(user), period, next);
	});
}

/** A reviewer's comment on a goal, avsnitt, uppdrag or indicator of the period (never public). */
export function addComment(
	db: Db,
	user: SessionUser,
	periodId: number,
	subject: { kind: CommentSubject; id: number },
	body: string,
	locale: Locale = 'sv'
): number {
	return db.transaction((tx) => {
		const period = loadPeriod(db, periodId, locale);
		check(period, 'comment', user, {}, locale);
		const target = itemTarget(db, period.planId, subject);
		if (!target) throw new WorkflowError('notFound', locale);
		if (!mayReview(user, target)) throw new WorkflowError('scope', locale);
		const text = body.trim();
		if (text.length === 0 || text.length > 4000) throw new WorkflowError('body', locale);
		const id = Number(
			db.$client
				.prepare('INSERT INTO review_comment (period_id, subject_kind, subject_id, user_id, author_name, body) VALUES (?, ?, ?, ?, ?, ?)')
				.run(periodId, subject.kind, subject.id, user.id, user.name, text).lastInsertRowid
		);
		writeAudit(tx, actorOf(user), {
			action: 'comment',
			entity: 'review_comment',
			entityId: id,
			new: { period: periodId, subject: `${subject.kind}:${subject.id}`, body: text }
		});
		return id;
	});
}

export interface ReviewComment {
	id: number;
	subjectKind: CommentSubject;
	subjectId: number;
	authorName: string;
	body: string;
	createdAt: string;
}

/** The reviewers' comments of a period, oldest first (for signed-in editors, reviewers and admins only). */
export function reviewComments(db: Db, periodId: number): ReviewComment[] {
	return (
		db.$client
			.prepare('SELECT * FROM review_comment WHERE period_id = ? ORDER BY created_at, id')
			.all(periodId) as Row[]
	).map((r) => ({
		id: r.id as number,
		subjectKind: r.subject_kind as CommentSubject,
		subjectId: r.subject_id as number,
		authorName: r.author_name as string,
		body: r.body as string,
		createdAt: r.created_at as string
	}));
}

export interface ApprovalView {
	meetingDate: string;
	paragraph: string;
	approvedAt: string;
	approvedBy: string | null;
	publishedAt: string | null;
}

export function approvalOf(db: Db, periodId: number): ApprovalView | null {
	const r = db.$client
		.prepare(
			`SELECT a.*, u.name AS approver FROM period_approval a LEFT JOIN user u ON u.id = a.approved_by WHERE a.period_id = ?`
		)
		.get(periodId) as Row | undefined;
	if (!r) return null;
	return {
		meetingDate: r.meeting_date as string,
		paragraph: r.paragraph as string,
		approvedAt: r.approved_at as string,
		approvedBy: (r.approver as string) ?? null,
		publishedAt: (r.published_at as string) ?? null
	};
}

/** The period's workflow history from the audit log, newest first. */
export function periodHistory(db: Db, periodId: number) {
	return (
		db.$client
			.prepare(
				`SELECT a.at, a.action, a.note, a.new, a.old, u.name FROM audit_log a LEFT JOIN user u ON u.id = a.user_id
				 WHERE a.entity = 'follow_up_period' AND a.entity_id = ? ORDER BY a.id DESC LIMIT 50`
			)
			.all(String(periodId)) as Row[]
	).map((r) => ({
		at: r.at as string,
		action: r.action as string,
		note: (r.note as string) ?? null,
		by: (r.name as string) ?? null,
		detail: r.new ? (JSON.parse(r.new as string) as Record<string, unknown>) : null
	}));
}
