/**
 * Starts the built site for benchmarks: on a fresh demo database (the default), or on `databaseUrl` (the
 * national-scale database of bench/generate.ts). `process.pid` is the server's, for its RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
	origin: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

export async function startServer(port = 4390, opts: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
	if (!existsSync('build/index.js')) throw new Error('Ingen build: kör npm run build först.');
	const dir = opts.databaseUrl ? '' : mkdtempSync(join(tmpdir(), 'lagesbild-bench-'));
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATABASE_URL: opts.databaseUrl ?? join(dir, 'bench.db'), ...opts.env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return { origin, process: child, stop: () => stopChild(child) };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error('Servern startade inte inom 30 s');
}

/** SIGTERM, then wait for the exit (the server closes the database, checkpointing the WAL). */
async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
	if (child.exitCode === null) child.kill('SIGKILL');
}

/** A goal of the example plan with several indicators, looked up through the API (ids depend on seed order). */
export async function exampleGoalPath(origin: string): Promise<string> {
	const res = await fetch(`${origin}/api/v1/organisations/exempelregionen/plans/verksamhetsplan-2025`);
	const plan = (await res.json()) as { data: { goals: { id: number; indicators: unknown[]; children: never[] }[] } };
	const all = plan.data.goals.flatMap(function walk(g: { id: number; indicators: unknown[]; children: never[] }): { id: number; indicators: unknown[] }[] {
		return [g, ...g.children.flatMap(walk)];
	});
	const goal = all.sort((a, b) => b.indicators.length - a.indicators.length)[0];
	return `/exempelregionen/verksamhetsplan-2025/mal/${goal.id}`;
}

/** One URL per page type, on the demo data. `GOAL` is replaced by a real goal path at run time. */
export const PAGE_TYPES: [string, string][] = [
	['start', '/'],
	['organisation', '/region-jamtland-harjedalen'],
	['plan', '/region-orebro-lan/rtn-verksamhetsplan-2019'],
	['goal', 'GOAL'],
	['uppdrag', '/region-orebro-lan/rtn-verksamhetsplan-2019/uppdrag/1'],
	['indicator', '/indikator/arbetsloshet-18-65-ar?focus=23&compare=00,2380,2303'],
	['indicator (bars)', '/indikator/arbetsloshet-18-65-ar?focus=23&tab=bar'],
	['indicator (map)', '/indikator/arbetsloshet-18-65-ar?focus=23&tab=map'],
	['indicator (map, län)', '/indikator/arbetsloshet-18-65-ar?focus=18&tab=map&level=lan&mapmode=riket'],
	['kommun', '/kommun/2380'],
	['embed', '/embed/indikator/arbetsloshet-18-65-ar?focus=23'],
	['search', '/sok?q=arbetsl%C3%B6shet'],
	['api observations', '/api/v1/indicators/arbetsloshet-18-65-ar/observations?geography=23,00']
];
