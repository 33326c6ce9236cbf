/**
 * Worker-thread entry of a values import (started by parse-thread.ts): reads and parses the file with
 * parseValues and posts each message on the port it was given. `signal` counts messages sent ([0]) and
 * taken by the main thread ([1]); the main thread sleeps on [0], this thread waits on [1] when it is
 * INFLIGHT messages ahead, so memory stays flat however fast it reads.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Source } from './source';
import { parseValues, type ParseMessage } from './values-parse';

const INFLIGHT = 4;

interface Data {
	port: MessagePort;
	signal: SharedArrayBuffer;
	path?: string;
	pages?: Uint8Array[];
	fileName: string;
}

const { port, signal, path, pages, fileName } = workerData as Data;
const count = new Int32Array(signal);

function post(m: ParseMessage): void {
	const transfer = m.type === 'rows' ? [m.chunk.line.buffer, m.chunk.keys.buffer, m.chunk.value.buffer] : [];
	port.postMessage(m, transfer as ArrayBuffer[]);
	const sent = Atomics.add(count, 0, 1) + 1;
	Atomics.notify(count, 0);
	for (let taken = Atomics.load(count, 1); sent - taken >= INFLIGHT; taken = Atomics.load(count, 1)) Atomics.wait(count, 1, taken, 1000);
}

// Loaded and about to read: the main thread falls back to reading in-thread if this never comes.
parentPort!.postMessage('ready');
try {
	parseValues(path ? Source.file(path, fileName) : Source.pages(pages!, fileName), post);
} catch (e) {
	post({ type: 'error', error: 'other', message: (e as Error).message ?? String(e) });
}
