/**
 * The follow-up data model. Keep this file free of `$lib` imports: drizzle-kit loads it directly.
 *
 * Shape: organisation → plan → goal (tree) / uppdrag; indicator ↔ goal (many-to-many); target per indicator;
 * observation = indicator × geography × period × sex; follow_up_period per plan; assessment = period × subject.
 * Users, sessions and the audit log arrive with the officials issue: editable rows already carry `version`
 * and `updatedAt` (observations: `version` and the batch that last wrote them) so optimistic locking and
 * history can hang on them without reshaping the tables.
 */
import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

const timestamps = {
	createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
	updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)
};

/** Riket, the 21 län and the 290 kommuner. */
export const geography = sqliteTable(
	'geography',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** SCB code: "00" riket, "18" län, "1880" kommun. */
		code: text('code').notNull(),
		/** Kolada id: "0000" riket, "0018" län, "1880" kommun. */
		koladaId: text('kolada_id').notNull(),
		name: text('name').notNull(),
		level: text('level', { enum: ['riket', 'lan', 'kommun', 'exempel'] }).notNull(),
		parentId: integer('parent_id').references((): any => geography.id)
	},
	(t) => [
		uniqueIndex('geography_code_uq').on(t.code),
		uniqueIndex('geography_kolada_uq').on(t.koladaId),
		index('geography_parent_idx').on(t.parentId, t.name)
	]
);

/** A region, nämnd or other body whose plans are followed up. */
export const organisation = sqliteTable(
	'organisation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		kind: text('kind', { enum: ['region', 'kommun', 'annan'] }).notNull().default('region'),
		description: text('description'),
		/** The län (or kommun) the organisation is responsible for; its statistics are "ours". */
		geographyId: integer('geography_id').references(() => geography.id),
		/** Example data that is not from a real source is flagged so every page can label it. */
		isExample: integer('is_example', { mode: 'boolean' }).notNull().default(false),
		sortOrder: integer('sort_order').notNull().default(0),
		...timestamps
	},
	(t) => [uniqueIndex('organisation_slug_uq').on(t.slug)]
);

/** RUS, verksamhetsplan, handlingsplan or program, with its own names for the levels of its goal tree. */
export const plan = sqliteTable(
	'plan',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		kind: text('kind', {
			enum: ['rus', 'verksamhetsplan', 'handlingsplan', 'program', 'annan']
		}).notNull(),
		startYear: integer('start_year'),
		endYear: integer('end_year'),
		/** JSON array of level names, outermost first, e.g. ["Avsnitt", "Övergripande mål", "Inriktningsmål"]. */
		levelNames: text('level_names', { mode: 'json' }).$type<string[]>().notNull(),
		description: text('description'),
		/** Where the structure comes from (document, diarienummer). */
		source: text('source'),
		geographyId: integer('geography_id').references(() => geography.id),
		sortOrder: integer('sort_order').notNull().default(0),
		/** Archived plans disappear from the public site but keep their goals, values and history. */
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [uniqueIndex('plan_org_slug_uq').on(t.organisationId, t.slug)]
);

export const ORIGINS = ['council', 'committee', 'other'] as const;

/** A node of a plan's goal tree, at any depth. `depth` indexes into plan.levelNames. */
export const goal = sqliteTable(
	'goal',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		parentId: integer('parent_id').references((): any => goal.id, { onDelete: 'cascade' }),
		depth: integer('depth').notNull().default(0),
		/** Printed number as text: "3.2", "19", "Nr 19" — gaps and forms survive. */
		number: text('number'),
		/** Printed label, e.g. "Inriktningsmål: Nr 19." or "Mål:". */
		label: text('label'),
		title: text('title').notNull(),
		description: text('description'),
		origin: text('origin', { enum: ORIGINS }).notNull().default('other'),
		sortOrder: integer('sort_order').notNull().default(0),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [
		index('goal_plan_parent_idx').on(t.planId, t.parentId, t.sortOrder),
		index('goal_parent_idx').on(t.parentId)
	]
);

