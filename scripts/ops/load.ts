/**
 * `npm run test:load` (issue 8, load): the built site (`npm run build` first) on loopback with the demo data,
 * LOAD_CONNECTIONS (200) readers for LOAD_SECONDS (60) on a mix of public pages and API calls (autocannon),
 * while 10 simulated editors in another process save values through the editing module, sharing 8 values so
 * that their saves collide. Prints the figures; exit code 1 unless: no errors or non-2xx answers, p99 under
 * LOAD_P99_MS (250), no save lost, every collision reported as a conflict.
 *
 * Readers: each connection asks for the next page as soon as it has the previous one (autocannon's closed
 * loop), unless LOAD_RATE sets requests per second per connection (a reader who reads before clicking).
 * LOAD_ENCODING sets the readers' Accept-Encoding (none by default).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PAGE_TYPES, exampleGoalPath } from '../../bench/server';
import { startServer, tempDir } from './server';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const P99_MS = Number(process.env.LOAD_P99_MS ?? 250);
const RATE = process.env.LOAD_RATE ? Number(process.env.LOAD_RATE) : undefined;
const PORT = Number(process.env.LOAD_PORT ?? 4393);

const dir = tempDir('load');
const database = join(dir, 'load.db');
const server = await startServer({ port: PORT, databaseUrl: database });
let failed = false;
try {
	const goal = await exampleGoalPath(server.origin);
	const paths = [
		...PAGE_TYPES.map(([, p]) => (p === 'GOAL' ? goal : p)),
		'/api/v1/indicators',
		'/api/v1/organisations/region-orebro-lan/plans/rtn-verksamhetsplan-2019',
		'/api/v1/geographies?level=lan',
		'/api/v1/indicators/invanare-totalt/observations?parent=23&sex=K,M&from=2010'
	];
	console.log(`Lägesbild under last: ${CONNECTIONS} anslutningar i ${SECONDS} s mot ${paths.length} adresser (${PAGE_TYPES.length} sidtyper och API), 10 redaktörer sparar samtidigt.`);
	// The figures depend on the machine: say what it was doing.
	console.log(`Maskinen: ${cpus().length} kärnor, belastning (load average 1 min) före start ${loadavg()[0].toFixed(1)}.`);

	const editors = spawn(process.execPath, ['--import', 'tsx', 'scripts/ops/editors-child.ts', database, 'load', '10', '8', String(SECONDS)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let editorsOut = '';
	editors.stdout.on('data', (d) => (editorsOut += d));
	const editorsDone = new Promise((r) => editors.on('exit', r));

	const result = await autocannon({
		url: server.origin,
		connections: CONNECTIONS,
		duration: SECONDS,
		...(RATE ? { connectionRate: RATE } : {}),
		// LOAD_ENCODING='gzip, deflate, br' asks as a browser does (compressed answers, a fifth of the bytes);
		// without it, uncompressed, as the figures in README were first measured.
		...(process.env.LOAD_ENCODING ? { headers: { 'accept-encoding': process.env.LOAD_ENCODING } } : {}),
		requests: paths.map((path) => ({ method: 'GET' as const, path }))
	});
	await editorsDone;
	const { report, saveMs, verdict } = JSON.parse(editorsOut.trim().split('\n').at(-1)!) as {
		report: { attempts: number; saves: number; conflicts: number; unexplainedConflicts: number; other: number };
		saveMs: number[];
		verdict: { lost: string[]; auditMismatch: string[] };
	};
	saveMs.sort((a, b) => a - b);
	const q = (p: number) => saveMs[Math.min(saveMs.length - 1, Math.floor(saveMs.length * p))] ?? 0;

	const l = result.latency;
	const after = loadavg()[0];
	const errors = result.errors + result.timeouts;
	console.log(`
Läsare (autocannon${RATE ? `, ${RATE} förfrågningar/s per anslutning` : ', nästa förfrågan så fort svaret kommit'}; load average efter: ${after.toFixed(1)})
  förfrågningar     ${result.requests.total} (${result.requests.average.toFixed(0)}/s i snitt), ${(result.throughput.total / 1e6).toFixed(0)} MB
  svarstid, ms      median ${l.p50}, p90 ${l.p90}, p99 ${l.p99}, max ${l.max}
  fel               ${result.errors} fel, ${result.timeouts} timeouts, ${result.non2xx} svar som inte var 2xx
Redaktörer (10 st, 8 gemensamma värden)
  försök            ${report.attempts}: ${report.saves} sparade, ${report.conflicts} konflikter rapporterade, ${report.other} annat
  sparning, ms      median ${q(0.5).toFixed(1)}, p99 ${q(0.99).toFixed(1)}, max ${(saveMs.at(-1) ?? 0).toFixed(1)}
  förlorade         ${verdict.lost.length} sparningar; ${verdict.auditMismatch.length} avvikelser i ändringsloggen; ${report.unexplainedConflicts} konflikter utan nyare version`);

	const checks: [boolean, string][] = [
		[errors === 0 && result.non2xx === 0, 'inga fel och bara 2xx-svar'],
		[l.p99 < P99_MS, `p99 ${l.p99} ms < ${P99_MS} ms`],
		[verdict.lost.length === 0 && verdict.auditMismatch.length === 0, 'ingen sparning förlorad, ändringsloggen stämmer'],
		[report.conflicts > 0 && report.unexplainedConflicts === 0 && report.attempts === report.saves + report.conflicts, 'varje krock rapporterades som konflikt']
	];
	console.log('');
	for (const [ok, what] of checks) {
		console.log(`  ${ok ? 'ok ' : 'FEL'}  ${what}`);
		if (!ok) failed = true;
	}
	if (verdict.lost.length) console.log(verdict.lost.join('\n'));
} finally {
	server.child.kill('SIGTERM');
	await server.exited;
	rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
