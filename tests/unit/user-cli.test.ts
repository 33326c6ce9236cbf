/**
 * `npm run user` as an operator runs it: a real process against a real SQLite file with the real
 * migrations. Checks what each command prints, what it changes (roles, scopes, disabling signs out) and
 * the exit codes: 0 done, 1 refused, 2 usage.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db/client';

let dir: string;
let database: string;

function user(...args: string[]) {
	const r = spawnSync('npx', ['tsx', 'scripts/user.ts', ...args], {
		env: { ...process.env, DATABASE_URL: database, ORIGIN: 'https://lagesbild.example.se' },
		encoding: 'utf8'
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
}

const row = (email: string) => {
	const db = createDb(database);
	try {
		return db.$client.prepare('SELECT role, disabled FROM "user" WHERE email = ?').get(email) as { role: string; disabled: number };
	} finally {
		db.$client.close();
	}
};

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'lagesbild-user-cli-'));
	database = join(dir, 'cli.db');
	const db = createDb(database);
	db.$client.prepare("INSERT INTO organisation (slug, name) VALUES ('region-a', 'Region A'), ('region-b', 'Region B')").run();
	db.$client.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run user', { timeout: 60_000 }, () => {
	it('creates an editor with a scope and prints a one-time link on ORIGIN', () => {
		const r = user('create', '--email', 'Anna@Region.se', '--name', 'Anna Andersson', '--role', 'editor', '--org', 'region-a');
		expect(r.code).toBe(0);
		expect(r.out).toContain('Skapade anna@region.se (redaktör).');
		expect(r.out).toMatch(/https:\/\/lagesbild\.example\.se\/engangslank\/[\w-]{43}/);
	});

	it('lists accounts with role, state and scope', () => {
		const r = user('list');
		expect(r.code).toBe(0);
		expect(r.out.trim().split('\n')).toEqual(['anna@region.se\tAnna Andersson\teditor\tinget lösenord ännu\tOrganisation: Region A']);
	});

	it('changes the role and the scope', () => {
		expect(user('set-scope', '--email', 'anna@region.se', '--org', 'region-b')).toMatchObject({ code: 0, out: 'anna@region.se: Organisation: Region B.\n' });
		expect(user('set-role', '--email', 'anna@region.se', '--role', 'reviewer')).toMatchObject({ code: 0, out: 'anna@region.se är nu granskare.\n' });
		expect(row('anna@region.se')).toEqual({ role: 'reviewer', disabled: 0 });
	});

	it('disables and enables again', () => {
		expect(user('disable', '--email', 'anna@region.se').out).toBe('anna@region.se är inaktiverad och utloggad överallt.\n');
		expect(row('anna@region.se').disabled).toBe(1);
		expect(user('list').out).toContain('\tinaktiverad\t');
		expect(user('disable', '--email', 'anna@region.se', '--enable').code).toBe(0);
		expect(row('anna@region.se').disabled).toBe(0);
	});

	it('writes each change to the audit log with channel cli', () => {
		const db = createDb(database);
		const actions = db.$client.prepare("SELECT action FROM audit_log WHERE channel = 'cli' ORDER BY id").all() as { action: string }[];
		db.$client.close();
		expect(actions.length).toBeGreaterThanOrEqual(5);
	});

	it.each([
		[['set-role', '--email', 'ingen@region.se', '--role', 'admin'], 1, 'Fel: Det finns inget konto för ingen@region.se.'],
		[['create', '--email', 'x@region.se', '--name', 'X', '--role', 'editor', '--org', 'finns-inte'], 1, 'Fel:'],
		[['set-role', '--email', 'anna@region.se', '--role', 'kung'], 2, 'Fel: okänd roll kung'],
		[['rename'], 2, 'Fel: okänt kommando rename']
	])('%j exits %i with "%s"', (args, code, message) => {
		const r = user(...args);
		expect(r.code).toBe(code);
		expect(r.err).toContain(message);
	});

	it('prints the help on standard output and exits 0 when asked', () => {
		const r = user('--help');
		expect(r.code).toBe(0);
		expect(r.out).toContain('npm run user -- set-scope --email E-POST');
	});
});
