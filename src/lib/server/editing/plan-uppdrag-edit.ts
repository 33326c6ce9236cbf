/**
 * The uppdrag of a plan that hang on no goal (the structure allows them, e.g. an assignment from the council to
 * the whole nämnd): reported on their own page, since no goal page lists them.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { planTarget } from '../auth/guard';
import { getReportingPeriod, isLocked, type ReportingPeriod } from './period';
import { mayEdit } from './scope';
import { assessmentState, subjectId } from './assessment-drafts';
import type { EditUppdrag } from './goal-edit';

export interface PlanUppdragEdit {
	period: ReportingPeriod;
	locked: boolean;
	mayEdit: boolean;
	plan: { name: string; slug: string; orgSlug: string };
	uppdrag: EditUppdrag[];
}

export const uppdragLabel = (u: { label: string | null; number: string | null }) => u.label ?? (u.number ? `Uppdrag ${u.number}.` : 'Uppdrag');

export function planUppdragEdit(db: Db, user: SessionUser, periodId: number): PlanUppdragEdit | null {
	const period = getReportingPeriod(db, periodId);
	if (!period) return null;
	const plan = db.$client
		.prepare('SELECT p.name, p.slug, o.slug AS org FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?')
		.get(period.planId) as { name: string; slug: string; org: string };
	const target = planTarget(db, period.planId);
	const rows = db.$client
		.prepare('SELECT id, label, number, text FROM uppdrag WHERE plan_id = ? AND goal_id IS NULL AND archived = 0 ORDER BY sort_order, id')
		.all(period.planId) as { id: number; label: string | null; number: string | null; text: string }[];
	return {
		period,
		locked: isLocked(db, period),
		mayEdit: !!target && mayEdit(user, [target]),
		plan: { name: plan.name, slug: plan.slug, orgSlug: plan.org },
		uppdrag: rows.map((u) => ({
			id: u.id,
			label: uppdragLabel(u),
			text: u.text,
			assessment: assessmentState(db, { periodId, kind: 'uppdrag', id: u.id }),
			assessmentKey: subjectId({ periodId, kind: 'uppdrag', id: u.id })
		}))
	};
}
