/**
 * Excel files through exceljs (the one sanctioned XLSX library). XLSX cannot be streamed row by row from
 * bytes with exceljs' reader without async iteration, and the import writes synchronously in one
 * transaction, so sheets are read whole before the transaction starts, from files of at most
 * WHOLE_READ_LIMITS.XLSX (source.ts). For very large value files, use CSV.
 */
import type { Cell } from './values';

/** exceljs is loaded on first use: the server and the seed import this module but rarely touch Excel. */
async function excel(): Promise<typeof import('exceljs')> {
	const mod = await import('exceljs');
	return ((mod as { default?: typeof import('exceljs') }).default ?? mod) as typeof import('exceljs');
}

export interface SheetRows {
	sheet: string;
	/** Non-empty rows with their 1-based row number in the sheet. */
	rows: { cells: Cell[]; line: number }[];
}

/** True for the bytes of a ZIP container (XLSX). */
export function isXlsx(bytes: Uint8Array, fileName: string): boolean {
	return (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) || /\.xlsx$/i.test(fileName);
}

/**
 * Why exceljs could not open the file, in words for the user. A damaged file can make exceljs itself fail with a
 * JavaScript error ("Cannot read properties of undefined (reading 'company')"): that says nothing to the user,
 * so it becomes "the file is damaged"; exceljs's own messages (e.g. about the zip container) are kept.
 */
function unreadableReason(e: unknown): string {
	const damaged = 'filen är skadad eller inte en XLSX-fil (spara den på nytt från Excel som .xlsx)';
	if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || !(e instanceof Error)) return damaged;
	return `${damaged}: ${e.message}`;
}

/** Reads the first sheet whose name is in `preferred` (case-insensitive), else the first sheet with data. */
export async function readXlsx(bytes: Uint8Array, preferred: string[]): Promise<SheetRows> {
	const ExcelJS = await excel();
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(wholeBuffer(bytes));
	} catch (e) {
		throw new Error(`filen kunde inte läsas som Excel (XLSX): ${unreadableReason(e)}`);
	}
	const wanted = preferred.map((p) => p.toLowerCase());
	const sheet =
		wb.worksheets.find((ws) => wanted.includes(ws.name.toLowerCase())) ?? wb.worksheets.find((ws) => ws.actualRowCount > 0);
	if (!sheet) throw new Error('Excel-filen har inget blad med data');
	const rows: SheetRows['rows'] = [];
	sheet.eachRow({ includeEmpty: false }, (row, line) => {
		const values = row.values as unknown[];
		const cells: Cell[] = [];
		for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
		rows.push({ cells, line });
	});
	return { sheet: sheet.name, rows };
}

/** The bytes as an ArrayBuffer: the file's own buffer when the view spans it (no copy of a large file), else a copy. */
function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
	const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
	return (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
}

/** A cell as text or number. Formulas give their result, rich text its plain text, dates ISO dates. */
export function cellValue(v: unknown): Cell {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number' || typeof v === 'string') return v;
	if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT';
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if (typeof v === 'object') {
		const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
		if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
		if ('result' in o) return cellValue(o.result);
		if (typeof o.text === 'string') return o.text;
		if (typeof o.error === 'string') return o.error;
	}
	return String(v);
}

export interface SheetSpec {
	name: string;
	/** Column widths in characters. */
	widths?: number[];
	rows: (string | number | null)[][];
	/** Bold the first row and freeze it. */
	header?: boolean;
	/** Per column (0-based): allowed values, offered as a drop-down list in Excel. */
	lists?: Record<number, string[]>;
	/** Columns (0-based) formatted as text, so Excel keeps "3.10" and "0114" as typed. */
	textColumns?: number[];
}

/** Writes a workbook. Dates are fixed so the same content gives the same file contents. */
export async function writeXlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
	const ExcelJS = await excel();
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Lägesbild';
	wb.created = new Date(Date.UTC(2026, 0, 1));
	wb.modified = wb.created;
	for (const spec of sheets) {
		const ws = wb.addWorksheet(spec.name, spec.header ? { views: [{ state: 'frozen', ySplit: 1 }] } : undefined);
		for (const r of spec.rows) ws.addRow(r.map((c) => (c === null ? undefined : c)));
		spec.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
		for (const c of spec.textColumns ?? []) ws.getColumn(c + 1).numFmt = '@';
		if (spec.header) ws.getRow(1).font = { bold: true };
		for (const [col, values] of Object.entries(spec.lists ?? {})) {
			const letter = ws.getColumn(Number(col) + 1).letter;
			for (let r = 2; r <= Math.max(spec.rows.length + 200, 500); r++) {
				ws.getCell(`${letter}${r}`).dataValidation = {
					type: 'list',
					allowBlank: true,
					formulae: [`"${values.join(',')}"`]
				};
			}
		}
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
