/**
 * Minimal RFC 4180 line splitting for the small, trusted CSV files the seed reads.
 * The import issue replaces this with the streaming, encoding-aware reader.
 */

/** Split one CSV line on `separator`, honouring double-quoted fields with "" escapes. */
export function splitCsvLine(line: string, separator = ','): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === separator) {
			fields.push(field);
			field = '';
		} else field += ch;
	}
	fields.push(field);
	return fields;
}

/** Parse a whole CSV text (UTF-8, optional BOM, LF or CRLF) into header + rows of records. */
export function parseCsv(text: string, separator = ','): { header: string[]; rows: Record<string, string>[] } {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
	if (lines.length === 0) return { header: [], rows: [] };
	const header = splitCsvLine(lines[0], separator).map((h) => h.trim());
	const rows = lines.slice(1).map((line) => {
		const cells = splitCsvLine(line, separator);
		const row: Record<string, string> = {};
		header.forEach((h, i) => (row[h] = cells[i] ?? ''));
		return row;
	});
	return { header, rows };
}
