/**
 * The reporting grid on real SQLite with the real migrations and the demo data (Exempelregionen, Delår 1 2026):
 * which rows and columns an official gets, and that a save is all or nothing — a typo, a conflict or a cell out of
 * scope and nothing is stored; otherwise every changed cell becomes a draft with an audit entry on channel 'grid'.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { freshSeededDb } from '../../../../tests/helpers/db';
import { createUser, resolveScope } from '../auth/users';
import type { SessionUser } from '../auth/sessions';
import { getReportingPeriod, type ReportingPeriod } from '../editing/period';
import { observationState, saveObservationDraft, keyId } from '../editing/observation-drafts';
import { historyOf } from '../editing/history';
import { buildGrid, gridColumns, visibleSections, type GridSection } from './grid';
import { saveGrid, type PostedCells } from './save';

let db: Db;

const system = { userId: null, channel: 'system' as const };
const id = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { id: number }).id;

function user(role: 'admin' | 'editor' | 'reviewer', scope?: { org?: string; plan?: string; goal?: number }): SessionUser {
	const scopes = scope ? [resolveScope(db, scope)] : [];
	const u = createUser(db, { email: `${role}-${Math.random().toString(36).slice(2)}@example.se`, name: `Test ${role}`, role, scopes }, system);
	return { id: u.id, email: u.email, name: u.name, role, scopes };
}

let period: ReportingPeriod;
let editor: SessionUser;

beforeEach(() => {
	db = freshSeededDb();
	period = getReportingPeriod(db, id("SELECT id FROM follow_up_period WHERE slug = 'delar-1-2026'"))!;
	editor = user('editor', { org: 'exempelregionen' });
});

const cells = (sections: GridSection[]) => sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.cells.map((c) => ({ row: r.name, ...c })))));
const cell = (sections: GridSection[], slug: string, period: string) => {
	const ind = id('SELECT id FROM indicator WHERE slug = ?', slug);
	return cells(sections).find((c) => c.key.indicatorId === ind && c.key.period === period)!;
};

/** The form as the page sends it: every cell with its loaded text, then the typed changes. */
function post(sections: GridSection[], typed: Record<string, string>): PostedCells {
	const out: PostedCells = { values: {}, was: {}, seen: {} };
	for (const c of cells(sections)) {
		out.values[c.name] = c.name in typed ? typed[c.name] : c.text;
		out.was[c.name] = c.text;
		out.seen[c.name] = c.seen;
	}
	return out;
}

describe('gridColumns', () => {
	it.each([
		['year', '2026-04-30', ['2023', '2024', '2025']],
		['tertial', '2026-04-30', ['2025T2', '2025T3', '2026T1']],
		['tertial', '2025-12-31', ['2025T1', '2025T2', '2025T3']],
		['half', '2025-08-31', ['2024H1', '2024H2', '2025H1']],
		['irregular', '2025-12-31', ['2023', '2024', '2025']]
	] as const)('%s at %s → the last periods up to the reported one', (frequency, end, expected) => {
		expect(gridColumns(frequency, end, 3)).toEqual(expected);
	});
});