/** An assignment (uppdrag) in a plan, optionally placed under a goal or avsnitt. */
export const uppdrag = sqliteTable(
	'uppdrag',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		goalId: integer('goal_id').references(() => goal.id, { onDelete: 'set null' }),
		number: text('number'),
		label: text('label'),
		/** The plan year the uppdrag was given in ("2018: Uppdrag 28" is carried over). */
		planYear: integer('plan_year'),
		text: text('text').notNull(),
		origin: text('origin', { enum: ORIGINS }).notNull().default('other'),
		owner: text('owner'),
		sortOrder: integer('sort_order').notNull().default(0),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [
		index('uppdrag_plan_idx').on(t.planId, t.sortOrder),
		index('uppdrag_goal_idx').on(t.goalId)
	]
);

/** What is measured. Shared between goals (and plans) through goal_indicator. */
export const indicator = sqliteTable(
	'indicator',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		definition: text('definition'),
		unit: text('unit'),
		decimals: integer('decimals').notNull().default(0),
		direction: text('direction', { enum: ['up', 'down', 'none'] }).notNull().default('none'),
		source: text('source'),
		/** Attribution to show beside the values, e.g. "Källa: Kolada". */
		attribution: text('attribution'),
		frequency: text('frequency', {
			enum: ['year', 'half', 'tertial', 'quarter', 'month', 'irregular']
		})
			.notNull()
			.default('year'),
		/** "kolada" | "scb" | null: where the external code lives. */
		externalSource: text('external_source'),
		/** Kolada KPI id ("N01951") or SCB ContentsCode. */
		externalCode: text('external_code'),
		/** SCB table id ("TAB6471"), when the source is SCB. */
		externalTable: text('external_table'),
		/** Relative band for gul: within this share of the target on the wrong side. */
		tolerance: real('tolerance').notNull().default(0.05),
		/** Relative change below which the trend counts as unchanged. */
		neutralBand: real('neutral_band').notNull().default(0.01),
		progressRule: text('progress_rule', { enum: ['none', 'opensdg'] }).notNull().default('none'),
		/** The organisation that owns a local indicator; null for shared statistics. */
		organisationId: integer('organisation_id').references(() => organisation.id, {
			onDelete: 'set null'
		}),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [
		uniqueIndex('indicator_slug_uq').on(t.slug),
		index('indicator_external_idx').on(t.externalSource, t.externalTable, t.externalCode),
		// Imports find "their" indicator by source, table and code; two matches would make that ambiguous.
		// Kolada has no table, and NULLs never collide in a unique index, hence two partial indexes.
		uniqueIndex('indicator_external_table_uq')
			.on(t.externalSource, t.externalTable, t.externalCode)
			.where(sql`${t.externalTable} IS NOT NULL`),
		uniqueIndex('indicator_external_code_uq')
			.on(t.externalSource, t.externalCode)
			.where(sql`${t.externalTable} IS NULL`)
	]
);

export const goalIndicator = sqliteTable(
	'goal_indicator',
	{
		goalId: integer('goal_id')
			.notNull()
			.references(() => goal.id, { onDelete: 'cascade' }),
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.goalId, t.indicatorId] }),
		index('goal_indicator_indicator_idx').on(t.indicatorId)
	]
);

export const TARGET_KINDS = [
	'min',
	'max',
	'exact',
	'range',
	'increase',
	'decrease',
	'improve',
	'benchmark',
	'report',
	'text'
] as const;

/** A target for an indicator, optionally for one goal and/or geography. Always keeps the printed wording. */
export const target = sqliteTable(
	'target',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		goalId: integer('goal_id').references(() => goal.id, { onDelete: 'cascade' }),
		geographyId: integer('geography_id').references(() => geography.id),
		kind: text('kind', { enum: TARGET_KINDS }).notNull(),
		value: real('value'),
		valueHigh: real('value_high'),
		reference: text('reference', { enum: ['base', 'previous'] }),
		basePeriod: text('base_period'),
		targetPeriod: text('target_period'),
		benchmark: text('benchmark', { enum: ['riket', 'comparable'] }),
		benchmarkSide: text('benchmark_side', { enum: ['above', 'below'] }),
		benchmarkMeasure: text('benchmark_measure', { enum: ['level', 'change'] }),
		wording: text('wording').notNull(),
		/** 0 = the primary target; secondary targets ("Skillnader … ska minska") follow. */
		rank: integer('rank').notNull().default(0),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [index('target_indicator_idx').on(t.indicatorId, t.goalId, t.rank)]
);

