/**
 * The bytes of an import: a file read in chunks (so a million-row CSV never sits in memory), uploaded
 * bytes, or pages fetched from an API. Reading is synchronous on purpose: the import runs inside one
 * SQLite transaction, and awaiting in the middle of it would let other work on the same connection slip in.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createHash, type Hash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { formatBytes } from '../http/limits';

const CHUNK = 1 << 20;

export class Source {
	readonly size: number;
	private hash: Hash = createHash('sha256');
	private digest: string | null = null;
	private whole: Uint8Array | null = null;

	private constructor(
		readonly fileName: string,
		readonly url: string | null,
		private readonly path: string | null,
		private readonly pages: Uint8Array[] | null
	) {
		this.size = path ? statSync(path).size : pages!.reduce((n, p) => n + p.byteLength, 0);
	}

	static file(path: string, fileName = basename(path)): Source {
		return new Source(fileName, null, path, null);
	}

	/** Uploaded bytes, or the pages of an API answer (each page is one JSON document). */
	static pages(pages: Uint8Array[], fileName: string, url: string | null = null): Source {
		return new Source(fileName, url, null, pages);
	}

	/** The first bytes, to recognise the format without reading the whole file. */
	peek(n = 8): Uint8Array {
		if (this.pages) return (this.pages[0] ?? new Uint8Array()).subarray(0, n);
		const fd = openSync(this.path!, 'r');
		try {
			const buf = new Uint8Array(n);
			return buf.subarray(0, readSync(fd, buf, 0, n, 0));
		} finally {
			closeSync(fd);
		}
	}

	/** The raw bytes in order, hashed as they pass. */
	*chunks(): Generator<Uint8Array> {
		this.hash = createHash('sha256');
		if (this.pages) {
			for (const p of this.pages) {
				this.hash.update(p);
				yield p;
			}
		} else {
			const fd = openSync(this.path!, 'r');
			try {
				for (;;) {
					// A fresh buffer per chunk: the text decoder may keep a view of the previous one.
					const buf = new Uint8Array(CHUNK);
					const n = readSync(fd, buf, 0, CHUNK, null);
					if (n === 0) break;
					const chunk = n === CHUNK ? buf : buf.subarray(0, n);
					this.hash.update(chunk);
					yield chunk;
				}
			} finally {
				closeSync(fd);
			}
		}
		this.digest = this.hash.digest('hex');
	}

	/**
	 * Whole documents: the pages, or the file as one document. For JSON and XLSX, which cannot be streamed: the
	 * file is read once into one buffer of its size (no list of chunks to join), kept for later calls, and
	 * refused before reading when it is larger than WHOLE_READ_LIMITS allows for its format.
	 */
	documents(): Uint8Array[] {
		if (this.pages) {
			this.digest ??= hashAll(this.pages);
			return this.pages;
		}
		if (this.whole) return [this.whole];
		const format = isZip(this.peek(4)) || /\.xlsx$/i.test(this.fileName) ? 'XLSX' : 'JSON';
		const limit = WHOLE_READ_LIMITS[format];
		if (this.size > limit) throw new TooLargeError(this.fileName, format, this.size, limit);
		const buf = new Uint8Array(this.size);
		const fd = openSync(this.path!, 'r');
		let n = 0;
		try {
			for (let got; n < buf.length && (got = readSync(fd, buf, n, Math.min(CHUNK * 16, buf.length - n), n)) > 0; ) n += got;
		} finally {
			closeSync(fd);
		}
		this.whole = n === buf.length ? buf : buf.subarray(0, n);
		this.digest = createHash('sha256').update(this.whole).digest('hex');
		return [this.whole];
	}

	/** Where the bytes are, for a worker thread that reads them (parse-thread.ts). */
	whereFrom(): { path: string } | { pages: Uint8Array[] } {
		return this.path ? { path: this.path } : { pages: this.pages! };
	}

	/** The digest of these bytes as a worker thread computed it while reading them. */
	useDigest(hex: string): void {
		this.digest = hex;
	}

	/** SHA-256 of all bytes (of all pages, in order), reading them if that has not happened yet. */
	sha256(): string {
		if (this.digest === null) for (const _ of this.chunks());
		return this.digest!;
	}
}

/**
 * The largest JSON and XLSX files read from disk. They are parsed whole: JSON.parse holds the text and every
 * value as an object, and an XLSX unpacks to about ten times its size in XML before exceljs builds its cells,
 * so these keep one import within a few GB of memory. CSV is streamed and has no limit. The upload page has
 * its own, smaller limit for every format (upload-form.ts).
 */
export const WHOLE_READ_LIMITS = { JSON: 256 * 1024 * 1024, XLSX: 64 * 1024 * 1024 } as const;

