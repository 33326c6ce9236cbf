/**
 * Observations of one indicator in long format (one row per geography × period × sex), filtered by
 * geography, level, parent, sex and period range, with the import batches they came from.
 */
import type { Db } from '../../db/client';
import type { CsvTable } from '../../api/csv';
import type { GeoLevel, ObservationFilter } from '../../api/types';
import type { MissingSymbol, Sex } from '../../../domain/types';
import { geoRank, num, str, type Row } from './shared';

export interface ApiObservation {
	indicator: string;
	/** SCB code. */
	geography: string;
	geographyName: string;
	level: GeoLevel;
	/** Canonical period code: "2022", "2025T2", "2015-2016". */
	period: string;
	sex: Sex;
	value: number | null;
	/** A value that is words, e.g. "Helt". */
	textValue: string | null;
	/** ".." not available, "-" nothing to report, "." not applicable. */
	missingSymbol: MissingSymbol | null;
	/** The value as printed in the source document, e.g. "58%". */
	printed: string | null;
	note: string | null;
	/** Import batch id; see `meta.batches`. */
	batch: number | null;
}

export interface ApiBatch {
	id: number;
	source: string;
	fileName: string | null;
	importedAt: string;
}

/** Geographies chosen by the filter: the named ones OR those matching level AND parent. */
function geographyCondition(filter: ObservationFilter, params: unknown[]): string | null {
	const group: string[] = [];
	if (filter.levels) {
		group.push(`g.level IN (${filter.levels.map(() => '?').join(',')})`);
		params.push(...filter.levels);
	}
	if (filter.parent) {
		group.push('pg.code = ?');
		params.push(filter.parent);
	}
	const named = filter.geographies?.length ? `g.code IN (${filter.geographies.map(() => '?').join(',')})` : null;
	if (named) params.push(...filter.geographies!);
	const groupSql = group.length ? `(${group.join(' AND ')})` : null;
	if (named && groupSql) return `(${groupSql} OR ${named})`;
	return named ?? groupSql;
}

export function apiObservations(
	db: Db,
	indicator: { id: number; slug: string },
	filter: ObservationFilter
): { rows: ApiObservation[]; batches: ApiBatch[] } {
	const params: unknown[] = [indicator.id];
	const where = ['o.indicator_id = ?'];
	const geo = geographyCondition(filter, params);
	if (geo) where.push(geo);
	if (filter.sexes) {
		where.push(`o.sex IN (${filter.sexes.map(() => '?').join(',')})`);
		params.push(...filter.sexes);
	}
	if (filter.from) {
		where.push('o.period_start >= ?');
		params.push(filter.from.start);
	}
	if (filter.to) {
		where.push('o.period_end <= ?');
		params.push(filter.to.end);
	}
	// When the officials issue adds a draft/published state to observations, only published rows may be
	// served here: add `AND o.state = 'published'` (and the same in indicators.ts coverage and spans).
	const rows = db.$client
		.prepare(
			`SELECT g.code, g.name, g.level, o.period, o.sex, o.value, o.text_value, o.missing_symbol, o.printed, o.note, o.batch_id
			 FROM observation o JOIN geography g ON g.id = o.geography_id LEFT JOIN geography pg ON pg.id = g.parent_id
			 WHERE ${where.join(' AND ')}
			 ORDER BY ${geoRank('g.level')}, g.code, CASE o.sex WHEN 'T' THEN 0 WHEN 'K' THEN 1 ELSE 2 END,
			   o.period_end, o.period_start`
		)
		.raw()
		.all(...params) as unknown[][];
	const out: ApiObservation[] = rows.map((r) => ({
		indicator: indicator.slug,
		geography: r[0] as string,
		geographyName: r[1] as string,
		level: r[2] as GeoLevel,
		period: r[3] as string,
		sex: r[4] as Sex,
		value: num(r[5]),
		textValue: str(r[6]),
		missingSymbol: (r[7] as MissingSymbol | null) ?? null,
		printed: str(r[8]),
		note: str(r[9]),
		batch: num(r[10])
	}));
	const ids = [...new Set(out.map((o) => o.batch).filter((b): b is number => b !== null))];
	const batches = ids.length
		? (
				db.$client
					.prepare(`SELECT id, source, file_name, imported_at FROM import_batch WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`)
					.all(...ids) as Row[]
			).map((b) => ({
				id: b.id as number,
				source: b.source as string,
				fileName: str(b.file_name),
				importedAt: b.imported_at as string
			}))
		: [];
	return { rows: out, batches };
}

export function observationsCsv(rows: ApiObservation[]): CsvTable {
	return {
		header: [
			'indicator',
			'geography',
			'geography_name',
			'level',
			'period',
			'sex',
			'value',
			'text_value',
			'missing_symbol',
			'printed',
			'note',
			'batch'
		],
		rows: rows.map((o) => [
			o.indicator,
			o.geography,
			o.geographyName,
			o.level,
			o.period,
			o.sex,
			o.value,
			o.textValue,
			o.missingSymbol,
			o.printed,
			o.note,
			o.batch
		])
	};
}
