/**
 * Reporting end to end on real SQLite with the real migrations and the demo data: drafts stay out of the public
 * tables until published, stale forms are conflicts, publishing respects scope and versions, every change is in
 * the audit log, and the preview shows what publishing would show without storing it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createDb, type Db } from '../db/client';
import * as mainSchema from '../db/schema';
import * as authSchema from '../db/schema-auth';
import * as draftSchema from '../db/schema-drafts';
import { seedDemo } from '../seed';
import { createUser, resolveScope } from '../auth/users';
import type { SessionUser } from '../auth/sessions';
import { saveObservationDraft, observationState, keyId, type ObservationKey } from './observation-drafts';
import { saveAssessmentDraft, assessmentState } from './assessment-drafts';
import { publishPeriod } from './publish';
import { withDraftsApplied } from './preview';
import { historyOf } from './history';
import { worklist } from './worklist';
import { goalEdit } from './goal-edit';
import { getPlanPage } from '../queries/plan-page';

let db: Db;
const system = { userId: null, channel: 'system' as const };

function seed(): Db {
	const d = createDb(':memory:');
	seedDemo(d);
	return d;
}
// Seeding takes a couple of seconds: one pristine copy, cloned per test through SQLite's serialize.
let pristine: Buffer | undefined;
function fresh(): Db {
	pristine ??= seed().$client.serialize();
	const sqlite = new Database(pristine);
	sqlite.pragma('foreign_keys = ON');
	return drizzle(sqlite, { schema: { ...mainSchema, ...authSchema, ...draftSchema } }) as unknown as Db;
}

const id = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { id: number }).id;

function user(role: 'admin' | 'editor' | 'reviewer', scope?: { org?: string; plan?: string; goal?: number }): SessionUser {
	const scopes = scope ? [resolveScope(db, scope)] : [];
	const u = createUser(db, { email: `${role}-${Math.random().toString(36).slice(2)}@example.se`, name: `Test ${role}`, role, scopes }, system);
	return { id: u.id, email: u.email, name: u.name, role, scopes };
}

let periodId: number;
let planId: number;
let key: ObservationKey;
let goalId: number;

beforeEach(() => {
	db = fresh();
	periodId = id("SELECT id FROM follow_up_period WHERE slug = 'delar-1-2026'");
	planId = id("SELECT plan_id AS id FROM follow_up_period WHERE id = ?", periodId);
	// Measured per tertial: Delår 1 2026 reports 2026T1, which the demo data does not have yet.
	const ind = id("SELECT id FROM indicator WHERE slug = 'exempel-sjukfranvaro'");
	const geo = id('SELECT geography_id AS id FROM plan WHERE id = ?', planId);
	goalId = id('SELECT goal_id AS id FROM goal_indicator WHERE indicator_id = ?', ind);
	key = { indicatorId: ind, geographyId: geo, sex: 'T', period: '2026T1' };
});

const publishedValue = (k: ObservationKey) =>
	db.$client.prepare('SELECT value, text_value, version FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?').get(k.indicatorId, k.geographyId, k.sex, k.period) as
		| { value: number | null; text_value: string | null; version: number }
		| undefined;

describe('drafts of values', () => {
	it('keeps a saved value out of the public table until it is published, then publishes it with its audit trail', () => {
		const editor = user('editor', { org: 'exempelregionen' });
		const actor = { userId: editor.id, channel: 'form' as const };
		const saved = saveObservationDraft(db, actor, key, { raw: '81,4', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		expect(saved.ok).toBe(true);
		expect(observationState(db, key).draft).toMatchObject({ value: 81.4, version: 1, updatedBy: 'Test editor' });
		expect(publishedValue(key)).toBeUndefined();

		const r = publishPeriod(db, editor, actor, periodId);
		expect(r).toMatchObject({ ok: true, observations: 1, held: [] });
		expect(publishedValue(key)).toMatchObject({ value: 81.4, version: 1 });
		expect(observationState(db, key).draft).toBeNull();
		const batch = db.$client.prepare('SELECT o.batch_id, b.kind, b.source FROM observation o JOIN import_batch b ON b.id = o.batch_id WHERE o.indicator_id = ? AND o.period = ?').get(key.indicatorId, '2026T1');
		expect(batch).toMatchObject({ kind: 'form', source: 'Inmatat i Lägesbild, Delår 1 2026' });
		const history = historyOf(db, 'observation', keyId(key));
		expect(history.map((h) => h.action)).toEqual(['publish', 'draft.save']);
		expect(history[0]).toMatchObject({ who: 'Test editor', channel: 'form', old: null, new: { value: 81.4 } });
	});

	it('refuses a typo with the value and an example, and writes nothing', () => {
		const r = saveObservationDraft(db, system, key, { raw: '81,4,2', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		expect(r).toMatchObject({ ok: false, kind: 'invalid', field: 'value' });
		if (!r.ok && r.kind === 'invalid') expect(r.message.sv).toMatch(/'81,4,2' är inte ett tal/);
		expect(observationState(db, key).draft).toBeNull();
		expect(historyOf(db, 'observation', keyId(key))).toEqual([]);
	});

	it('turns a second save from a stale form into a conflict showing the current draft, never an overwrite', () => {
		const a = { userId: null, channel: 'form' as const };
		expect(saveObservationDraft(db, a, key, { raw: '80', note: '' }, { draftVersion: 0, publishedVersion: 0 }).ok).toBe(true);
		// The second official's form was loaded before the first save: it saw no draft.
		const second = saveObservationDraft(db, a, key, { raw: '79', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		expect(second).toMatchObject({ ok: false, kind: 'conflict', state: { draft: { value: 80, version: 1 } } });
		expect(observationState(db, key).draft?.value).toBe(80);
		// Having seen it, they may choose their own value: saving with the versions they were shown.
		expect(saveObservationDraft(db, a, key, { raw: '79', note: '' }, { draftVersion: 1, publishedVersion: 0 })).toMatchObject({ ok: true, state: { draft: { value: 79, version: 2 } } });
	});

	it('holds back a draft whose published value changed meanwhile (an import), and publishes the rest', () => {
		const admin = user('admin');
		const actor = { userId: admin.id, channel: 'form' as const };
		const other = { ...key, sex: 'K' as const };
		saveObservationDraft(db, actor, key, { raw: '81', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		saveObservationDraft(db, actor, other, { raw: '80', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		db.$client
			.prepare("INSERT INTO observation (indicator_id, geography_id, sex, period, period_kind, period_start, period_end, value) VALUES (?, ?, 'T', '2026T1', 'tertial', '2026-01-01', '2026-04-30', 75)")
			.run(key.indicatorId, key.geographyId);
		const r = publishPeriod(db, admin, actor, periodId);
		expect(r).toMatchObject({ ok: true, observations: 1 });
		if (r.ok) expect(r.held).toEqual([expect.objectContaining({ what: 'observation', id: keyId(key) })]);
		expect(publishedValue(key)?.value).toBe(75);
		expect(publishedValue(other)?.value).toBe(80);
	});

	it('drafts the removal of a published value when the field is emptied, and removes it on publishing', () => {
		const admin = user('admin');
		const actor = { userId: admin.id, channel: 'form' as const };
		const old = { ...key, period: '2025T3' };
		const before = publishedValue(old)!;
		expect(before.value).not.toBeNull();
		expect(saveObservationDraft(db, actor, old, { raw: '', note: '' }, { draftVersion: 0, publishedVersion: before.version }).ok).toBe(true);
		expect(observationState(db, old).draft?.remove).toBe(true);
		publishPeriod(db, admin, actor, periodId);
		expect(publishedValue(old)).toBeUndefined();
	});
});

describe('scope and locking', () => {
	it("publishes only what the editor's scope covers", () => {
		const admin = user('admin');
		const other = user('editor', { org: 'region-orebro-lan' });
		saveObservationDraft(db, { userId: admin.id, channel: 'form' }, key, { raw: '81', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		expect(publishPeriod(db, other, { userId: other.id, channel: 'form' }, periodId)).toMatchObject({ ok: true, observations: 0 });
		expect(publishedValue(key)).toBeUndefined();
	});

	it('refuses publishing into an approved period', () => {
		const admin = user('admin');
		const published = id("SELECT id FROM follow_up_period WHERE slug = 'helar-2025' AND plan_id = ?", planId);
		const r = publishPeriod(db, admin, { userId: admin.id, channel: 'form' }, published);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message.sv).toMatch(/godkänd och därmed låst/);
	});
});

describe('assessments', () => {
	it('requires a written reason to override the computed colour of an indicator', () => {
		const s = { periodId, kind: 'indicator' as const, id: key.indicatorId };
		const computed = assessmentState(db, s).published?.computedColour;
		expect(computed).toBeTruthy();
		const other = computed === 'red' ? 'green' : 'red';
		const noReason = saveAssessmentDraft(db, system, s, { colour: other, overrideReason: 'för att', comment: '' }, { draftVersion: 0, publishedVersion: assessmentState(db, s).published!.version });
		expect(noReason).toMatchObject({ ok: false, kind: 'invalid', errors: { overrideReason: { sv: expect.stringMatching(/Skriv varför/) } } });
		const withReason = saveAssessmentDraft(db, system, s, { colour: other, overrideReason: 'Siffran för 2026 är preliminär och underskattar.', comment: 'Se **bilagan**.' }, { draftVersion: 0, publishedVersion: assessmentState(db, s).published!.version });
		expect(withReason.ok).toBe(true);
	});

	it("shows the colour the typed value computes to, and checks a proposed colour against it", () => {
		const admin = user('admin');
		const actor = { userId: admin.id, channel: 'form' as const };
		const goal = id('SELECT goal_id AS id FROM goal_indicator WHERE indicator_id = ?', key.indicatorId);
		const shown = () => goalEdit(db, admin, periodId, goal)!.indicators.find((i) => i.id === key.indicatorId)!;
		expect(shown().computedFromDraft).toBe(false);
		const published = shown().computedColour;

		// Sjukfrånvaro should go down: a very low value meets the target, a very high one does not.
		saveObservationDraft(db, actor, key, { raw: '0,5', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		expect(shown()).toMatchObject({ computedFromDraft: true, computedColour: 'green' });
		saveObservationDraft(db, actor, key, { raw: '40', note: '' }, { draftVersion: 1, publishedVersion: 0 });
		const high = shown();
		expect(high).toMatchObject({ computedFromDraft: true, computedColour: 'red' });
		expect(high.explanation?.sv).toBeTruthy();

		// Red is now what the rules give: proposing it needs no reason; the colour published before needs one if it differs.
		const s = { periodId, kind: 'indicator' as const, id: key.indicatorId };
		const v = assessmentState(db, s).published!.version;
		expect(saveAssessmentDraft(db, actor, s, { colour: 'red', overrideReason: '', comment: '' }, { draftVersion: 0, publishedVersion: v }).ok).toBe(true);
		if (published && published !== 'red') {
			const r = saveAssessmentDraft(db, actor, s, { colour: published, overrideReason: '', comment: '' }, { draftVersion: 1, publishedVersion: v });
			expect(r).toMatchObject({ ok: false, kind: 'invalid', errors: { overrideReason: { sv: expect.stringMatching(/Skriv varför/) } } });
		}
		// Nothing of the computation stayed: the published assessment still has its own colour.
		expect(assessmentState(db, s).published?.computedColour).toBe(published);
	});

	it('publishes a goal comment and colour, and the plan page shows them once the period is public', () => {
		const admin = user('admin');
		const actor = { userId: admin.id, channel: 'form' as const };
		const s = { periodId, kind: 'goal' as const, id: goalId };
		expect(saveAssessmentDraft(db, actor, s, { colour: 'yellow', overrideReason: '', comment: '<script>x</script> Nästan där.' }, { draftVersion: 0, publishedVersion: 0 }).ok).toBe(true);
		const r = publishPeriod(db, admin, actor, periodId);
		expect(r).toMatchObject({ ok: true, assessments: 1 });
		expect(assessmentState(db, s).published).toMatchObject({ colour: 'yellow', source: 'manual', comment: '<script>x</script> Nästan där.', version: 1 });
		expect(historyOf(db, 'assessment', `${periodId}:goal:${goalId}`).map((h) => h.action)).toEqual(['publish', 'draft.save']);
	});
});

describe('preview', () => {
	it('shows the drafts as the public plan page would, and stores nothing', () => {
		const admin = user('admin');
		const actor = { userId: admin.id, channel: 'form' as const };
		saveAssessmentDraft(db, actor, { periodId, kind: 'goal', id: goalId }, { colour: 'red', overrideReason: '', comment: 'Utkast till kommentar' }, { draftVersion: 0, publishedVersion: 0 });
		saveObservationDraft(db, actor, key, { raw: '81,9', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		const page = withDraftsApplied(db, planId, () => getPlanPage(db, 'exempelregionen', 'verksamhetsplan-2025', 'delar-1-2026'));
		const flat = JSON.stringify(page);
		expect(flat).toContain('Utkast till kommentar');
		expect(flat).toContain('81.9');
		// Nothing stayed: the period is still not public, the value still only a draft.
		expect(getPlanPage(db, 'exempelregionen', 'verksamhetsplan-2025', 'delar-1-2026')).toBeNull();
		expect(publishedValue(key)).toBeUndefined();
	});
});

describe('worklist', () => {
	it("lists what an editor still has to report in the open period, and counts a draft as done but unpublished", () => {
		const editor = user('editor', { org: 'exempelregionen' });
		const before = worklist(db, editor);
		expect(before.map((p) => p.label)).toEqual(['Delår 1 2026']);
		const item = before[0].areas.flatMap((a) => a.items).find((i) => i.kind === 'indicator' && i.id === key.indicatorId)!;
		expect(item).toMatchObject({ done: false, draft: false });
		saveObservationDraft(db, { userId: editor.id, channel: 'form' }, key, { raw: '81', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		const after = worklist(db, editor)[0];
		expect(after.done).toBe(before[0].done + 1);
		expect(after.areas.flatMap((a) => a.items).find((i) => i.kind === 'indicator' && i.id === key.indicatorId)).toMatchObject({ done: true, draft: true });
		// An editor of another organisation has nothing to do here.
		expect(worklist(db, user('editor', { org: 'region-orebro-lan' }))).toEqual([]);
	});

	it('lists an uppdrag without a goal under its own heading, for plan-wide editors only, and reports it on its page', async () => {
		const { planUppdragEdit } = await import('./plan-uppdrag-edit');
		db.$client.prepare("INSERT INTO uppdrag (plan_id, goal_id, number, text, origin, sort_order) VALUES (?, NULL, '7', 'Utred en gemensam e-tjänst för bygglov.', 'council', 99)").run(planId);
		const uppdragId = id('SELECT id FROM uppdrag WHERE plan_id = ? AND goal_id IS NULL', planId);
		const editor = user('editor', { org: 'exempelregionen' });
		const area = () => worklist(db, editor)[0].areas.find((a) => a.planLevel)!;
		expect(area()).toMatchObject({ goalId: 0, done: 0, total: 1, items: [{ kind: 'uppdrag', id: uppdragId, name: 'Uppdrag 7 Utred en gemensam e-tjänst för bygglov.', goalId: null, done: false }] });
		// An editor of one goal does not answer for the plan's own uppdrag.
		expect(worklist(db, user('editor', { goal: goalId }))[0].areas.some((a) => a.planLevel)).toBe(false);

		const view = planUppdragEdit(db, editor, periodId)!;
		expect(view).toMatchObject({ mayEdit: true, locked: false, uppdrag: [{ id: uppdragId, label: 'Uppdrag 7.' }] });
		const saved = saveAssessmentDraft(db, { userId: editor.id, channel: 'form' }, { periodId, kind: 'uppdrag', id: uppdragId }, { colour: '', overrideReason: '', comment: 'Utredningen är påbörjad.' }, { draftVersion: 0, publishedVersion: 0 });
		expect(saved.ok).toBe(true);
		expect(area()).toMatchObject({ done: 1, items: [{ done: true, draft: true }] });
	});
});

describe('who sees unpublished work', () => {
	it('admins, editors and reviewers in scope (reviewers without scope everywhere); not other organisations', async () => {
		const { maySeeDrafts } = await import('./scope');
		const orebroPlan = id("SELECT id FROM plan WHERE slug = 'rtn-verksamhetsplan-2019'");
		const cases: [string, SessionUser, boolean, boolean][] = [
			['admin', user('admin'), true, true],
			['editor of the organisation', user('editor', { org: 'exempelregionen' }), true, false],
			['editor of one goal', user('editor', { goal: goalId }), true, false],
			['editor of another organisation', user('editor', { org: 'region-orebro-lan' }), false, true],
			['reviewer without scope', user('reviewer'), true, true],
			['reviewer of another organisation', user('reviewer', { org: 'region-orebro-lan' }), false, true]
		];
		expect(cases.map(([who, u]) => [who, maySeeDrafts(db, u, planId), maySeeDrafts(db, u, orebroPlan)])).toEqual(
			cases.map(([who, , here, there]) => [who, here, there])
		);
		expect(maySeeDrafts(db, null, planId)).toBe(false);
	});
});
