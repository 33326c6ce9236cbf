/** Geographies for the API: riket, the län and the kommuner, with SCB codes, Kolada ids and parents. */
import type { Db } from '../../db/client';
import type { CsvTable } from '../../api/csv';
import type { GeographyFilter, GeographyRef } from '../../api/types';
import { loadGeographies } from './context';

/** Riket first, then län and kommuner by code. `parent` and `levels` combine with AND. */
export function apiGeographies(db: Db, filter: GeographyFilter, all: GeographyRef[] = loadGeographies(db)): GeographyRef[] {
	return all.filter(
		(g) => (!filter.levels || filter.levels.includes(g.level)) && (!filter.parent || g.parent === filter.parent)
	);
}

export function geographiesCsv(list: GeographyRef[]): CsvTable {
	return {
		header: ['geography', 'kolada_id', 'name', 'level', 'parent'],
		rows: list.map((g) => [g.code, g.koladaId, g.name, g.level, g.parent])
	};
}
