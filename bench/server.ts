/** Starts the built site on a free port with a fresh demo database, for benchmarks. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
	origin: string;
	process: ChildProcess;
	stop(): void;
}

export async function startServer(port = 4390): Promise<RunningServer> {
	if (!existsSync('build/index.js')) throw new Error('Ingen build: kör npm run build först.');
	const dir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-'));
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATABASE_URL: join(dir, 'bench.db') },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return { origin, process: child, stop: () => child.kill('SIGTERM') };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error('Servern startade inte inom 30 s');
}

/** One URL per page type, on the demo data. */
export const PAGE_TYPES: [string, string][] = [
	['start', '/'],
	['organisation', '/region-jamtland-harjedalen'],
	['plan', '/region-orebro-lan/rtn-verksamhetsplan-2019'],
	['goal', '/exempelregionen/verksamhetsplan-2025/mal/2'],
	['uppdrag', '/region-orebro-lan/rtn-verksamhetsplan-2019/uppdrag/1'],
	['indicator', '/indikator/arbetsloshet-18-65-ar?focus=23&compare=00,2380,2303'],
	['indicator (bars)', '/indikator/arbetsloshet-18-65-ar?focus=23&tab=bar'],
	['kommun', '/kommun/2380'],
	['embed', '/embed/indikator/arbetsloshet-18-65-ar?focus=23'],
	['search', '/sok?q=arbetsl%C3%B6shet'],
	['api observations', '/api/v1/indicators/arbetsloshet-18-65-ar/observations?geography=23,00']
];
