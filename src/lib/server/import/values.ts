/**
 * Values files in long format, from CSV (streamed) or XLSX: one row per indicator × geografi × period × kön.
 *
 *   indikator;geografi;period;kön;värde;status;kommentar
 *   invanare-totalt;2380;2022;T;64 654;;
 *   invanare-totalt;Östersund;2021;K;..;;sekretess
 *
 * Column names are matched without regard to case and with common aliases (see COLUMNS). Missing values keep
 * their symbol ("..", "-", "." in `värde` or `status`); an empty value with no symbol is an error, never 0.
 */
import type { Period, Sex } from '../../domain/types';
import { isMissingSymbol } from '../../domain/number';
import type { StatsContext } from './stats-context';
import type { Indicators } from './resolve';
import type { Issues } from './issues';
import { resolveSex } from './resolve';
import { columnOf, type Column } from './values-columns';
import { KEY_COLUMNS, type ValuesChunk } from './values-parse';
import { readNumberCell } from './values-cell';
import { loadMap } from './series';

export type Cell = string | number;

export { COLUMNS } from './values-columns';

export interface ValuesReader {
	header(fields: Cell[]): void;
	row(fields: Cell[], line: number): void;
	/** Rows parsed into a chunk (values-parse.ts), after the header. */
	chunk(c: ValuesChunk): void;
}

