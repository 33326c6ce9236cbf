/**
 * Insatser for the public pages: the filterable list of an organisation's published insatser, one insats with
 * its goals, financing, results and figures, and the insatser that contribute to a goal. Drafts never appear.
 */
import type { Db } from '../db/client';
import { FINANCING_SOURCES, type InsatsFigureRow } from '../db/schema-insatser';
import type { StoredFigure } from '../../domain/insats';

export type FinancingSource = (typeof FINANCING_SOURCES)[number];

export interface InsatsFilters {
	/** external_goal id of a national priority. */
	priority?: number | null;
	/** goal id (any plan of the organisation). */
	goal?: number | null;
	financing?: FinancingSource | null;
	/** SCB kommun code: insatser acting there, or in the whole län. */
	kommun?: string | null;
}

export interface InsatsListItem {
	id: number;
	name: string;
	description: string | null;
	status: 'planerad' | 'pagar' | 'avslutad' | null;
	nypsIds: string[];
	years: number[];
	priorities: string[];
	financing: FinancingSource[];
	where: string[];
	wholeCounty: boolean | null;
}

export interface FigureView extends StoredFigure {
	id: number;
}

export interface ResultView {
	id: number;
	year: number;
	type: 'prestation' | 'effekt';
	term: 'kort' | 'lang' | 'kort-och-lang' | null;
	basis: 'forvantad' | 'uppnadd' | null;
	text: string;
	version: number;
	figures: FigureView[];
}

export interface GoalLinkView {
	id: number;
	label: string | null;
	printed: string | null;
	note: string | null;
	goal: { id: number; title: string; number: string | null; planSlug: string; planName: string; orgSlug: string } | null;
	external: { id: number; title: string; code: string | null; system: string; systemKind: string } | null;
}

export interface InsatsDetail {
	id: number;
	organisationId: number;
	organisation: { slug: string; name: string };
	name: string;
	description: string | null;
	ownerName: string | null;
	periodFrom: string | null;
	periodTo: string | null;
	nypsIds: string[];
	nypsPrinted: string[];
	status: 'planerad' | 'pagar' | 'avslutad' | null;
	wholeCounty: boolean | null;
	state: 'draft' | 'published';
	source: string | null;
	version: number;
	updatedAt: string;
	geographies: { id: number; code: string; name: string }[];
	financing: { id: number; source: FinancingSource; amount: number | null; year: number | null; note: string | null }[];
	goals: GoalLinkView[];
	results: ResultView[];
	figures: FigureView[];
	reportRows: { year: number; section: string; title: string }[];
}

interface InsatsRow {
	id: number;
	organisation_id: number;
	name: string;
	description: string | null;
	owner_name: string | null;
	period_from: string | null;
	period_to: string | null;
	nyps_ids: string;
	nyps_printed: string;
	status: InsatsDetail['status'];
	whole_county: number | null;
	state: InsatsDetail['state'];
	source: string | null;
	version: number;
	updated_at: string;
}

export function organisationBySlug(db: Db, slug: string): { id: number; slug: string; name: string; isExample: boolean; geographyId: number | null } | null {
	const o = db.$client.prepare('SELECT id, slug, name, is_example, geography_id FROM organisation WHERE slug = ?').get(slug) as
		| { id: number; slug: string; name: string; is_example: number; geography_id: number | null }
		| undefined;
	return o ? { id: o.id, slug: o.slug, name: o.name, isExample: !!o.is_example, geographyId: o.geography_id } : null;
}

/** The published insatser of an organisation that match every filter given. */
export function listInsatser(db: Db, organisationId: number, f: InsatsFilters, opts: { includeDrafts?: boolean } = {}): InsatsListItem[] {
	const where = ['i.organisation_id = ?', 'i.archived = 0'];
	const args: unknown[] = [organisationId];
	if (!opts.includeDrafts) where.push("i.state = 'published'");
	if (f.priority) {
		where.push('EXISTS (SELECT 1 FROM insats_goal l WHERE l.insats_id = i.id AND l.external_goal_id = ?)');
		args.push(f.priority);
	}
	if (f.goal) {
		where.push('EXISTS (SELECT 1 FROM insats_goal l WHERE l.insats_id = i.id AND l.goal_id = ?)');
		args.push(f.goal);
	}
	if (f.financing) {
		where.push('EXISTS (SELECT 1 FROM insats_financing x WHERE x.insats_id = i.id AND x.source = ?)');
		args.push(f.financing);
	}
	if (f.kommun) {
		where.push(
			'(i.whole_county = 1 OR EXISTS (SELECT 1 FROM insats_geography ig JOIN geography g ON g.id = ig.geography_id WHERE ig.insats_id = i.id AND g.code = ?))'
		);
		args.push(f.kommun);
	}
	const rows = db.$client
		.prepare(
			`SELECT i.id, i.name, i.description, i.status, i.nyps_ids, i.whole_county,
			   (SELECT group_concat(year) FROM (SELECT DISTINCT year FROM insats_result r WHERE r.insats_id = i.id ORDER BY year)) AS years,
			   (SELECT group_concat(e.title, '|') FROM insats_goal l JOIN external_goal e ON e.id = l.external_goal_id
			      JOIN goal_system s ON s.id = e.system_id WHERE l.insats_id = i.id AND s.kind = 'national-strategy') AS priorities,
			   (SELECT group_concat(DISTINCT x.source) FROM insats_financing x WHERE x.insats_id = i.id) AS financing,
			   (SELECT group_concat(g.name, '|') FROM insats_geography ig JOIN geography g ON g.id = ig.geography_id WHERE ig.insats_id = i.id) AS geos,
			   (SELECT min(s.sort_order * 1000 + r.row_number) FROM report_row r JOIN report_section s ON s.id = r.section_id WHERE r.insats_id = i.id) AS report_order
			 FROM insats i WHERE ${where.join(' AND ')}
			 ORDER BY report_order IS NULL, report_order, i.name COLLATE NOCASE`
		)
		.all(...args) as {
		id: number;
		name: string;
		description: string | null;
		status: InsatsListItem['status'];
		nyps_ids: string;
		whole_county: number | null;
		years: string | null;
		priorities: string | null;
		financing: string | null;
		geos: string | null;
	}[];
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		description: r.description,
		status: r.status,
		nypsIds: JSON.parse(r.nyps_ids) as string[],
		years: r.years ? r.years.split(',').map(Number) : [],
		priorities: r.priorities ? r.priorities.split('|') : [],
		financing: (r.financing ? r.financing.split(',') : []) as FinancingSource[],
		where: r.geos ? r.geos.split('|') : [],
		wholeCounty: r.whole_county === null ? null : !!r.whole_county
	}));
}

