/**
 * Keeps `observation_latest` (schema.ts) equal to "the latest observation of each series", in the caller's
 * transaction. Every writer of `observation` calls one of these after writing:
 * - `refreshLatestSeries` with the series it touched (the import core, publishing, the preview),
 * - `refreshLatestAll` after writing rows by other means (the seed).
 * "Latest" is the order the pages always used: period_end, then period_start, descending.
 */
import type { Db } from './client';
import type { Sex } from '../../domain/types';

type Sqlite = Db['$client'];

export type SeriesKey = [indicatorId: number, geographyId: number, sex: Sex];

const COLUMNS = 'indicator_id, geography_id, sex, period, period_start, period_end, value, text_value, missing_symbol, printed, note';
const FROM_OBSERVATION = COLUMNS.split(', ')
	.map((c) => `o.${c}`)
	.join(', ');

/**
 * The series listed in `temp.<table>` (columns indicator_id, geography_id, sex): their latest rows are
 * replaced by what `observation` holds now (none when the series has no observation left).
 */
export function refreshLatestFromTemp(sqlite: Sqlite, table: string): void {
	sqlite
		.prepare(
			`DELETE FROM observation_latest WHERE (indicator_id, geography_id, sex) IN
			   (SELECT indicator_id, geography_id, sex FROM temp.${table})`
		)
		.run();
	// One primary-key range per series: its rows, the greatest period_end first.
	sqlite
		.prepare(
			`INSERT INTO observation_latest (${COLUMNS})
			 SELECT ${FROM_OBSERVATION} FROM temp.${table} s JOIN observation o
			   ON o.indicator_id = s.indicator_id AND o.geography_id = s.geography_id AND o.sex = s.sex
			  AND o.period = (SELECT x.period FROM observation x
			                  WHERE x.indicator_id = s.indicator_id AND x.geography_id = s.geography_id AND x.sex = s.sex
			                  ORDER BY x.period_end DESC, x.period_start DESC LIMIT 1)`
		)
		.run();
}

/** The given series (duplicates are fine). */
export function refreshLatestSeries(sqlite: Sqlite, series: Iterable<SeriesKey>): void {
	sqlite.exec(
		`CREATE TEMP TABLE IF NOT EXISTS latest_series (indicator_id INTEGER, geography_id INTEGER, sex TEXT,
		   PRIMARY KEY (indicator_id, geography_id, sex)) WITHOUT ROWID;
		 DELETE FROM temp.latest_series;`
	);
	const add = sqlite.prepare('INSERT OR IGNORE INTO temp.latest_series VALUES (?, ?, ?)');
	let any = false;
	for (const s of series) {
		add.run(...s);
		any = true;
	}
	if (any) refreshLatestFromTemp(sqlite, 'latest_series');
}

/** Every series, from scratch (after the seed, or to repair). */
export function refreshLatestAll(sqlite: Sqlite): void {
	sqlite.exec(
		`DELETE FROM observation_latest;
		 INSERT INTO observation_latest (${COLUMNS})
		 SELECT ${FROM_OBSERVATION} FROM (SELECT DISTINCT indicator_id, geography_id, sex FROM observation) s JOIN observation o
		   ON o.indicator_id = s.indicator_id AND o.geography_id = s.geography_id AND o.sex = s.sex
		  AND o.period = (SELECT x.period FROM observation x
		                  WHERE x.indicator_id = s.indicator_id AND x.geography_id = s.geography_id AND x.sex = s.sex
		                  ORDER BY x.period_end DESC, x.period_start DESC LIMIT 1);`
	);
}
