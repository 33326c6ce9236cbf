/**
 * The review workflow of a follow-up period as a pure state machine (issue 6):
 *
 *   öppen ──(every item marked ready)──▶ klar för granskning ──approve──▶ godkänd ──publish──▶ publicerad
 *     ▲            ◀──(an item unmarked)──┘                                  │                    │
 *     └──────────────────────────── reopen (admin, written reason) ─────────┴────────────────────┘
 *
 * Editors mark items (goals, avsnitt, uppdrag) ready within their scope; the period is "ready" exactly when
 * every item is. A reviewer approves on behalf of the nämnd (meeting date and paragraph) and publishes.
 * Approved and published periods are locked: values, comments and assessments cannot change until an admin
 * reopens the period with a reason. No database here: the server module applies these decisions.
 */
import type { Locale } from './labels';

export const PERIOD_STATES = ['open', 'ready', 'approved', 'published'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

export type WorkflowAction = 'markReady' | 'unmarkReady' | 'approve' | 'publish' | 'reopen' | 'comment';
export type WorkflowRole = 'admin' | 'editor' | 'reviewer';

/** Why an action is refused; each has a Swedish and an English message. */
export type Refusal = 'locked' | 'notReady' | 'notApproved' | 'notLocked' | 'role' | 'meetingDate' | 'paragraph' | 'reason';

export type Decision = { ok: true; next: PeriodState } | { ok: false; refusal: Refusal };

export interface ActionInput {
	/** approve: the nämnd's meeting, ISO date. */
	meetingDate?: string | null;
	/** approve: the paragraph / diarienummer as the protocol writes it. */
	paragraph?: string | null;
	/** reopen: the written reason. */
	reason?: string | null;
}

/** The words of the states, as the UI shows them. */
export const STATE_LABELS: Record<PeriodState, { sv: string; en: string }> = {
	open: { sv: 'Öppen', en: 'Open' },
	ready: { sv: 'Klar för granskning', en: 'Ready for review' },
	approved: { sv: 'Godkänd', en: 'Approved' },
	published: { sv: 'Publicerad', en: 'Published' }
};

export const REFUSALS: Record<Refusal, { sv: string; en: string }> = {
	locked: {
		sv: 'Perioden är godkänd och därmed låst. En administratör kan öppna den igen med en skriftlig motivering.',
		en: 'The period is approved and therefore locked. An administrator can reopen it with a written reason.'
	},
	notReady: {
		sv: 'Perioden kan godkännas först när alla mål, avsnitt och uppdrag är markerade som klara.',
		en: 'The period can be approved only when every goal, section and assignment is marked ready.'
	},
	notApproved: { sv: 'Perioden måste vara godkänd innan den publiceras.', en: 'The period must be approved before it is published.' },
	notLocked: {
		sv: 'Bara en godkänd eller publicerad period kan öppnas igen.',
		en: 'Only an approved or published period can be reopened.'
	},
	role: { sv: 'Din roll får inte göra det här.', en: 'Your role may not do this.' },
	meetingDate: {
		sv: 'Skriv nämndens sammanträdesdatum som ÅÅÅÅ-MM-DD, till exempel 2020-02-18.',
		en: 'Enter the date of the committee meeting as YYYY-MM-DD, for example 2020-02-18.'
	},
	paragraph: {
		sv: 'Skriv paragraf eller diarienummer ur protokollet, till exempel § 12, Dnr 20RS263.',
		en: 'Enter the paragraph or case number of the minutes, for example § 12, Dnr 20RS263.'
	},
	reason: {
		sv: 'Skriv varför perioden öppnas igen (minst 10 tecken). Motiveringen sparas i historiken.',
		en: 'Write why the period is reopened (at least 10 characters). The reason is kept in the history.'
	}
};

/** Which roles may take each action (admins always may). */
const ROLES: Record<WorkflowAction, readonly WorkflowRole[]> = {
	markReady: ['editor', 'admin'],
	unmarkReady: ['editor', 'admin'],
	approve: ['reviewer', 'admin'],
	publish: ['reviewer', 'admin'],
	reopen: ['admin'],
	comment: ['reviewer', 'admin']
};

export const REASON_MIN = 10;

/** True when values, comments and assessments of the period may not change. */
export function isLockedState(state: PeriodState): boolean {
	return state === 'approved' || state === 'published';
}

/** The state of an unlocked period given its marks: ready exactly when every item is marked (and there are items). */
export function stateFromMarks(ready: number, total: number): 'open' | 'ready' {
	return total > 0 && ready >= total ? 'ready' : 'open';
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * May `role` take `action` on a period in `state`? For mark actions `next` is the state before the marks are
 * recounted (the caller recounts with `stateFromMarks`).
 */
export function decide(state: PeriodState, action: WorkflowAction, role: WorkflowRole, input: ActionInput = {}): Decision {
	if (!ROLES[action].includes(role) && role !== 'admin') return { ok: false, refusal: 'role' };
	switch (action) {
		case 'markReady':
		case 'unmarkReady':
			return isLockedState(state) ? { ok: false, refusal: 'locked' } : { ok: true, next: state };
		case 'comment':
			return { ok: true, next: state };
		case 'approve':
			if (isLockedState(state)) return { ok: false, refusal: 'locked' };
			if (state !== 'ready') return { ok: false, refusal: 'notReady' };
			if (!input.meetingDate || !isIsoDate(input.meetingDate.trim())) return { ok: false, refusal: 'meetingDate' };
			if (!input.paragraph || input.paragraph.trim().length < 2) return { ok: false, refusal: 'paragraph' };
			return { ok: true, next: 'approved' };
		case 'publish':
			return state === 'approved' ? { ok: true, next: 'published' } : { ok: false, refusal: 'notApproved' };
		case 'reopen':
			if (!isLockedState(state)) return { ok: false, refusal: 'notLocked' };
			if (!input.reason || input.reason.trim().length < REASON_MIN) return { ok: false, refusal: 'reason' };
			return { ok: true, next: 'open' };
	}
}

export function refusalMessage(r: Refusal, locale: Locale = 'sv'): string {
	return REFUSALS[r][locale];
}

export function stateLabel(s: PeriodState, locale: Locale = 'sv'): string {
	return STATE_LABELS[s][locale];
}