/** Provenance: one row per import (seed, file, API). Observations point to their batch. */
export const importBatch = sqliteTable('import_batch', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Human-readable origin, e.g. "SCB, tabell TAB6471: Folkmängden per månad …". */
	source: text('source').notNull(),
	/** Which importer wrote the batch: plan, values, pxweb, kolada, kolada-ddf (null for the seed's own rows). */
	kind: text('kind'),
	/** The address a URL import fetched (first page or query), so the fetch can be repeated. */
	url: text('url'),
	fileName: text('file_name'),
	sha256: text('sha256'),
	importedAt: text('imported_at')
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
	importedBy: text('imported_by'),
	counts: text('counts', { mode: 'json' }).$type<Record<string, number>>()
});

/**
 * One value: indicator × geography × period × sex. Numeric, a text value ("Helt") or a missing symbol.
 *
 * Shape chosen for import speed (issue 4) and from the EXPLAIN QUERY PLAN of every observation query of the
 * pages, the API, the assessment and the import (issue 7), on the demo data and on 2.9 M synthetic rows:
 * - WITHOUT ROWID, clustered on its natural key (indicator, geography, sex, period). That key is the primary
 *   key, so uniqueness costs no second B-tree, and a series (one indicator, geography and sex) is one
 *   contiguous range: the series, latest-value, value-at-period and import look-ups are primary-key searches.
 *   Migration 0002 adds WITHOUT ROWID by hand, because drizzle-kit cannot express it: a later migration that
 *   rebuilds this table must keep it (tests/unit/import-writer.test.ts checks).
 * - No other index. A secondary index is inserted into out of order (files come grouped by series), and each
 *   one roughly halves the import rate (measured, 1 M rows: one index on (indicator, sex, period) took SQLite's
 *   share of a row from about 5 to about 13 µs). Queries for one period across geographies name the
 *   geographies (`geography_id IN (…)`), which makes them primary-key searches too.
 *   Nothing deletes import batches, so batch_id needs no index for its ON DELETE SET NULL.
 * - No surrogate id: nothing refers to an observation by id (the API and pages use the natural key).
 * - No created_at / updated_at: an observation's time is its batch's imported_at (batch_id is moved to the
 *   batch that last changed it), `version` counts the changes, and the audit log (its own table) will hold
 *   the history. The per-row timestamps made every row about 50 bytes longer and cost a strftime() per insert.
 */
export const observation = sqliteTable(
	'observation',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		geographyId: integer('geography_id')
			.notNull()
			.references(() => geography.id),
		/** Canonical period code: "2019", "2019H1", "2019T2", "2019K1", "2026M01", "2015-2016". */
		period: text('period').notNull(),
		periodKind: text('period_kind', {
			enum: ['year', 'half', 'tertial', 'quarter', 'month', 'range']
		}).notNull(),
		periodStart: text('period_start').notNull(),
		periodEnd: text('period_end').notNull(),
		sex: text('sex', { enum: ['T', 'K', 'M'] })
			.notNull()
			.default('T'),
		value: real('value'),
		textValue: text('text_value'),
		missingSymbol: text('missing_symbol', { enum: ['..', '-', '.'] }),
		/** The value as printed in the document it came from, e.g. "sju (58 %)" or "ca. 12 000". */
		printed: text('printed'),
		note: text('note'),
		/** The batch that wrote the current value: where it came from and when (import_batch.imported_at). */
		batchId: integer('batch_id').references(() => importBatch.id, { onDelete: 'set null' }),
		version: integer('version').notNull().default(1)
	},
	(t) => [
		primaryKey({ name: 'observation_pk', columns: [t.indicatorId, t.geographyId, t.sex, t.period] }),
		check(
			'observation_one_kind',
			sql`(${t.value} IS NOT NULL) + (${t.textValue} IS NOT NULL) + (${t.missingSymbol} IS NOT NULL) <= 1`
		)
	]
);

/**
 * The latest observation of each series (indicator × geography × sex): the row with the greatest period_end
 * (then period_start), copied from `observation`. Derived data, kept current in the same transaction by every
 * writer of observations (the import core, publishing, the preview, the seed: see observation-latest.ts), so the
 * pages that show "the latest value" read one row per series instead of ranking the whole series (issue 7:
 * the kommun page ranked every observation of the kommun, 14 M rows scanned on the national database).
 * WITHOUT ROWID, clustered by geography (the kommun page reads every indicator of about 30 geographies, so
 * those rows lie together, value included); the index serves one indicator's geographies, sexes and latest period
 * (a secondary index of a WITHOUT ROWID table carries the key columns too).
 */
