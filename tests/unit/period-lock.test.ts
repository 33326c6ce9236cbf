/**
 * One lock rule everywhere (issue 6): once the nämnd has approved a period, the reporting page per goal, the
 * grid, publishing and an import of values leave it as it was, each with the review workflow's message. The
 * routes' actions are called as SvelteKit calls them, against a private copy of the demo database.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import type { Db } from '../../src/lib/server/db/client';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { freshSeededDb } from '../helpers/db';
import { approve, markReady, reviewItems, isPeriodLocked } from '../../src/lib/server/review/workflow';
import { isLocked, LOCKED_MESSAGE, getReportingPeriod } from '../../src/lib/server/editing/period';
import { goalEdit } from '../../src/lib/server/editing/goal-edit';
import { runImportSync } from '../../src/lib/server/import/run';
import { saveAssessmentDraft } from '../../src/lib/server/editing/assessment-drafts';
import { REFUSALS } from '../../src/lib/domain/review-workflow';

let db: Db;
vi.mock('$lib/server/db', () => ({ getDb: () => db }));

const admin: SessionUser = { id: 1, email: 'a@x.se', name: 'Admin', role: 'admin', scopes: [] };
const q = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as T;

let periodId: number;
let planId: number;
let indicatorId: number;
let goalId: number;
let geoCode: string;

function approvePeriod() {
	const items = reviewItems(db, planId);
	for (const g of items.goals.filter((x) => x.depth === 0)) markReady(db, admin, periodId, { kind: 'goal', id: g.id });
	for (const u of items.uppdrag) markReady(db, admin, periodId, { kind: 'uppdrag', id: u.id });
	const { state, version } = q<{ state: string; version: number }>('SELECT state, version FROM follow_up_period WHERE id = ?', periodId);
	expect(state).toBe('ready');
	approve(db, admin, periodId, version, { meetingDate: '2026-05-20', paragraph: '§ 40' });
	expect(isPeriodLocked(db, periodId)).toBe(true);
}

function post(fields: Record<string, string | number>) {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
	return {
		request: new Request('http://localhost/admin', { method: 'POST', body: fd }),
		locals: { user: admin, locale: 'sv' as const },
		params: { period: String(periodId), goal: String(goalId) }
	};
}

const indicatorAssessment = () =>
	q<{ colour: string | null; data_period: string | null; updated_at: string }>(
		'SELECT colour, data_period, updated_at FROM assessment WHERE period_id = ? AND indicator_id = ?',
		periodId,
		indicatorId
	);

/** A values file with the tertial the demo lacks (Delår 1 2026 reports 2026T1). */
const valuesFile = () =>
	new TextEncoder().encode(['indikator;geografi;period;värde', `exempel-sjukfranvaro;${geoCode};2026T1;4,1`].join('\n'));

beforeEach(() => {
	db = freshSeededDb();
	const p = q<{ id: number; plan_id: number }>("SELECT id, plan_id FROM follow_up_period WHERE slug = 'delar-1-2026'");
	periodId = p.id;
	planId = p.plan_id;
	indicatorId = q<{ id: number }>("SELECT id FROM indicator WHERE slug = 'exempel-sjukfranvaro'").id;
	goalId = q<{ goal_id: number }>('SELECT goal_id FROM goal_indicator WHERE indicator_id = ?', indicatorId).goal_id;
	geoCode = q<{ code: string }>('SELECT g.code FROM plan p JOIN geography g ON g.id = p.geography_id WHERE p.id = ?', planId).code;
});

describe('one lock rule: the review module decides', () => {
	it('uses the review workflow’s definition and message', () => {
		expect(LOCKED_MESSAGE).toBe(REFUSALS.locked);
		const period = getReportingPeriod(db, periodId)!;
		expect(isLocked(db, period)).toBe(false);
		approvePeriod();
		// The period object was read before the approval: the rule reads the state as it is now.
		expect(period.state).toBe('open');
		expect(isLocked(db, period)).toBe(true);
		expect(goalEdit(db, admin, periodId, goalId)?.locked).toBe(true);
	});
});

