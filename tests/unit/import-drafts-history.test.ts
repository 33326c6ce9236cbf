/**
 * Issue 5 for imports, on real SQLite with the demo data:
 * - an editor's upload (ImportOptions.draft) writes drafts: the public tables, the API and the public indicator
 *   page are unchanged until "Granska och publicera" publishes them; publishing keeps the file as provenance;
 * - a values file for an indicator outside the editor's scope is refused whole, drafts or not;
 * - a published import that changes or removes values writes one audit entry per value (old → new, channel,
 *   file and batch), in the import's transaction, so the value's history page shows it; a value an import
 *   created shows "importerat (file, batch N)" from the batch's provenance;
 * - all-or-nothing holds on both paths (checksum of every table).
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { runImport, type ImportActor, type ImportRequest } from '../../src/lib/server/import';
import { importAuthorizer } from '../../src/lib/server/auth/import-scope';
import { createUser, resolveScope } from '../../src/lib/server/auth/users';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { publishPeriod, publishOverview } from '../../src/lib/server/editing/publish';
import { getReportingPeriod } from '../../src/lib/server/editing/period';
import { withDraftsApplied } from '../../src/lib/server/editing/preview';
import { getHistoryPage } from '../../src/lib/server/queries/history-page';
import { apiObservations } from '../../src/lib/server/queries/api/observations';
import { indicatorHead } from '../../src/lib/server/queries/api/indicators';
import { loadGeographies } from '../../src/lib/server/queries/api/context';
import { parseObservationsQuery } from '../../src/lib/server/api/params';
import { unwrap } from '../../src/lib/server/api/http';
import { getIndicatorPage } from '../../src/lib/server/queries/indicator-page';
import { parseViewState } from '../../src/lib/indicator-view/state';
import { freshSeededDb } from '../helpers/db';
import { checksum, count, valueOf } from '../helpers/import';

let db: Db;
const system = { userId: null, channel: 'system' as const };
const SLUG = 'exempel-arbetsloshet';

function user(role: 'admin' | 'editor', scope?: { org?: string; plan?: string }): SessionUser {
	const scopes = scope ? [resolveScope(db, scope)] : [];
	const u = createUser(db, { email: `${role}-${Math.random().toString(36).slice(2)}@example.se`, name: `Test ${role}`, role, scopes }, system);
	return { id: u.id, email: u.email, name: u.name, role, scopes };
}

const csv = (rows: string[]) => new TextEncoder().encode(['indikator;geografi;period;kön;värde', ...rows].join('\n') + '\n');
const id = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { id: number }).id;

/** What the public sees of the indicator: its API observations and its public page. */
function publicView(slug = SLUG): string {
	const head = indicatorHead(db, slug)!;
	const filter = unwrap(parseObservationsQuery(new URLSearchParams(), null, { geographies: loadGeographies(db) })).filter;
	const page = getIndicatorPage(db, slug, parseViewState(new URLSearchParams('tab=table')));
	return JSON.stringify({ api: apiObservations(db, head, filter).rows, series: page?.series });
}

/** The public tables (a draft import must not change them; its batch row only bumps the cache revision). */
const publicTables = () =>
	Object.fromEntries(
		['observation', 'observation_latest', 'assessment'].map((t) => [t, createHash('sha256').update(JSON.stringify(db.$client.prepare(`SELECT * FROM ${t}`).all())).digest('hex')])
	);

async function importAs(u: SessionUser, bytes: Uint8Array, opts: { draft?: boolean; replace?: boolean; dryRun?: boolean } = {}) {
	const actor: ImportActor = { userId: u.id, channel: 'import' };
	const req: ImportRequest = {
		kind: 'values',
		input: { bytes, fileName: 'uppladdad.csv' },
		options: { draft: opts.draft, replace: opts.replace, dryRun: opts.dryRun },
		user: u.name,
		actor: opts.dryRun ? undefined : actor,
		authorize: importAuthorizer(db, u)
	};
	return runImport(db, req);
}