describe('the grid an official gets', () => {
	it('has a section per frequency, rows under their goals, and the published values in Swedish format', () => {
		const sections = buildGrid(db, editor, period, 'T');
		expect(sections.map((s) => [s.frequency, s.columns])).toEqual([
			['year', ['2022', '2023', '2024', '2025']],
			['tertial', ['2025T1', '2025T2', '2025T3', '2026T1']]
		]);
		const yearly = sections[0];
		expect(yearly.groups[0].title).toMatch(/Nr 4\. Fler invånare har ett arbete/);
		// Every indicator once, all editable for an editor of the organisation.
		const rows = sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
		expect(rows).toHaveLength(13);
		expect(new Set(rows.map((r) => r.indicatorId)).size).toBe(13);
		expect(rows.every((r) => r.editable)).toBe(true);
		const published = cells(sections).find((c) => c.text !== '' && /,/.test(c.text));
		expect(published?.text).toMatch(/^\d[\d\u00a0]*,\d+$/);
		expect(published?.seen).toMatch(/^0\.[1-9]\d*$/);
		// Delår 1 2026 reports 2026T1 for tertial indicators: nothing there yet.
		expect(cell(sections, 'exempel-sjukfranvaro', '2026T1')).toMatchObject({ text: '', seen: '0.0', draft: null });
	});

	it('shows a draft instead of the published value, marked, with the published text beside it', () => {
		const before = cell(buildGrid(db, editor, period, 'T'), 'exempel-sjukfranvaro', '2025T3');
		saveObservationDraft(db, { userId: editor.id, channel: 'form' }, before.key, { raw: '4,25', note: '' }, { draftVersion: 0, publishedVersion: Number(before.seen.split('.')[1]) });
		const after = cell(buildGrid(db, editor, period, 'T'), 'exempel-sjukfranvaro', '2025T3');
		expect(after).toMatchObject({ text: '4,25', publishedText: before.text, draft: { remove: false, by: 'Test editor' } });
	});

	it('gives an editor of another organisation nothing to edit, and a reviewer every row read-only', () => {
		const other = user('editor', { org: 'region-orebro-lan' });
		expect(visibleSections(buildGrid(db, other, period, 'T'), other)).toEqual([]);
		const reviewer = user('reviewer');
		const seen = visibleSections(buildGrid(db, reviewer, period, 'T'), reviewer);
		expect(seen.flatMap((s) => s.groups.flatMap((g) => g.rows)).map((r) => r.editable)).toEqual(Array(13).fill(false));
	});

	it('narrows to a goal subtree for an editor scoped to one goal', () => {
		const goal = id("SELECT id FROM goal WHERE number = 'Nr 4' AND plan_id = ?", period.planId);
		const narrow = user('editor', { goal });
		const rows = visibleSections(buildGrid(db, narrow, period, 'T'), narrow).flatMap((s) => s.groups.flatMap((g) => g.rows));
		expect(rows.map((r) => r.name)).toHaveLength(3);
	});
});

