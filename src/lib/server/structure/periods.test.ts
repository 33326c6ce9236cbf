/**
 * Follow-up periods on real SQLite with the real migrations: defaults from the tertial convention, date
 * checks, duplicates, scope refusals, the approval lock, version conflicts, delete only while empty, audit.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDb } from '../../../../tests/helpers/db';
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { StructureError, VersionConflict } from './errors';
import { createPlan } from './plans';
import { createPeriod, deletePeriod, listPeriods, updatePeriod } from './periods';
import { periodCreateSchema, type PeriodCreateInput } from './schemas';

const admin: SessionUser = { id: 1, email: 'a@x.se', name: 'Admin', role: 'admin', scopes: [] };
const editorOf = (scopes: SessionUser['scopes']): SessionUser => ({ id: 2, email: 'e@x.se', name: 'Editor', role: 'editor', scopes });
const reviewer: SessionUser = { id: 3, email: 'r@x.se', name: 'Rev', role: 'reviewer', scopes: [{ kind: 'organisation', id: 1 }] };

const input = (over: Partial<PeriodCreateInput> = {}): PeriodCreateInput => ({
	kind: 'delar',
	year: 2026,
	part: 1,
	label: null,
	endDate: null,
	deadline: '2026-05-15',
	...over
});

/** What the refused change said, per field, in Swedish. */
function refusal(fn: () => unknown): string {
	try {
		fn();
	} catch (e) {
		if (e instanceof StructureError) return Object.values(e.fields).map((m) => m.sv).join(' ') || e.text.sv;
		if (e instanceof VersionConflict) return 'conflict';
		throw e;
	}
	return 'none';
}

let db: Db;
let planId: number;
let otherPlan: number;
beforeEach(() => {
	db = emptyDb();
	db.$client.prepare("INSERT INTO organisation (id, slug, name) VALUES (1, 'region-a', 'Region A')").run();
	const plan = { kind: 'verksamhetsplan' as const, startYear: 2026, endYear: 2026, levelNames: ['Mål'], geographyId: null, description: null, source: null };
	planId = createPlan(db, admin, 1, { name: 'Plan A', ...plan });
	otherPlan = createPlan(db, admin, 1, { name: 'Plan B', ...plan });
});

describe('creating a period', () => {
	it('names it and takes the tertial end date when none is given', () => {
		createPeriod(db, admin, planId, input());
		createPeriod(db, admin, planId, input({ kind: 'helar', part: null, deadline: '2027-01-20' }));
		expect(listPeriods(db, planId).map((p) => [p.slug, p.label, p.endDate, p.deadline, p.state])).toEqual([
			['helar-2026', 'Helår 2026', '2026-12-31', '2027-01-20', 'open'],
			['delar-1-2026', 'Delår 1 2026', '2026-04-30', '2026-05-15', 'open']
		]);
	});

	it('keeps a typed name and end date', () => {
		createPeriod(db, admin, planId, input({ part: 3, label: 'Delår 3 (kvartal 3) 2026', endDate: '2026-09-30', deadline: null }));
		expect(listPeriods(db, planId)[0]).toMatchObject({ slug: 'delar-3-2026', label: 'Delår 3 (kvartal 3) 2026', endDate: '2026-09-30', deadline: null });
	});

	it.each([
		['a part without a conventional end and no end date', input({ part: 3, deadline: null }), 'Skriv slutdatum för delår 3.'],
		['an end date outside the year', input({ endDate: '2025-12-31' }), 'Slutdatumet ska ligga inom periodens år.'],
		['a deadline before the end', input({ deadline: '2026-04-01' }), 'Sista dag för rapportering kan inte vara före periodens slutdatum.']
	])('refuses %s', (_, bad, message) => {
		expect(refusal(() => createPeriod(db, admin, planId, bad))).toBe(message);
		expect(listPeriods(db, planId)).toEqual([]);
	});

	it('refuses a second Delår 1 2026 in the same plan, not in another plan', () => {
		createPeriod(db, admin, planId, input());
		expect(refusal(() => createPeriod(db, admin, planId, input({ deadline: null })))).toBe('Planen har redan Delår 1 2026.');
		expect(createPeriod(db, admin, otherPlan, input())).toBeGreaterThan(0);
	});

	it('takes a plan scope: another plan, a reviewer or an archived plan are refused', () => {
		expect(refusal(() => createPeriod(db, editorOf([{ kind: 'plan', id: otherPlan }]), planId, input()))).toBe('Du har inte behörighet att ändra här.');
		expect(refusal(() => createPeriod(db, reviewer, planId, input()))).toBe('Du har inte behörighet att ändra här.');
		expect(createPeriod(db, editorOf([{ kind: 'plan', id: planId }]), planId, input())).toBeGreaterThan(0);
		db.$client.prepare('UPDATE plan SET archived = 1 WHERE id = ?').run(otherPlan);
		expect(refusal(() => createPeriod(db, admin, otherPlan, input()))).toBe('Planen är arkiverad; återställ den först.');
	});

	it('writes who created it in the audit log', () => {
		const id = createPeriod(db, admin, planId, input());
		const log = db.$client.prepare("SELECT action, entity_id, new, channel FROM audit_log WHERE entity = 'follow_up_period'").all() as Record<string, string>[];
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ action: 'create', entity_id: String(id), channel: 'form' });
		expect(JSON.parse(log[0].new)).toMatchObject({ slug: 'delar-1-2026', deadline: '2026-05-15' });
	});
});

