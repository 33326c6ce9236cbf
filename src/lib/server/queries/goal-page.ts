/**
 * One goal of a plan for a period: its place in the tree (ancestors), assessment and comment, indicator
 * cards with a sparkline series, uppdrag and sub-goals. Built on the plan page query so both agree.
 */
import type { Db } from '../db/client';
import { getPlanPage, type GoalNode, type PlanPage } from './plan-page';
import { seriesFor, type SeriesPoint } from './shared';
import { insatserForGoal, type GoalInsats } from './insatser';

export interface GoalPage extends Omit<PlanPage, 'goals' | 'counts'> {
	goal: GoalNode;
	ancestors: Pick<GoalNode, 'id' | 'label' | 'number' | 'title' | 'levelName'>[];
	/** Numeric series of each indicator for the plan's geography up to the period end. */
	series: Record<number, SeriesPoint[]>;
	/** Published insatser that contribute to the goal, with their latest results. */
	insatser: GoalInsats[];
}

function findPath(nodes: GoalNode[], id: number): GoalNode[] | null {
	for (const n of nodes) {
		if (n.id === id) return [n];
		const below = findPath(n.children, id);
		if (below) return [n, ...below];
	}
	return null;
}

export function getGoalPage(db: Db, orgSlug: string, planSlug: string, goalId: number, periodSlug?: string | null): GoalPage | null {
	const plan = getPlanPage(db, orgSlug, planSlug, periodSlug);
	if (!plan) return null;
	const path = findPath(plan.goals, goalId);
	if (!path) return null;
	const goal = path[path.length - 1];
	const geography = db.$client.prepare('SELECT geography_id FROM plan WHERE id = ?').get(plan.plan.id) as { geography_id: number | null };
	const series = seriesFor(
		db,
		goal.indicators.map((i) => i.id),
		geography.geography_id,
		plan.period?.endDate
	);
	const { goals: _goals, counts: _counts, ...rest } = plan;
	return {
		...rest,
		goal,
		ancestors: path.slice(0, -1).map(({ id, label, number, title, levelName }) => ({ id, label, number, title, levelName })),
		series: Object.fromEntries(series),
		insatser: insatserForGoal(db, goal.id)
	};
}
