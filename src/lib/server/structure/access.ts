/**
 * Who may change which part of the structure. Admins may change everything; editors only inside their
 * scopes (an organisation, a plan or a goal subtree), using the same rule as requireRole. Reviewers and
 * signed-out visitors change nothing. Every mutation in this folder calls one of these first, inside its
 * transaction, so the rule holds whatever the route did.
 */
import type { Db } from '../db/client';
import { allowed, goalTarget, planTarget, type Target } from '../auth/guard';
import type { SessionUser } from '../auth/sessions';
import { forbidden, notFound } from './errors';

const EDITORS = ['editor'] as const;

export function mayChange(user: SessionUser, target: Target | null): boolean {
	return target !== null && allowed(user, EDITORS, target);
}

export function assertMay(user: SessionUser, target: Target | null): void {
	if (!target) throw notFound({ sv: 'Det finns inte.', en: 'It does not exist.' });
	if (!allowed(user, EDITORS, target)) throw forbidden();
}

/** Creating a plan takes the whole organisation (or admin): a plan or goal scope is not enough. */
export function assertMayCreatePlan(user: SessionUser, organisationId: number): void {
	if (!allowed(user, EDITORS, { organisationId })) throw forbidden();
}

/** The target of "inside this plan, under this goal (or at the top)". */
export function placeTarget(db: Db, planId: number, parentGoalId: number | null): Target | null {
	return parentGoalId == null ? planTarget(db, planId) : goalTarget(db, parentGoalId);
}

/**
 * An indicator is shared: an editor may change it when its owning organisation is in their scope, or when
 * it is linked to at least one goal and every goal it is linked to is in their scope.
 */
export function mayChangeIndicator(db: Db, user: SessionUser, indicatorId: number): boolean {
	if (user.role === 'admin') return true;
	const row = db.$client.prepare('SELECT organisation_id FROM indicator WHERE id = ?').get(indicatorId) as
		| { organisation_id: number | null }
		| undefined;
	if (!row) return false;
	if (row.organisation_id != null && mayChange(user, { organisationId: row.organisation_id })) return true;
	const goals = db.$client.prepare('SELECT goal_id FROM goal_indicator WHERE indicator_id = ?').all(indicatorId) as { goal_id: number }[];
	return goals.length > 0 && goals.every((g) => mayChange(user, goalTarget(db, g.goal_id)));
}

export function assertMayChangeIndicator(db: Db, user: SessionUser, indicatorId: number): void {
	const exists = db.$client.prepare('SELECT 1 FROM indicator WHERE id = ?').get(indicatorId);
	if (!exists) throw notFound({ sv: 'Indikatorn finns inte.', en: 'The indicator does not exist.' });
	if (!mayChangeIndicator(db, user, indicatorId)) throw forbidden();
}
