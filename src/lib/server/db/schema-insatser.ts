/**
 * Insatser (actions and projects) and the annual återrapportering to the government (issue 9).
 * Keep this file free of `$lib` imports: drizzle-kit loads it directly.
 *
 * Shape: insats (owned by an organisation) → financing rows per source, links to goals of any plan or to
 * goals of external goal systems (stored as data: the national strategy's priorities, ERUF/Interreg
 * objectives, Agenda 2030), results per year (prestationer and effekter as text) with figures (value, unit,
 * kind, approximate/range as printed, by sex). The återrapportering itself is a set of sections per
 * organisation and year whose rows point to insatser, so a year's tables come out in the printed order.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { geography, goal, organisation } from './schema';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const timestamps = {
	createdAt: text('created_at').notNull().default(now),
	updatedAt: text('updated_at').notNull().default(now)
};

export const GOAL_SYSTEM_KINDS = ['national-strategy', 'eu-programme', 'agenda-2030', 'other'] as const;

/** A goal system outside the organisation's own plans: the national strategy, an EU programme, Agenda 2030. */
export const goalSystem = sqliteTable(
	'goal_system',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		/** Short name used in tables: "Nationell strategi", "ERUF", "Interreg", "Agenda 2030". */
		shortName: text('short_name').notNull(),
		kind: text('kind', { enum: GOAL_SYSTEM_KINDS }).notNull(),
		description: text('description'),
		source: text('source'),
		sortOrder: integer('sort_order').notNull().default(0),
		...timestamps
	},
	(t) => [uniqueIndex('goal_system_slug_uq').on(t.slug)]
);

/** One goal, priority or objective of an external goal system, as the system prints it. */
export const externalGoal = sqliteTable(
	'external_goal',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		systemId: integer('system_id')
			.notNull()
			.references(() => goalSystem.id, { onDelete: 'cascade' }),
		/** Printed number or code ("9" for Agenda 2030 goal 9), if any. */
		code: text('code'),
		title: text('title').notNull(),
		sortOrder: integer('sort_order').notNull().default(0),
		...timestamps
	},
	(t) => [uniqueIndex('external_goal_system_title_uq').on(t.systemId, t.title)]
);

export const INSATS_STATUSES = ['planerad', 'pagar', 'avslutad'] as const;
export const INSATS_STATES = ['draft', 'published'] as const;

