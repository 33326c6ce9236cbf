/**
 * What the reporting page of one goal shows for a period: the goal's own assessment, each linked indicator's
 * value for the period it reports (per sex where the indicator has them) with the computed colour and its
 * reason, and the goal's uppdrag — each with its published state, its draft and whether the user may edit it.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import type { Sex, Colour, Trend, PeriodKind } from '../../domain/types';
import { reportedPeriod } from '../../domain/period';
import { goalTarget } from '../auth/guard';
import { getReportingPeriod, isLocked, type ReportingPeriod } from './period';
import { mayEdit } from './scope';
import { observationState, keyId, type ObservationState } from './observation-drafts';
import { assessmentState, subjectId, type AssessmentState } from './assessment-drafts';
import { computedWithDrafts } from './draft-colour';

export interface EditIndicator {
	id: number;
	name: string;
	unit: string | null;
	decimals: number;
	period: string;
	target: string | null;
	values: { sex: Sex; key: string; state: ObservationState }[];
	assessment: AssessmentState;
	assessmentKey: string;
	trend: Trend | null;
	computedColour: Colour | null;
	explanation: { sv: string; en: string } | null;
	/** The colour, reason and trend come from the unpublished value (what publishing it would give). */
	computedFromDraft: boolean;
}

export interface EditUppdrag {
	id: number;
	label: string;
	text: string;
	assessment: AssessmentState;
	assessmentKey: string;
}

export interface GoalEdit {
	period: ReportingPeriod;
	locked: boolean;
	mayEdit: boolean;
	plan: { name: string; slug: string; orgSlug: string };
	goal: { id: number; label: string | null; number: string | null; title: string; path: string[] };
	assessment: AssessmentState;
	assessmentKey: string;
	indicators: EditIndicator[];
	uppdrag: EditUppdrag[];
}

export function goalEdit(db: Db, user: SessionUser, periodId: number, goalId: number): GoalEdit | null {
	const sqlite = db.$client;
	const period = getReportingPeriod(db, periodId);
	const g = sqlite.prepare('SELECT id, plan_id, label, number, title FROM goal WHERE id = ?').get(goalId) as { id: number; plan_id: number; label: string | null; number: string | null; title: string } | undefined;
	if (!period || !g || g.plan_id !== period.planId) return null;
	const target = goalTarget(db, goalId);
	const plan = sqlite.prepare('SELECT p.name, p.slug, o.slug AS org FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?').get(period.planId) as { name: string; slug: string; org: string };
	const path = (target?.goalPath ?? []).slice(0, -1).map((id) => {
		const a = sqlite.prepare('SELECT label, number, title FROM goal WHERE id = ?').get(id) as { label: string | null; number: string | null; title: string };
		return [a.label ?? a.number, a.title].filter(Boolean).join(' ');
	});
	const indicators = sqlite
		.prepare(
			`SELECT i.id, i.name, i.unit, i.decimals, i.frequency FROM goal_indicator gi JOIN indicator i ON i.id = gi.indicator_id
			 WHERE gi.goal_id = ? AND i.archived = 0 ORDER BY gi.sort_order, i.id`
		)
		.all(goalId) as { id: number; name: string; unit: string | null; decimals: number; frequency: PeriodKind | 'irregular' }[];
	const hasSex = sqlite.prepare("SELECT 1 FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex <> 'T' LIMIT 1");
	const targetStmt = sqlite.prepare('SELECT wording FROM target WHERE indicator_id = ? AND (goal_id IS NULL OR goal_id = ?) ORDER BY rank, goal_id IS NULL, id LIMIT 1');
	const geo = period.geographyId;
	const fromDrafts = computedWithDrafts(db, period.planId, periodId, indicators.map((i) => i.id));
	return {
		period,
		locked: isLocked(db, period),
		mayEdit: !!target && mayEdit(user, [target]),
		plan: { name: plan.name, slug: plan.slug, orgSlug: plan.org },
		goal: { id: g.id, label: g.label, number: g.number, title: g.title, path },
		assessment: assessmentState(db, { periodId, kind: 'goal', id: goalId }),
		assessmentKey: subjectId({ periodId, kind: 'goal', id: goalId }),
		indicators:
			geo == null
				? []
				: indicators.map((i) => {
						const code = reportedPeriod(i.frequency, period.endDate).code;
						const sexes: Sex[] = hasSex.get(i.id, geo) ? ['T', 'K', 'M'] : ['T'];
						const subject = { periodId, kind: 'indicator' as const, id: i.id };
						const assessment = assessmentState(db, subject);
						const trend = sqlite.prepare('SELECT trend FROM assessment WHERE period_id = ? AND indicator_id = ?').get(periodId, i.id) as { trend: Trend | null } | undefined;
						const drafted = fromDrafts.get(i.id);
						return {
							id: i.id,
							name: i.name,
							unit: i.unit,
							decimals: i.decimals,
							period: code,
							target: (targetStmt.get(i.id, goalId) as { wording: string } | undefined)?.wording ?? null,
							values: sexes.map((sex) => {
								const key = { indicatorId: i.id, geographyId: geo, sex, period: code };
								return { sex, key: keyId(key), state: observationState(db, key) };
							}),
							assessment,
							assessmentKey: subjectId(subject),
							trend: drafted ? drafted.trend : (trend?.trend ?? null),
							computedColour: drafted ? drafted.computedColour : (assessment.published?.computedColour ?? null),
							explanation: drafted ? drafted.explanation : (assessment.published?.explanation ?? null),
							computedFromDraft: !!drafted
						};
					}),
		uppdrag: (sqlite.prepare('SELECT id, label, number, text FROM uppdrag WHERE goal_id = ? AND archived = 0 ORDER BY sort_order, id').all(goalId) as { id: number; label: string | null; number: string | null; text: string }[]).map((u) => ({
			id: u.id,
			label: u.label ?? (u.number ? `Uppdrag ${u.number}.` : 'Uppdrag'),
			text: u.text,
			assessment: assessmentState(db, { periodId, kind: 'uppdrag', id: u.id }),
			assessmentKey: subjectId({ periodId, kind: 'uppdrag', id: u.id })
		}))
	};
}
