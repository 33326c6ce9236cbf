/**
 * `npm run test:shutdown` (issue 8, availability): needs `npm run build`.
 * 1. SIGTERM while a request is in flight: the server stops taking new connections, finishes that request,
 *    closes the database (the WAL is checkpointed and removed) and exits 0.
 * 2. Database trouble: /healthz answers 503 with a short reason when the file is overwritten or removed under
 *    the running server, and a page that fails shows a request id (also in the log) and no internals.
 */
import { request } from 'node:http';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { check, sleep, startServer, tempDir } from './server';

const PORT = Number(process.env.OPS_PORT ?? 4391);
const dir = tempDir('shutdown');
const databaseUrl = join(dir, 'lagesbild.db');

try {
	console.log('1. SIGTERM med en förfrågan på väg');
	let server = await startServer({ port: PORT, databaseUrl });
	check((await fetch(`${server.origin}/healthz`)).status === 200, '/healthz svarar 200 när databasen är frisk');
	const body = 'email=nagon%40example.se&password=' + 'x'.repeat(200);
	const half = Math.floor(body.length / 2);
	const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
		const req = request(
			`${server.origin}/logga-in`,
			{ method: 'POST', headers: { origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length } },
			(res) => {
				let text = '';
				res.on('data', (d) => (text += d));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
			}
		);
		req.on('error', reject);
		req.write(body.slice(0, half));
		// The rest after SIGTERM: the request is in flight while the server is asked to stop.
		setTimeout(() => req.end(body.slice(half)), 1500);
	});
	await sleep(300);
	server.child.kill('SIGTERM');
	await sleep(500);
	check(server.child.exitCode === null, 'servern väntar på förfrågan som pågår');
	const refused = await fetch(`${server.origin}/healthz`).then(
		() => false,
		() => true
	);
	check(refused, 'nya anslutningar tas inte emot efter SIGTERM');
	const { status, text } = await answer;
	check(status < 500 && text.includes('Fel e-postadress eller lösenord'), `förfrågan som pågick fick sitt svar (HTTP ${status}, "Fel e-postadress eller lösenord")`);
	const exit = await Promise.race([server.exited, sleep(10_000).then(() => null)]);
	check(exit?.code === 0, `servern avslutades med kod 0 (${JSON.stringify(exit)})`);
	check(server.output().includes('databasen är stängd'), 'servern stängde databasen ("databasen är stängd" i loggen)');
	const wal = `${databaseUrl}-wal`;
	check(!existsSync(wal) || statSync(wal).size === 0, 'WAL-filen är checkpointad och borta');
	const db = new Database(databaseUrl, { readonly: true });
	check(db.pragma('integrity_check', { simple: true }) === 'ok', 'PRAGMA integrity_check = ok efter nedstängningen');
	db.close();

	console.log('2. Problem med databasen medan servern kör');
	server = await startServer({ port: PORT, databaseUrl });
	check((await fetch(`${server.origin}/healthz`)).status === 200, '/healthz svarar 200 efter omstart');
	// Checkpoint first, so the whole database lives in the main file, then overwrite it as a broken disk would.
	const side = new Database(databaseUrl);
	side.pragma('wal_checkpoint(TRUNCATE)');
	side.close();
	writeFileSync(databaseUrl, Buffer.alloc(statSync(databaseUrl).size, 0x78));
	const sick = await fetch(`${server.origin}/healthz`);
	const sickBody = (await sick.json()) as { message?: string };
	check(sick.status === 503, `/healthz svarar 503 när filen är förstörd ("${sickBody.message}")`);
	const failing = await fetch(`${server.origin}/indikator/arbetsloshet-18-65-ar?focus=23&compare=00,2380,2303`);
	const html = await failing.text();
	const id = failing.headers.get('x-request-id') ?? '';
	check(failing.status === 500, `en sida som inte kan läsas ger 500 (fick ${failing.status})`);
	check(html.includes(`ange felkoden <strong>${id}</strong>`), `felsidan visar förfrågans id ${id}`);
	check(server.output().includes(`[${id}] 500 GET /indikator/`), 'loggen har samma id med felet');
	check(!/SqliteError|malformed|not a database|\.ts:|\.js:/i.test(html), 'felsidan visar inga interna detaljer');
	rmSync(databaseUrl);
	const gone = await fetch(`${server.origin}/healthz`);
	check(gone.status === 503 && ((await gone.json()) as { message: string }).message === 'Databasfilen saknas.', '/healthz svarar 503 "Databasfilen saknas." när filen tagits bort');
	server.child.kill('SIGTERM');
	await server.exited;
	console.log('\nAlla kontroller gick igenom.');
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 1;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
