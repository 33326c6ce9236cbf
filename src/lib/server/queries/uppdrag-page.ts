/** One uppdrag: text, origin, owner, its status and comment in every published period, and its goal. */
import type { Db } from '../db/client';
import type { Origin } from '../../domain/types';
import { assessmentFrom, publishedPeriods, type AssessmentView, type Row } from './shared';

export interface UppdragPage {
	organisation: { slug: string; name: string; isExample: boolean };
	plan: { slug: string; name: string; levelNames: string[] };
	uppdrag: { id: number; number: string | null; label: string | null; text: string; origin: Origin; owner: string | null; planYear: number | null };
	goal: { id: number; label: string | null; number: string | null; title: string; levelName: string | null } | null;
	periods: { slug: string; label: string; assessment: AssessmentView | null }[];
}

export function getUppdragPage(db: Db, orgSlug: string, planSlug: string, uppdragId: number): UppdragPage | null {
	const sql = db.$client;
	const row = sql
		.prepare(
			`SELECT u.*, p.id AS plan_id, p.slug AS plan_slug, p.name AS plan_name, p.level_names,
			   o.slug AS org_slug, o.name AS org_name, o.is_example
			 FROM uppdrag u JOIN plan p ON p.id = u.plan_id JOIN organisation o ON o.id = p.organisation_id
			 WHERE u.id = ? AND o.slug = ? AND p.slug = ? AND u.archived = 0 AND p.archived = 0`
		)
		.get(uppdragId, orgSlug, planSlug) as Row | undefined;
	if (!row) return null;
	const levelNames = JSON.parse(row.level_names as string) as string[];
	const goalRow = row.goal_id
		? (sql.prepare('SELECT id, label, number, title, depth FROM goal WHERE id = ?').get(row.goal_id) as Row)
		: undefined;
	const periods = publishedPeriods(db, row.plan_id as number);
	const byPeriod = sql.prepare('SELECT * FROM assessment WHERE period_id = ? AND uppdrag_id = ?');
	return {
		organisation: { slug: row.org_slug as string, name: row.org_name as string, isExample: row.is_example === 1 },
		plan: { slug: row.plan_slug as string, name: row.plan_name as string, levelNames },
		uppdrag: {
			id: row.id as number,
			number: (row.number as string) ?? null,
			label: (row.label as string) ?? null,
			text: row.text as string,
			origin: row.origin as Origin,
			owner: (row.owner as string) ?? null,
			planYear: (row.plan_year as number) ?? null
		},
		goal: goalRow
			? {
					id: goalRow.id as number,
					label: (goalRow.label as string) ?? null,
					number: (goalRow.number as string) ?? null,
					title: goalRow.title as string,
					levelName: levelNames[goalRow.depth as number] ?? null
				}
			: null,
		periods: periods
			.map((p) => ({ slug: p.slug, label: p.label, assessment: assessmentFrom(byPeriod.get(p.id, uppdragId) as Row | undefined) }))
			.reverse()
	};
}
