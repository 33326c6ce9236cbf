/**
 * Drafts: what officials enter before it is published. The public site and the API read only the published
 * tables (observation, assessment), so a draft can never leak; publishing copies a draft into them and
 * deletes it, in one transaction with its audit entries. Keep this file free of `$lib` imports.
 *
 * A draft is shared by everyone who may edit its subject (not per person): two officials editing the same value
 * meet in the same row, and `version` makes the second save a conflict instead of a silent overwrite.
 * An editor's upload on the admin import page writes drafts too (import/drafts.ts), with its batch id.
 * `baseVersion` is the published row's version when the draft was started (0: nothing published then), so
 * publishing over a value that an import or another publication changed meanwhile is a conflict too.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { followUpPeriod, geography, indicator } from './schema';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** A drafted observation: same natural key as `observation`. */
export const observationDraft = sqliteTable(
	'observation_draft',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		geographyId: integer('geography_id')
			.notNull()
			.references(() => geography.id),
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
		note: text('note'),
		/** The value as printed in an imported file ("ca 50 000"), kept when the draft is published. */
		printed: text('printed'),
		/**
		 * The import batch that wrote this draft (null: typed in a form or the grid). Publishing keeps it as the
		 * observation's batch, so the published value still names the file it came from.
		 */
		batchId: integer('batch_id'),
		/** A draft that removes the published value when published. */
		remove: integer('remove', { mode: 'boolean' }).notNull().default(false),
		baseVersion: integer('base_version').notNull().default(0),
		version: integer('version').notNull().default(1),
		updatedBy: integer('updated_by'),
		updatedAt: text('updated_at').notNull().default(now)
	},
	(t) => [
		primaryKey({ name: 'observation_draft_pk', columns: [t.indicatorId, t.geographyId, t.sex, t.period] }),
		check(
			'observation_draft_one_kind',
			sql`(${t.value} IS NOT NULL) + (${t.textValue} IS NOT NULL) + (${t.missingSymbol} IS NOT NULL) <= 1`
		)
	]
);

export const SUBJECT_KINDS = ['goal', 'uppdrag', 'indicator'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * A drafted assessment of a goal, uppdrag or indicator for a follow-up period: the comment, and a proposed
 * colour that overrides the computed one only with a written reason. `colour` null: use the computed colour.
 */
export const assessmentDraft = sqliteTable(
	'assessment_draft',
	{
		periodId: integer('period_id')
			.notNull()
			.references(() => followUpPeriod.id, { onDelete: 'cascade' }),
		subjectKind: text('subject_kind', { enum: SUBJECT_KINDS }).notNull(),
		subjectId: integer('subject_id').notNull(),
		colour: text('colour', { enum: ['green', 'yellow', 'red'] }),
		overrideReason: text('override_reason'),
		comment: text('comment'),
		baseVersion: integer('base_version').notNull().default(0),
		version: integer('version').notNull().default(1),
		updatedBy: integer('updated_by'),
		updatedAt: text('updated_at').notNull().default(now)
	},
	(t) => [
		primaryKey({ name: 'assessment_draft_pk', columns: [t.periodId, t.subjectKind, t.subjectId] }),
		index('assessment_draft_subject_idx').on(t.subjectKind, t.subjectId)
	]
);
