/**
 * The names the API parser checks parameters against: all geographies, organisation slugs and plans with
 * their published follow-up periods. Small tables; loaded per request so new data shows at once.
 */
import type { Db } from '../../db/client';
import type { GeoLevel, GeographyRef, PlanRef } from '../../api/types';
import { geoRank, type Row } from './shared';

export function loadGeographies(db: Db): GeographyRef[] {
	const rows = db.$client
		.prepare(
			`SELECT g.code, g.kolada_id, g.name, g.level, p.code AS parent
			 FROM geography g LEFT JOIN geography p ON p.id = g.parent_id
			 ORDER BY ${geoRank('g.level')}, g.code`
		)
		.all() as Row[];
	return rows.map((r) => ({
		code: r.code as string,
		koladaId: r.kolada_id as string,
		name: r.name as string,
		level: r.level as GeoLevel,
		parent: (r.parent as string | null) ?? null
	}));
}

export function loadOrganisationSlugs(db: Db): string[] {
	const rows = db.$client.prepare('SELECT slug FROM organisation ORDER BY sort_order, name').all() as Row[];
	return rows.map((r) => r.slug as string);
}

/** Plans with their published periods only: drafts must not be found, not even by name. */
export function loadPlanRefs(db: Db): PlanRef[] {
	const rows = db.$client
		.prepare(
			`SELECT o.slug AS org, p.slug AS plan, fp.slug AS period
			 FROM plan p JOIN organisation o ON o.id = p.organisation_id AND p.archived = 0
			 LEFT JOIN follow_up_period fp ON fp.plan_id = p.id AND fp.state = 'published'
			 ORDER BY o.sort_order, o.name, p.sort_order, p.name, fp.end_date`
		)
		.all() as Row[];
	const plans = new Map<string, PlanRef>();
	for (const r of rows) {
		const key = `${r.org}/${r.plan}`;
		const plan = plans.get(key) ?? { organisation: r.org as string, slug: r.plan as string, periods: [] };
		if (r.period) plan.periods.push(r.period as string);
		plans.set(key, plan);
	}
	return [...plans.values()];
}
