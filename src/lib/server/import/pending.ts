/**
 * Uploaded files waiting between the dry run and "Bekräfta import" on the admin import page. The confirm
 * step must import exactly the bytes the person saw the diff of, so they stay on the server: a random-named
 * file in a folder next to the database (never in the form, never in memory between requests), with a small
 * JSON file saying whose it is, what kind and options it was checked with, and its SHA-256. A pending upload
 * belongs to the user who made it, is deleted at confirm or cancel, and expires after an hour.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ImportKind } from './types';

export const PENDING_TTL_MS = 60 * 60 * 1000;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** The options the page offers, as stored between the steps (plain data). */
export interface PendingOptions {
	org?: string;
	plan?: string;
	indicator?: string;
	map?: Record<string, string>;
	table?: string;
	replace?: boolean;
	/** Write the values as drafts (ImportOptions.draft): decided at the dry run, kept for the confirm step. */
	draft?: boolean;
}

export interface PendingMeta {
	userId: number;
	kind: ImportKind;
	options: PendingOptions;
	fileName: string;
	size: number;
	sha256: string;
	createdAt: string;
}

export type PendingProblem = 'missing' | 'expired' | 'other-user' | 'changed';

/** `import-uploads/` beside the database file; a temporary folder for an in-memory database. */
export function pendingDir(databaseUrl: string): string {
	const inMemory = databaseUrl === ':memory:' || databaseUrl === '';
	return inMemory ? join(tmpdir(), 'lagesbild-import-uploads') : join(dirname(resolve(databaseUrl)), 'import-uploads');
}

const paths = (dir: string, token: string) => ({ bytes: join(dir, `${token}.upload`), meta: join(dir, `${token}.json`) });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Keeps the bytes for the confirm step; returns the token that names them. */
export function savePending(dir: string, meta: Omit<PendingMeta, 'sha256' | 'size' | 'createdAt'>, bytes: Uint8Array, now = new Date()): string {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const token = randomBytes(24).toString('base64url');
	const p = paths(dir, token);
	const full: PendingMeta = { ...meta, size: bytes.byteLength, sha256: sha256(bytes), createdAt: now.toISOString() };
	writeFileSync(p.bytes, bytes, { mode: 0o600 });
	writeFileSync(p.meta, JSON.stringify(full), { mode: 0o600 });
	return token;
}

/** The pending upload for this token and user, with its bytes checked against the SHA-256 from the dry run. */
export function loadPending(
	dir: string,
	token: string,
	userId: number,
	now = new Date()
): { meta: PendingMeta; bytes: Uint8Array } | { problem: PendingProblem } {
	if (!TOKEN.test(token)) return { problem: 'missing' };
	const p = paths(dir, token);
	let meta: PendingMeta;
	let bytes: Uint8Array;
	try {
		meta = JSON.parse(readFileSync(p.meta, 'utf8')) as PendingMeta;
		bytes = new Uint8Array(readFileSync(p.bytes));
	} catch {
		return { problem: 'missing' };
	}
	// Someone else's token is answered like a missing one would be, and left alone.
	if (meta.userId !== userId) return { problem: 'other-user' };
	if (now.getTime() - Date.parse(meta.createdAt) > PENDING_TTL_MS) {
		deletePending(dir, token);
		return { problem: 'expired' };
	}
	if (sha256(bytes) !== meta.sha256) {
		deletePending(dir, token);
		return { problem: 'changed' };
	}
	return { meta, bytes };
}

export function deletePending(dir: string, token: string): void {
	if (!TOKEN.test(token)) return;
	const p = paths(dir, token);
	rmSync(p.bytes, { force: true });
	rmSync(p.meta, { force: true });
}

/** Deletes pending uploads older than an hour (called whenever the page is used). */
export function sweepPending(dir: string, now = new Date()): number {
	let removed = 0;
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return 0;
	}
	for (const name of names) {
		const file = join(dir, name);
		try {
			if (now.getTime() - statSync(file).mtimeMs > PENDING_TTL_MS) {
				rmSync(file, { force: true });
				removed++;
			}
		} catch {
			// Deleted meanwhile by another request: fine.
		}
	}
	return removed;
}
