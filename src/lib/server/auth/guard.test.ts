import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { seededDb } from '../../../../tests/helpers/db';
import { goal, plan } from '../db/schema';
import { allowed, goalTarget, planTarget, requireRole, requireUser, requireUserOrRedirect, type Target } from './guard';
import type { SessionUser } from './sessions';

const person = (role: SessionUser['role'], scopes: SessionUser['scopes'] = []): SessionUser => ({
	id: 1,
	email: 'x@y.se',
	name: 'X',
	role,
	scopes
});
const target: Target = { organisationId: 1, planId: 10, goalPath: [100, 101, 102] };

describe('allowed', () => {
	it.each([
		['nobody', null, 'editor', target, false],
		['admin, anything', person('admin'), 'editor', target, true],
		['admin, admin-only', person('admin'), 'admin', undefined, true],
		['editor, admin-only', person('editor', [{ kind: 'organisation', id: 1 }]), 'admin', undefined, false],
		['editor of the organisation', person('editor', [{ kind: 'organisation', id: 1 }]), 'editor', target, true],
		['editor of another organisation', person('editor', [{ kind: 'organisation', id: 2 }]), 'editor', target, false],
		['editor of the plan', person('editor', [{ kind: 'plan', id: 10 }]), 'editor', target, true],
		['editor of another plan', person('editor', [{ kind: 'plan', id: 11 }]), 'editor', target, false],
		['editor of an ancestor goal', person('editor', [{ kind: 'goal', id: 101 }]), 'editor', target, true],
		['editor of a sibling goal', person('editor', [{ kind: 'goal', id: 103 }]), 'editor', target, false],
		['editor, no target given', person('editor', [{ kind: 'goal', id: 103 }]), 'editor', undefined, true],
		['reviewer where editor needed', person('reviewer', [{ kind: 'plan', id: 10 }]), 'editor', target, false],
		['reviewer in a list', person('reviewer', [{ kind: 'plan', id: 10 }]), ['editor', 'reviewer'], target, true]
	] as const)('%s → %s', (_, user, roles, t, expected) => {
		expect(allowed(user, roles, t)).toBe(expected);
	});
});

describe('requireUser / requireRole', () => {
	const status = (fn: () => unknown) => {
		try {
			fn();
			return 200;
		} catch (e) {
			if (isHttpError(e)) return e.status;
			throw e;
		}
	};
	it('throw 401 when signed out and 403 without the role', () => {
		expect(status(() => requireUser({}))).toBe(401);
		expect(status(() => requireRole({ user: null }, 'admin'))).toBe(401);
		expect(status(() => requireRole({ user: person('editor') }, 'admin'))).toBe(403);
		expect(status(() => requireRole({ user: person('editor', [{ kind: 'plan', id: 11 }]) }, 'editor', target))).toBe(403);
		expect(requireRole({ user: person('admin') }, 'admin').role).toBe('admin');
	});
	it('redirects a signed-out page visit to the sign-in page with the way back', () => {
		try {
			requireUserOrRedirect({}, new URL('http://x/admin/anvandare?a=1'));
			expect.unreachable();
		} catch (e) {
			expect(isRedirect(e) && e.location).toBe('/logga-in?next=%2Fadmin%2Fanvandare%3Fa%3D1');
		}
	});
});

describe('targets from the database', () => {
	it('give a goal its plan, organisation and path from the root', () => {
		const db = seededDb();
		const child = db.select().from(goal).all().find((g) => g.parentId != null)!;
		const t = goalTarget(db, child.id)!;
		const p = db.select().from(plan).all().find((x) => x.id === child.planId)!;
		expect(t.planId).toBe(p.id);
		expect(t.organisationId).toBe(p.organisationId);
		expect(t.goalPath!.at(-1)).toBe(child.id);
		expect(t.goalPath!).toContain(child.parentId);
		expect(planTarget(db, p.id)).toEqual({ organisationId: p.organisationId, planId: p.id });
		expect(goalTarget(db, 999999)).toBeNull();
	});
});