export const observationLatest = sqliteTable(
	'observation_latest',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		geographyId: integer('geography_id')
			.notNull()
			.references(() => geography.id),
		sex: text('sex', { enum: ['T', 'K', 'M'] }).notNull(),
		period: text('period').notNull(),
		periodStart: text('period_start').notNull(),
		periodEnd: text('period_end').notNull(),
		value: real('value'),
		textValue: text('text_value'),
		missingSymbol: text('missing_symbol', { enum: ['..', '-', '.'] }),
		printed: text('printed'),
		note: text('note')
	},
	(t) => [
		primaryKey({ name: 'observation_latest_pk', columns: [t.geographyId, t.sex, t.indicatorId] }),
		index('observation_latest_indicator_idx').on(t.indicatorId, t.periodEnd, t.periodStart)
	]
);

/** A follow-up period of a plan: "Delår 2 2019", "Helår 2019". */
export const followUpPeriod = sqliteTable(
	'follow_up_period',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		label: text('label').notNull(),
		kind: text('kind', { enum: ['delar', 'helar'] }).notNull(),
		year: integer('year').notNull(),
		/** Last day the period covers, ISO date. */
		endDate: text('end_date').notNull(),
		/** Reporting deadline for officials, ISO date. */
		deadline: text('deadline'),
		state: text('state', { enum: ['open', 'ready', 'approved', 'published'] })
			.notNull()
			.default('open'),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [
		uniqueIndex('period_plan_slug_uq').on(t.planId, t.slug),
		index('period_plan_end_idx').on(t.planId, t.endDate)
	]
);

/** The assessment of one goal, uppdrag or indicator for a period. Exactly one subject is set. */
export const assessment = sqliteTable(
	'assessment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		periodId: integer('period_id')
			.notNull()
			.references(() => followUpPeriod.id, { onDelete: 'cascade' }),
		goalId: integer('goal_id').references(() => goal.id, { onDelete: 'cascade' }),
		uppdragId: integer('uppdrag_id').references(() => uppdrag.id, { onDelete: 'cascade' }),
		indicatorId: integer('indicator_id').references(() => indicator.id, { onDelete: 'cascade' }),
		colour: text('colour', { enum: ['green', 'yellow', 'red'] }),
		trend: text('trend', { enum: ['improved', 'unchanged', 'worsened'] }),
		indicatorStatus: text('indicator_status', { enum: ['full', 'partial', 'none', 'missing'] }),
		comment: text('comment'),
		/** 'computed' by the rules, or 'manual' (set by a person). */
		source: text('source', { enum: ['computed', 'manual'] })
			.notNull()
			.default('manual'),
		/** What the rules computed, kept when a person overrides it. */
		computedColour: text('computed_colour', { enum: ['green', 'yellow', 'red'] }),
		/** Why the rules could not compute a colour ("no_value", "no_target", …). */
		computedReason: text('computed_reason'),
		/** Plain-language explanation of the computed colour, in Swedish and English. */
		explanation: text('explanation', { mode: 'json' }).$type<{ sv: string; en: string }>(),
		/** Required when a person overrides a computed colour. */
		overrideReason: text('override_reason'),
		/** The observation period the assessment is based on (data often lags the report period). */
		dataPeriod: text('data_period'),
		version: integer('version').notNull().default(1),
		...timestamps
	},
	(t) => [
		uniqueIndex('assessment_goal_uq')
			.on(t.periodId, t.goalId)
			.where(sql`${t.goalId} IS NOT NULL`),
		uniqueIndex('assessment_uppdrag_uq')
			.on(t.periodId, t.uppdragId)
			.where(sql`${t.uppdragId} IS NOT NULL`),
		uniqueIndex('assessment_indicator_uq')
			.on(t.periodId, t.indicatorId)
			.where(sql`${t.indicatorId} IS NOT NULL`),
		check(
			'assessment_one_subject',
			sql`(${t.goalId} IS NOT NULL) + (${t.uppdragId} IS NOT NULL) + (${t.indicatorId} IS NOT NULL) = 1`
		),
		check(
			'assessment_override_reason',
			sql`${t.source} = 'computed' OR ${t.computedColour} IS NULL OR ${t.colour} IS ${t.computedColour} OR ${t.overrideReason} IS NOT NULL`
		)
	]
);
