/**
 * Authorization: the one place role logic lives. Every form action and every mutating endpoint calls
 * `requireUser` or `requireRole` first (tests/unit/authorization-coverage.test.ts checks that they do).
 *
 * Roles: admin may do everything, including accounts. editor may change what lies inside their scopes
 * (an organisation, a plan or a goal subtree). reviewer sees drafts, comments and approves (next issue).
 * Anyone not signed in sees published data only.
 */
import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { goal, plan } from '../db/schema';
import type { Role } from '../db/schema-auth';
import type { Scope, SessionUser } from './sessions';

interface HasUser {
	user?: SessionUser | null;
}

/** Where something lives, for scope checks: its organisation, plan and goal path (root first). */
export interface Target {
	organisationId: number;
	planId?: number;
	goalPath?: number[];
}

/** 401 unless someone is signed in. */
export function requireUser(locals: HasUser): SessionUser {
	if (!locals.user) error(401, 'Du behöver logga in.');
	return locals.user;
}

/** For pages: send a signed-out visitor to the sign-in page and back here afterwards. */
export function requireUserOrRedirect(locals: HasUser, url: URL): SessionUser {
	if (!locals.user) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

/** Whether a scope covers a target. */
export function scopeCovers(scope: Scope, target: Target): boolean {
	if (scope.kind === 'organisation') return scope.id === target.organisationId;
	if (scope.kind === 'plan') return scope.id === target.planId;
	return target.goalPath?.includes(scope.id) ?? false;
}

/** The pure decision behind requireRole. */
export function allowed(user: SessionUser | null | undefined, roles: Role | readonly Role[], target?: Target): boolean {
	if (!user) return false;
	if (user.role === 'admin') return true;
	const list: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
	if (!list.includes(user.role)) return false;
	if (!target) return true;
	return user.scopes.some((s) => scopeCovers(s, target));
}

/**
 * 401 when signed out; 403 unless the user has one of the roles (admins always pass) and, when a target
 * is given, a scope that covers it.
 */
export function requireRole(locals: HasUser, roles: Role | readonly Role[], target?: Target): SessionUser {
	const user = requireUser(locals);
	if (!allowed(user, roles, target)) error(403, 'Du har inte behörighet att göra det här.');
	return user;
}

/** The target for a plan. */
export function planTarget(db: Db, planId: number): Target | null {
	const p = db.select({ id: plan.id, org: plan.organisationId }).from(plan).where(eq(plan.id, planId)).get();
	return p ? { organisationId: p.org, planId: p.id } : null;
}

/** The target for a goal: its plan, organisation and the path of goal ids from the root down to it. */
export function goalTarget(db: Db, goalId: number): Target | null {
	const path: number[] = [];
	let planId: number | undefined;
	let id: number | null = goalId;
	while (id != null && path.length < 100) {
		const g = db.select({ id: goal.id, parent: goal.parentId, plan: goal.planId }).from(goal).where(eq(goal.id, id)).get();
		if (!g) return null;
		path.unshift(g.id);
		planId = g.plan;
		id = g.parent;
	}
	const p = planId == null ? null : planTarget(db, planId);
	return p ? { ...p, goalPath: path } : null;
}
