/**
 * The import command line as a user runs it (`npm run import -- …` is `tsx scripts/import.ts …`), against a
 * temporary database file: exit code 0 for success and for --help, 1 for bad input, 2 for a usage error, and
 * --json prints one parseable JSON document with the counts and the errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, geoDb } from '../helpers/import';

let dir: string;
let database: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
	database = join(dir, 'test.db');
	// Geographies and the Kolada indicators, migrated: the CLI opens it like any database.
	writeFileSync(database, geoDb().$client.serialize());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
	const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/import.ts', ...args], {
		env: { ...process.env, DATABASE_URL: database },
		encoding: 'utf8'
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run import', { timeout: 60_000 }, () => {
	it('--help prints the usage on stdout and exits 0', () => {
		const r = run('--help');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^Användning:\n {2}npm run import -- <typ> <fil-eller-url> \[flaggor\]/);
	});

	it('usage errors exit 2 and say what was wrong (an unknown flag, no file)', () => {
		const flag = run('values', 'x.csv', '--torr');
		expect(flag.code).toBe(2);
		expect(flag.stderr).toMatch(/^Fel: okänd flagga --torr\n/);
		const noFile = run('values');
		expect(noFile.code).toBe(2);
		expect(noFile.stderr).toMatch(/^Fel: ange en fil eller en URL\n/);
	});

	it('a dry run of a good file exits 0; --json prints the counts new/changed/unchanged/removed and no errors', () => {
		const r = run('pxweb', fixture('pxweb', 'v2/TAB6471_data.jsonstat2.json'), '--dry-run', '--json');
		expect(r.code).toBe(0);
		const json = JSON.parse(r.stdout);
		expect(json).toMatchObject({ ok: true, dryRun: true, kind: 'pxweb', errors: [] });
		expect(json.counts.observations).toEqual({ new: 2772, changed: 0, unchanged: 0, removed: 0 });
		expect(json.counts.indicators).toEqual({ new: 11, changed: 0, unchanged: 0, removed: 0 });
	});

	it('bad input exits 1; --json lists the errors with row, column and value', () => {
		const r = run('values', fixture('values', 'icke-tal.csv'), '--json');
		expect(r.code).toBe(1);
		const json = JSON.parse(r.stdout);
		expect(json).toMatchObject({ ok: false, counts: {}, batchId: null });
		expect(json.errors[0]).toMatchObject({ file: 'icke-tal.csv', code: 'not-a-number', row: expect.any(Number), column: 'värde' });
	});
});