/** Builds the row handler for one values file. `indicators` resolves the indicator column. */
export function valuesReader(ctx: StatsContext, indicators: Indicators): ValuesReader {
	const { geos, periods, writer } = ctx;
	const issues: Issues = ctx.issues;
	const pos: Partial<Record<Column, number>> = {};
	let width = 0;
	let fixedIndicator: number | undefined;
	const map = ctx.options.map ? loadMap(ctx.options.map) : null;
	const names: string[] = [];

	const resolveIndicator = (text: string, line: number): number | undefined => {
		const key = map?.[text.trim()] ?? text;
		const id = indicators.resolve(key);
		if (id === 'ambiguous') {
			issues.error({ code: 'ambiguous-indicator', row: line, column: names[pos.indikator!], value: text, message: `'${text}' passar flera indikatorer; använd indikatorns slug` });
			return undefined;
		}
		if (id === undefined) issues.unknownCode('indicator', key.trim(), line, names[pos.indikator!]);
		return id;
	};

	/** Per key column of a chunk (KEY_COLUMNS), by dictionary id: the text, and what it resolves to (undefined: unknown). */
	const texts: string[][] = KEY_COLUMNS.map(() => []);
	const indicatorOf: (number | undefined)[] = [];
	const geographyOf: (number | undefined)[] = [];
	const periodOf: (Period | undefined)[] = [];
	const sexOf: (Sex | undefined)[] = [];
	const learn = (c: ValuesChunk) => {
		c.texts[0].forEach((t) => {
			// As row() decides, without reporting: an unknown text's rows go through row(), which reports them.
			const id = fixedIndicator !== undefined && t.trim() === '' ? fixedIndicator : indicators.resolve(map?.[t.trim()] ?? t);
			indicatorOf.push(typeof id === 'number' ? id : undefined);
		});
		for (const t of c.texts[1]) geographyOf.push(geos.resolve(t));
		for (const t of c.texts[2]) {
			const p = periods.parse(t);
			periodOf.push('error' in p ? undefined : p);
		}
		for (const t of c.texts[3]) sexOf.push(resolveSex(t));
		c.texts.forEach((list, k) => texts[k].push(...list));
	};
	/** A compact row's cells as the file had them (the value as its number), for row(). */
	const cellsOf = (c: ValuesChunk, i: number): Cell[] => {
		const ix = pos as Record<Column, number | undefined>;
		const cells: Cell[] = new Array(width).fill('');
		KEY_COLUMNS.forEach((col, k) => {
			if (ix[col] !== undefined) cells[ix[col]!] = texts[k][c.keys[i * KEY_COLUMNS.length + k]];
		});
		cells[ix.värde!] = c.value[i];
		return cells;
	};

	const reader: ValuesReader = {
		chunk(c) {
			learn(c);
			const keys = c.keys;
			let raw = 0;
			for (let i = 0, o = 0; i < c.n; i++, o += KEY_COLUMNS.length) {
				const line = c.line[i];
				const ind = keys[o];
				if (ind < 0) {
					reader.row(c.raw[raw++], line);
					continue;
				}
				const indicatorId = indicatorOf[ind];
				const geographyId = geographyOf[keys[o + 1]];
				const period = periodOf[keys[o + 2]];
				const sex = sexOf[keys[o + 3]];
				if (indicatorId === undefined || geographyId === undefined || period === undefined || sex === undefined) {
					reader.row(cellsOf(c, i), line);
				} else writer.add(indicatorId, geographyId, period, sex, c.value[i], null, null, null, null, line);
			}
		},

		header(fields) {
			fields.forEach((f, i) => {
				const name = String(f).trim();
				names[i] = name;
				if (name === '') return;
				const col = columnOf(name);
				if (!col) {
					issues.warn({ code: 'unknown-column', column: name, message: `kolumnen '${name}' känns inte igen och läses inte` });
					return;
				}
				if (pos[col] !== undefined) issues.fatal({ code: 'duplicate-column', column: name, message: `kolumnen '${col}' finns två gånger ('${names[pos[col]!]}' och '${name}')` });
				pos[col] = i;
				width = Math.max(width, i + 1);
			});
			const required: Column[] = ['geografi', 'period'];
			if (!ctx.options.indicator) required.push('indikator');
			const absent = required.filter((c) => pos[c] === undefined);
			if (pos.värde === undefined && pos.textvärde === undefined) absent.push('värde');
			if (absent.length) {
				const had = names.filter(Boolean).map((n) => `'${n}'`).join(', ');
				issues.fatal({
					code: 'missing-columns',
					message: `kolumner saknas: ${absent.map((c) => `'${c}'`).join(', ')} (filens rubriker: ${had || 'inga'})${absent.includes('indikator') ? '; ange --indicator om filen bara har en indikator' : ''}`
				});
			}
			if (ctx.options.indicator) {
				const id = indicators.resolve(ctx.options.indicator);
				if (typeof id !== 'number') {
					return issues.fatal({ code: 'unknown-indicator', value: ctx.options.indicator, message: `indikatorn '${ctx.options.indicator}' finns inte` });
				}
				fixedIndicator = id;
			}
		},

		row(fields, line) {
			if (fields.length > width && extraField(issues, fields, width, names, line)) return;
			const ix = pos as Record<Column, number | undefined>;
			const geoText = cellText(fields, ix.geografi);
			const periodText = cellText(fields, ix.period);
			// Excel and editors leave empty rows; skip them, but only when every field is empty.
			if (geoText === '' && periodText === '' && fields.every((f) => String(f).trim() === '')) return;

			const indicatorText = cellText(fields, ix.indikator);
			const indicatorId =
				fixedIndicator !== undefined && indicatorText.trim() === '' ? fixedIndicator : resolveIndicator(indicatorText, line);
			const geographyId = geos.resolve(geoText);
			if (geographyId === undefined) issues.unknownCode('geography', geoText.trim(), line, names[ix.geografi!]);
			const period = periods.parse(periodText);
			if ('error' in period) issues.error({ code: 'period', row: line, column: names[ix.period!], value: periodText, message: period.error });
			const sexText = cellText(fields, ix.kön);
			const sex: Sex | undefined = resolveSex(sexText);
			if (!sex) issues.unknownCode('sex', sexText.trim(), line, names[ix.kön!]);

			const v = readValue(ctx, fields, ix, names, line);
			if (!v || indicatorId === undefined || geographyId === undefined || 'error' in period || !sex) return;
			writer.add(indicatorId, geographyId, period, sex, v.value, v.text, v.missing, v.printed, v.note, line);
		}
	};
	return reader;
}

