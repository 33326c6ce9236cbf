/**
 * Loads a Kolada time series in Gapminder DDF layout (`geo,[gender,]year,<kpi>`), as saved from
 * Kolada's API by open-numbers/ddf--kolada--dump. Geo "0" is riket, two digits a län, four a kommun.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../db/client';
import { parseCsv } from './csv';
import { periodFromYear } from '../../domain/period';

export interface DdfLoadResult {
	rows: number;
	inserted: number;
}

const SEX: Record<string, 'T' | 'K' | 'M'> = { k: 'K', m: 'M', t: 'T' };

export function ddfGeoToScbCode(geo: string): string {
	return geo === '0' ? '00' : geo;
}

/**
 * Insert every row of one DDF datapoints file as observations of `indicatorId`.
 * Runs inside the caller's transaction when there is one; throws with file and row on bad input.
 */
export function loadKoladaDdf(
	db: Db,
	file: string,
	opts: { indicatorId: number; batchId: number | null; geographyIds: Map<string, number> }
): DdfLoadResult {
	const { header, rows } = parseCsv(readFileSync(file, 'utf8'));
	const valueColumn = header.find((h) => h !== 'geo' && h !== 'gender' && h !== 'year');
	if (!valueColumn || !header.includes('geo') || !header.includes('year')) {
		throw new Error(`${basename(file)}: väntade kolumnerna geo, year och ett KPI-id, fick ${header.join(', ')}`);
	}
	const upsert = db.$client.prepare(
		`INSERT INTO observation (indicator_id, geography_id, period, period_kind, period_start, period_end, sex, value, batch_id)
		 VALUES (?, ?, ?, 'year', ?, ?, ?, ?, ?)
		 ON CONFLICT (indicator_id, geography_id, sex, period) DO UPDATE SET value = excluded.value, batch_id = excluded.batch_id`
	);
	let inserted = 0;
	rows.forEach((row, i) => {
		const where = `${basename(file)} rad ${i + 2}`;
		const geographyId = opts.geographyIds.get(ddfGeoToScbCode(row.geo));
		if (geographyId === undefined) throw new Error(`${where}: okänd geografi '${row.geo}'`);
		const year = Number(row.year);
		if (!Number.isInteger(year)) throw new Error(`${where}, kolumn 'year': '${row.year}' är inget år`);
		const sex = row.gender === undefined ? 'T' : SEX[row.gender.toLowerCase()];
		if (!sex) throw new Error(`${where}, kolumn 'gender': '${row.gender}' är inget kön (k/m)`);
		const value = Number(row[valueColumn]);
		if (row[valueColumn] === '' || !Number.isFinite(value)) {
			throw new Error(`${where}, kolumn '${valueColumn}': '${row[valueColumn]}' är inte ett tal`);
		}
		const p = periodFromYear(year);
		upsert.run(opts.indicatorId, geographyId, p.code, p.start, p.end, sex, value, opts.batchId);
		inserted++;
	});
	return { rows: rows.length, inserted };
}