describe('saving the grid', () => {
	it('saves nothing when one cell has a typo, reports it at that cell and keeps every typed value', () => {
		const sections = buildGrid(db, editor, period, 'T');
		const a = cell(sections, 'exempel-sjukfranvaro', '2026T1');
		const b = cell(sections, 'exempel-sysselsattning', '2025');
		const typo = cell(sections, 'exempel-arbetsloshet', '2025');
		const posted = post(sections, { [a.name]: '4,7', [b.name]: '81,5', [typo.name]: '6,2,1' });
		const r = saveGrid(db, editor, period, 'T', posted);
		expect(r).toMatchObject({ ok: false, status: 400 });
		if (r.ok) return;
		expect(Object.keys(r.errors)).toEqual([typo.name]);
		expect(r.errors[typo.name].message.sv).toMatch(/'6,2,1' är inte ett tal/);
		expect(r.values[a.name]).toBe('4,7');
		for (const c of [a, b, typo]) expect(observationState(db, c.key).draft).toBeNull();
		expect(historyOf(db, 'observation', keyId(a.key))).toEqual([]);
	});

	it('saves every changed cell as a draft through the grid channel, and leaves untouched cells alone', () => {
		const sections = buildGrid(db, editor, period, 'T');
		const a = cell(sections, 'exempel-sjukfranvaro', '2026T1');
		const b = cell(sections, 'exempel-sysselsattning', '2025');
		const r = saveGrid(db, editor, period, 'T', post(sections, { [a.name]: '4,7', [b.name]: '81,5' }));
		expect(r).toEqual({ ok: true, saved: 2 });
		expect(observationState(db, a.key).draft).toMatchObject({ value: 4.7, updatedBy: 'Test editor' });
		expect(observationState(db, b.key).draft).toMatchObject({ value: 81.5 });
		expect(historyOf(db, 'observation', keyId(a.key))).toEqual([expect.objectContaining({ action: 'draft.save', channel: 'grid', who: 'Test editor', new: expect.objectContaining({ value: 4.7 }) })]);
		expect(db.$client.prepare('SELECT count(*) AS n FROM observation_draft').get()).toEqual({ n: 2 });
	});

	it('keeps a note written through the form when the grid changes the value', () => {
		const a = cell(buildGrid(db, editor, period, 'T'), 'exempel-sjukfranvaro', '2026T1');
		saveObservationDraft(db, { userId: editor.id, channel: 'form' }, a.key, { raw: '4', note: 'Preliminärt' }, { draftVersion: 0, publishedVersion: 0 });
		const sections = buildGrid(db, editor, period, 'T');
		expect(saveGrid(db, editor, period, 'T', post(sections, { [a.name]: '4,5' })).ok).toBe(true);
		expect(observationState(db, a.key).draft).toMatchObject({ value: 4.5, note: 'Preliminärt' });
	});

	it('turns a value changed meanwhile into a conflict with the current value, and saves on the second try', () => {
		const sections = buildGrid(db, editor, period, 'T');
		const a = cell(sections, 'exempel-sjukfranvaro', '2026T1');
		const b = cell(sections, 'exempel-sysselsattning', '2025');
		// Someone else saves the same value after this grid was loaded.
		saveObservationDraft(db, { userId: null, channel: 'form' }, a.key, { raw: '5,1', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		const r = saveGrid(db, editor, period, 'T', post(sections, { [a.name]: '4,7', [b.name]: '81,5' }));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors[a.name]).toMatchObject({ current: '5,1', message: { sv: expect.stringMatching(/Nu: 5,1 \(utkast\)/) } });
		expect(observationState(db, a.key).draft?.value).toBe(5.1);
		expect(observationState(db, b.key).draft).toBeNull();
		// The re-shown form carries the versions of the value it showed: saving again chooses the typed one.
		expect(saveGrid(db, editor, period, 'T', { values: r.values, was: r.was, seen: r.seen })).toEqual({ ok: true, saved: 2 });
		expect(observationState(db, a.key).draft?.value).toBe(4.7);
	});

	it('refuses the whole save, listing them, when cells are outside the editor’s scope', () => {
		const all = buildGrid(db, editor, period, 'T');
		const goal = id("SELECT id FROM goal WHERE number = 'Nr 4' AND plan_id = ?", period.planId);
		const narrow = user('editor', { goal });
		const inside = cell(all, 'exempel-sysselsattning', '2025');
		const outside = cell(all, 'exempel-sjukfranvaro', '2026T1');
		const r = saveGrid(db, narrow, period, 'T', post(all, { [inside.name]: '81', [outside.name]: '4' }));
		expect(r).toMatchObject({ ok: false, status: 403, message: { sv: expect.stringMatching(/Du har inte behörighet att ändra: .*\(Tertial 1 2026\)\. Inget sparades\./) } });
		expect(observationState(db, inside.key).draft).toBeNull();
	});

	it('refuses cells that are not in the grid, and any change to a locked period', () => {
		const sections = buildGrid(db, editor, period, 'T');
		const forged = post(sections, {});
		forged.values['cell-999999-2025'] = '1';
		forged.seen['cell-999999-2025'] = '0.0';
		expect(saveGrid(db, editor, period, 'T', forged)).toMatchObject({ ok: false, status: 400 });
		const locked = getReportingPeriod(db, id("SELECT id FROM follow_up_period WHERE slug = 'helar-2025' AND plan_id = ?", period.planId))!;
		const b = cell(sections, 'exempel-sysselsattning', '2025');
		expect(saveGrid(db, editor, locked, 'T', post(sections, { [b.name]: '81,5' }))).toMatchObject({ ok: false, status: 409, message: { sv: expect.stringMatching(/låst/) } });
		expect(observationState(db, b.key).draft).toBeNull();
	});
});
