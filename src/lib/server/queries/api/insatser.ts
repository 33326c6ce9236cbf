/**
 * Insatser in the open data API: what the filters are checked against, the list with links, and its CSV.
 * Published insatser only (listInsatser and getInsats never return a draft or an unpublished insats).
 */
import type { Db } from '../../db/client';
import { FINANCING_SOURCES } from '../../db/schema-insatser';
import type { CsvTable } from '../../api/csv';
import type { InsatserContext } from '../../api/params';
import type { InsatsListItem } from '../insatser';

export function insatserContext(db: Db, organisationId: number, geographyId: number | null): InsatserContext {
	const s = db.$client;
	return {
		priorities: s
			.prepare(
				`SELECT e.id, e.title FROM external_goal e JOIN goal_system g ON g.id = e.system_id WHERE g.kind = 'national-strategy' ORDER BY g.id, e.sort_order, e.id`
			)
			.all() as { id: number; title: string }[],
		goals: (s.prepare('SELECT g.id FROM goal g JOIN plan p ON p.id = g.plan_id WHERE p.organisation_id = ?').all(organisationId) as { id: number }[]).map((g) => g.id),
		kommuner: geographyId
			? (s.prepare("SELECT code FROM geography WHERE parent_id = ? AND level = 'kommun' ORDER BY code").all(geographyId) as { code: string }[]).map((g) => g.code)
			: [],
		financing: FINANCING_SOURCES
	};
}

export interface ApiInsats extends InsatsListItem {
	url: string;
	api: string;
}

export function apiInsatser(items: InsatsListItem[], orgSlug: string): ApiInsats[] {
	return items.map((i) => ({ ...i, url: `/${orgSlug}/insatser/${i.id}`, api: `/api/v1/organisations/${orgSlug}/insatser/${i.id}` }));
}

export function insatserCsv(items: ApiInsats[]): CsvTable {
	return {
		header: ['id', 'name', 'description', 'status', 'nyps_ids', 'years', 'national_priorities', 'financing', 'whole_county', 'kommuner', 'url'],
		rows: items.map((i) => [
			i.id,
			i.name,
			i.description,
			i.status,
			i.nypsIds.join(' '),
			i.years.join(' '),
			i.priorities.join('; '),
			i.financing.join(' '),
			i.wholeCounty,
			i.where.join('; '),
			i.url
		])
	};
}
