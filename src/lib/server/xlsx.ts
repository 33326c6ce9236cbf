/**
 * Writing a simple workbook for downloads: a data sheet whose numbers stay numbers (so Excel can compute
 * with them) and an "Om data" sheet with the source and attribution. exceljs does the file format.
 */
import ExcelJS from 'exceljs';

export interface SheetSpec {
	name: string;
	rows: (string | number | null)[][];
	/** Number format for numeric cells, e.g. "# ##0,0" is written as "#,##0.0" (Excel localises it). */
	numberFormat?: string;
}

export async function workbook(sheets: SheetSpec[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Lägesbild';
	for (const spec of sheets) {
		const ws = wb.addWorksheet(spec.name);
		for (const row of spec.rows) ws.addRow(row);
		ws.getRow(1).font = { bold: true };
		ws.views = [{ state: 'frozen', ySplit: 1 }];
		ws.columns.forEach((col) => {
			let width = 8;
			col.eachCell?.({ includeEmpty: false }, (cell) => {
				width = Math.max(width, Math.min(60, String(cell.value ?? '').length + 2));
				if (spec.numberFormat && typeof cell.value === 'number') cell.numFmt = spec.numberFormat;
			});
			col.width = width;
		});
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Excel number format for a number of decimals: 0 → "#,##0", 1 → "#,##0.0". */
export function numberFormat(decimals: number): string {
	return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}
