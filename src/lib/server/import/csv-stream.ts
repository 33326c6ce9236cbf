/**
 * Streaming CSV reading for imports: text arrives in chunks, rows leave through a callback, so memory does
 * not grow with the file. RFC 4180 quoting ("" inside quotes, line breaks inside quoted fields), LF or CRLF,
 * and the separator guessed from the header line (";" from Swedish Excel, "," or tab elsewhere).
 * Lines without a quote take a fast path through String.prototype.split.
 */

export interface CsvHandler {
	/** The first non-empty line, split, with the separator that was detected. */
	header(fields: string[], separator: string): void;
	/** Every later non-empty record; `line` is the 1-based line it starts on. */
	row(fields: string[], line: number): void;
}

export class CsvSyntaxError extends Error {
	constructor(
		message: string,
		readonly line: number
	) {
		super(message);
	}
}

/** Guesses the separator from the header: the most frequent of ";", "," and tab outside quotes. */
export function detectSeparator(headerLine: string): string {
	let semi = 0;
	let comma = 0;
	let tab = 0;
	let quoted = false;
	for (const ch of headerLine) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted) {
			if (ch === ';') semi++;
			else if (ch === ',') comma++;
			else if (ch === '\t') tab++;
		}
	}
	if (tab > semi && tab > comma) return '\t';
	return comma > semi ? ',' : ';';
}

/** Splits one complete record that contains quotes. */
export function splitQuoted(record: string, separator: string): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < record.length; i++) {
		const ch = record[i];
		if (quoted) {
			if (ch === '"') {
				if (record[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === separator) {
			fields.push(field);
			field = '';
		} else field += ch;
	}
	fields.push(field);
	return fields;
}

function countQuotes(s: string): number {
	let n = 0;
	for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
	return n;
}

/** Reads CSV text chunks and calls `handler` for the header and each record. */
export function readCsv(texts: Iterable<string>, handler: CsvHandler, separator?: string): void {
	let sep = separator ?? '';
	let haveHeader = false;
	let pending: string | null = null;
	let pendingLine = 0;
	let line = 0;

	const emit = (record: string, at: number, quoted: boolean) => {
		if (!haveHeader) {
			if (record.trim() === '') return;
			if (!sep) sep = detectSeparator(record);
			haveHeader = true;
			handler.header(quoted ? splitQuoted(record, sep) : record.split(sep), sep);
			return;
		}
		if (record.length === 0) return;
		handler.row(quoted ? splitQuoted(record, sep) : record.split(sep), at);
	};

	const take = (raw: string) => {
		line++;
		const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
		if (pending !== null) {
			pending += '\n' + text;
			if (countQuotes(pending) % 2 === 0) {
				emit(pending, pendingLine, true);
				pending = null;
			}
			return;
		}
		if (text.indexOf('"') === -1) emit(text, line, false);
		else if (countQuotes(text) % 2 === 0) emit(text, line, true);
		else {
			pending = text;
			pendingLine = line;
		}
	};

	let rest = '';
	for (const text of texts) {
		const buf = rest.length ? rest + text : text;
		let pos = 0;
		// Fast path, for every line after the header while no quoted field is open: lines without a quote are
		// split in place, without first cutting the line out. `quote` is the next quote at or after `pos`.
		let quote = buf.indexOf('"');
		for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', pos)) {
			if (haveHeader && pending === null && (quote === -1 || quote > nl)) {
				line++;
				const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
				if (end > pos) handler.row(splitRange(buf, pos, end, sep), line);
			} else {
				take(buf.slice(pos, nl));
				if (quote !== -1 && quote < nl) quote = buf.indexOf('"', nl + 1);
			}
			pos = nl + 1;
		}
		rest = buf.slice(pos);
	}
	if (rest.length) take(rest);
	if (pending !== null) {
		throw new CsvSyntaxError(`ett citattecken (") öppnas på rad ${pendingLine} men stängs aldrig`, pendingLine);
	}
}

/** The fields of buf[start, end), which holds no quote, separated by `sep` (one character). */
function splitRange(buf: string, start: number, end: number, sep: string): string[] {
	const fields: string[] = [];
	let from = start;
	for (let at = buf.indexOf(sep, from); at !== -1 && at < end; at = buf.indexOf(sep, from)) {
		fields.push(buf.slice(from, at));
		from = at + 1;
	}
	fields.push(buf.slice(from, end));
	return fields;
}