export class TooLargeError extends Error {
	constructor(fileName: string, format: 'JSON' | 'XLSX', size: number, limit: number) {
		const instead = format === 'JSON' ? 'dela upp hämtningen (färre koder eller perioder per fil)' : 'spara bladet som CSV, som läses i delar utan storleksgräns';
		super(`filen '${fileName}' är ${formatBytes(size)}; ${format}-filer läses hela i minnet och får vara högst ${formatBytes(limit)}: ${instead}`);
	}
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function hashAll(pages: Uint8Array[]): string {
	const h = createHash('sha256');
	for (const p of pages) h.update(p);
	return h.digest('hex');
}

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le';

/**
 * Decodes chunks to text, detecting the encoding from the start of the file: a UTF-8 or UTF-16 BOM, else
 * UTF-8 if the first chunk is valid UTF-8, else Windows-1252 (what Excel on Swedish Windows saves as "CSV").
 * `onEncoding` is told the choice before the first text is yielded.
 *
 * A file can be plain ASCII for its first chunk (a megabyte of codes and numbers) and have its first "Västerås"
 * in Windows-1252 further on. When invalid UTF-8 turns up and every byte before it was ASCII, the text so far
 * reads the same in both encodings, so the rest is decoded as Windows-1252 — the same as re-reading the whole
 * file that way, without reading it twice — and `onEncoding` is told again, with the byte offset. That holds
 * only while the bytes look like Windows-1252 text: a byte Windows-1252 leaves undefined, or a UTF-8 sequence
 * for å, ä, ö and their kin (a file of mixed encodings), is still invalid UTF-8.
 */
export function* decodeChunks(
	chunks: Iterable<Uint8Array>,
	onEncoding: (e: Encoding, sample: string, fromByte?: number) => void
): Generator<string> {
	let decoder: TextDecoder | null = null;
	let encoding: Encoding = 'utf-8';
	let offset = 0;
	// True while every byte decoded so far is ASCII (checked per chunk only until the first non-ASCII one).
	let ascii = true;
	let switched = false;
	for (let chunk of chunks) {
		if (!decoder) {
			const detected = detectEncoding(chunk);
			encoding = detected.encoding;
			chunk = chunk.subarray(detected.bom);
			ascii = detected.bom === 0;
			decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
			onEncoding(encoding, encoding === 'windows-1252' ? firstNonAscii(chunk) : '');
		}
		if (switched && !looksLike1252(chunk)) throw new InvalidUtf8(offset);
		try {
			yield decoder.decode(chunk, { stream: true });
		} catch {
			if (!(encoding === 'utf-8' && ascii && offset > 0 && looksLike1252(chunk))) throw new InvalidUtf8(offset);
			encoding = 'windows-1252';
			switched = true;
			decoder = new TextDecoder('windows-1252');
			onEncoding(encoding, firstNonAscii(chunk, false), offset);
			yield decoder.decode(chunk, { stream: true });
		}
		if (ascii && encoding === 'utf-8') ascii = isAscii(chunk);
		offset += chunk.byteLength;
	}
	if (!decoder) return;
	// A multi-byte character cut off at the very end of the file only shows here, when the decoder is flushed.
	let rest: string;
	try {
		rest = decoder.decode();
	} catch {
		throw new InvalidUtf8(offset);
	}
	yield rest;
}

/**
 * Windows-1252 text: none of the five bytes it leaves undefined, and no UTF-8 encoded letter (0xC3 followed by a
 * continuation byte: "Ã¤" for "ä"), which would mean a file of mixed encodings.
 */
function looksLike1252(chunk: Uint8Array): boolean {
	for (let i = 0; i < chunk.length; i++) {
		const b = chunk[i];
		if (b < 0x80) continue;
		if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
		if ((b === 0xc2 || b === 0xc3) && i + 1 < chunk.length && chunk[i + 1] >= 0x80 && chunk[i + 1] <= 0xbf) return false;
	}
	return true;
}

export class InvalidUtf8 extends Error {
	constructor(readonly offset: number) {
		super(`filen är inte giltig UTF-8 (efter byte ${offset}); spara den som UTF-8 eller som en enda kodning`);
	}
}

function detectEncoding(chunk: Uint8Array): { encoding: Encoding; bom: number } {
	if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
	if (chunk[0] === 0xff && chunk[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
	// A multi-byte character cut at the chunk's end is fine: decode in stream mode.
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
		return { encoding: 'utf-8', bom: 0 };
	} catch {
		return { encoding: 'windows-1252', bom: 0 };
	}
}

/** A word with a non-ASCII letter, to show a person how the file was read ("Västerås"). */
function firstNonAscii(chunk: Uint8Array, fromStart = true): string {
	const at = fromStart ? 0 : Math.max(0, chunk.findIndex((b) => b >= 0x80) - 1024);
	const text = new TextDecoder('windows-1252').decode(chunk.subarray(at, at + 64 * 1024));
	const word = /[^\s;,"\t]*[^\x00-\x7f][^\s;,"\t]*/;
	// Prefer a word from the data over the header's "kön" or "värde".
	const body = fromStart ? text.slice(text.indexOf('\n') + 1) : text;
	return word.exec(body)?.[0] ?? word.exec(text)?.[0] ?? '';
}

export class JsonEncodingError extends Error {}

/** A whole JSON document as text. JSON is UTF-8 by definition (RFC 8259), so anything else is an error. */
export function decodeJson(bytes: Uint8Array): string {
	let start = 0;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
	} catch {
		const guess = new TextDecoder('windows-1252').decode(bytes.subarray(start, start + 64 * 1024));
		const word = /[^\s"{}[\],:]*[^\x00-\x7f][^\s"{}[\],:]*/.exec(guess)?.[0];
		throw new JsonEncodingError(
			`JSON-filen är inte giltig UTF-8${word ? ` (den ser ut att vara Windows-1252: '${word}')` : ''}; JSON ska vara UTF-8`
		);
	}
}