describe('changing a period', () => {
	let id: number;
	beforeEach(() => {
		id = createPeriod(db, admin, planId, input());
	});

	it('moves the deadline with the version it was based on, and shows a stale one what changed', () => {
		expect(updatePeriod(db, admin, id, 1, { label: null, endDate: null, deadline: '2026-05-20' })).toBe(2);
		expect(listPeriods(db, planId)[0]).toMatchObject({ label: 'Delår 1 2026', endDate: '2026-04-30', deadline: '2026-05-20' });
		try {
			updatePeriod(db, admin, id, 1, { label: null, endDate: null, deadline: '2026-05-31' });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(VersionConflict);
			expect((e as VersionConflict).current.deadline).toBe('2026-05-20');
		}
		const log = db.$client.prepare("SELECT old, new FROM audit_log WHERE entity = 'follow_up_period' AND action = 'update'").all() as Record<string, string>[];
		expect(log.map((r) => [JSON.parse(r.old), JSON.parse(r.new)])).toEqual([[{ deadline: '2026-05-15' }, { deadline: '2026-05-20' }]]);
	});

	it('refuses changes once the nämnd has approved it', () => {
		db.$client.prepare("UPDATE follow_up_period SET state = 'approved' WHERE id = ?").run(id);
		expect(refusal(() => updatePeriod(db, admin, id, 1, { label: null, endDate: null, deadline: '2026-06-01' }))).toMatch(/^Perioden är godkänd/);
	});

	it('deletes an empty period, but not one with assessments', () => {
		const second = createPeriod(db, admin, planId, input({ part: 2, deadline: null }));
		db.$client.prepare("INSERT INTO goal (plan_id, depth, title, origin, sort_order) VALUES (?, 0, 'Mål', 'council', 0)").run(planId);
		const goalId = (db.$client.prepare('SELECT id FROM goal').get() as { id: number }).id;
		db.$client.prepare("INSERT INTO assessment (period_id, goal_id, comment, source) VALUES (?, ?, 'Går bra', 'manual')").run(id, goalId);
		expect(refusal(() => deletePeriod(db, admin, id))).toBe('Delår 1 2026 har bedömningar, kommentarer eller granskning och kan inte tas bort.');
		expect(deletePeriod(db, admin, second)).toBe(planId);
		expect(listPeriods(db, planId).map((p) => [p.slug, p.entries])).toEqual([['delar-1-2026', 1]]);
	});
});

describe('the form schema', () => {
	it('reads the typed strings and names the field of each mistake', () => {
		const ok = periodCreateSchema('sv').safeParse({ kind: 'delar', year: ' 2026 ', part: '2', label: '', endDate: '', deadline: '2026-09-15' });
		expect(ok.success && ok.data).toEqual({ kind: 'delar', year: 2026, part: 2, label: null, endDate: null, deadline: '2026-09-15' });
		const bad = periodCreateSchema('sv').safeParse({ kind: 'x', year: '26', part: '7', label: '', endDate: '2026-02-30', deadline: '15/9' });
		expect(bad.success).toBe(false);
		const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
		expect(fields).toEqual({
			kind: 'Välj delår eller helår.',
			year: 'Skriv ett årtal med fyra siffror, till exempel 2026.',
			part: 'Skriv delårets nummer, 1 till 4.',
			endDate: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-05-15.',
			deadline: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-05-15.'
		});
	});
});
