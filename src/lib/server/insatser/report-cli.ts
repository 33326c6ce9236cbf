/**
 * `npm run export -- atterrapportering --org SLUG --year ÅÅÅÅ [--format docx|xlsx] --out FIL` (scripts/export.ts
 * dispatches here). The command line sees drafts too: the report is assembled before insatser are published.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Db } from '../db/client';
import { buildReport } from './report';
import { exportReport, REPORT_FORMATS, type ReportFormat } from './report-export';

export const REPORT_USAGE = `  npm run export -- atterrapportering --org SLUG --year ÅÅÅÅ --out FIL.docx|FIL.xlsx [--format docx|xlsx]`;

export class ReportCliError extends Error {
	constructor(
		message: string,
		public code = 1
	) {
		super(message);
	}
}

export async function reportCommand(db: Db, flags: Record<string, string | true>): Promise<string> {
	const need = (name: string) => {
		const v = flags[name];
		if (typeof v !== 'string' || !v.trim()) throw new ReportCliError(`Fel: --${name} saknas.\n${REPORT_USAGE}`, 2);
		return v.trim();
	};
	const orgSlug = need('org');
	const yearText = need('year');
	const out = need('out');
	if (!/^\d{4}$/.test(yearText)) throw new ReportCliError(`Fel: --year '${yearText}' är inte ett år (ÅÅÅÅ).`, 2);
	const format = (typeof flags.format === 'string' ? flags.format : extname(out).slice(1)).toLowerCase();
	if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
		throw new ReportCliError(`Fel: okänt format '${format || '(inget)'}'. Välj ${REPORT_FORMATS.join(' eller ')}.`, 2);
	}
	const org = db.$client.prepare('SELECT id FROM organisation WHERE slug = ?').get(orgSlug) as { id: number } | undefined;
	if (!org) throw new ReportCliError(`Fel: okänd organisation '${orgSlug}'.`);
	const model = buildReport(db, org.id, Number(yearText));
	const file = await exportReport(model, format as ReportFormat);
	writeFileSync(out, file.body);
	const rows = model.tables.filter((t) => t.kind === 'insatser').reduce((n, t) => n + t.rows.length, 0);
	return `Skrev ${out} (${format.toUpperCase()}, ${file.body.length.toLocaleString('sv-SE')} byte): ${model.organisation}, ${model.year}: ${model.tables.length} tabeller, ${rows} insatsrader.`;
}
