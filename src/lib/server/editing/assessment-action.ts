/**
 * The "save an assessment draft" form action shared by the reporting pages (a goal's page, the plan's uppdrag
 * without a goal): the route checks the role first, this checks the period lock, the subject's scope and the
 * fields, and answers with the form's id so the page can show the result beside the right form.
 */
import { fail } from '@sveltejs/kit';
import type { Locale } from '../../i18n';
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { SUBJECT_KINDS, type SubjectKind } from '../db/schema-drafts';
import { saveAssessmentDraft } from './assessment-drafts';
import { LOCKED_MESSAGE, type ReportingPeriod } from './period';
import { mayEdit, subjectTargets } from './scope';

const REFUSED = { sv: 'Du har inte behörighet att ändra det här.', en: 'You may not change this.' };
const FIELDS = ['kind', 'id', 'colour', 'overrideReason', 'comment', 'draftVersion', 'publishedVersion'];

export function saveAssessmentForm(db: Db, user: SessionUser, period: ReportingPeriod, locked: boolean, fd: FormData, l: Locale) {
	const values = Object.fromEntries(FIELDS.map((n) => [n, String(fd.get(n) ?? '')]));
	const kind = values.kind as SubjectKind;
	const formId = `assessment:${values.kind}:${values.id}`;
	if (locked) return fail(423, { form: formId, values, errors: { comment: LOCKED_MESSAGE[l] } });
	if (!SUBJECT_KINDS.includes(kind) || !mayEdit(user, subjectTargets(db, kind, Number(values.id), period.planId))) {
		return fail(403, { form: formId, values, errors: { comment: REFUSED[l] } });
	}
	const r = saveAssessmentDraft(
		db,
		{ userId: user.id, channel: 'form' },
		{ periodId: period.id, kind, id: Number(values.id) },
		{ colour: values.colour, overrideReason: values.overrideReason, comment: values.comment },
		{ draftVersion: Number(values.draftVersion), publishedVersion: Number(values.publishedVersion) }
	);
	if (r.ok) return { saved: formId, unchanged: !!r.unchanged };
	if (r.kind === 'invalid') return fail(400, { form: formId, values, errors: Object.fromEntries(Object.entries(r.errors).map(([f, m]) => [f, m![l]])) });
	return fail(409, { form: formId, values, conflict: r.state });
}
