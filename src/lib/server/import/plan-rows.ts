/**
 * Reads the rows of a plan file (CSV or XLSX) into PlanRow records and checks what can be checked without
 * the database: known row types, ids, parents above their children, origin and direction words.
 */
import type { Cell } from './values';
import type { Issues } from './issues';
import { normalise } from './resolve';
import { DIRECTION_WORDS, ORIGIN_WORDS, PLAN_ALIASES, PLAN_HEADER, ROW_TYPES, type PlanColumn, type PlanRow, type RowType } from './plan-columns';

export interface ParsedRow {
	type: RowType;
	row: PlanRow;
	line: number;
}

const TYPE_WORDS: Record<string, RowType> = {
	organisation: 'organisation',
	plan: 'plan',
	mål: 'mål',
	mal: 'mål',
	goal: 'mål',
	avsnitt: 'mål',
	uppdrag: 'uppdrag',
	indikator: 'indikator',
	indicator: 'indikator'
};

/** Maps header cells to template columns; unknown headers are warned about and ignored. */
function mapHeader(header: Cell[], issues: Issues): (PlanColumn | null)[] {
	const seen = new Set<PlanColumn>();
	const cols = header.map((h) => {
		const name = normalise(String(h));
		if (name === '') return null;
		const col = (PLAN_HEADER as string[]).includes(name) ? (name as PlanColumn) : PLAN_ALIASES[name];
		if (!col) {
			issues.warn({ code: 'unknown-column', column: String(h), message: `kolumnen '${String(h).trim()}' känns inte igen och läses inte` });
			return null;
		}
		if (seen.has(col)) issues.fatal({ code: 'duplicate-column', column: String(h), message: `kolumnen '${col}' finns två gånger` });
		seen.add(col);
		return col;
	});
	for (const required of ['typ', 'text'] as const) {
		if (!seen.has(required)) {
			issues.fatal({ code: 'missing-columns', message: `kolumnen '${required}' saknas (mallens kolumner: ${PLAN_HEADER.join(', ')})` });
		}
	}
	return cols;
}

export function parsePlanRows(header: Cell[], rows: { cells: Cell[]; line: number }[], issues: Issues): ParsedRow[] {
	const cols = mapHeader(header, issues);
	const out: ParsedRow[] = [];
	const ids = new Map<string, ParsedRow>();
	for (const { cells, line } of rows) {
		if (cells.every((c) => String(c).trim() === '')) continue;
		const row = Object.fromEntries(PLAN_HEADER.map((k) => [k, ''])) as PlanRow;
		cols.forEach((col, i) => {
			if (col) row[col] = String(cells[i] ?? '').trim();
		});
		const type = TYPE_WORDS[normalise(row.typ)];
		if (!type) {
			issues.error({ code: 'row-type', row: line, column: 'typ', value: row.typ, message: `'${row.typ}' är ingen radtyp (${ROW_TYPES.join(', ')})` });
			continue;
		}
		if (row.text === '') {
			issues.error({ code: 'no-text', row: line, column: 'text', message: `${type}raden saknar text` });
			continue;
		}
		const parsed: ParsedRow = { type, row, line };
		checkWords(parsed, issues);
		if (row.id && type !== 'organisation' && type !== 'plan') {
			const other = ids.get(row.id);
			if (other) {
				issues.error({ code: 'duplicate-id', row: line, column: 'id', value: row.id, message: `id '${row.id}' används redan på rad ${other.line}` });
				continue;
			}
			ids.set(row.id, parsed);
		}
		if (row.förälder && (type === 'mål' || type === 'uppdrag' || type === 'indikator')) {
			const parent = ids.get(row.förälder);
			if (!parent) {
				issues.error({ code: 'unknown-parent', row: line, column: 'förälder', value: row.förälder, message: `förälder '${row.förälder}' finns inte på någon rad ovanför` });
				continue;
			}
			if (parent.type !== 'mål') {
				issues.error({ code: 'parent-type', row: line, column: 'förälder', value: row.förälder, message: `förälder '${row.förälder}' är ${parent.type}, inte ett mål` });
				continue;
			}
		}
		if (type === 'indikator' && !row.förälder) {
			issues.error({ code: 'no-parent', row: line, column: 'förälder', message: 'en indikator måste höra till ett mål (ange målets id i förälder)' });
			continue;
		}
		out.push(parsed);
	}
	for (const t of ['organisation', 'plan'] as const) {
		const many = out.filter((r) => r.type === t);
		if (many.length > 1) issues.error({ code: 'two-' + t, row: many[1].line, column: 'typ', message: `filen har mer än en rad av typen ${t}` });
	}
	return out;
}

function checkWords(p: ParsedRow, issues: Issues): void {
	const { row, line } = p;
	if (ORIGIN_WORDS[normalise(row.ursprung)] === undefined) {
		issues.error({ code: 'origin', row: line, column: 'ursprung', value: row.ursprung, message: `'${row.ursprung}' är inget ursprung (fullmäktige, nämnd eller annan)` });
	}
	if (row.riktning && DIRECTION_WORDS[normalise(row.riktning)] === undefined) {
		issues.error({ code: 'direction', row: line, column: 'riktning', value: row.riktning, message: `'${row.riktning}' är ingen riktning (upp, ned eller ingen)` });
	}
	if (row.decimaler && !/^\d{1,2}$/.test(row.decimaler)) {
		issues.error({ code: 'decimals', row: line, column: 'decimaler', value: row.decimaler, message: `'${row.decimaler}' är inget antal decimaler` });
	}
	const yearPattern = p.type === 'plan' ? /^\d{4}(\s*[–-]\s*\d{4})?$/ : /^\d{4}$/;
	if (row.år && !yearPattern.test(row.år)) {
		issues.error({ code: 'year', row: line, column: 'år', value: row.år, message: `'${row.år}' är inget år${p.type === 'plan' ? ' (skriv 2019 eller 2019–2030)' : ''}` });
	}
	for (const col of ['text', 'beskrivning', 'målformulering', 'etikett'] as const) issues.checkText(row[col], line, col);
}
