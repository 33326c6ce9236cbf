/**
 * The review workflow against the real migrations and the Örebro 2019 demo: scope, role, optimistic locking,
 * the lock on approved periods and the audit entries written with each step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/client';
import { seedDemo } from '../seed';
import type { SessionUser } from '../auth/sessions';
import {
	addComment,
	approvalOf,
	approve,
	isPeriodLocked,
	markReady,
	publish,
	readiness,
	reopen,
	reviewComments,
	unmarkReady,
	WorkflowError
} from './workflow';

let db: Db;
let periodId: number;
let planId: number;
let avsnitt: number[];
let otherPlanIndicator: number;

const admin: SessionUser = { id: 1, email: 'a@x.se', name: 'Admin', role: 'admin', scopes: [] };
const reviewer: SessionUser = { id: 2, email: 'r@x.se', name: 'Granskare', role: 'reviewer', scopes: [] };
let planEditor: SessionUser;
let avsnittEditor: SessionUser;

const q = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as T;
const period = () => q<{ state: string; version: number }>('SELECT state, version FROM follow_up_period WHERE id = ?', periodId);
const audits = () => q<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE entity = 'follow_up_period' AND entity_id = ?`, String(periodId)).n;

function refusal(fn: () => unknown): string {
	try {
		fn();
	} catch (e) {
		if (e instanceof WorkflowError) return e.problem;
		throw e;
	}
	return 'no refusal';
}

beforeAll(() => {
	db = createDb(':memory:');
	seedDemo(db);
	const p = q<{ id: number; plan_id: number }>(
		`SELECT f.id, f.plan_id FROM follow_up_period f JOIN plan p ON p.id = f.plan_id WHERE p.slug = 'rtn-verksamhetsplan-2019'`
	);
	periodId = p.id;
	planId = p.plan_id;
	avsnitt = (db.$client.prepare('SELECT id FROM goal WHERE plan_id = ? AND depth = 0 ORDER BY sort_order').all(planId) as { id: number }[]).map((r) => r.id);
	otherPlanIndicator = q<{ indicator_id: number }>(
		'SELECT gi.indicator_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id != ? AND gi.indicator_id NOT IN (SELECT gi2.indicator_id FROM goal_indicator gi2 JOIN goal g2 ON g2.id = gi2.goal_id WHERE g2.plan_id = ?) LIMIT 1',
		planId,
		planId
	).indicator_id;
	planEditor = { id: 3, email: 'e@x.se', name: 'Redaktör', role: 'editor', scopes: [{ kind: 'plan', id: planId }] };
	avsnittEditor = { id: 4, email: 'f@x.se', name: 'Avsnittsredaktör', role: 'editor', scopes: [{ kind: 'goal', id: avsnitt[0] }] };
});

describe('the review workflow on Örebro helår 2019', () => {
	it('starts published (the demo stays public) and locked', () => {
		expect(period().state).toBe('published');
		expect(isPeriodLocked(db, periodId)).toBe(true);
		expect(refusal(() => markReady(db, planEditor, periodId, { kind: 'goal', id: avsnitt[0] }))).toBe('locked');
	});

	it('reopening needs an admin, the current version and a written reason; it is in the history', () => {
		const { version } = period();
		expect(refusal(() => reopen(db, reviewer, periodId, version, 'Utfallen ska rättas.'))).toBe('role');
		expect(refusal(() => reopen(db, admin, periodId, version, 'kort'))).toBe('reason');
		expect(refusal(() => reopen(db, admin, periodId, version - 1, 'Utfallen ska rättas.'))).toBe('stale');
		const before = audits();
		reopen(db, admin, periodId, version, 'Utfallen ska rättas.');
		expect(period()).toEqual({ state: 'open', version: version + 1 });
		expect(isPeriodLocked(db, periodId)).toBe(false);
		expect(audits()).toBe(before + 2);
		const entry = q<{ note: string; user_id: number }>(
			`SELECT note, user_id FROM audit_log WHERE action = 'reopen' AND entity_id = ? ORDER BY id DESC`,
			String(periodId)
		);
		expect(entry).toEqual({ note: 'Utfallen ska rättas.', user_id: admin.id });
	});

	it('an editor marks only inside their scope; marking an avsnitt marks its goals and uppdrag', () => {
		expect(refusal(() => markReady(db, avsnittEditor, periodId, { kind: 'goal', id: avsnitt[1] }))).toBe('scope');
		expect(refusal(() => markReady(db, reviewer, periodId, { kind: 'goal', id: avsnitt[0] }))).toBe('role');
		const n = markReady(db, avsnittEditor, periodId, { kind: 'goal', id: avsnitt[0] });
		const below = q<{ n: number }>(
			`SELECT (SELECT count(*) FROM goal WHERE id = @a OR parent_id = @a OR parent_id IN (SELECT id FROM goal WHERE parent_id = @a))
			      + (SELECT count(*) FROM uppdrag WHERE goal_id = @a) AS n`,
			{ a: avsnitt[0] }
		).n;
		expect(n).toBe(below);
		expect(period().state).toBe('open');
		// Marking again writes nothing new.
		expect(markReady(db, avsnittEditor, periodId, { kind: 'goal', id: avsnitt[0] })).toBe(0);
	});

	it('the period is ready when every item is, and back to open when one is unmarked', () => {
		for (const id of avsnitt.slice(1)) markReady(db, planEditor, periodId, { kind: 'goal', id });
		const { ready, total } = readiness(db, periodId, planId);
		expect(ready).toBe(total);
		expect(total).toBeGreaterThan(40);
		expect(period().state).toBe('ready');
		const u = q<{ id: number }>('SELECT id FROM uppdrag WHERE plan_id = ? LIMIT 1', planId).id;
		unmarkReady(db, planEditor, periodId, { kind: 'uppdrag', id: u });
		expect(period().state).toBe('open');
		markReady(db, planEditor, periodId, { kind: 'uppdrag', id: u });
		expect(period().state).toBe('ready');
	});

	it('approval: reviewer, current version, meeting date and paragraph; refused steps write nothing', () => {
		const { version } = period();
		const before = audits();
		expect(refusal(() => approve(db, planEditor, periodId, version, { meetingDate: '2020-02-18', paragraph: '§ 12' }))).toBe('role');
		expect(refusal(() => approve(db, reviewer, periodId, version, { meetingDate: '18 februari', paragraph: '§ 12' }))).toBe('meetingDate');
		expect(refusal(() => approve(db, reviewer, periodId, version, { meetingDate: '2020-02-18', paragraph: '' }))).toBe('paragraph');
		expect(refusal(() => approve(db, reviewer, periodId, version + 1, { meetingDate: '2020-02-18', paragraph: '§ 12' }))).toBe('stale');
		expect(audits()).toBe(before);
		approve(db, reviewer, periodId, version, { meetingDate: '2020-02-18', paragraph: '§ 12, Dnr 20RS263' });
		expect(period().state).toBe('approved');
		expect(approvalOf(db, periodId)).toMatchObject({ meetingDate: '2020-02-18', paragraph: '§ 12, Dnr 20RS263', publishedAt: null });
		expect(audits()).toBe(before + 2);
	});

	it('an approved period is locked: marks and edits are refused with a clear message', () => {
		expect(isPeriodLocked(db, periodId)).toBe(true);
		try {
			unmarkReady(db, planEditor, periodId, { kind: 'goal', id: avsnitt[0] });
			expect.unreachable();
		} catch (e) {
			expect((e as Error).message).toMatch(/godkänd och därmed låst/);
		}
	});

	it('a reviewer scoped to another plan may not publish; the reviewer publishes', () => {
		const { version } = period();
		const elsewhere: SessionUser = { ...reviewer, id: 5, scopes: [{ kind: 'plan', id: planId + 1000 }] };
		expect(refusal(() => publish(db, elsewhere, periodId, version))).toBe('scope');
		publish(db, reviewer, periodId, version);
		expect(period().state).toBe('published');
		expect(approvalOf(db, periodId)?.publishedAt).toMatch(/^\d{4}-/);
	});

	it('reviewers comment on goals, uppdrag and indicators of the plan; others are refused', () => {
		const goalId = avsnitt[2];
		const indicatorId = q<{ indicator_id: number }>(
			'SELECT gi.indicator_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ? LIMIT 1',
			planId
		).indicator_id;
		addComment(db, reviewer, periodId, { kind: 'goal', id: goalId }, 'Varför är målet inte bedömt?');
		addComment(db, reviewer, periodId, { kind: 'indicator', id: indicatorId }, 'Källa saknas.');
		expect(refusal(() => addComment(db, planEditor, periodId, { kind: 'goal', id: goalId }, 'Hej'))).toBe('role');
		expect(refusal(() => addComment(db, reviewer, periodId, { kind: 'goal', id: goalId }, '   '))).toBe('body');
		expect(refusal(() => addComment(db, reviewer, periodId, { kind: 'indicator', id: otherPlanIndicator }, 'Fel plan'))).toBe('notFound');
		expect(reviewComments(db, periodId).map((c) => [c.subjectKind, c.body, c.authorName])).toEqual([
			['goal', 'Varför är målet inte bedömt?', 'Granskare'],
			['indicator', 'Källa saknas.', 'Granskare']
		]);
	});

	it('the audit log holds every step in order', () => {
		const actions = (
			db.$client
				.prepare(`SELECT action FROM audit_log WHERE entity = 'follow_up_period' AND entity_id = ? ORDER BY id`)
				.all(String(periodId)) as { action: string }[]
		).map((r) => r.action);
		expect(actions[0]).toBe('reopen');
		expect(actions).toContain('mark-ready');
		expect(actions).toContain('unmark-ready');
		expect(actions.slice(-4)).toEqual(['approve', 'set-state', 'publish', 'set-state']);
	});
});
