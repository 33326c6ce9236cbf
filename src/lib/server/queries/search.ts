/**
 * Site search: loads goals, uppdrag and indicators as search documents, keeps the built index in memory
 * per database and answers queries with hits grouped by type, each with its link and where it belongs.
 * The matching and ranking rules live in `$lib/domain/search` (pure, tested on its own).
 */
import type { Db } from '../db/client';
import {
	buildIndex,
	search,
	SEARCH_TYPES,
	type Highlighted,
	type MatchExplanation,
	type SearchDocument,
	type SearchIndex,
	type SearchOptions,
	type SearchStatus,
	type SearchType
} from '../../domain/search';

type Row = Record<string, unknown>;

/** Where a hit belongs, for the "organisation › plan" line. */
export interface SearchPlace {
	organisation: string;
	plan: string;
}

export interface SearchMeta {
	href: string;
	places: SearchPlace[];
	isExample: boolean;
}

export interface SearchItem {
	type: SearchType;
	id: number;
	href: string;
	label: Highlighted | null;
	title: Highlighted;
	snippet: Highlighted | null;
	/** 'context': the snippet is from a goal the indicator serves, not from the indicator itself. */
	snippetFrom: 'body' | 'context' | null;
	places: SearchPlace[];
	isExample: boolean;
	score: number;
	matches: MatchExplanation[];
}

export interface SearchGroup {
	type: SearchType;
	/** Hits of this type in all; `items` holds at most the limit. */
	count: number;
	items: SearchItem[];
}

export interface SiteSearchResult {
	query: string;
	status: SearchStatus;
	mode: 'all' | 'any';
	terms: string[];
	total: number;
	/** Always the three types in the order goal, uppdrag, indicator (empty groups included). */
	groups: SearchGroup[];
}

const goalHref = (org: string, plan: string, id: number) =>
	`/${encodeURIComponent(org)}/${encodeURIComponent(plan)}/mal/${id}`;
const uppdragHref = (org: string, plan: string, id: number) =>
	`/${encodeURIComponent(org)}/${encodeURIComponent(plan)}/uppdrag/${id}`;
const indicatorHref = (slug: string) => `/indikator/${encodeURIComponent(slug)}`;

const scopeText = (p: SearchPlace) => `${p.organisation} › ${p.plan}`;

/** Everything searchable, in reading order (organisation, plan, tree order), which breaks ranking ties. */
export function loadSearchDocuments(db: Db): SearchDocument<SearchMeta>[] {
	const sql = db.$client;
	const planOrder = 'o.sort_order, o.name, o.id, p.sort_order, p.name, p.id';

	const goals = sql
		.prepare(
			`SELECT g.id, g.number, g.label, g.title, g.description,
			        p.slug AS plan_slug, p.name AS plan_name, o.slug AS org_slug, o.name AS org_name, o.is_example
			   FROM goal g JOIN plan p ON p.id = g.plan_id JOIN organisation o ON o.id = p.organisation_id
			  WHERE g.archived = 0 AND p.archived = 0
			  ORDER BY ${planOrder}, g.id`
		)
		.all() as Row[];

	const uppdrag = sql
		.prepare(
			`SELECT u.id, u.number, u.label, u.text, u.owner,
			        p.slug AS plan_slug, p.name AS plan_name, o.slug AS org_slug, o.name AS org_name, o.is_example
			   FROM uppdrag u JOIN plan p ON p.id = u.plan_id JOIN organisation o ON o.id = p.organisation_id
			  WHERE u.archived = 0 AND p.archived = 0
			  ORDER BY ${planOrder}, u.sort_order, u.id`
		)
		.all() as Row[];

	const indicators = sql
		.prepare(
			`SELECT i.id, i.slug, i.name, i.definition, i.source, o.name AS org_name, o.is_example
			   FROM indicator i LEFT JOIN organisation o ON o.id = i.organisation_id
			  WHERE i.archived = 0
			  ORDER BY i.id`
		)
		.all() as Row[];

	// The goals each indicator serves, with their plan and organisation.
	const served = sql
		.prepare(
			`SELECT gi.indicator_id, g.label, g.number, g.title, p.name AS plan_name, o.name AS org_name, o.is_example
			   FROM goal_indicator gi
			   JOIN goal g ON g.id = gi.goal_id AND g.archived = 0
			   JOIN plan p ON p.id = g.plan_id AND p.archived = 0 JOIN organisation o ON o.id = p.organisation_id
			  ORDER BY ${planOrder}, g.id`
		)
		.all() as Row[];
	const servedBy = new Map<number, Row[]>();
	for (const r of served) {
		const list = servedBy.get(r.indicator_id as number);
		if (list) list.push(r);
		else servedBy.set(r.indicator_id as number, [r]);
	}

	const docs: SearchDocument<SearchMeta>[] = [];
	for (const g of goals) {
		const place = { organisation: g.org_name as string, plan: g.plan_name as string };
		docs.push({
			type: 'goal',
			id: g.id as number,
			label: (g.label ?? g.number) as string | null,
			number: g.number as string | null,
			title: g.title as string,
			body: [g.description as string | null],
			scope: [scopeText(place)],
			meta: {
				href: goalHref(g.org_slug as string, g.plan_slug as string, g.id as number),
				places: [place],
				isExample: Boolean(g.is_example)
			}
		});
	}
	for (const u of uppdrag) {
		const place = { organisation: u.org_name as string, plan: u.plan_name as string };
		docs.push({
			type: 'uppdrag',
			id: u.id as number,
			label: (u.label ?? u.number) as string | null,
			number: u.number as string | null,
			title: u.text as string,
			body: [u.owner as string | null],
			scope: [scopeText(place)],
			meta: {
				href: uppdragHref(u.org_slug as string, u.plan_slug as string, u.id as number),
				places: [place],
				isExample: Boolean(u.is_example)
			}
		});
	}
	for (const i of indicators) {
		const goalsServed = servedBy.get(i.id as number) ?? [];
		const places: SearchPlace[] = [];
		for (const r of goalsServed) {
			const p = { organisation: r.org_name as string, plan: r.plan_name as string };
			if (!places.some((x) => x.organisation === p.organisation && x.plan === p.plan)) places.push(p);
		}
		docs.push({
			type: 'indicator',
			id: i.id as number,
			title: i.name as string,
			body: [i.definition as string | null, i.source as string | null],
			context: goalsServed.map((r) => [r.label ?? r.number, r.title].filter(Boolean).join(' ')),
			scope: [...places.map(scopeText), i.org_name as string | null],
			meta: {
				href: indicatorHref(i.slug as string),
				places,
				isExample: Boolean(i.is_example) || goalsServed.some((r) => Boolean(r.is_example))
			}
		});
	}
	return docs;
}