export const insats = sqliteTable(
	'insats',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The owner: who reports the insats and whose officials may edit it. */
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		description: text('description'),
		/** Who runs it, as printed, when that is not the owner organisation itself (a project owner). */
		ownerName: text('owner_name'),
		/** ISO date or year ("2020", "2020-03-01"); null when not stated. */
		periodFrom: text('period_from'),
		periodTo: text('period_to'),
		/** NYPS ärende-ids, normalised: spaces removed, leading zeros kept. */
		nypsIds: text('nyps_ids', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		/** The ids as printed ("Ärende ID Nyps: 2026 9854"). */
		nypsPrinted: text('nyps_printed', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		/** null: not stated (an imported report often does not say). */
		status: text('status', { enum: INSATS_STATUSES }),
		/** true: acts in the whole län; false: in the kommuner of insats_geography; null: not stated. */
		wholeCounty: integer('whole_county', { mode: 'boolean' }),
		/** Only published insatser are shown on the public site and in the API. */
		state: text('state', { enum: INSATS_STATES }).notNull().default('draft'),
		/** Where an imported insats comes from ("atterrapportering-2020:1.2.1-1"): makes imports idempotent. */
		importKey: text('import_key'),
		/** Provenance for people: document, section, row, lines. */
		source: text('source'),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [
		index('insats_org_idx').on(t.organisationId, t.state),
		uniqueIndex('insats_import_key_uq')
			.on(t.organisationId, t.importKey)
			.where(sql`${t.importKey} IS NOT NULL`)
	]
);

/** The kommuner an insats acts in (when not the whole län). */
export const insatsGeography = sqliteTable(
	'insats_geography',
	{
		insatsId: integer('insats_id')
			.notNull()
			.references(() => insats.id, { onDelete: 'cascade' }),
		geographyId: integer('geography_id')
			.notNull()
			.references(() => geography.id)
	},
	(t) => [primaryKey({ columns: [t.insatsId, t.geographyId] }), index('insats_geography_geo_idx').on(t.geographyId)]
);

export const FINANCING_SOURCES = ['anslag-1-1', 'eruf', 'esf-plus', 'interreg', 'egen', 'annan'] as const;

/** One financing source of an insats, with its amount in kronor (null: the source is known, the amount not). */
export const insatsFinancing = sqliteTable(
	'insats_financing',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		insatsId: integer('insats_id')
			.notNull()
			.references(() => insats.id, { onDelete: 'cascade' }),
		source: text('source', { enum: FINANCING_SOURCES }).notNull(),
		amount: real('amount'),
		/** The year the amount is for; null: the whole insats. */
		year: integer('year'),
		/** What "annan" is, or where the row comes from. */
		note: text('note'),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [index('insats_financing_insats_idx').on(t.insatsId), index('insats_financing_source_idx').on(t.source)]
);

/** A link from an insats to a goal of a plan, to an external goal, or (neither) a goal only written as text. */
export const insatsGoal = sqliteTable(
	'insats_goal',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		insatsId: integer('insats_id')
			.notNull()
			.references(() => insats.id, { onDelete: 'cascade' }),
		goalId: integer('goal_id').references(() => goal.id, { onDelete: 'cascade' }),
		externalGoalId: integer('external_goal_id').references(() => externalGoal.id, { onDelete: 'cascade' }),
		/** Printed label ("Mål RUS", "Målområde ERUF"). */
		label: text('label'),
		/** The goal as printed in the source, when it came from a document. */
		printed: text('printed'),
		note: text('note'),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [
		index('insats_goal_insats_idx').on(t.insatsId, t.sortOrder),
		index('insats_goal_goal_idx').on(t.goalId),
		index('insats_goal_external_idx').on(t.externalGoalId),
		check(
			'insats_goal_one_target',
			sql`(${t.goalId} IS NOT NULL) + (${t.externalGoalId} IS NOT NULL) + (${t.printed} IS NOT NULL) >= 1 AND NOT (${t.goalId} IS NOT NULL AND ${t.externalGoalId} IS NOT NULL)`
		)
	]
);

export const RESULT_TYPES = ['prestation', 'effekt'] as const;
/** Effekter: short term, long term, or both in one text (the government table's column is "kort och lång sikt"). */
export const EFFECT_TERMS = ['kort', 'lang', 'kort-och-lang'] as const;
/** Expected (förväntad) or achieved (uppnådd); null when the text mixes both or does not say. */
export const RESULT_BASES = ['forvantad', 'uppnadd'] as const;

/** A result of an insats for a year: a prestation or an effekt, as text. */
export const insatsResult = sqliteTable(
	'insats_result',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		insatsId: integer('insats_id')
			.notNull()
			.references(() => insats.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		type: text('type', { enum: RESULT_TYPES }).notNull(),
		term: text('term', { enum: EFFECT_TERMS }),
		basis: text('basis', { enum: RESULT_BASES }),
		text: text('text').notNull(),
		sortOrder: integer('sort_order').notNull().default(0),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [index('insats_result_insats_idx').on(t.insatsId, t.year, t.type, t.sortOrder)]
);

export const FIGURE_KINDS = ['budget', 'reach', 'output', 'outcome', 'target'] as const;

/**
 * A number in an insats's texts: "Ca 160 SME", "10–20 företag", "189 personer varav 86 kvinnor och 103 män"
 * (three rows: T, K, M). The printed words are kept; approximation and qualifiers are not rounded away.
 */
export const insatsFigure = sqliteTable(
	'insats_figure',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		insatsId: integer('insats_id')
			.notNull()
			.references(() => insats.id, { onDelete: 'cascade' }),
		/** The result the figure stands in; null: in the insats's name or description. */
		resultId: integer('result_id').references(() => insatsResult.id, { onDelete: 'cascade' }),
		year: integer('year'),
		printed: text('printed').notNull(),
		/** null for a range. Money in kronor. */
		value: real('value'),
		rangeLow: real('range_low'),
		rangeHigh: real('range_high'),
		unit: text('unit'),
		kind: text('kind', { enum: FIGURE_KINDS }),
		/** "ca", "drygt", "cirka", … as printed; null: exact. */
		approx: text('approx'),
		/** "mer än", "minst", "över", "upp till", … as printed. */
		qualifier: text('qualifier'),
		sex: text('sex', { enum: ['T', 'K', 'M'] })
			.notNull()
			.default('T'),
		/** A short paraphrase of what is counted, for display. */
		what: text('what'),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [index('insats_figure_insats_idx').on(t.insatsId, t.sortOrder), index('insats_figure_result_idx').on(t.resultId)]
);

export const REPORT_SECTION_KINDS = ['insatser', 'tidigare', 'analyser'] as const;

/** A section of an organisation's återrapportering for a year ("1.2.1 Innovation"), in printed order. */
export const reportSection = sqliteTable(
	'report_section',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		/** Printed number: "1.2.1", "4.2", "6". */
		code: text('code').notNull(),
		title: text('title').notNull(),
		kind: text('kind', { enum: REPORT_SECTION_KINDS }).notNull(),
		/** "Återrapportering 1 – Regionalt tillväxtarbete". */
		part: text('part'),
		/** The national strategy priority the section belongs to, if any. */
		priorityId: integer('priority_id').references(() => externalGoal.id, { onDelete: 'set null' }),
		/** A sentence printed instead of or before the table ("… varför inget listas nedan."). */
		notePrinted: text('note_printed'),
		/** Column headings where the section prints its own (JSON array, one per column; null: the template's). */
		columns: text('columns', { mode: 'json' }).$type<(string | null)[]>(),
		sortOrder: integer('sort_order').notNull().default(0),
		...timestamps
	},
	(t) => [uniqueIndex('report_section_uq').on(t.organisationId, t.year, t.kind, t.code)]
);

/**
 * A row of a section's table. Insats rows point to their insats; a reference row ("(se återrapport 1.2.2)")
 * keeps its printed text and the section it refers to; rows of earlier-insatser tables carry their own
 * name, description and result text (the insats is optional there).
 */
export const reportRow = sqliteTable(
	'report_row',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sectionId: integer('section_id')
			.notNull()
			.references(() => reportSection.id, { onDelete: 'cascade' }),
		rowNumber: integer('row_number').notNull(),
		insatsId: integer('insats_id').references(() => insats.id, { onDelete: 'set null' }),
		/** The goal cell as printed that year ("Mål RUS\n- Företagande, …"); null: written from the links. */
		goalText: text('goal_text'),
		name: text('name'),
		description: text('description'),
		resultText: text('result_text'),
		refersTo: text('refers_to'),
		uncertain: integer('uncertain', { mode: 'boolean' }).notNull().default(false),
		note: text('note'),
		version: integer('version').notNull().default(1)
	},
	(t) => [uniqueIndex('report_row_uq').on(t.sectionId, t.rowNumber), index('report_row_insats_idx').on(t.insatsId)]
);

/** One row of the 5.1 list: an analysis, follow-up or evaluation carried out in the year. */
export const analysis = sqliteTable(
	'analysis',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		rowNumber: integer('row_number').notNull(),
		/** "Typ av aktivitet" as printed (analys, uppföljning, utvärdering); null when the cell is empty. */
		type: text('type'),
		name: text('name').notNull(),
		/** Helt eller delvis finansierat av anslag 1:1; null: not stated. */
		financedBy11: integer('financed_by_1_1', { mode: 'boolean' }),
		/** "Hur har erfarenheter och kunskap tagits till vara?" */
		howUsed: text('how_used'),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [uniqueIndex('analysis_org_year_row_uq').on(t.organisationId, t.year, t.rowNumber)]
);

/**
 * The unpublished changes to a published insats (issue 9: "same drafts as the rest"). While a row exists the
 * public site, the API and the exports still read the published insats; officials edit the draft, preview it
 * and publish it (applied to the insats and its rows in one transaction) or discard it. `data` is the edited
 * state as JSON, validated by zod on read (src/lib/server/insatser/drafts.ts). `baseVersion` is the insats's
 * version when the draft was started, so publishing over a change an import made meanwhile is a conflict;
 * `version` continues the insats's counter, so a form based on either is checked against one number.
 */
export const insatsDraft = sqliteTable('insats_draft', {
	insatsId: integer('insats_id')
		.primaryKey()
		.references(() => insats.id, { onDelete: 'cascade' }),
	data: text('data', { mode: 'json' }).notNull(),
	baseVersion: integer('base_version').notNull(),
	version: integer('version').notNull(),
	updatedBy: integer('updated_by'),
	createdAt: text('created_at').notNull().default(now),
	updatedAt: text('updated_at').notNull().default(now)
});

/**
 * An insats_figure row as raw SQL reads it (snake_case columns): shared by the import writer's diff and the
 * public query, which select it with better-sqlite3 directly.
 */
export interface InsatsFigureRow {
	result_id: number | null;
	printed: string;
	value: number | null;
	range_low: number | null;
	range_high: number | null;
	unit: string | null;
	kind: string | null;
	approx: string | null;
	qualifier: string | null;
	sex: 'T' | 'K' | 'M';
	what: string | null;
}
