/**
 * Collects what is wrong with an input file while it is read, so a person gets every problem in one go
 * (up to a limit) instead of fixing them one run at a time. Unknown codes are gathered per kind and
 * reported as one list ("okända geografikoder: '9999' (rad 4, 7), 'XX' (rad 9)").
 */
import type { ImportIssue } from './types';
import { checkBrokenFont } from '../../domain/broken-font';

/** Thrown to stop reading: a fatal problem, or too many errors to be worth listing. */
export class ImportAbort extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportAbort';
	}
}

const MAX_ERRORS = 100;
const MAX_ROWS_PER_CODE = 5;

/** Swedish names for the kinds of codes an import looks up. */
const UNKNOWN_LABEL: Record<string, string> = {
	geography: 'okända geografikoder',
	indicator: 'okända indikatorer',
	sex: 'okända könskoder',
	period: 'okända perioder',
	mapping: 'koder som saknas i mappningen'
};

interface Unknown {
	column?: string;
	rows: number[];
	count: number;
}

export class Issues {
	readonly errors: ImportIssue[] = [];
	readonly warnings: ImportIssue[] = [];
	private errorCount = 0;
	private readonly unknown = new Map<string, Map<string, Unknown>>();

	constructor(readonly file: string) {}

	get hasErrors(): boolean {
		return this.errorCount > 0 || this.errors.length > 0 || this.unknown.size > 0;
	}

	error(issue: Omit<ImportIssue, 'file'>): void {
		this.errorCount++;
		if (this.errors.length < MAX_ERRORS) this.errors.push({ file: this.file, ...issue });
		if (this.errorCount >= MAX_ERRORS) {
			throw new ImportAbort(`för många fel (minst ${MAX_ERRORS}); läsningen avbröts, de första visas`);
		}
	}

	/** Records the problem and stops reading at once (the file cannot be understood further). */
	fatal(issue: Omit<ImportIssue, 'file'>): never {
		this.errorCount++;
		this.errors.push({ file: this.file, ...issue });
		throw new ImportAbort(issue.message);
	}

	warn(issue: Omit<ImportIssue, 'file'>): void {
		if (this.warnings.length < MAX_ERRORS) this.warnings.push({ file: this.file, ...issue });
	}

	/** An unknown code: reported once per kind at the end, with the rows it occurs on. */
	unknownCode(kind: string, value: string, row: number | undefined, column?: string): void {
		let codes = this.unknown.get(kind);
		if (!codes) this.unknown.set(kind, (codes = new Map()));
		let u = codes.get(value);
		if (!u) codes.set(value, (u = { column, rows: [], count: 0 }));
		u.count++;
		if (row !== undefined && u.rows.length < MAX_ROWS_PER_CODE) u.rows.push(row);
	}

	/** Checks a text field for the broken-PDF-font pattern; warns with the proposed repair, keeps the raw text. */
	checkText(text: string | null | undefined, row: number | undefined, column: string): void {
		if (!text) return;
		const found = checkBrokenFont(text);
		if (!found) return;
		this.warn({
			code: 'broken-font',
			row,
			column,
			value: found.raw,
			proposal: found.repaired,
			message: `texten ser ut att komma från en PDF med trasigt typsnitt; förslag: '${found.repaired}' (den tryckta texten behålls)`
		});
	}

	/** Turns the gathered unknown codes into one error per kind. Call once, after reading. */
	flushUnknown(): void {
		for (const [kind, codes] of this.unknown) {
			const label = UNKNOWN_LABEL[kind] ?? `okända koder (${kind})`;
			const list = [...codes.entries()].map(([code, u]) => {
				const rows = u.rows.length ? ` (rad ${u.rows.join(', ')}${u.count > u.rows.length ? ' …' : ''})` : '';
				return `'${code}'${rows}`;
			});
			const column = [...codes.values()][0]?.column;
			this.errors.push({
				file: this.file,
				code: `unknown-${kind}`,
				column,
				value: [...codes.keys()].join(', '),
				message: `${label} (${codes.size}): ${list.join(', ')}`
			});
		}
		this.unknown.clear();
	}
}

/** "fil.csv, rad 14, kolumn 'värde': '12,5,3' är inte ett tal". */
export function formatIssue(issue: ImportIssue): string {
	const where = [
		issue.file,
		issue.row !== undefined ? `rad ${issue.row}` : undefined,
		issue.column !== undefined ? `kolumn '${issue.column}'` : undefined
	].filter(Boolean);
	return where.length ? `${where.join(', ')}: ${issue.message}` : issue.message;
}
