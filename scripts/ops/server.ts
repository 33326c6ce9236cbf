/**
 * The built site as a child process, for the operations scripts (shutdown, crash, load): its own port and
 * database, its output kept for checks, and its exit awaited. `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Server {
	origin: string;
	child: ChildProcess;
	/** Everything the server printed (stdout and stderr) so far. */
	output(): string;
	/** Resolves with the exit code (null when killed by a signal) and the signal. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const tempDir = (what: string): string => mkdtempSync(join(tmpdir(), `lagesbild-${what}-`));

export async function startServer(opts: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<Server> {
	if (!existsSync('build/index.js')) throw new Error('Ingen build: kör npm run build först.');
	const origin = `http://127.0.0.1:${opts.port}`;
	const child = spawn(process.execPath, ['build'], {
		env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', ORIGIN: origin, DATABASE_URL: opts.databaseUrl, ...opts.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal }))
	);
	let gone = false;
	void exited.then(() => (gone = true));
	for (let i = 0; i < 600 && !gone; i++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return { origin, child, output: () => out, exited };
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	child.kill('SIGKILL');
	throw new Error(`Servern startade inte:\n${out}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small assertion that prints what failed and exits non-zero (the scripts are run by people and CI). */
export function check(ok: unknown, what: string): asserts ok {
	if (ok) {
		console.log(`  ok   ${what}`);
		return;
	}
	console.log(`  FEL  ${what}`);
	process.exitCode = 1;
	throw new Error(what);
}
