import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deletePending, loadPending, pendingDir, PENDING_TTL_MS, savePending, sweepPending } from './pending';
import { uploadLimit, IMPORT_MAX_BYTES } from './upload-form';

const dirs: string[] = [];
const fresh = () => {
	const d = mkdtempSync(join(tmpdir(), 'pending-test-'));
	dirs.push(d);
	return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const bytes = new TextEncoder().encode('indikator;geografi;period;kön;värde\n');
const meta = { userId: 1, kind: 'values' as const, options: { replace: false }, fileName: 'v.csv' };

describe('pending uploads between the dry run and the confirm', () => {
	it('gives the same bytes back to the same user, with the SHA-256 of the dry run', () => {
		const dir = fresh();
		const token = savePending(dir, meta, bytes);
		const got = loadPending(dir, token, 1);
		expect('meta' in got && [...got.bytes]).toEqual([...bytes]);
		expect('meta' in got && got.meta.sha256).toMatch(/^[0-9a-f]{64}$/);
		deletePending(dir, token);
		expect(readdirSync(dir)).toEqual([]);
		expect(loadPending(dir, token, 1)).toEqual({ problem: 'missing' });
	});

	it.each([
		['another user', (dir: string, token: string) => loadPending(dir, token, 2), 'other-user'],
		['an hour later', (dir: string, token: string) => loadPending(dir, token, 1, new Date(Date.now() + PENDING_TTL_MS + 1000)), 'expired'],
		['changed bytes', (dir: string, token: string) => (writeFileSync(join(dir, `${token}.upload`), 'x'), loadPending(dir, token, 1)), 'changed'],
		['a made-up token', (dir: string) => loadPending(dir, '../../etc/passwd', 1), 'missing']
	])('refuses %s', (_, load, problem) => {
		const dir = fresh();
		const token = savePending(dir, meta, bytes);
		expect(load(dir, token)).toEqual({ problem });
	});

	it('the sweep deletes files older than an hour and keeps newer ones', () => {
		const dir = fresh();
		const old = savePending(dir, meta, bytes);
		const kept = savePending(dir, meta, bytes);
		const past = (Date.now() - PENDING_TTL_MS - 60_000) / 1000;
		for (const ext of ['upload', 'json']) utimesSync(join(dir, `${old}.${ext}`), past, past);
		expect(sweepPending(dir)).toBe(2);
		expect(readdirSync(dir).sort()).toEqual([`${kept}.json`, `${kept}.upload`]);
	});

	it('lives next to the database file', () => {
		expect(pendingDir('data/lagesbild.db')).toMatch(/data\/import-uploads$/);
		expect(pendingDir(':memory:')).toContain(tmpdir());
	});
});

describe('upload limit', () => {
	it('is the page limit, or the server limit when lower', () => {
		expect(uploadLimit('21M')).toBe(IMPORT_MAX_BYTES);
		// The default 512K leaves 64 kB for the rest of the form.
		expect(uploadLimit(undefined)).toBe(448 * 1024);
	});
});
