/**
 * The follow-up periods of a plan (delår and helår): list, create with their reporting deadline, change the
 * name and dates while the period is not approved, and delete one nothing has been entered for. The period's
 * state (open → ready → approved → published) belongs to the review workflow, not to this module. Each change
 * writes its audit entry in the same transaction.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { planTarget } from '../auth/guard';
import { followUpIdentity, periodDateProblem, type FollowUpKind } from '../../domain/follow-up-period';
import type { ReportingPeriod } from '../editing/period';
import { isPeriodLocked, lockedMessage } from '../review/workflow';
import { assertMay } from './access';
import { audit, changes, count, insert, pick, str, updateVersioned, type Row } from './common';
import { invalid, notFound, StructureError, type Message } from './errors';
import type { PeriodCreateInput, PeriodEditInput } from './schemas';

/** A period as the structure page lists it: the reporting period's own fields, its version and what hangs on it. */
export interface PeriodSummary extends Omit<ReportingPeriod, 'planId' | 'organisationId' | 'geographyId'> {
	version: number;
	/** Assessments, drafts and review marks entered for it (a period with any cannot be deleted). */
	entries: number;
	values: Record<string, string>;
}

const EDIT_FIELDS = ['label', 'endDate', 'deadline'];

export const periodForm = (row: Row): Record<string, string> => ({
	label: str(row.label),
	endDate: str(row.end_date),
	deadline: str(row.deadline)
});

/** What has been entered for a period: assessments, drafts, review marks, approvals and comments. */
function periodEntries(db: Db, id: number): number {
	return ['assessment', 'assessment_draft', 'review_ready_mark', 'period_approval', 'review_comment'].reduce(
		(n, table) => n + count(db, `SELECT count(*) AS n FROM ${table} WHERE period_id = ?`, id),
		0
	);
}

export function listPeriods(db: Db, planId: number): PeriodSummary[] {
	const rows = db.$client
		.prepare('SELECT * FROM follow_up_period WHERE plan_id = ? ORDER BY end_date DESC, kind DESC, id DESC')
		.all(planId) as Row[];
	return rows.map((r) => ({
		id: r.id as number,
		slug: r.slug as string,
		label: r.label as string,
		kind: r.kind as FollowUpKind,
		year: r.year as number,
		endDate: r.end_date as string,
		deadline: (r.deadline as string | null) ?? null,
		state: r.state as PeriodSummary['state'],
		version: r.version as number,
		entries: periodEntries(db, r.id as number),
		values: periodForm(r)
	}));
}

const DATE_MESSAGES: Record<'end_outside_year' | 'deadline_before_end', [string, Message]> = {
	end_outside_year: ['endDate', { sv: 'Slutdatumet ska ligga inom periodens år.', en: "The end date must fall within the period's year." }],
	deadline_before_end: [
		'deadline',
		{ sv: 'Sista dag för rapportering kan inte vara före periodens slutdatum.', en: 'The reporting deadline cannot be before the end date.' }
	]
};

function checkDates(year: number, end: string, deadline: string | null) {
	const problem = periodDateProblem(year, end, deadline);
	if (problem) {
		const [field, message] = DATE_MESSAGES[problem];
		throw invalid({ [field]: message });
	}
}

export function createPeriod(db: Db, user: SessionUser, planId: number, input: PeriodCreateInput): number {
	return db.transaction(() => {
		const plan = db.$client.prepare('SELECT archived FROM plan WHERE id = ?').get(planId) as { archived: number } | undefined;
		if (!plan) throw notFound({ sv: 'Planen finns inte.', en: 'The plan does not exist.' });
		assertMay(user, planTarget(db, planId));
		if (plan.archived) {
			throw new StructureError('in_use', { sv: 'Planen är arkiverad; återställ den först.', en: 'The plan is archived; restore it first.' });
		}
		const part = input.kind === 'delar' ? (input.part ?? 1) : null;
		const id = followUpIdentity(input.kind, input.year, part);
		const endDate = input.endDate ?? id.defaultEnd;
		if (!endDate) {
			throw invalid({ endDate: { sv: `Skriv slutdatum för delår ${part}.`, en: `Enter the end date of interim period ${part}.` } });
		}
		checkDates(input.year, endDate, input.deadline);
		if (db.$client.prepare('SELECT 1 FROM follow_up_period WHERE plan_id = ? AND slug = ?').get(planId, id.slug)) {
			const field = input.kind === 'delar' ? 'part' : 'year';
			throw invalid({ [field]: { sv: `Planen har redan ${id.label}.`, en: `The plan already has ${id.label}.` } });
		}
		const values = { planId, slug: id.slug, label: input.label ?? id.label, kind: input.kind, year: input.year, endDate, deadline: input.deadline };
		const periodId = insert(db, 'follow_up_period', values);
		audit(db, user, 'create', 'follow_up_period', periodId, null, values);
		return periodId;
	});
}

function periodRow(db: Db, id: number): Row {
	const row = db.$client.prepare('SELECT * FROM follow_up_period WHERE id = ?').get(id) as Row | undefined;
	if (!row) throw notFound({ sv: 'Perioden finns inte.', en: 'The period does not exist.' });
	return row;
}

const lockedError = () => new StructureError('in_use', { sv: lockedMessage('sv'), en: lockedMessage('en') });

export function updatePeriod(db: Db, user: SessionUser, id: number, version: number, input: PeriodEditInput): number {
	return db.transaction(() => {
		const before = periodRow(db, id);
		assertMay(user, planTarget(db, before.plan_id as number));
		if (isPeriodLocked(db, id)) throw lockedError();
		// An emptied name or end date keeps the stored one: both are required.
		const values = {
			label: input.label ?? (before.label as string),
			endDate: input.endDate ?? (before.end_date as string),
			deadline: input.deadline
		};
		checkDates(before.year as number, values.endDate, values.deadline);
		const next = updateVersioned(db, 'follow_up_period', id, version, values, periodForm);
		const diff = changes(pick(before, EDIT_FIELDS), values);
		if (diff) audit(db, user, 'update', 'follow_up_period', id, diff.old, diff.new);
		return next;
	});
}

export function deletePeriod(db: Db, user: SessionUser, id: number): number {
	return db.transaction(() => {
		const before = periodRow(db, id);
		assertMay(user, planTarget(db, before.plan_id as number));
		if (before.state !== 'open' || periodEntries(db, id) > 0) {
			throw new StructureError('in_use', {
				sv: `${before.label} har bedömningar, kommentarer eller granskning och kan inte tas bort.`,
				en: `${before.label} has assessments, comments or review entries and cannot be deleted.`
			});
		}
		db.$client.prepare('DELETE FROM follow_up_period WHERE id = ?').run(id);
		audit(db, user, 'delete', 'follow_up_period', id, { slug: before.slug, ...pick(before, ['kind', 'year', ...EDIT_FIELDS]) }, null);
		return before.plan_id as number;
	});
}
