/**
 * Kolada API answers (v2 and v3 `data` endpoints) → observations. Shape, per the API's documentation:
 * `{ "count": n, "values": [{ "kpi": "N01951", "municipality": "0023", "period": 2022,
 *   "values": [{ "gender": "T", "status": "", "value": 132670 }] }], "next_page" | "next_url": … }`.
 * Municipality ids: "0000" riket, "0023" län (region), "2380" kommun. Gender T/K/M. A null value is a
 * missing value and is kept as "..", with Kolada's status as the note; it never becomes 0.
 */
import type { Sex } from '../../domain/types';
import { isMissingSymbol } from '../../domain/number';
import type { StatsContext } from './stats-context';
import type { Issues } from './issues';
import { decodeJson, JsonEncodingError } from './source';
import { resolveSex } from './resolve';

interface KoladaValue {
	gender?: string;
	status?: string | null;
	value?: number | null;
}
interface KoladaEntry {
	kpi?: string;
	municipality?: string;
	ou?: string;
	period?: number | string;
	values?: KoladaValue[];
}

/** Titles and units of KPIs, when known (URL mode fetches them from /kpi). */
export type KpiMeta = Map<string, { title: string; unit?: string | null; description?: string | null }>;

/** The link to the next page, in either API version's field. */
export function nextPage(doc: unknown): string | null {
	if (typeof doc !== 'object' || doc === null) return null;
	const d = doc as { next_page?: unknown; next_url?: unknown };
	const next = d.next_url ?? d.next_page;
	return typeof next === 'string' && next !== '' ? next : null;
}

/**
 * Imports one page. `offset` is the number of entries on earlier pages, so rows count across pages.
 * Returns the number of entries and the link to the next page, if the page has one.
 */
export function importKoladaDocument(ctx: StatsContext, bytes: Uint8Array, page: number, offset: number, meta: KpiMeta): { entries: number; next: string | null } {
	const issues: Issues = ctx.issues;
	const where = page > 0 ? `sida ${page + 1}: ` : '';
	let doc: { values?: unknown };
	try {
		doc = JSON.parse(decodeJson(bytes)) as { values?: unknown };
	} catch (e) {
		if (e instanceof JsonEncodingError) issues.fatal({ code: 'encoding', message: `${where}${e.message}` });
		issues.fatal({ code: 'invalid-json', message: `${where}filen är inte giltig JSON (avbruten eller trasig?): ${(e as Error).message}` });
	}
	const entries = doc?.values;
	if (!Array.isArray(entries)) {
		issues.fatal({ code: 'not-data', message: `${where}filen är inte ett svar från Koladas data-API (saknar "values")` });
	}
	// A damaged file may have anything where an entry should be: say so instead of failing inside.
	const notObject = entries.findIndex((e) => !isRecord(e));
	if (notObject >= 0) issues.fatal({ code: 'not-data', row: offset + notObject + 1, message: `${where}post nr ${notObject + 1} i "values" är inte ett objekt` });
	if (entries.length > 0 && !('kpi' in entries[0] && 'period' in entries[0])) {
		issues.fatal({ code: 'not-data', message: `${where}det här är Kolada-metadata (t.ex. /kpi eller /municipality), inte data` });
	}
	entries.forEach((e: KoladaEntry, i) => {
		const row = offset + i + 1;
		if (e.ou !== undefined && e.municipality === undefined) {
			issues.fatal({ code: 'ou-data', row, message: 'data för organisatoriska enheter (ou) kan inte läsas in; använd kommun- eller regiondata' });
		}
		const kpi = text(e.kpi);
		const m = meta.get(kpi);
		const indicatorId = ctx.series.resolve({
			source: 'kolada',
			table: null,
			code: kpi,
			name: m?.title ?? `Kolada ${kpi}`,
			unit: m?.unit ?? null,
			decimals: 0,
			definition: m?.description ?? null,
			sourceText: `Kolada, nyckeltal ${kpi}`,
			attribution: 'Källa: Kolada',
			periodKind: 'year',
			row
		});
		const geographyId = ctx.geos.resolve(text(e.municipality));
		if (geographyId === undefined) issues.unknownCode('geography', shown(e.municipality), row, 'municipality');
		const period = ctx.periods.parse(text(e.period));
		if ('error' in period) issues.unknownCode('period', shown(e.period), row, 'period');
		if (!Array.isArray(e.values)) {
			issues.error({ code: 'no-values', row, column: 'values', message: `posten för ${kpi} saknar "values"` });
			return;
		}
		for (const v of e.values as unknown[]) {
			if (!isRecord(v)) {
				issues.error({ code: 'not-data', row, column: 'values', value: shown(v), message: `ett värde i "values" är inte ett objekt` });
				continue;
			}
			const sex: Sex | undefined = resolveSex(text(v.gender));
			if (!sex) issues.unknownCode('sex', shown(v.gender), row, 'gender');
			if (indicatorId === undefined || geographyId === undefined || 'error' in period || !sex) continue;
			const status = typeof v.status === 'string' && v.status.trim() !== '' ? v.status.trim() : null;
			if (typeof v.value === 'number') {
				ctx.writer.add(indicatorId, geographyId, period, sex, v.value, null, null, null, status && `Kolada-status: ${status}`, row);
			} else if (v.value === null || v.value === undefined) {
				const symbol = status && isMissingSymbol(status) ? status : '..';
				const note = status && !isMissingSymbol(status) ? `Kolada-status: ${status}` : null;
				ctx.writer.add(indicatorId, geographyId, period, sex, null, null, symbol, null, note, row);
			} else {
				issues.error({ code: 'not-a-number', row, column: 'value', value: shown(v.value), message: `'${shown(v.value)}' är inte ett tal` });
			}
		}
	});
	return { entries: entries.length, next: nextPage(doc) };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A code as text: strings and numbers as they are, anything else (a damaged file) as nothing. */
const text = (x: unknown): string => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');
/** A value as a person should see it in a message. */
const shown = (x: unknown): string => (typeof x === 'string' || typeof x === 'number' ? String(x) : (JSON.stringify(x) ?? String(x)).slice(0, 60));
