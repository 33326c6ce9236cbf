/**
 * The import core's two hooks, against the real schema with the demo data: `actor` writes one audit entry in
 * the import's own transaction, and `authorize` (with the editor rule of src/lib/server/auth/import-scope.ts)
 * refuses an import outside the editor's scope as a whole, leaving the database exactly as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/lib/server/db/client';
import { seedDemo } from '../../src/lib/server/seed';
import { runImport, exportPlan, planCsv } from '../../src/lib/server/import';
import type { ImportActor, ImportRequest } from '../../src/lib/server/import';
import { importAuthorizer } from '../../src/lib/server/auth/import-scope';
import type { Scope, SessionUser } from '../../src/lib/server/auth/sessions';
import { checksum, count, readFixture, valueOf } from '../helpers/import';

let db: Db;
const idOf = (table: string, slug: string) => (db.$client.prepare(`SELECT id FROM ${table} WHERE slug = ?`).get(slug) as { id: number }).id;
const editor = (...scopes: Scope[]): SessionUser => ({ id: 42, email: 'r@example.se', name: 'Rita Redaktör', role: 'editor', scopes });
const FILE = 'exempel-nytt-ar.csv';
const exempelValues = (): ImportRequest['input'] => ({ bytes: readFixture('values', FILE), fileName: FILE });
const audits = () => db.$client.prepare("SELECT * FROM audit_log WHERE action = 'import' ORDER BY id").all() as Record<string, unknown>[];

beforeAll(() => {
	// A private seeded database: these tests write to it.
	db = createDb(':memory:');
	seedDemo(db);
}, 60_000);

describe('audit of imports (actor)', { timeout: 60_000 }, () => {
	const actor: ImportActor = { userId: 7, channel: 'import' };

	it('a dry run, a refused and a failed import write no audit entry', async () => {
		const before = checksum(db);
		const dry = await runImport(db, { kind: 'values', input: exempelValues(), options: { dryRun: true }, actor });
		expect(dry.ok).toBe(true);
		expect(dry.counts.observations?.new).toBe(2);
		const bad = await runImport(db, { kind: 'values', input: { bytes: readFixture('values', 'icke-tal.csv'), fileName: 'icke-tal.csv' }, actor });
		expect(bad.ok).toBe(false);
		expect(checksum(db)).toBe(before);
		expect(audits()).toEqual([]);
	});

	it('an import that writes adds one entry: who, channel, the batch, the counts, file name and SHA-256', async () => {
		const r = await runImport(db, { kind: 'values', input: exempelValues(), user: 'Rita', actor });
		expect(r.ok).toBe(true);
		expect(r.batchId).not.toBeNull();
		const [entry] = audits();
		expect(entry).toMatchObject({
			user_id: 7,
			channel: 'import',
			action: 'import',
			entity: 'import_batch',
			entity_id: String(r.batchId),
			note: `${FILE}, SHA-256 ${r.sha256}`
		});
		expect(JSON.parse(entry.new as string)).toEqual({ observations: { new: 2, changed: 0, unchanged: 0, removed: 0 } });
		expect(valueOf(db, 'exempel-arbetsloshet', 'EX', '2026')?.value).toBe(6.4);
	});

	it('importing the same file again changes nothing and writes no entry', async () => {
		const r = await runImport(db, { kind: 'values', input: exempelValues(), actor });
		expect(r.unchanged).toBe(true);
		expect(audits()).toHaveLength(1);
	});

	it('the entry is in the same transaction: when it cannot be written, nothing of the import is kept', async () => {
		const bytes = new TextEncoder().encode('indikator;geografi;period;kön;värde\nexempel-arbetsloshet;EX;2027;T;6,1\n');
		const before = checksum(db);
		db.$client.exec("CREATE TEMP TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'loggen är låst'); END");
		try {
			const r = await runImport(db, { kind: 'values', input: { bytes, fileName: 'x.csv' }, actor: { userId: null, channel: 'cli' } });
			expect(r.ok).toBe(false);
			expect(r.errors.map((e) => e.message).join()).toContain('loggen är låst');
		} finally {
			db.$client.exec('DROP TRIGGER temp.no_audit');
		}
		expect(checksum(db)).toBe(before);
		expect(valueOf(db, 'exempel-arbetsloshet', 'EX', '2027')).toBeUndefined();
	});

	it('without an actor (the seed) nothing is audited', async () => {
		const bytes = new TextEncoder().encode('indikator;geografi;period;kön;värde\nexempel-arbetsloshet;EX;2028;T;6,0\n');
		const r = await runImport(db, { kind: 'values', input: { bytes, fileName: 'seed.csv' }, user: 'seed' });
		expect(r.batchId).not.toBeNull();
		expect(audits()).toHaveLength(1);
	});
});

describe('authorize: an editor imports only inside their scope', { timeout: 60_000 }, () => {
	const orebro = () => ({ kind: 'organisation' as const, id: idOf('organisation', 'region-orebro-lan') });
	const exempel = () => ({ kind: 'organisation' as const, id: idOf('organisation', 'exempelregionen') });
	const values = (user: SessionUser, dryRun = true) =>
		runImport(db, {
			kind: 'values',
			input: { bytes: new TextEncoder().encode('indikator;geografi;period;kön;värde\nexempel-arbetsloshet;EX;2030;T;5,5\nexempel-sysselsattning;EX;2030;T;82\n'), fileName: 'v.csv' },
			options: { dryRun },
			authorize: importAuthorizer(db, user)
		});

	it('values for indicators of another organisation are refused as a whole, listing them, and nothing is written', async () => {
		const before = checksum(db);
		const r = await values(editor(orebro()), false);
		expect(r.ok).toBe(false);
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]).toMatchObject({ code: 'forbidden', file: 'v.csv' });
		expect(r.errors[0].message).toContain('2 indikatorer utanför ditt ansvarsområde');
		expect(r.errors[0].message).toContain("'exempel-arbetsloshet'");
		expect(r.errors[0].message).toContain("'exempel-sysselsattning'");
		expect(checksum(db)).toBe(before);
	});

	it('the dry run already says so', async () => {
		const r = await values(editor(orebro()));
		expect(r.ok).toBe(false);
		expect(r.errors[0].code).toBe('forbidden');
	});

	it('an editor of the organisation, of the plan, or of a goal the indicator hangs on may import them', async () => {
		const planId = idOf('plan', 'verksamhetsplan-2025');
		const goalOfBoth = db.$client
			.prepare(
				`SELECT g.id FROM goal g WHERE g.plan_id = ? AND g.parent_id IS NULL AND
				 (SELECT count(*) FROM goal_indicator gi JOIN indicator i ON i.id = gi.indicator_id JOIN goal c ON c.id = gi.goal_id
				  WHERE i.slug IN ('exempel-arbetsloshet', 'exempel-sysselsattning') AND (c.id = g.id OR c.parent_id = g.id)) = 2`
			)
			.get(planId) as { id: number } | undefined;
		const scopes: Scope[] = [exempel(), { kind: 'plan', id: planId }];
		if (goalOfBoth) scopes.push({ kind: 'goal', id: goalOfBoth.id });
		for (const s of scopes) {
			const r = await values(editor(s));
			expect(r.errors, JSON.stringify(s)).toEqual([]);
			expect(r.counts.observations?.new).toBe(2);
		}
	});

	it('one indicator outside the scope refuses the whole file', async () => {
		const goalOf = (slug: string) =>
			(db.$client.prepare('SELECT gi.goal_id AS id FROM goal_indicator gi JOIN indicator i ON i.id = gi.indicator_id WHERE i.slug = ?').get(slug) as { id: number }).id;
		expect(goalOf('exempel-arbetsloshet')).not.toBe(goalOf('exempel-vaxthusgaser'));
		const r = await runImport(db, {
			kind: 'values',
			input: { bytes: new TextEncoder().encode('indikator;geografi;period;kön;värde\nexempel-arbetsloshet;EX;2030;T;5,5\nexempel-vaxthusgaser;EX;2030;T;3\n'), fileName: 'v.csv' },
			options: { dryRun: true },
			authorize: importAuthorizer(db, editor({ kind: 'goal', id: goalOf('exempel-arbetsloshet') }))
		});
		expect(r.ok).toBe(false);
		expect(r.errors[0].message).toContain('en indikator utanför');
		expect(r.errors[0].message).toContain("'exempel-vaxthusgaser'");
		expect(r.errors[0].message).not.toContain("'exempel-arbetsloshet'");
	});

	it('indicators the import creates itself are allowed (a statistics file without mapping)', async () => {
		const r = await runImport(db, {
			kind: 'pxweb',
			input: { bytes: readFixture('pxweb', 'v1', 'SamForvInk1_response.jsonstat2.json'), fileName: 'SamForvInk1.json' },
			options: { dryRun: true },
			authorize: importAuthorizer(db, editor(orebro()))
		});
		expect(r.errors).toEqual([]);
		expect(r.counts.indicators?.new).toBeGreaterThan(0);
	});

	it('a plan import needs a scope covering the plan; a goal subtree never covers a whole plan', async () => {
		const csv = planCsv(exportPlan(db, 'exempelregionen', 'verksamhetsplan-2025'));
		const input = { bytes: new TextEncoder().encode(csv), fileName: 'plan.csv' };
		const planId = idOf('plan', 'verksamhetsplan-2025');
		const goal = (db.$client.prepare('SELECT id FROM goal WHERE plan_id = ? LIMIT 1').get(planId) as { id: number }).id;
		const run = (user: SessionUser) => runImport(db, { kind: 'plan', input, options: { dryRun: true }, authorize: importAuthorizer(db, user) });

		for (const refused of [editor(orebro()), editor({ kind: 'goal', id: goal }), { ...editor(exempel()), role: 'reviewer' as const }]) {
			const r = await run(refused);
			expect(r.ok).toBe(false);
			expect(r.errors.map((e) => e.code)).toEqual(['forbidden']);
		}
		for (const ok of [editor(exempel()), editor({ kind: 'plan', id: planId })]) {
			const r = await run(ok);
			expect(r.errors).toEqual([]);
			expect(r.unchanged).toBe(true);
		}
		expect(importAuthorizer(db, { ...editor(), role: 'admin' })).toBeUndefined();
		expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'import'")).toBe(1);
	});
});
