/**
 * Who may edit what, for reporting: an editor's scope (organisation, plan or goal subtree) must cover the
 * subject. An indicator is covered when any goal of the plan that links it is covered; an uppdrag through
 * its goal, or its plan when it has none. Admins may edit everything (guard.allowed).
 */
import type { Db } from '../db/client';
import { allowed, goalTarget, planTarget, scopeCovers, type Target } from '../auth/guard';
import type { SessionUser } from '../auth/sessions';
import type { SubjectKind } from '../db/schema-drafts';

export const EDIT_ROLES = ['editor'] as const;

export function indicatorTargets(db: Db, indicatorId: number, planId: number): Target[] {
	const goals = db.$client
		.prepare('SELECT gi.goal_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE gi.indicator_id = ? AND g.plan_id = ?')
		.all(indicatorId, planId) as { goal_id: number }[];
	return goals.map((g) => goalTarget(db, g.goal_id)).filter((t): t is Target => t !== null);
}

export function subjectTargets(db: Db, kind: SubjectKind, id: number, planId: number): Target[] {
	if (kind === 'indicator') return indicatorTargets(db, id, planId);
	if (kind === 'goal') {
		const t = goalTarget(db, id);
		return t && t.planId === planId ? [t] : [];
	}
	const u = db.$client.prepare('SELECT plan_id, goal_id FROM uppdrag WHERE id = ?').get(id) as { plan_id: number; goal_id: number | null } | undefined;
	if (!u || u.plan_id !== planId) return [];
	const t = u.goal_id ? goalTarget(db, u.goal_id) : planTarget(db, u.plan_id);
	return t ? [t] : [];
}

/** May this user edit the subject within the plan? False when the subject is not part of the plan. */
export function mayEdit(user: SessionUser | null | undefined, targets: Target[]): boolean {
	return targets.some((t) => allowed(user, EDIT_ROLES, t));
}

/**
 * May this user see the plan's unpublished work (drafts, their preview, the history of its values and
 * assessments)? Admins; editors whose scope reaches into the plan (its organisation, the plan, or a goal of
 * it); reviewers likewise, and reviewers without a scope (they review every plan, review/workflow.ts).
 */
export function maySeeDrafts(db: Db, user: SessionUser | null | undefined, planId: number): boolean {
	if (!user) return false;
	if (user.role === 'admin') return true;
	if (user.role === 'reviewer' && user.scopes.length === 0) return true;
	const plan = planTarget(db, planId);
	if (!plan) return false;
	return user.scopes.some((s) => {
		if (s.kind !== 'goal') return scopeCovers(s, plan);
		// A goal scope reaches into the plan its goal belongs to.
		const g = db.$client.prepare('SELECT plan_id FROM goal WHERE id = ?').get(s.id) as { plan_id: number } | undefined;
		return g?.plan_id === planId;
	});
}