function cellText(fields: Cell[], i: number | undefined): string {
	if (i === undefined) return '';
	const f = fields[i];
	return f === undefined ? '' : typeof f === 'string' ? f : String(f);
}

/** A cell's text without surrounding space; '' for a column the file does not have. */
function trimmedCell(fields: Cell[], i: number | undefined): string {
	return i === undefined ? '' : cellText(fields, i).trim();
}

/** The file's own name of a column, for messages. */
function columnName(names: string[], ix: Record<Column, number | undefined>, c: Column): string {
	return names[ix[c] ?? -1] ?? c;
}

/** True (and an error recorded) when a row has non-empty fields beyond the header's named columns. */
function extraField(issues: Issues, fields: Cell[], width: number, names: string[], line: number): boolean {
	for (let i = width; i < fields.length; i++) {
		if (String(fields[i]).trim() !== '' && !names[i]) {
			issues.error({
				code: 'extra-field',
				row: line,
				value: String(fields[i]),
				message: `raden har fler fält (${fields.length}) än rubrikraden har kolumner (${names.filter(Boolean).length}): '${String(fields[i])}'`
			});
			return true;
		}
	}
	return false;
}

interface ReadValue {
	value: number | null;
	text: string | null;
	missing: '..' | '-' | '.' | null;
	printed: string | null;
	note: string | null;
}

/** Reused for every row: the caller reads it before the next row. */
const scratch: ReadValue = { value: null, text: null, missing: null, printed: null, note: null };

function readValue(
	ctx: StatsContext,
	fields: Cell[],
	ix: Record<Column, number | undefined>,
	names: string[],
	line: number
): ReadValue | null {
	const { issues } = ctx;
	const raw = ix.värde === undefined ? '' : (fields[ix.värde] ?? '');
	const status = trimmedCell(fields, ix.status);
	const textValue = trimmedCell(fields, ix.textvärde);
	const comment = trimmedCell(fields, ix.kommentar);
	if (comment) issues.checkText(comment, line, columnName(names, ix, 'kommentar'));
	if (textValue) issues.checkText(textValue, line, columnName(names, ix, 'textvärde'));
	const out = scratch;
	out.value = null;
	out.text = null;
	out.missing = null;
	out.printed = trimmedCell(fields, ix.tryckt) || null;
	out.note = comment || null;
	// A status that is not a symbol ("preliminär") is kept with the comment.
	if (status && !isMissingSymbol(status)) out.note = out.note ? `${out.note} (${status})` : status;

	if (typeof raw === 'number') {
		out.value = raw;
	} else if (raw !== '') {
		const cell = readNumberCell(raw);
		if (cell.kind === 'number') out.value = cell.value;
		else if (cell.kind === 'missing') out.missing = cell.symbol;
		else if (raw.trim() !== '') {
			issues.error({ code: 'not-a-number', row: line, column: columnName(names, ix, 'värde'), value: raw, message: cell.reason });
			return null;
		}
	}
	const symbol = status !== '' && isMissingSymbol(status);
	const filled = (out.value !== null ? 1 : 0) + (out.missing ? 1 : 0) + (textValue ? 1 : 0) + (symbol ? 1 : 0);
	if (filled === 1) {
		if (symbol) out.missing = status as '..' | '-' | '.';
		if (textValue) out.text = textValue;
		return out;
	}
	if (filled > 1) {
		issues.error({
			code: 'two-values',
			row: line,
			column: columnName(names, ix, 'värde'),
			value: [String(raw), status, textValue].filter((x) => x.trim()).join(' / '),
			message: 'raden har både ett värde och en symbol eller text; ange bara ett av dem'
		});
	} else {
		issues.error({
			code: 'no-value',
			row: line,
			column: columnName(names, ix, 'värde'),
			message: "värde saknas: skriv ett tal, en symbol ('..', '-' eller '.') eller en text i kolumnen 'textvärde'"
		});
	}
	return null;
}
