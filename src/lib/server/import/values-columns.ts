/**
 * The columns of a values file and the header names accepted for each, shared by the reader (values.ts) and
 * the parser that may run in a worker thread (values-parse.ts), so both read a header the same way.
 */
import { normalise } from './resolve';

/** Canonical column → the header names accepted for it (normalised: lower case, single spaces). */
export const COLUMNS = {
	indikator: ['indikator', 'indicator', 'indikator-id', 'indikatorid', 'nyckeltal', 'kpi', 'mått'],
	geografi: ['geografi', 'geography', 'region', 'område', 'omrade', 'kommun', 'län', 'lan', 'geo', 'regionkod'],
	period: ['period', 'år', 'ar', 'year', 'tid', 'månad', 'kvartal'],
	kön: ['kön', 'kon', 'sex', 'gender'],
	värde: ['värde', 'varde', 'value', 'utfall'],
	status: ['status', 'symbol'],
	kommentar: ['kommentar', 'comment', 'anmärkning', 'not', 'note'],
	textvärde: ['textvärde', 'textvarde', 'text'],
	tryckt: ['tryckt', 'printed', 'som tryckt']
} as const;
export type Column = keyof typeof COLUMNS;

const ALIAS = new Map<string, Column>(
	(Object.entries(COLUMNS) as [Column, readonly string[]][]).flatMap(([col, names]) => names.map((n) => [n, col] as [string, Column]))
);

/** The column a header cell names, or undefined (an unknown or empty name). */
export function columnOf(name: string): Column | undefined {
	return ALIAS.get(normalise(name.trim()));
}
