/**
 * The data revision: every change the public can see bumps it (triggers on the public tables, the explicit
 * bump of the observation writers), a draft save does not, and every table is placed on one side or the other.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshSeededDb } from '../../../../tests/helpers/db';
import type { Db } from './client';
import { EXPLICIT_TABLES, PRIVATE_TABLES, PUBLIC_TABLES, readRevision } from './revision';
import { createUser, resolveScope } from '../auth/users';
import type { SessionUser } from '../auth/sessions';
import { saveObservationDraft, type ObservationKey } from '../editing/observation-drafts';
import { saveAssessmentDraft } from '../editing/assessment-drafts';
import { publishPeriod } from '../editing/publish';
import { withDraftsApplied } from '../editing/preview';
import { runImport } from '../import';

let db: Db;
const system = { userId: null, channel: 'system' as const };
const rev = () => readRevision(db.$client).revision;
const id = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { id: number }).id;

function editor(): SessionUser {
	const u = createUser(db, { email: `e-${Math.random().toString(36).slice(2)}@example.se`, name: 'Test', role: 'editor', scopes: [resolveScope(db, { org: 'exempelregionen' })] }, system);
	return { id: u.id, email: u.email, name: u.name, role: 'editor', scopes: [resolveScope(db, { org: 'exempelregionen' })] };
}

let periodId: number;
let key: ObservationKey;
beforeEach(() => {
	db = freshSeededDb();
	periodId = id("SELECT id FROM follow_up_period WHERE slug = 'delar-1-2026'");
	const planId = id('SELECT plan_id AS id FROM follow_up_period WHERE id = ?', periodId);
	key = { indicatorId: id("SELECT id FROM indicator WHERE slug = 'exempel-sjukfranvaro'"), geographyId: id('SELECT geography_id AS id FROM plan WHERE id = ?', planId), sex: 'T', period: '2026T1' };
});

describe('which tables bump the revision', () => {
	it('places every table: public ones have insert, update and delete triggers, the others none', () => {
		const tables = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[]).map((t) => t.name);
		const placed = new Set<string>([...PUBLIC_TABLES, ...Object.keys(PRIVATE_TABLES), ...EXPLICIT_TABLES]);
		// A new table must be placed in src/lib/server/db/revision.ts (and, if public, get triggers in a migration).
		expect(tables.filter((t) => !placed.has(t))).toEqual([]);
		const triggers = db.$client.prepare("SELECT tbl_name AS t, name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%data_revision%'").all() as { t: string; name: string }[];
		for (const t of PUBLIC_TABLES) expect(triggers.filter((x) => x.t === t).map((x) => x.name).sort(), t).toEqual([`data_revision_${t}_delete`, `data_revision_${t}_insert`, `data_revision_${t}_update`]);
		for (const t of [...Object.keys(PRIVATE_TABLES), ...EXPLICIT_TABLES]) expect(triggers.filter((x) => x.t === t), t).toEqual([]);
	});

	it.each(PUBLIC_TABLES.map((t) => [t]))('a change to %s bumps it', (table) => {
		if (table === 'user') editor();
		const column = table === 'user' ? 'name' : (db.$client.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY pk > 0, cid LIMIT 1`).get(table) as { name: string }).name;
		const rows = (db.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
		if (rows === 0) {
			// Nothing in the demo data to change (an insert is table-specific): its triggers are there.
			expect((db.$client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").get(table) as { n: number }).n).toBe(3);
			return;
		}
		const before = readRevision(db.$client);
		db.$client.prepare(`UPDATE "${table}" SET "${column}" = "${column}"`).run();
		const after = readRevision(db.$client);
		expect(after.revision).toBeGreaterThan(before.revision);
		expect(after.changedAtMs).toBeGreaterThanOrEqual(before.changedAtMs);
	});

	it('a user signing in (their session, the login attempts) does not bump it', () => {
		const before = rev();
		const u = editor();
		const after = rev();
		db.$client.prepare("UPDATE user SET updated_at = 'x' WHERE id = ?").run(u.id);
		db.$client.prepare("INSERT INTO login_attempt (key) VALUES ('x@example.se')").run();
		// Creating an account bumps (a name may be shown on approvals); touching it without its name does not.
		expect(after).toBeGreaterThan(before);
		expect(rev()).toBe(after);
	});
});

describe('what bumps it in the application', () => {
	it('saving drafts of values and assessments leaves it alone; publishing them bumps it once they commit', () => {
		const e = editor();
		const actor = { userId: e.id, channel: 'form' as const };
		const before = rev();
		expect(saveObservationDraft(db, actor, key, { raw: '81,4', note: '' }, { draftVersion: 0, publishedVersion: 0 }).ok).toBe(true);
		const goalId = id('SELECT goal_id AS id FROM goal_indicator WHERE indicator_id = ?', key.indicatorId);
		saveAssessmentDraft(db, actor, { periodId, kind: 'goal', id: goalId }, { colour: '', overrideReason: '', comment: 'Utkast' }, { draftVersion: 0, publishedVersion: 0 });
		expect(rev()).toBe(before);
		// The preview applies the drafts and rolls back: nothing is bumped.
		withDraftsApplied(db, id('SELECT plan_id AS id FROM follow_up_period WHERE id = ?', periodId), () => null);
		expect(rev()).toBe(before);
		expect(publishPeriod(db, e, actor, periodId)).toMatchObject({ ok: true, observations: 1 });
		expect(rev()).toBeGreaterThan(before);
	});

	it('an import of values bumps it; a failed import does not', async () => {
		const before = rev();
		const bad = await runImport(db, { kind: 'values', input: { bytes: new TextEncoder().encode('indikator;geografi;period;kön;värde\ninvanare-totalt;9999;2022;T;1\n'), fileName: 'okänd.csv' } });
		expect(bad.ok).toBe(false);
		expect(rev()).toBe(before);
		const ok = await runImport(db, { kind: 'values', input: { bytes: new TextEncoder().encode('indikator;geografi;period;kön;värde\ninvanare-totalt;1880;2031;T;123\n'), fileName: 'nytt.csv' } });
		expect(ok.ok).toBe(true);
		expect(rev()).toBeGreaterThan(before);
	});

	it('publishing a reviewed period (its state) bumps it', () => {
		const before = rev();
		db.$client.prepare("UPDATE follow_up_period SET state = state WHERE id = ?").run(periodId);
		expect(rev()).toBeGreaterThan(before);
	});
});
