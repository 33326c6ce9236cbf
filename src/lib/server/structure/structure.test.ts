/**
 * Structure editing on real SQLite with the real migrations: scope refusals, version conflicts, archive
 * versus delete, audit entries in the same transaction, and target wording round trips.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDb } from '../../../../tests/helpers/db';
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { StructureError, VersionConflict } from './errors';
import { createPlan, deletePlan, getPlan, listPlans, setPlanArchived, updatePlan } from './plans';
import { createGoal, deleteGoal, getGoal, goalTree, moveGoal, setGoalArchived, updateGoal } from './goals';
import { createUppdrag, deleteUppdrag, updateUppdrag } from './uppdrag';
import { createIndicator, deleteIndicator, linkIndicator, setIndicatorArchived, unlinkIndicator, updateIndicator } from './indicators';
import { createTarget, deleteTarget, listTargets, updateTarget } from './targets';
import { getPlanPage } from '../queries/plan-page';
import type { GoalInput, IndicatorInput, PlanInput } from './schemas';

const admin: SessionUser = { id: 1, email: 'a@x.se', name: 'Admin', role: 'admin', scopes: [] };
const editorOf = (scopes: SessionUser['scopes']): SessionUser => ({ id: 2, email: 'e@x.se', name: 'Editor', role: 'editor', scopes });
const reviewer: SessionUser = { id: 3, email: 'r@x.se', name: 'Rev', role: 'reviewer', scopes: [{ kind: 'organisation', id: 1 }] };

const planInput = (over: Partial<PlanInput> = {}): PlanInput => ({
	name: 'Verksamhetsplan 2026',
	kind: 'verksamhetsplan',
	startYear: 2026,
	endYear: 2026,
	levelNames: ['Avsnitt', 'Övergripande mål', 'Inriktningsmål'],
	geographyId: null,
	description: null,
	source: null,
	...over
});
const goalInput = (over: Partial<GoalInput> = {}): GoalInput => ({
	parentId: null,
	number: null,
	label: null,
	title: 'Ett mål',
	description: null,
	origin: 'council',
	...over
});
const indicatorInput = (over: Partial<IndicatorInput> = {}): IndicatorInput => ({
	name: 'Andel nöjda',
	definition: null,
	unit: '%',
	decimals: 1,
	direction: 'up',
	source: null,
	attribution: null,
	frequency: 'year',
	externalSource: null,
	externalTable: null,
	externalCode: null,
	tolerance: 0.05,
	neutralBand: 0.01,
	organisationId: 1,
	...over
});

function audits(db: Db, entity: string) {
	return db.$client.prepare('SELECT action, entity_id, old, new, user_id, channel FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as {
		action: string;
		entity_id: string;
		old: string | null;
		new: string | null;
		user_id: number;
		channel: string;
	}[];
}

function refusal(fn: () => unknown): string {
	try {
		fn();
	} catch (e) {
		if (e instanceof StructureError) return e.kind;
		if (e instanceof VersionConflict) return 'conflict';
		throw e;
	}
	return 'none';
}

let db: Db;
let planId: number;
beforeEach(() => {
	db = emptyDb();
	db.$client.prepare("INSERT INTO organisation (id, slug, name) VALUES (1, 'region-a', 'Region A'), (2, 'region-b', 'Region B')").run();
	planId = createPlan(db, admin, 1, planInput());
});

describe('plans', () => {
	it('creates a plan with a slug and an audit entry', () => {
		const p = getPlan(db, planId)!;
		expect(p.slug).toBe('verksamhetsplan-2026');
		expect(p.levelNames).toEqual(['Avsnitt', 'Övergripande mål', 'Inriktningsmål']);
		expect(p.values.levelNames).toBe('Avsnitt\nÖvergripande mål\nInriktningsmål');
		expect(audits(db, 'plan')).toMatchObject([{ action: 'create', entity_id: String(planId), user_id: 1, channel: 'form' }]);
	});

	it('needs an organisation scope (or admin) to create a plan', () => {
		expect(refusal(() => createPlan(db, editorOf([{ kind: 'plan', id: planId }]), 1, planInput({ name: 'X' })))).toBe('forbidden');
		expect(refusal(() => createPlan(db, editorOf([{ kind: 'organisation', id: 2 }]), 1, planInput({ name: 'X' })))).toBe('forbidden');
		expect(refusal(() => createPlan(db, reviewer, 1, planInput({ name: 'X' })))).toBe('forbidden');
		expect(createPlan(db, editorOf([{ kind: 'organisation', id: 1 }]), 1, planInput({ name: 'X' }))).toBeGreaterThan(planId);
		expect(listPlans(db, editorOf([{ kind: 'organisation', id: 2 }])).map((o) => o.mayCreate)).toEqual([false, true]);
	});

	it('saves with the version it was based on and refuses a stale one, showing the current values', () => {
		const v2 = updatePlan(db, admin, planId, 1, planInput({ name: 'Ny rubrik' }));
		expect(v2).toBe(2);
		try {
			updatePlan(db, admin, planId, 1, planInput({ name: 'Min rubrik' }));
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(VersionConflict);
			expect((e as VersionConflict).current.name).toBe('Ny rubrik');
			expect((e as VersionConflict).version).toBe(2);
		}
		expect(getPlan(db, planId)!.values.name).toBe('Ny rubrik');
		const log = audits(db, 'plan');
		expect(log).toHaveLength(2);
		expect(JSON.parse(log[1].old!)).toEqual({ name: 'Verksamhetsplan 2026' });
		expect(JSON.parse(log[1].new!)).toEqual({ name: 'Ny rubrik' });
	});

	it('keeps level names for the levels its goals use', () => {
		const top = createGoal(db, admin, planId, goalInput());
		createGoal(db, admin, planId, goalInput({ parentId: top }));
		const e = (() => {
			try {
				updatePlan(db, admin, planId, 1, planInput({ levelNames: ['Avsnitt'] }));
			} catch (x) {
				return x as StructureError;
			}
		})();
		expect(e?.fields.levelNames.sv).toBe('Planens mål ligger på 2 nivåer; skriv minst 2 nivånamn.');
	});

	it('archives and restores; deletes only when nothing hangs on it', () => {
		createGoal(db, admin, planId, goalInput());
		expect(refusal(() => deletePlan(db, admin, planId))).toBe('in_use');
		setPlanArchived(db, admin, planId, true);
		expect(getPlan(db, planId)!.archived).toBe(true);
		setPlanArchived(db, admin, planId, false);
		expect(audits(db, 'plan').map((a) => a.action)).toEqual(['create', 'archive', 'restore']);
		const empty = createPlan(db, admin, 1, planInput({ name: 'Tom' }));
		deletePlan(db, admin, empty);
		expect(getPlan(db, empty)).toBeNull();
		expect(audits(db, 'plan').at(-1)).toMatchObject({ action: 'delete', entity_id: String(empty) });
	});
});

describe('goals', () => {
	it('keeps printed numbers as text and places goals by level', () => {
		const avsnitt = createGoal(db, admin, planId, goalInput({ number: '3.2', title: 'Regional utvecklingsstrategi' }));
		const over = createGoal(db, admin, planId, goalInput({ parentId: avsnitt, title: 'Övergripande' }));
		const nr19 = createGoal(db, admin, planId, goalInput({ parentId: over, number: 'Nr 19', label: 'Inriktningsmål: Nr 19.', title: 'Fler ska arbeta' }));
		expect(getGoal(db, nr19)).toMatchObject({ depth: 2, levelName: 'Inriktningsmål', values: { number: 'Nr 19', label: 'Inriktningsmål: Nr 19.' } });
		// A fourth level does not exist in this plan.
		const e = refusal(() => createGoal(db, admin, planId, goalInput({ parentId: nr19 })));
		expect(e).toBe('invalid');
	});

	it('moves a goal among its siblings and under another parent, with the subtree depth', () => {
		const a = createGoal(db, admin, planId, goalInput({ title: 'A' }));
		const b = createGoal(db, admin, planId, goalInput({ title: 'B' }));
		const a1 = createGoal(db, admin, planId, goalInput({ parentId: a, title: 'A1' }));
		const a11 = createGoal(db, admin, planId, goalInput({ parentId: a1, title: 'A11' }));
		moveGoal(db, admin, b, 'up');
		expect(goalTree(db, admin, planId).map((g) => g.title)).toEqual(['B', 'A', 'A1', 'A11']);
		// A1 (with A11 below) under B keeps its depth; A1 at the top moves A11 up one level.
		updateGoal(db, admin, a1, 1, goalInput({ parentId: null, title: 'A1' }));
		expect(getGoal(db, a1)!.depth).toBe(0);
		expect(getGoal(db, a11)!.depth).toBe(1);
		expect(goalTree(db, admin, planId).map((g) => g.title)).toEqual(['B', 'A', 'A1', 'A11']);
		// Not under itself or its own sub-goal.
		expect(refusal(() => updateGoal(db, admin, a1, 2, goalInput({ parentId: a11, title: 'A1' })))).toBe('invalid');
		expect(audits(db, 'goal').map((x) => x.action)).toEqual(['create', 'create', 'create', 'create', 'move', 'move']);
	});

	it('refuses an editor outside their plan or goal subtree', () => {
		const other = createPlan(db, admin, 1, planInput({ name: 'Annan plan' }));
		const g = createGoal(db, admin, planId, goalInput());
		const sub = createGoal(db, admin, planId, goalInput({ parentId: g }));
		const sibling = createGoal(db, admin, planId, goalInput());
		const otherPlanEditor = editorOf([{ kind: 'plan', id: other }]);
		expect(refusal(() => updateGoal(db, otherPlanEditor, g, 1, goalInput({ title: 'Nej' })))).toBe('forbidden');
		expect(refusal(() => createGoal(db, otherPlanEditor, planId, goalInput()))).toBe('forbidden');
		expect(refusal(() => setGoalArchived(db, otherPlanEditor, g, true))).toBe('forbidden');
		const subtreeEditor = editorOf([{ kind: 'goal', id: g }]);
		expect(updateGoal(db, subtreeEditor, sub, 1, goalInput({ parentId: g, title: 'Ja' }))).toBe(2);
		expect(refusal(() => updateGoal(db, subtreeEditor, sibling, 1, goalInput({ title: 'Nej' })))).toBe('forbidden');
		// Moving out of the subtree needs the new place too.
		expect(refusal(() => updateGoal(db, subtreeEditor, sub, 2, goalInput({ parentId: sibling, title: 'Ja' })))).toBe('forbidden');
		expect(refusal(() => updateGoal(db, reviewer, g, 1, goalInput()))).toBe('forbidden');
		expect(getGoal(db, sub)!.values.parentId).toBe(String(g));
	});

	it('gives the second of two saves from the same version the current values', () => {
		const g = createGoal(db, admin, planId, goalInput({ number: 'Nr 2', title: 'Först' }));
		updateGoal(db, admin, g, 1, goalInput({ number: 'Nr 2', title: 'Den första sparningen' }));
		try {
			updateGoal(db, editorOf([{ kind: 'plan', id: planId }]), g, 1, goalInput({ number: 'Nr 2', title: 'Den andra' }));
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(VersionConflict);
			expect((e as VersionConflict).current).toMatchObject({ title: 'Den första sparningen', number: 'Nr 2' });
		}
		expect(audits(db, 'goal').map((a) => a.action)).toEqual(['create', 'update']);
	});

	it('archives goals (hidden publicly with their sub-goals) and deletes only unattached ones', () => {
		const g = createGoal(db, admin, planId, goalInput({ title: 'Synligt' }));
		const sub = createGoal(db, admin, planId, goalInput({ parentId: g, title: 'Under' }));
		const ind = createIndicator(db, admin, indicatorInput());
		linkIndicator(db, admin, sub, ind);
		const slug = getPlan(db, planId)!.slug;
		expect(getPlanPage(db, 'region-a', slug)!.goals.map((n) => n.title)).toEqual(['Synligt']);
		expect(refusal(() => deleteGoal(db, admin, sub))).toBe('in_use');
		setGoalArchived(db, admin, g, true);
		const page = getPlanPage(db, 'region-a', slug)!;
		expect(page.goals).toEqual([]);
		expect(goalTree(db, admin, planId).map((n) => [n.title, n.archived, n.hidden])).toEqual([
			['Synligt', true, true],
			['Under', false, true]
		]);
		setGoalArchived(db, admin, g, false);
		expect(getPlanPage(db, 'region-a', slug)!.goals[0].children[0].indicators.map((i) => i.name)).toEqual(['Andel nöjda']);
		unlinkIndicator(db, admin, sub, ind);
		deleteGoal(db, admin, sub);
		expect(getGoal(db, sub)).toBeNull();
		expect(audits(db, 'goal_indicator').map((a) => a.action)).toEqual(['link', 'unlink']);
		expect(audits(db, 'goal').map((a) => a.action)).toEqual(['create', 'create', 'archive', 'restore', 'delete']);
	});
});

describe('uppdrag', () => {
	it('creates, edits with versions, and deletes', () => {
		const g = createGoal(db, admin, planId, goalInput());
		const u = createUppdrag(db, admin, planId, { goalId: g, number: '28', label: 'Uppdrag 28', planYear: 2018, text: 'Utreda', origin: 'council', owner: null });
		expect(refusal(() => updateUppdrag(db, admin, u, 5, { goalId: null, number: '28', label: null, planYear: null, text: 'X', origin: 'council', owner: null }))).toBe('conflict');
		expect(refusal(() => updateUppdrag(db, editorOf([{ kind: 'goal', id: g }]), u, 1, { goalId: null, number: '28', label: null, planYear: null, text: 'X', origin: 'council', owner: null }))).toBe('forbidden');
		updateUppdrag(db, admin, u, 1, { goalId: g, number: '28', label: 'Uppdrag 28', planYear: 2018, text: 'Utreda mer', origin: 'council', owner: 'Förvaltningen' });
		deleteUppdrag(db, admin, u);
		expect(audits(db, 'uppdrag').map((a) => a.action)).toEqual(['create', 'update', 'delete']);
	});
});

describe('indicators and targets', () => {
	it('refuses a duplicate external code with a field message', () => {
		createIndicator(db, admin, indicatorInput({ externalSource: 'kolada', externalCode: 'N01951' }));
		try {
			createIndicator(db, admin, indicatorInput({ name: 'Dubblett', externalSource: 'kolada', externalCode: 'N01951' }));
			expect.unreachable();
		} catch (e) {
			expect((e as StructureError).fields.externalCode.sv).toMatch(/finns redan en indikator/);
		}
	});

	it('lets an editor change an indicator of their organisation or whose every goal they hold', () => {
		const own = createIndicator(db, admin, indicatorInput({ organisationId: 1 }));
		const shared = createIndicator(db, admin, indicatorInput({ name: 'Delad', organisationId: null }));
		const g = createGoal(db, admin, planId, goalInput());
		const orgEditor = editorOf([{ kind: 'organisation', id: 1 }]);
		const otherOrg = editorOf([{ kind: 'organisation', id: 2 }]);
		expect(updateIndicator(db, orgEditor, own, 1, indicatorInput({ name: 'Ändrad' }))).toBe(2);
		expect(refusal(() => updateIndicator(db, otherOrg, own, 2, indicatorInput()))).toBe('forbidden');
		expect(refusal(() => updateIndicator(db, orgEditor, shared, 1, indicatorInput({ organisationId: null })))).toBe('forbidden');
		linkIndicator(db, admin, g, shared);
		expect(updateIndicator(db, editorOf([{ kind: 'plan', id: planId }]), shared, 1, indicatorInput({ name: 'Delad', organisationId: null }))).toBe(2);
		expect(refusal(() => createIndicator(db, otherOrg, indicatorInput({ organisationId: 1 })))).toBe('forbidden');
		expect(refusal(() => linkIndicator(db, otherOrg, g, own))).toBe('forbidden');
	});

	it('archives indicators with data and deletes only unattached ones', () => {
		const ind = createIndicator(db, admin, indicatorInput());
		db.$client.prepare("INSERT INTO geography (id, code, kolada_id, name, level) VALUES (1, '00', '0000', 'Riket', 'riket')").run();
		db.$client
			.prepare("INSERT INTO observation (indicator_id, geography_id, period, period_kind, period_start, period_end, sex, value) VALUES (?, 1, '2024', 'year', '2024-01-01', '2024-12-31', 'T', 5)")
			.run(ind);
		expect(refusal(() => deleteIndicator(db, admin, ind))).toBe('in_use');
		setIndicatorArchived(db, admin, ind, true);
		expect((db.$client.prepare('SELECT count(*) AS n FROM observation WHERE indicator_id = ?').get(ind) as { n: number }).n).toBe(1);
		const fresh = createIndicator(db, admin, indicatorInput({ name: 'Ny' }));
		createTarget(db, admin, fresh, null, { wording: 'Minst 10', rank: 0 });
		deleteIndicator(db, admin, fresh);
		const del = audits(db, 'indicator').at(-1)!;
		expect(del.action).toBe('delete');
		expect(JSON.parse(del.old!).targets).toEqual([{ kind: 'min', wording: 'Minst 10', goal_id: null, rank: 0 }]);
	});

	it('stores a target as typed with the parsed fields, and shows it for the goal on the public page', () => {
		const g = createGoal(db, admin, planId, goalInput({ number: 'Nr 19' }));
		const ind = createIndicator(db, admin, indicatorInput());
		createTarget(db, admin, ind, null, { wording: 'Ska öka', rank: 0 });
		expect(refusal(() => createTarget(db, admin, ind, g, { wording: 'Minst 58 %', rank: 0 }))).toBe('invalid');
		linkIndicator(db, admin, g, ind);
		const t = createTarget(db, admin, ind, g, { wording: 'Minst 58 %', rank: 0 });
		const row = db.$client.prepare('SELECT kind, value, wording, rank FROM target WHERE id = ?').get(t);
		expect(row).toEqual({ kind: 'min', value: 58, wording: 'Minst 58 %', rank: 0 });
		// The goal's own target wins over the general one.
		const slug = getPlan(db, planId)!.slug;
		expect(getPlanPage(db, 'region-a', slug)!.goals[0].indicators[0].target).toEqual({ kind: 'min', wording: 'Minst 58 %' });
		// Unreadable wording is kept as text; a new main target moves the old one after it.
		const words = createTarget(db, admin, ind, g, { wording: 'Alla ska känna sig välkomna', rank: 0 });
		expect(listTargets(db, admin, ind, g, 'sv').map((x) => [x.wording, x.kind, x.rank])).toEqual([
			['Alla ska känna sig välkomna', 'text', 0],
			['Minst 58 %', 'min', 1]
		]);
		expect(refusal(() => updateTarget(db, admin, t, 7, { wording: 'Minst 60 %', rank: 1 }))).toBe('conflict');
		updateTarget(db, admin, t, 1, { wording: 'Minst 60 %', rank: 0 });
		expect(listTargets(db, admin, ind, g, 'sv').map((x) => [x.wording, x.rank, x.description])).toEqual([
			['Minst 60 %', 0, 'Målet är att värdet ska vara minst 60\u00a0%.'],
			['Alla ska känna sig välkomna', 1, 'Målet är formulerat i ord: ”Alla ska känna sig välkomna”.']
		]);
		expect(refusal(() => deleteTarget(db, editorOf([{ kind: 'organisation', id: 2 }]), words))).toBe('forbidden');
		deleteTarget(db, admin, words);
		expect(audits(db, 'target').map((a) => a.action)).toEqual(['create', 'create', 'create', 'update', 'delete']);
		expect(JSON.parse(audits(db, 'target')[3].old!)).toMatchObject({ wording: 'Minst 58 %', rank: 1 });
	});

	it('writes nothing when the audit cannot be written (one transaction)', () => {
		db.$client.exec("CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'nej'); END");
		expect(() => createGoal(db, admin, planId, goalInput({ title: 'Spöke' }))).toThrow('nej');
		expect(goalTree(db, admin, planId)).toEqual([]);
	});
});