/**
 * A cheap fingerprint of the searchable data: row count and latest `updated_at` of every table the
 * documents are built from: six aggregates over small tables, far cheaper than rebuilding.
 * NOTE for the officials issue: every edit of a goal, uppdrag, indicator, plan or organisation must bump
 * its `updated_at` (as it bumps `version`), or the search keeps serving the old text until a restart;
 * or call `invalidateSearchIndex(db)` after a write.
 */
export function searchDataVersion(db: Db): string {
	const row = db.$client
		.prepare(
			`SELECT (SELECT count(*) || '@' || ifnull(max(updated_at), '') FROM goal) AS goal,
			        (SELECT count(*) || '@' || ifnull(max(updated_at), '') FROM uppdrag) AS uppdrag,
			        (SELECT count(*) || '@' || ifnull(max(updated_at), '') FROM indicator) AS indicator,
			        (SELECT count(*) || '@' || ifnull(max(updated_at), '') FROM plan) AS plan,
			        (SELECT count(*) || '@' || ifnull(max(updated_at), '') FROM organisation) AS organisation,
			        (SELECT count(*) FROM goal_indicator) AS links`
		)
		.get() as Record<string, string | number>;
	return [row.goal, row.uppdrag, row.indicator, row.plan, row.organisation, row.links].join('|');
}

interface CachedIndex {
	version: string;
	index: SearchIndex<SearchMeta>;
}

const cache = new WeakMap<Db, CachedIndex>();

/** The index for this database, rebuilt only when `searchDataVersion` changes. */
export function getSearchIndex(db: Db): SearchIndex<SearchMeta> {
	const version = searchDataVersion(db);
	const hit = cache.get(db);
	if (hit && hit.version === version) return hit.index;
	const index = buildIndex(loadSearchDocuments(db));
	cache.set(db, { version, index });
	return index;
}

/** Drop the cached index (for writers that cannot bump `updated_at`). */
export function invalidateSearchIndex(db: Db): void {
	cache.delete(db);
}

/** Search goals, uppdrag and indicators. Empty and one-character queries give a status, no hits. */
export function searchSite(db: Db, query: string, options: SearchOptions = {}): SiteSearchResult {
	const result = search(getSearchIndex(db), query, options);
	const groups: SearchGroup[] = SEARCH_TYPES.map((type) => ({ type, count: result.counts[type], items: [] }));
	for (const hit of result.hits) {
		groups[SEARCH_TYPES.indexOf(hit.type)].items.push({
			type: hit.type,
			id: hit.id as number,
			href: hit.meta.href,
			label: hit.label,
			title: hit.title,
			snippet: hit.snippet,
			snippetFrom: hit.snippetFrom,
			places: hit.meta.places,
			isExample: hit.meta.isExample,
			score: hit.score,
			matches: hit.matches
		});
	}
	return {
		query: result.query,
		status: result.status,
		mode: result.mode,
		terms: result.terms,
		total: result.total,
		groups
	};
}