describe('an approved period refuses every save', () => {
	it('refuses a value and an assessment on the reporting page of a goal, and drafts nothing', async () => {
		const { actions } = await import('../../src/routes/admin/rapportera/[period]/mal/[goal]/+page.server');
		approvePeriod();
		const before = q<{ n: number }>('SELECT count(*) AS n FROM observation_draft').n;
		const value = (await actions.value!(
			post({ indicator: indicatorId, sex: 'T', period: '2026T1', value: '4,2', note: '', draftVersion: 0, publishedVersion: 0 }) as never
		)) as { status: number; data: { errors: Record<string, string> } };
		expect(value.status).toBe(423);
		expect(value.data.errors.value).toBe(REFUSALS.locked.sv);
		const assessment = (await actions.assessment!(
			post({ kind: 'goal', id: goalId, colour: 'gron', overrideReason: '', comment: 'Bra.', draftVersion: 0, publishedVersion: 0 }) as never
		)) as { status: number; data: { errors: Record<string, string> } };
		expect(assessment.status).toBe(423);
		expect(assessment.data.errors.comment).toBe(REFUSALS.locked.sv);
		expect(q<{ n: number }>('SELECT count(*) AS n FROM observation_draft').n).toBe(before);
		expect(q<{ n: number }>('SELECT count(*) AS n FROM assessment_draft WHERE period_id = ?', periodId).n).toBe(0);
		// Below the route too: the draft module itself refuses the locked period.
		const direct = saveAssessmentDraft(db, { userId: admin.id, channel: 'form' }, { periodId, kind: 'goal', id: goalId }, { colour: '', overrideReason: '', comment: 'Bra.' }, { draftVersion: 0, publishedVersion: 0 });
		expect(direct).toEqual({ ok: false, kind: 'invalid', errors: { comment: REFUSALS.locked } });
	});

	it('refuses the grid (tabell) with the message and keeps what was typed', async () => {
		const { actions } = await import('../../src/routes/admin/rapportera/[period]/tabell/+page.server');
		const { load } = await import('../../src/routes/admin/rapportera/[period]/tabell/+page.server');
		const page = (await load!({ ...post({}), url: new URL('http://localhost/admin') } as never)) as {
			sections: { groups: { rows: { cells: { name: string; text: string; seen: string }[] }[] }[] }[];
		};
		const cell = page.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.cells)))[0];
		approvePeriod();
		const fields: Record<string, string> = { kon: 'T', [cell.name]: '4,4' };
		const r = (await Promise.resolve()
			.then(() => actions.default!(post(fields) as never))
			.catch((e: unknown) => {
				// A redirect would mean it saved.
				if (isRedirect(e)) return { status: e.status };
				throw e;
			})) as { status: number; data?: { message: string; values: Record<string, string> } };
		expect(r.status).toBe(409);
		expect(r.data!.message).toBe(REFUSALS.locked.sv);
		expect(r.data!.values[cell.name]).toBe('4,4');
		expect(q<{ n: number }>('SELECT count(*) AS n FROM observation_draft').n).toBe(0);
	});

	it('refuses publishing the period’s drafts', async () => {
		const { actions } = await import('../../src/routes/admin/rapportera/[period]/publicera/+page.server');
		approvePeriod();
		const r = (await actions.publish!(post({}) as never)) as { status: number; data: { message: string } };
		expect(r.status).toBe(409);
		expect(r.data.message).toBe(REFUSALS.locked.sv);
	});

	it('an import of values keeps the approved period’s assessments and says so; an open period is recoloured', () => {
		// Control: while the period is open the new tertial is assessed at once.
		const open = freshSeededDb();
		const was = db;
		db = open;
		const r0 = runImportSync(db, { kind: 'values', input: { bytes: valuesFile(), fileName: 'varden.csv' } });
		// The plan's earlier, published periods are locked already; the open one is not among them.
		expect(r0.warnings.find((w) => w.code === 'period-locked')?.message).not.toMatch(/Delår 1 2026/);
		expect(indicatorAssessment().data_period).toBe('2026T1');

		db = was;
		approvePeriod();
		const before = indicatorAssessment();
		const r = runImportSync(db, { kind: 'values', input: { bytes: valuesFile(), fileName: 'varden.csv' } });
		expect(r.counts.observations?.new).toBe(1);
		expect(indicatorAssessment()).toEqual(before);
		expect(before.data_period).not.toBe('2026T1');
		const warning = r.warnings.find((w) => w.code === 'period-locked');
		expect(warning?.message).toMatch(/^godkända och därmed låsta perioder behåller sina bedömningar \(färger och pilar räknas inte om\): .*Delår 1 2026 \(/);
	});
});
