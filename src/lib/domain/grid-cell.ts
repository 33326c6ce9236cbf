/**
 * One cell of the reporting grid (indicator × period): its form field names, and the text a stored value is
 * shown as in the field. The field text is always written the Swedish way, whatever the page's language,
 * because the value parser (entered-value.ts) reads Swedish: an English "2,588" would come back as 2,588 = 2.588.
 */
import { formatNumber } from './format';
import type { MissingSymbol } from './types';

export interface CellValue {
	value: number | null;
	textValue: string | null;
	missingSymbol: MissingSymbol | null;
}

/** The text of a stored value in an input: "81,4", "2 588", "−1,5", "Helt", "..", or "" for none. */
export function editText(v: CellValue | null): string {
	if (!v) return '';
	if (v.value !== null) return formatNumber(v.value, { maxDecimals: 6, locale: 'sv' });
	return v.textValue ?? v.missingSymbol ?? '';
}

/** The field names of a cell: the typed text, the text it was loaded with, and the versions it was based on. */
export const cellField = (indicatorId: number, period: string) => `cell-${indicatorId}-${period}`;
export const wasField = (cell: string) => `was-${cell}`;
export const seenField = (cell: string) => `seen-${cell}`;

const CELL = /^cell-(\d{1,9})-([0-9A-Za-z-]{4,12})$/;

/** Reads a cell field name back; null for any other field. */
export function parseCellField(name: string): { indicatorId: number; period: string } | null {
	const m = CELL.exec(name);
	return m ? { indicatorId: Number(m[1]), period: m[2] } : null;
}

/** Versions as sent in a hidden field: "draft.published", e.g. "2.1"; 0 means there was none. */
export const formatSeen = (s: { draftVersion: number; publishedVersion: number }) => `${s.draftVersion}.${s.publishedVersion}`;

export function parseSeen(text: string): { draftVersion: number; publishedVersion: number } | null {
	const m = /^(\d{1,9})\.(\d{1,9})$/.exec(text);
	return m ? { draftVersion: Number(m[1]), publishedVersion: Number(m[2]) } : null;
}
