/**
 * CSV for the open data API (RFC 4180: CRLF line ends, fields quoted when they hold the separator, a quote
 * or a line break). Starts with a UTF-8 BOM so Excel on Windows reads å, ä and ö; the separator and the
 * decimal mark are options because Swedish Excel expects `;` and `1,5`.
 */
import type { OutputOptions } from './types';

export type Cell = string | number | boolean | null | undefined;

export interface CsvTable {
	header: readonly string[];
	rows: readonly (readonly Cell[])[];
}

export const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula ("=…", "+…", "@…", "-…" that is not a number) gets a
 * leading apostrophe (OWASP "CSV injection"). Numbers are never touched: they are written as numbers.
 * A lone "-" (the missing-value symbol) is not a formula and stays as it is.
 */
const FORMULA_START = new Set(['=', '+', '@', '\t', '\r', '-']);

function defuse(text: string): string {
	if (!FORMULA_START.has(text[0])) return text;
	if (text[0] !== '-') return `'${text}`;
	if (text.length > 1 && !/^-\s*\d[\d\s.,]*$/.test(text)) return `'${text}`;
	return text;
}

const QUOTE_FOR = {
	',': /[,"\r\n]/,
	';': /[;"\r\n]/,
	'\t': /[\t"\r\n]/
} as const;

function cell(value: Cell, options: Pick<OutputOptions, 'sep' | 'decimal'>): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		// Plain digits, no thousands separators: machines and Excel both read them.
		const text = Number.isFinite(value) ? String(value) : '';
		if (options.decimal !== ',') return text;
		const comma = text.replace('.', ',');
		// The parser refuses sep=comma with decimal=comma; should it happen anyway, the file stays valid.
		return options.sep === ',' && comma.includes(',') ? `"${comma}"` : comma;
	}
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = defuse(value);
	return QUOTE_FOR[options.sep].test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, header line, one line per row, each ended by CRLF. */
export function toCsv(table: CsvTable, options: Pick<OutputOptions, 'sep' | 'decimal'>): string {
	const line = (cells: readonly Cell[]) => cells.map((c) => cell(c, options)).join(options.sep) + '\r\n';
	return BOM + line(table.header) + table.rows.map(line).join('');
}