let periodId: number;
let exId: string;
const keyOf = (period: string, sex = 'T') => `${id('SELECT id FROM indicator WHERE slug = ?', SLUG)}:${exId}:${sex}:${period}`;

beforeEach(() => {
	db = freshSeededDb();
	periodId = id("SELECT id FROM follow_up_period WHERE slug = 'delar-1-2026'");
	exId = String(id("SELECT id FROM geography WHERE code = 'EX'"));
});

describe('an editor imports values as drafts', { timeout: 60_000 }, () => {
	it('the dry run says the values become drafts and writes nothing', async () => {
		const editor = user('editor', { org: 'exempelregionen' });
		const before = checksum(db);
		const r = await importAs(editor, csv([`${SLUG};EX;2026;T;6,4`]), { draft: true, dryRun: true });
		expect(r).toMatchObject({ ok: true, draft: true, dryRun: true });
		expect(r.counts.observations).toMatchObject({ new: 1, changed: 0 });
		expect(r.examples.new[0].after).toBe('6,4');
		expect(checksum(db)).toBe(before);
	});

	it('writes drafts, changes nothing public, shows them for publishing and in the preview; publishing makes them public', async () => {
		const editor = user('editor', { org: 'exempelregionen' });
		const old2025 = valueOf(db, SLUG, 'EX', '2025');
		expect(old2025?.value).toEqual(expect.any(Number));
		const view = publicView();
		const tables = publicTables();

		const r = await importAs(editor, csv([`${SLUG};EX;2026;T;6,4`, `${SLUG};EX;2025;T;9,9`]), { draft: true });
		expect(r).toMatchObject({ ok: true, draft: true });
		expect(r.counts.observations).toMatchObject({ new: 1, changed: 1 });
		expect(r.examples.changed[0]).toMatchObject({ before: String(old2025!.value).replace('.', ','), after: '9,9' });
		expect(publicTables()).toEqual(tables);
		expect(publicView()).toBe(view);
		expect(count(db, 'SELECT count(*) AS n FROM observation_draft WHERE batch_id = ?', r.batchId)).toBe(2);
		// Each draft is in the value's history, through the import channel, naming file and batch.
		const h = getHistoryPage(db, 'observation', keyOf('2025'))!;
		expect(h.entries[0]).toMatchObject({ action: 'draft.save', channel: 'import', who: 'Test editor', new: { value: 9.9 }, note: `uppladdad.csv, batch ${r.batchId}` });

		// "Granska och publicera" lists them; the preview shows them as published.
		const period = getReportingPeriod(db, periodId)!;
		const overview = publishOverview(db, editor, period);
		expect(overview.values.filter((v) => v.mine).map((v) => [v.period, v.value])).toEqual(expect.arrayContaining([['2025', 9.9], ['2026', 6.4]]));
		const previewed = withDraftsApplied(db, period.planId, () => valueOf(db, SLUG, 'EX', '2026')?.value);
		expect(previewed).toBe(6.4);
		expect(publicTables()).toEqual(tables);

		const p = publishPeriod(db, editor, { userId: editor.id, channel: 'form' }, periodId);
		expect(p).toMatchObject({ ok: true, held: [] });
		expect(valueOf(db, SLUG, 'EX', '2026')).toMatchObject({ value: 6.4, batch_id: r.batchId });
		expect(valueOf(db, SLUG, 'EX', '2025')).toMatchObject({ value: 9.9, batch_id: r.batchId });
		expect(publicView()).not.toBe(view);
		const after = getHistoryPage(db, 'observation', keyOf('2025'))!;
		expect(after.entries.map((e) => e.action).slice(0, 2)).toEqual(['publish', 'draft.save']);
		expect(after.entries[0]).toMatchObject({ old: { value: old2025!.value }, new: { value: 9.9, batch: r.batchId } });
	});

	it('a value equal to the published one is unchanged; a second upload replaces the draft; removal drafts with replace', async () => {
		const editor = user('editor', { org: 'exempelregionen' });
		const v2025 = String(valueOf(db, SLUG, 'EX', '2025')!.value).replace('.', ',');
		const first = await importAs(editor, csv([`${SLUG};EX;2025;T;${v2025}`, `${SLUG};EX;2026;T;6,4`]), { draft: true });
		expect(first.counts.observations).toMatchObject({ new: 1, changed: 0, unchanged: 1 });
		const second = await importAs(editor, csv([`${SLUG};EX;2026;T;6,5`]), { draft: true });
		expect(second.counts.observations).toMatchObject({ new: 1, changed: 0 });
		expect(db.$client.prepare('SELECT value, version FROM observation_draft WHERE period = ?').get('2026')).toEqual({ value: 6.5, version: 2 });
		const published = count(db, 'SELECT count(*) AS n FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.slug = ? AND o.geography_id = ? AND o.sex = ?', SLUG, Number(exId), 'T');
		const third = await importAs(editor, csv([`${SLUG};EX;2026;T;6,5`]), { draft: true, replace: true });
		expect(third.counts.observations).toMatchObject({ removed: published, unchanged: 1 });
		expect(count(db, 'SELECT count(*) AS n FROM observation_draft WHERE remove = 1')).toBe(published);
		expect(count(db, 'SELECT count(*) AS n FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.slug = ?', SLUG)).toBeGreaterThanOrEqual(published);
	});

	it('an editor may only import values for indicators in their scope, drafts too; nothing is written', async () => {
		const orebro = user('editor', { org: 'region-orebro-lan' });
		const before = checksum(db);
		const r = await importAs(orebro, csv([`${SLUG};EX;2026;T;6,4`]), { draft: true });
		expect(r.ok).toBe(false);
		expect(r.errors.map((e) => e.message).join()).toContain('utanför ditt ansvarsområde');
		expect(checksum(db)).toBe(before);
	});

	it('all or nothing: a bad row, or a failing audit entry, leaves every table as it was', async () => {
		const editor = user('editor', { org: 'exempelregionen' });
		const before = checksum(db);
		const bad = await importAs(editor, csv([`${SLUG};EX;2026;T;6,4`, `${SLUG};EX;2027;T;sex`]), { draft: true });
		expect(bad.ok).toBe(false);
		const dup = await importAs(editor, csv([`${SLUG};EX;2026;T;6,4`, `${SLUG};EX;2026;T;6,5`]), { draft: true });
		expect(dup.errors.map((e) => e.code)).toContain('duplicate');
		db.$client.exec("CREATE TEMP TRIGGER no_audit BEFORE INSERT ON audit_log WHEN NEW.entity = 'observation' BEGIN SELECT RAISE(ABORT, 'loggen är låst'); END");
		try {
			const r = await importAs(editor, csv([`${SLUG};EX;2026;T;6,4`]), { draft: true });
			expect(r.ok).toBe(false);
		} finally {
			db.$client.exec('DROP TRIGGER temp.no_audit');
		}
		expect(checksum(db)).toBe(before);
	});

	it('an indicator linked to no goal cannot be drafted (nowhere to publish it); plans cannot be drafted', async () => {
		const admin = user('admin');
		db.$client.prepare("INSERT INTO indicator (slug, name, unit) VALUES ('fristaende', 'Fristående', '%')").run();
		const r = await importAs(admin, csv(['fristaende;EX;2026;T;1']), { draft: true });
		expect(r.ok).toBe(false);
		expect(r.errors[0].message).toContain('hör inte till något mål');
		const plan = await runImport(db, { kind: 'plan', input: { bytes: csv([]), fileName: 'p.csv' }, options: { draft: true } });
		expect(plan.errors[0].message).toContain('bara värden och statistik');
	});
});

