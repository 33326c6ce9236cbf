/**
 * Drafted assessments of a goal, uppdrag or indicator for a period: the comment and a proposed colour. The
 * computed colour (indicators; src/lib/server/assess) stands unless a person proposes another one, and then only
 * with a written reason. Same version rule as values (observation-drafts.ts): a stale form is a conflict.
 */
import { computedWithDrafts } from './draft-colour';
import { isPeriodLocked } from '../review/workflow';
import { REFUSALS } from '../../domain/review-workflow';
import type { Db } from '../db/client';
import type { Colour } from '../../domain/types';
import type { SubjectKind } from '../db/schema-drafts';
import { writeAudit, type Actor } from '../auth/audit';
import type { Bilingual, Seen } from './observation-drafts';

export interface AssessmentSubject {
	periodId: number;
	kind: SubjectKind;
	id: number;
}

export interface PublishedAssessment {
	colour: Colour | null;
	source: 'computed' | 'manual';
	computedColour: Colour | null;
	computedReason: string | null;
	explanation: { sv: string; en: string } | null;
	comment: string | null;
	overrideReason: string | null;
	version: number;
}

export interface DraftAssessment {
	colour: Colour | null;
	overrideReason: string | null;
	comment: string | null;
	version: number;
	baseVersion: number;
	updatedBy: string | null;
	updatedAt: string;
}

export interface AssessmentState {
	published: PublishedAssessment | null;
	draft: DraftAssessment | null;
}

export interface AssessmentInput {
	colour: string;
	overrideReason: string;
	comment: string;
}

export type AssessmentField = 'colour' | 'overrideReason' | 'comment';

export type AssessmentSaveResult =
	| { ok: true; state: AssessmentState; unchanged?: boolean }
	| { ok: false; kind: 'invalid'; errors: Partial<Record<AssessmentField, Bilingual>> }
	| { ok: false; kind: 'conflict'; state: AssessmentState };

/** The assessment column that holds each kind of subject. */
export const SUBJECT_COLUMN: Record<SubjectKind, string> = { goal: 'goal_id', uppdrag: 'uppdrag_id', indicator: 'indicator_id' };
const COLOURS: Colour[] = ['green', 'yellow', 'red'];
const COMMENT_MAX = 10_000;
const REASON_MIN = 10;

export const subjectId = (s: AssessmentSubject) => `${s.periodId}:${s.kind}:${s.id}`;

export function assessmentState(db: Db, s: AssessmentSubject): AssessmentState {
	const p = db.$client
		.prepare(
			`SELECT colour, source, computed_colour, computed_reason, explanation, comment, override_reason, version
			 FROM assessment WHERE period_id = ? AND ${SUBJECT_COLUMN[s.kind]} = ?`
		)
		.get(s.periodId, s.id) as Record<string, never> | undefined;
	const d = db.$client
		.prepare(
			`SELECT d.colour, d.override_reason, d.comment, d.version, d.base_version, d.updated_at, u.name AS updated_by
			 FROM assessment_draft d LEFT JOIN user u ON u.id = d.updated_by
			 WHERE d.period_id = ? AND d.subject_kind = ? AND d.subject_id = ?`
		)
		.get(s.periodId, s.kind, s.id) as Record<string, never> | undefined;
	return {
		published: p
			? {
					colour: p.colour,
					source: p.source,
					computedColour: p.computed_colour,
					computedReason: p.computed_reason,
					explanation: p.explanation ? JSON.parse(p.explanation) : null,
					comment: p.comment,
					overrideReason: p.override_reason,
					version: p.version
				}
			: null,
		draft: d
			? { colour: d.colour, overrideReason: d.override_reason, comment: d.comment, version: d.version, baseVersion: d.base_version, updatedBy: d.updated_by, updatedAt: d.updated_at }
			: null
	};
}

/**
 * The rule for a proposed colour: none (use the computed one), the computed one itself, or another one with a
 * written reason of at least a short sentence. `computed` is the colour the rules give now.
 */