/** What the filters of the list offer: only values that some (published) insats of the organisation has. */
export function filterOptions(db: Db, organisationId: number, opts: { includeDrafts?: boolean } = {}) {
	const state = opts.includeDrafts ? '' : "AND i.state = 'published'";
	const sqlite = db.$client;
	const priorities = sqlite
		.prepare(
			`SELECT DISTINCT e.id, e.title, e.sort_order FROM external_goal e JOIN goal_system s ON s.id = e.system_id
			 JOIN insats_goal l ON l.external_goal_id = e.id JOIN insats i ON i.id = l.insats_id
			 WHERE s.kind = 'national-strategy' AND i.organisation_id = ? AND i.archived = 0 ${state} ORDER BY e.sort_order`
		)
		.all(organisationId) as { id: number; title: string }[];
	const goals = sqlite
		.prepare(
			`SELECT DISTINCT g.id, g.title, g.number, p.name AS plan, p.sort_order AS ps, g.sort_order AS gs FROM goal g JOIN plan p ON p.id = g.plan_id
			 JOIN insats_goal l ON l.goal_id = g.id JOIN insats i ON i.id = l.insats_id
			 WHERE i.organisation_id = ? AND i.archived = 0 ${state} ORDER BY p.sort_order, g.depth, g.sort_order`
		)
		.all(organisationId) as { id: number; title: string; number: string | null; plan: string }[];
	const financing = (
		sqlite
			.prepare(
				`SELECT DISTINCT x.source FROM insats_financing x JOIN insats i ON i.id = x.insats_id WHERE i.organisation_id = ? AND i.archived = 0 ${state}`
			)
			.all(organisationId) as { source: FinancingSource }[]
	)
		.map((r) => r.source)
		.sort((a, b) => FINANCING_SOURCES.indexOf(a) - FINANCING_SOURCES.indexOf(b));
	const org = sqlite.prepare('SELECT geography_id FROM organisation WHERE id = ?').get(organisationId) as { geography_id: number | null } | undefined;
	const kommuner = org?.geography_id
		? (sqlite.prepare("SELECT code, name FROM geography WHERE parent_id = ? AND level = 'kommun' ORDER BY name").all(org.geography_id) as {
				code: string;
				name: string;
			}[])
		: [];
	return { priorities, goals, financing, kommuner };
}

function figures(db: Db, insatsId: number): (FigureView & { resultId: number | null })[] {
	return (
		db.$client
			.prepare(
				'SELECT id, result_id, printed, value, range_low, range_high, unit, kind, approx, qualifier, sex, what FROM insats_figure WHERE insats_id = ? ORDER BY sort_order, id'
			)
			.all(insatsId) as (InsatsFigureRow & { id: number })[]
	).map((f) => ({
		id: f.id,
		resultId: f.result_id,
		printed: f.printed,
		value: f.value,
		rangeLow: f.range_low,
		rangeHigh: f.range_high,
		unit: f.unit,
		kind: f.kind,
		approx: f.approx,
		qualifier: f.qualifier,
		sex: f.sex,
		what: f.what
	}));
}

