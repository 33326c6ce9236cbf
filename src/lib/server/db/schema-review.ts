/**
 * The nämnd's review of a follow-up period (issue 6): which items the editors have marked ready, the approval
 * on behalf of the nämnd (meeting date and paragraph), and reviewers' comments for the förvaltning.
 * The period's own state and version stay on follow_up_period; every step is also in the audit log.
 * Keep this file free of `$lib` imports: drizzle-kit loads it directly.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { followUpPeriod } from './schema';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** What can be marked ready: a goal at any level (an avsnitt is a top-level goal) or an uppdrag. */
export const READY_SUBJECTS = ['goal', 'uppdrag'] as const;
export type ReadySubject = (typeof READY_SUBJECTS)[number];

/** One item of a period marked ready by an editor whose scope covers it. No row: not ready. */
export const reviewReadyMark = sqliteTable(
	'review_ready_mark',
	{
		periodId: integer('period_id')
			.notNull()
			.references(() => followUpPeriod.id, { onDelete: 'cascade' }),
		subjectKind: text('subject_kind', { enum: READY_SUBJECTS }).notNull(),
		subjectId: integer('subject_id').notNull(),
		/** No foreign key, like the audit log: the mark outlives the account. */
		markedBy: integer('marked_by'),
		markedAt: text('marked_at').notNull().default(now)
	},
	(t) => [primaryKey({ name: 'review_ready_mark_pk', columns: [t.periodId, t.subjectKind, t.subjectId] })]
);

/**
 * The approval of a period on behalf of the nämnd. A row exists while the period is approved or published;
 * reopening deletes it (the audit log keeps every approval and reopening with its reason).
 */
export const periodApproval = sqliteTable(
	'period_approval',
	{
		periodId: integer('period_id')
			.primaryKey()
			.references(() => followUpPeriod.id, { onDelete: 'cascade' }),
		/** The nämnd's meeting, ISO date. */
		meetingDate: text('meeting_date').notNull(),
		/** As the protocol writes it, e.g. "§ 45, Dnr 20RS263". */
		paragraph: text('paragraph').notNull(),
		approvedBy: integer('approved_by'),
		approvedAt: text('approved_at').notNull().default(now),
		publishedBy: integer('published_by'),
		publishedAt: text('published_at')
	},
	(t) => [check('period_approval_meeting_date', sql`${t.meetingDate} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`)]
);

/** What a reviewer can comment on: a goal (or avsnitt), an uppdrag or an indicator. */
export const COMMENT_SUBJECTS = ['goal', 'uppdrag', 'indicator'] as const;
export type CommentSubject = (typeof COMMENT_SUBJECTS)[number];

/** A reviewer's comment for the förvaltning. Visible to editors, reviewers and admins; never public. */
export const reviewComment = sqliteTable(
	'review_comment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		periodId: integer('period_id')
			.notNull()
			.references(() => followUpPeriod.id, { onDelete: 'cascade' }),
		subjectKind: text('subject_kind', { enum: COMMENT_SUBJECTS }).notNull(),
		subjectId: integer('subject_id').notNull(),
		userId: integer('user_id'),
		/** The author's name when written, so the comment reads the same after the account is gone. */
		authorName: text('author_name').notNull(),
		body: text('body').notNull(),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [
		index('review_comment_subject_idx').on(t.periodId, t.subjectKind, t.subjectId),
		check('review_comment_body', sql`length(trim(${t.body})) > 0`)
	]
);
