/**
 * Reading a values CSV into compact chunks, the part of a values import that needs no database: decoding,
 * splitting, number parsing. It runs in a worker thread for big files (parse-thread.ts), overlapping the
 * database writes on the main thread, or in the main thread itself; the reader (values.ts) gets the same
 * messages either way, so there is one path for the rules.
 *
 * A row whose only non-empty cells are the four key columns and a number in `värde` (nearly every row of a
 * big file) travels as four dictionary ids and a double. Each key column has its own dictionary of the
 * texts seen so far; a chunk carries the texts it added, so the main thread resolves each distinct text once.
 * Every other row (a symbol, a status, a comment, quotes, extra cells, anything wrong) travels as its raw
 * cells and goes through the reader's full rules, with its errors and line number.
 */
import type { Source, Encoding } from './source';
import { decodeChunks, InvalidUtf8 } from './source';
import { readCsv, CsvSyntaxError } from './csv-stream';
import { readNumberCell } from './values-cell';
import { columnOf, type Column } from './values-columns';

/** The key columns, in the order of a chunk's `keys`. */
export const KEY_COLUMNS = ['indikator', 'geografi', 'period', 'kön'] as const satisfies readonly Column[];
const KEYS = KEY_COLUMNS.length;

/** Rows per chunk. */
const ROWS = 8192;

export interface ValuesChunk {
	n: number;
	/** Line of each row in the file (1-based, as readCsv counts). */
	line: Float64Array;
	/** n × KEYS dictionary ids; -1 first marks a raw row (its cells are next in `raw`). */
	keys: Int32Array;
	value: Float64Array;
	raw: string[][];
	/** Per key column, the texts this chunk added to its dictionary (their ids follow the earlier ones). */
	texts: string[][];
	/** Bytes of the file read so far. */
	bytes: number;
}

export type ParseMessage =
	| { type: 'encoding'; encoding: Encoding; sample: string; fromByte?: number }
	| { type: 'header'; fields: string[] }
	| { type: 'rows'; chunk: ValuesChunk }
	| { type: 'end'; sha256: string; header: boolean }
	| { type: 'error'; error: 'csv' | 'utf8' | 'other'; message: string; line?: number; offset?: number };

/** Reads `source` to the end, handing each message to `emit` in order. The file's errors are messages too. */
export function parseValues(source: Source, emit: (m: ParseMessage) => void): void {
	const dictionaries = KEY_COLUMNS.map(() => new Map<string, number>());
	let keyAt: (number | undefined)[] = [];
	let valueAt: number | undefined;
	/** Cells that must be empty for the compact form: true at each key or value column. */
	let known: boolean[] = [];
	let bytes = 0;
	let sawHeader = false;
	let c = newChunk();

	const send = () => {
		if (c.n === 0 && c.raw.length === 0) return;
		c.bytes = bytes;
		emit({ type: 'rows', chunk: c });
		c = newChunk();
	};

	const compact = (fields: string[], line: number): boolean => {
		if (valueAt === undefined) return false;
		for (let i = 0; i < fields.length; i++) if (!known[i] && fields[i] !== '') return false;
		const raw = fields[valueAt];
		if (raw === undefined || raw === '') return false;
		const cell = readNumberCell(raw);
		if (cell.kind !== 'number') return false;
		const n = c.n;
		c.value[n] = cell.value;
		c.line[n] = line;
		for (let k = 0; k < KEYS; k++) {
			const at = keyAt[k];
			const text = at === undefined ? '' : (fields[at] ?? '');
			const dict = dictionaries[k];
			let id = dict.get(text);
			if (id === undefined) {
				dict.set(text, (id = dict.size));
				c.texts[k].push(text);
			}
			c.keys[n * KEYS + k] = id;
		}
		return true;
	};

	try {
		const chunks = (function* () {
			for (const chunk of source.chunks()) {
				yield chunk;
				bytes += chunk.byteLength;
			}
		})();
		const texts = decodeChunks(chunks, (encoding, sample, fromByte) => emit({ type: 'encoding', encoding, sample, fromByte }));
		readCsv(texts, {
			header(fields) {
				sawHeader = true;
				// The first column of each kind, as the reader takes it (it refuses a file naming one twice).
				const at: Partial<Record<Column, number>> = {};
				fields.forEach((f, i) => {
					const col = columnOf(f);
					if (col && at[col] === undefined) at[col] = i;
				});
				keyAt = KEY_COLUMNS.map((k) => at[k]);
				valueAt = at.värde;
				known = [];
				for (const i of [...keyAt, valueAt]) if (i !== undefined) known[i] = true;
				emit({ type: 'header', fields });
			},
			row(fields, line) {
				if (!compact(fields, line)) {
					c.keys[c.n * KEYS] = -1;
					c.line[c.n] = line;
					c.raw.push(fields);
				}
				if (++c.n === ROWS) send();
			}
		});
		send();
		emit({ type: 'end', sha256: source.sha256(), header: sawHeader });
	} catch (e) {
		// The file's own faults become messages after the rows before them. Anything else (the reader stopping
		// the import, in the main thread) goes on up.
		if (!(e instanceof CsvSyntaxError || e instanceof InvalidUtf8)) throw e;
		send();
		emit(e instanceof CsvSyntaxError ? { type: 'error', error: 'csv', message: e.message, line: e.line } : { type: 'error', error: 'utf8', message: e.message, offset: e.offset });
	}
}

function newChunk(): ValuesChunk {
	return {
		n: 0,
		line: new Float64Array(ROWS),
		keys: new Int32Array(ROWS * KEYS),
		value: new Float64Array(ROWS),
		raw: [],
		texts: KEY_COLUMNS.map(() => []),
		bytes: 0
	};
}

/** The error a parse message stands for, rethrown on the main thread as the in-thread reading would throw it. */
export function parseError(m: Extract<ParseMessage, { type: 'error' }>): Error {
	if (m.error === 'csv') return new CsvSyntaxError(m.message, m.line!);
	if (m.error === 'utf8') return new InvalidUtf8(m.offset!);
	return new Error(m.message);
}
