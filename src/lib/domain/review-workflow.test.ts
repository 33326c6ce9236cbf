import { describe, expect, it } from 'vitest';
import {
	decide,
	isIsoDate,
	isLockedState,
	PERIOD_STATES,
	refusalMessage,
	stateFromMarks,
	type ActionInput,
	type PeriodState,
	type WorkflowAction,
	type WorkflowRole
} from './review-workflow';

const approval: ActionInput = { meetingDate: '2020-02-18', paragraph: '§ 12, Dnr 20RS263' };
const reason: ActionInput = { reason: 'Ett utfall var fel inläst och måste rättas.' };

describe('decide', () => {
	it.each<[PeriodState, WorkflowAction, WorkflowRole, ActionInput, PeriodState | string]>([
		// Editors mark while the period is open or ready, never once it is locked.
		['open', 'markReady', 'editor', {}, 'open'],
		['ready', 'unmarkReady', 'editor', {}, 'ready'],
		['approved', 'markReady', 'editor', {}, 'locked'],
		['published', 'unmarkReady', 'admin', {}, 'locked'],
		['open', 'markReady', 'reviewer', {}, 'role'],
		// Approval: only a ready period, only reviewers and admins, with meeting date and paragraph.
		['ready', 'approve', 'reviewer', approval, 'approved'],
		['ready', 'approve', 'admin', approval, 'approved'],
		['ready', 'approve', 'editor', approval, 'role'],
		['open', 'approve', 'reviewer', approval, 'notReady'],
		['approved', 'approve', 'reviewer', approval, 'locked'],
		['ready', 'approve', 'reviewer', { ...approval, meetingDate: '18/2 2020' }, 'meetingDate'],
		['ready', 'approve', 'reviewer', { ...approval, meetingDate: '2020-02-30' }, 'meetingDate'],
		['ready', 'approve', 'reviewer', { ...approval, paragraph: ' ' }, 'paragraph'],
		// Publishing follows approval.
		['approved', 'publish', 'reviewer', {}, 'published'],
		['ready', 'publish', 'reviewer', {}, 'notApproved'],
		['published', 'publish', 'admin', {}, 'notApproved'],
		['approved', 'publish', 'editor', {}, 'role'],
		// Reopening: admin only, with a written reason, from a locked state.
		['approved', 'reopen', 'admin', reason, 'open'],
		['published', 'reopen', 'admin', reason, 'open'],
		['published', 'reopen', 'reviewer', reason, 'role'],
		['published', 'reopen', 'admin', { reason: 'fel' }, 'reason'],
		['open', 'reopen', 'admin', reason, 'notLocked'],
		// Reviewers comment in every state; editors do not.
		['published', 'comment', 'reviewer', {}, 'published'],
		['open', 'comment', 'editor', {}, 'role']
	])('%s + %s by %s → %s', (state, action, role, input, expected) => {
		const d = decide(state, action, role, input);
		expect(d.ok ? d.next : d.refusal).toBe(expected);
	});

	it('has a Swedish message for every refusal', () => {
		expect(refusalMessage('locked')).toMatch(/låst/);
		expect(refusalMessage('reason', 'en')).toMatch(/reason/);
	});
});

describe('stateFromMarks', () => {
	it.each([
		[0, 0, 'open'],
		[0, 5, 'open'],
		[4, 5, 'open'],
		[5, 5, 'ready']
	])('%i of %i ready → %s', (ready, total, state) => expect(stateFromMarks(ready, total)).toBe(state));
});

describe('isLockedState', () => {
	it('locks approved and published only', () => {
		expect(PERIOD_STATES.filter(isLockedState)).toEqual(['approved', 'published']);
	});
});

describe('isIsoDate', () => {
	it.each([
		['2020-02-18', true],
		['2020-02-29', true],
		['2019-02-29', false],
		['2020-2-18', false],
		['', false]
	])('%s → %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});