export function checkAssessment(input: AssessmentInput, computed: Colour | null): { ok: true; colour: Colour | null; overrideReason: string | null; comment: string | null } | { ok: false; errors: Partial<Record<AssessmentField, Bilingual>> } {
	const errors: Partial<Record<AssessmentField, Bilingual>> = {};
	const colour = input.colour === '' ? null : (input.colour as Colour);
	if (colour !== null && !COLOURS.includes(colour)) errors.colour = { sv: 'Välj grön, gul, röd eller den beräknade färgen.', en: 'Choose green, yellow, red or the computed colour.' };
	const reason = input.overrideReason.trim();
	const overrides = colour !== null && computed !== null && colour !== computed;
	if (overrides && reason.length < REASON_MIN) {
		errors.overrideReason = {
			sv: `Du föreslår en annan färg än den beräknade. Skriv varför (minst ${REASON_MIN} tecken).`,
			en: `You propose another colour than the computed one. Write why (at least ${REASON_MIN} characters).`
		};
	}
	const comment = input.comment.replace(/\r\n?/g, '\n').trim();
	if (comment.length > COMMENT_MAX) errors.comment = { sv: `Kommentaren är för lång (högst ${COMMENT_MAX} tecken).`, en: `The comment is too long (at most ${COMMENT_MAX} characters).` };
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, colour, overrideReason: overrides ? reason : reason || null, comment: comment || null };
}

export function saveAssessmentDraft(db: Db, actor: Actor, s: AssessmentSubject, input: AssessmentInput, seen: Seen): AssessmentSaveResult {
	return db.$client.transaction((): AssessmentSaveResult => {
		// The routes refuse a locked period first; this keeps any other caller (scripts, future pages) from
		// drafting into a period the nämnd has approved.
		if (isPeriodLocked(db, s.periodId)) return { ok: false, kind: 'invalid', errors: { comment: REFUSALS.locked } };
		const before = assessmentState(db, s);
		if ((before.draft?.version ?? 0) !== seen.draftVersion || (before.published?.version ?? 0) !== seen.publishedVersion) {
			return { ok: false, kind: 'conflict', state: before };
		}
		// An indicator's proposed colour is checked against what its value draft (if any) computes to,
		// the same colour publishing will check it against.
		const computed = s.kind === 'indicator' ? draftComputedColour(db, s) : (before.published?.computedColour ?? null);
		const checked = checkAssessment(input, computed === undefined ? (before.published?.computedColour ?? null) : computed);
		if (!checked.ok) return { ok: false, kind: 'invalid', errors: checked.errors };
		const pub = before.published;
		const publishedManual = pub?.source === 'manual' ? pub.colour : null;
		const samePublished =
			(pub?.comment ?? null) === checked.comment && publishedManual === checked.colour && (checked.colour === null || (pub?.overrideReason ?? null) === checked.overrideReason);
		const args = [s.periodId, s.kind, s.id];
		if (samePublished) {
			if (!before.draft) return { ok: true, state: before, unchanged: true };
			db.$client.prepare('DELETE FROM assessment_draft WHERE period_id = ? AND subject_kind = ? AND subject_id = ?').run(...args);
			writeAudit(db, actor, { action: 'draft.discard', entity: 'assessment', entityId: subjectId(s), old: draftJson(before.draft), new: null });
			return { ok: true, state: assessmentState(db, s) };
		}
		const d = before.draft;
		if (d && d.colour === checked.colour && d.overrideReason === checked.overrideReason && d.comment === checked.comment) return { ok: true, state: before, unchanged: true };
		db.$client
			.prepare(
				`INSERT INTO assessment_draft (period_id, subject_kind, subject_id, colour, override_reason, comment, base_version, version, updated_by, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
				 ON CONFLICT (period_id, subject_kind, subject_id) DO UPDATE SET colour = excluded.colour, override_reason = excluded.override_reason,
				   comment = excluded.comment, base_version = excluded.base_version, version = assessment_draft.version + 1,
				   updated_by = excluded.updated_by, updated_at = excluded.updated_at`
			)
			.run(...args, checked.colour, checked.overrideReason, checked.comment, seen.publishedVersion, actor.userId);
		const after = assessmentState(db, s);
		writeAudit(db, actor, {
			action: 'draft.save',
			entity: 'assessment',
			entityId: subjectId(s),
			old: d ? draftJson(d) : pub ? { colour: pub.colour, comment: pub.comment, overrideReason: pub.overrideReason } : null,
			new: draftJson(after.draft!)
		});
		return { ok: true, state: after };
	})();
}

export function draftJson(d: Pick<DraftAssessment, 'colour' | 'comment' | 'overrideReason'>) {
	return { colour: d.colour, comment: d.comment, overrideReason: d.overrideReason };
}

/** The computed colour an indicator gets with the plan's value drafts applied; undefined when it has no value draft. */
function draftComputedColour(db: Db, s: AssessmentSubject): Colour | null | undefined {
	const plan = db.$client.prepare('SELECT plan_id FROM follow_up_period WHERE id = ?').get(s.periodId) as { plan_id: number } | undefined;
	if (!plan) return undefined;
	const found = computedWithDrafts(db, plan.plan_id, s.periodId, [s.id]).get(s.id);
	return found ? found.computedColour : undefined;
}
