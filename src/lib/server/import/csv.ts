/**
 * Whole-text CSV for small trusted files (the seed's entity lists, mapping files): header + records keyed
 * by it. Built on the streaming reader so there is one CSV splitter in the project.
 */
import { readCsv } from './csv-stream';

export function parseCsv(text: string, separator = ','): { header: string[]; rows: Record<string, string>[] } {
	let header: string[] = [];
	const rows: Record<string, string>[] = [];
	readCsv(
		[text.replace(/^\uFEFF/, '')],
		{
			header: (fields) => {
				header = fields.map((h) => h.trim());
			},
			row: (fields) => {
				const row: Record<string, string> = {};
				header.forEach((h, i) => (row[h] = fields[i] ?? ''));
				rows.push(row);
			}
		},
		separator
	);
	return { header, rows };
}
