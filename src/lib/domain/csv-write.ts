/**
 * Writing CSV for downloads. Two dialects: machine-friendly (`,` and decimal point) and Swedish Excel
 * (`;` and decimal comma, as Excel with Swedish regional settings expects). Both start with a UTF-8 BOM so
 * Excel reads "Västerås" right, and end lines with CRLF (RFC 4180).
 */
export interface CsvDialect {
	separator: ',' | ';';
	decimal: '.' | ',';
}

export const CSV_MACHINE: CsvDialect = { separator: ',', decimal: '.' };
export const CSV_SWEDISH_EXCEL: CsvDialect = { separator: ';', decimal: ',' };

function cell(v: string | number | null | undefined, d: CsvDialect): string {
	if (v === null || v === undefined) return '';
	// No thousands separators: spreadsheets and scripts read plain digits.
	const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v).replace('.', d.decimal) : '') : v;
	return /["\r\n]/.test(text) || text.includes(d.separator) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], dialect: CsvDialect = CSV_MACHINE): string {
	return '\uFEFF' + rows.map((r) => r.map((v) => cell(v, dialect)).join(dialect.separator)).join('\r\n') + '\r\n';
}
