/**
 * A process of simulated editors (scripts/ops/editors.ts) on DATABASE, for the load and crash scripts:
 *   tsx scripts/ops/editors-child.ts DATABASE load EDITORS KEYS SECONDS   → one JSON line: report and verdict
 *   tsx scripts/ops/editors-child.ts DATABASE burst EDITORS KEYS          → "ACK key version value" per save, until killed
 * Acknowledgements are written with writeSync: once a line is out, the parent has it even if this process is
 * killed the next instant, just as a browser has its "Sparat" once the response left the server.
 */
import { writeSync } from 'node:fs';
import { createDb } from '../../src/lib/server/db/client';
import { editableKeys, runEditors, verifySaves } from './editors';

const [database, mode, editors = '10', keyCount = '8', seconds = '60'] = process.argv.slice(2);
const db = createDb(database);
const keys = editableKeys(db, Number(keyCount));
if (mode === 'burst') {
	writeSync(1, 'READY\n');
	await runEditors(db, {
		editors: Number(editors),
		keys,
		thinkMs: 0,
		until: () => false,
		onSave: (s) => writeSync(1, `ACK ${s.key} ${s.version} ${s.value}\n`)
	});
} else {
	const end = Date.now() + Number(seconds) * 1000;
	const report = await runEditors(db, { editors: Number(editors), keys, thinkMs: 40, until: () => Date.now() > end });
	const verdict = verifySaves(db, keys, report.saves);
	writeAll(JSON.stringify({ report: { ...report, saves: report.saves.length }, saveMs: report.saveMs, verdict }) + '\n');
	db.$client.close();
}

/**
 * The whole line, however long: writeSync to a pipe may write only part of a large buffer (the report carries
 * every save's time; 12 000 saves cut it short once the readers got fast and the editors with them).
 */
function writeAll(text: string): void {
	const bytes = Buffer.from(text);
	for (let off = 0; off < bytes.length; ) {
		try {
			off += writeSync(1, bytes, off);
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
		}
	}
}