describe('a published import writes history per changed or removed value', { timeout: 60_000 }, () => {
	it('re-importing a changed file: one entry per changed value, old → new, with file and batch; new values show their batch', async () => {
		const admin = user('admin');
		const first = await importAs(admin, csv([`${SLUG};EX;2026;T;6,4`, `${SLUG};EX;2026;K;6,1`]));
		expect(first).toMatchObject({ ok: true, draft: false });
		expect(valueOf(db, SLUG, 'EX', '2026')?.value).toBe(6.4);
		// New values: no per-value entry, but the history names the batch that brought them.
		expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'observation'")).toBe(0);
		const created = getHistoryPage(db, 'observation', keyOf('2026'))!;
		expect(created.entries).toEqual([
			expect.objectContaining({ action: 'import.new', channel: 'import', who: 'Test admin', new: expect.objectContaining({ value: 6.4 }), note: `uppladdad.csv, batch ${first.batchId}` })
		]);

		const second = await importAs(admin, csv([`${SLUG};EX;2026;T;6,2`, `${SLUG};EX;2026;K;6,1`]));
		expect(second.counts.observations).toMatchObject({ changed: 1, unchanged: 1 });
		const entries = db.$client.prepare("SELECT * FROM audit_log WHERE entity = 'observation'").all() as Record<string, unknown>[];
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ action: 'import.change', channel: 'import', user_id: admin.id, entity_id: keyOf('2026'), note: `uppladdad.csv, batch ${second.batchId}` });
		expect(JSON.parse(entries[0].old as string)).toEqual({ value: 6.4, text: null, missing: null, note: null, batch: first.batchId });
		expect(JSON.parse(entries[0].new as string)).toEqual({ value: 6.2, text: null, missing: null, note: null, batch: second.batchId });

		const h = getHistoryPage(db, 'observation', keyOf('2026'))!;
		expect(h.entries.map((e) => [e.action, e.note])).toEqual([
			['import.change', `uppladdad.csv, batch ${second.batchId}`],
			['import.new', `uppladdad.csv, batch ${first.batchId}`]
		]);
		expect(h.entries[1].new).toMatchObject({ value: 6.4 });
	});

	it('--replace: one entry per removed value, in the same transaction as the delete', async () => {
		const cli: ImportActor = { userId: null, channel: 'cli' };
		const n = count(db, 'SELECT count(*) AS n FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.slug = ? AND o.geography_id = ? AND o.sex = ?', SLUG, Number(exId), 'T');
		const before = checksum(db);
		db.$client.exec("CREATE TEMP TRIGGER no_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'import.remove' BEGIN SELECT RAISE(ABORT, 'loggen är låst'); END");
		try {
			const r = await runImport(db, { kind: 'values', input: { bytes: csv([`${SLUG};EX;2026;T;6,4`]), fileName: 'ersatt.csv' }, options: { replace: true }, actor: cli });
			expect(r.ok).toBe(false);
		} finally {
			db.$client.exec('DROP TRIGGER temp.no_audit');
		}
		expect(checksum(db)).toBe(before);

		const r = await runImport(db, { kind: 'values', input: { bytes: csv([`${SLUG};EX;2026;T;6,4`]), fileName: 'ersatt.csv' }, options: { replace: true }, actor: cli });
		expect(r.counts.observations).toMatchObject({ new: 1, removed: n });
		const removed = db.$client.prepare("SELECT * FROM audit_log WHERE action = 'import.remove'").all() as Record<string, unknown>[];
		expect(removed).toHaveLength(n);
		expect(removed[0]).toMatchObject({ channel: 'cli', user_id: null, new: null, note: `ersatt.csv, batch ${r.batchId}` });
		const h = getHistoryPage(db, 'observation', removed[0].entity_id as string)!;
		expect(h.entries.map((e) => e.action)).toEqual(['import.remove', 'import.new']);
	});

	it('the seed (no actor) writes no per-value entries', async () => {
		const r = await runImport(db, { kind: 'values', input: { bytes: csv([`${SLUG};EX;2025;T;1,5`]), fileName: 'x.csv' } });
		expect(r.counts.observations?.changed).toBe(1);
		expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'observation'")).toBe(0);
	});
});