export function goalLinks(db: Db, insatsId: number): GoalLinkView[] {
	const rows = db.$client
		.prepare(
			`SELECT l.id, l.label, l.printed, l.note, g.id AS goal_id, g.title AS goal_title, g.number AS goal_number, p.slug AS plan_slug, p.name AS plan_name,
			   o.slug AS org_slug, e.id AS ext_id, e.title AS ext_title, e.code AS ext_code, s.short_name AS system, s.kind AS system_kind
			 FROM insats_goal l LEFT JOIN goal g ON g.id = l.goal_id LEFT JOIN plan p ON p.id = g.plan_id LEFT JOIN organisation o ON o.id = p.organisation_id
			 LEFT JOIN external_goal e ON e.id = l.external_goal_id LEFT JOIN goal_system s ON s.id = e.system_id
			 WHERE l.insats_id = ? ORDER BY l.sort_order, l.id`
		)
		.all(insatsId) as Record<string, unknown>[];
	return rows.map((r) => ({
		id: r.id as number,
		label: r.label as string | null,
		printed: r.printed as string | null,
		note: r.note as string | null,
		goal: r.goal_id
			? {
					id: r.goal_id as number,
					title: r.goal_title as string,
					number: r.goal_number as string | null,
					planSlug: r.plan_slug as string,
					planName: r.plan_name as string,
					orgSlug: r.org_slug as string
				}
			: null,
		external: r.ext_id
			? { id: r.ext_id as number, title: r.ext_title as string, code: r.ext_code as string | null, system: r.system as string, systemKind: r.system_kind as string }
			: null
	}));
}

/** One insats with everything it has. `publishedOnly`: null unless it is published (the public pages). */
export function getInsats(db: Db, id: number, opts: { publishedOnly: boolean }): InsatsDetail | null {
	const sqlite = db.$client;
	const r = sqlite.prepare('SELECT * FROM insats WHERE id = ? AND archived = 0').get(id) as InsatsRow | undefined;
	if (!r || (opts.publishedOnly && r.state !== 'published')) return null;
	const org = sqlite.prepare('SELECT slug, name FROM organisation WHERE id = ?').get(r.organisation_id) as { slug: string; name: string };
	const figs = figures(db, id);
	const results = (
		sqlite
			.prepare('SELECT id, year, type, term, basis, text, version FROM insats_result WHERE insats_id = ? ORDER BY year DESC, type DESC, sort_order, id')
			.all(id) as Omit<ResultView, 'figures'>[]
	).map((x) => ({ ...x, figures: figs.filter((f) => f.resultId === x.id) }));
	return {
		id: r.id,
		organisationId: r.organisation_id,
		organisation: org,
		name: r.name,
		description: r.description,
		ownerName: r.owner_name,
		periodFrom: r.period_from,
		periodTo: r.period_to,
		nypsIds: JSON.parse(r.nyps_ids),
		nypsPrinted: JSON.parse(r.nyps_printed),
		status: r.status,
		wholeCounty: r.whole_county === null ? null : !!r.whole_county,
		state: r.state,
		source: r.source,
		version: r.version,
		updatedAt: r.updated_at,
		geographies: sqlite
			.prepare('SELECT g.id, g.code, g.name FROM insats_geography ig JOIN geography g ON g.id = ig.geography_id WHERE ig.insats_id = ? ORDER BY g.name')
			.all(id) as InsatsDetail['geographies'],
		financing: sqlite
			.prepare('SELECT id, source, amount, year, note FROM insats_financing WHERE insats_id = ? ORDER BY sort_order, id')
			.all(id) as InsatsDetail['financing'],
		goals: goalLinks(db, id),
		results,
		figures: figs.filter((f) => f.resultId === null),
		reportRows: sqlite
			.prepare(
				`SELECT s.year, s.code AS section, s.title FROM report_row r JOIN report_section s ON s.id = r.section_id WHERE r.insats_id = ? AND r.refers_to IS NULL
				 ORDER BY s.year, s.sort_order`
			)
			.all(id) as InsatsDetail['reportRows']
	};
}

export interface GoalInsats {
	id: number;
	name: string;
	orgSlug: string;
	status: InsatsDetail['status'];
	label: string | null;
	results: ResultView[];
}

/** The published insatser linked to a goal, with their results of the latest year they have. */
export function insatserForGoal(db: Db, goalId: number): GoalInsats[] {
	const rows = db.$client
		.prepare(
			`SELECT i.id, i.name, i.status, o.slug AS org_slug, l.label FROM insats_goal l JOIN insats i ON i.id = l.insats_id
			 JOIN organisation o ON o.id = i.organisation_id
			 WHERE l.goal_id = ? AND i.state = 'published' AND i.archived = 0 GROUP BY i.id ORDER BY i.name COLLATE NOCASE`
		)
		.all(goalId) as { id: number; name: string; status: InsatsDetail['status']; org_slug: string; label: string | null }[];
	return rows.map((r) => {
		const figs = figures(db, r.id);
		const results = db.$client
			.prepare(
				`SELECT id, year, type, term, basis, text, version FROM insats_result WHERE insats_id = ?
				 AND year = (SELECT max(year) FROM insats_result WHERE insats_id = ?) ORDER BY type DESC, sort_order, id`
			)
			.all(r.id, r.id) as Omit<ResultView, 'figures'>[];
		return {
			id: r.id,
			name: r.name,
			orgSlug: r.org_slug,
			status: r.status,
			label: r.label,
			results: results.map((x) => ({ ...x, figures: figs.filter((f) => f.resultId === x.id) }))
		};
	});
}
