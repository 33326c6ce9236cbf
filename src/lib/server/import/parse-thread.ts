/**
 * Parsing a big values file in a worker thread (parse-worker.ts) while the main thread writes to SQLite.
 * better-sqlite3 is synchronous and the import is one transaction that must not await, so the main thread
 * takes the worker's messages synchronously: receiveMessageOnPort, and Atomics.wait on a shared counter
 * while none is there. Reading, decoding, splitting and number parsing (about a quarter of an import's
 * time) then run on the second core.
 *
 * The worker is a TypeScript module beside this one: under tsx (the command line, the bench), vitest and
 * `vite dev` it starts through tsx's API. A built server (adapter-node) bundles this module into a chunk with
 * no worker file beside it, so uploads there are parsed in the main thread (`start` returns null), as are
 * small files, where starting a worker costs more than it saves.
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort, type WorkerOptions } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Source } from './source';
import type { ParseMessage } from './values-parse';

/** Files below this many bytes (about 130 000 rows) are parsed in the main thread. */
export const WORKER_MIN_BYTES = 4 << 20;
/** Seconds without a message from the worker before the import gives up on it. */
const SILENCE = 60;

export class ParseThread {
	private constructor(
		private readonly worker: Worker,
		private readonly port: MessagePort,
		private readonly count: Int32Array
	) {}

	/** A worker reading `source`, loaded and started; null when it cannot be had or is not worth it. */
	static async start(source: Source, minBytes = WORKER_MIN_BYTES): Promise<ParseThread | null> {
		const here = fileURLToPath(import.meta.url);
		const entry = join(dirname(here), `parse-worker${extname(here)}`);
		if (source.size < minBytes || !existsSync(entry)) return null;
		const { port1, port2 } = new MessageChannel();
		const signal = new SharedArrayBuffer(8);
		const options = { workerData: { port: port2, signal, fileName: source.fileName, ...source.whereFrom() }, transferList: [port2] };
		const worker = entry.endsWith('.ts') ? typeScriptWorker(entry, options) : new Worker(entry, options);
		if (!worker) return null;
		// Errors after the start come as messages; the listener keeps an unexpected one from being thrown here.
		worker.on('error', () => {});
		const ready = await new Promise<boolean>((resolve) => {
			worker.once('message', () => resolve(true));
			worker.once('error', () => resolve(false));
			worker.once('exit', () => resolve(false));
		});
		if (!ready) {
			port1.close();
			return null;
		}
		return new ParseThread(worker, port1, new Int32Array(signal));
	}

	/** Hands each message to `handle` in order, through the end or the file's error. */
	drain(handle: (m: ParseMessage) => void): void {
		for (;;) {
			const m = this.next();
			handle(m);
			if (m.type === 'end' || m.type === 'error') return;
		}
	}

	private next(): ParseMessage {
		for (let silent = 0; ; ) {
			const sent = Atomics.load(this.count, 0);
			const got = receiveMessageOnPort(this.port);
			if (got) {
				Atomics.add(this.count, 1, 1);
				Atomics.notify(this.count, 1);
				return got.message as ParseMessage;
			}
			if (Atomics.wait(this.count, 0, sent, 1000) === 'timed-out' && ++silent >= SILENCE) {
				throw new Error(`filen kunde inte läsas: tråden som tolkar den har inte svarat på ${SILENCE} sekunder`);
			}
		}
	}

	stop(): void {
		this.port.close();
		void this.worker.terminate();
	}
}

/**
 * A worker running a TypeScript module through tsx's API (a development dependency: present wherever the
 * sources run as TypeScript). Node 20 does not pass tsx's loader on to worker threads, so the worker loads
 * tsx itself; null if tsx is not installed.
 */
function typeScriptWorker(entry: string, options: WorkerOptions): Worker | null {
	let api: string;
	try {
		// The ES module build of tsx/esm/api (resolve() would give the CommonJS one, which fails when imported).
		const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
		api = join(dirname(pkg), JSON.parse(readFileSync(pkg, 'utf8')).exports['./esm/api'].import.default);
	} catch {
		return null;
	}
	const url = (p: string) => JSON.stringify(pathToFileURL(p).href);
	return new Worker(`import(${url(api)}).then(({ tsImport }) => tsImport(${url(entry)}, ${url(entry)}))`, { ...options, eval: true });
}
