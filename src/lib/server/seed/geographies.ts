/**
 * Loads riket, the 21 län and the 290 kommuner from the Kolada DDF entity files, with the län names
 * ("Örebro län") from SCB's border file, since Kolada names the regions ("Region Örebro län").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/client';
import { parseCsv } from '../import/csv';

interface GeoFeatureCollection {
	features: { properties: { code: string; name: string } }[];
}

export const RIKET_CODE = '00';

export function loadGeographies(db: Db, dataDir: string): number {
	const regions = parseCsv(readFileSync(join(dataDir, 'kolada-ddf/ddf--entities--geo--region.csv'), 'utf8'));
	const kommuner = parseCsv(readFileSync(join(dataDir, 'kolada-ddf/ddf--entities--geo--kommun.csv'), 'utf8'));
	const lan = JSON.parse(readFileSync(join(dataDir, 'geo/lan.geojson'), 'utf8')) as GeoFeatureCollection;
	const lanNames = new Map(lan.features.map((f) => [f.properties.code, f.properties.name]));

	const insert = db.$client.prepare(
		'INSERT INTO geography (code, kolada_id, name, level, parent_id) VALUES (?, ?, ?, ?, ?)'
	);
	let count = 0;
	db.$client.transaction(() => {
		const riketId = Number(insert.run(RIKET_CODE, '0000', 'Riket', 'riket', null).lastInsertRowid);
		count++;
		const lanIds = new Map<string, number>();
		for (const r of regions.rows) {
			const code = r.region;
			const name = lanNames.get(code);
			if (!name) throw new Error(`geo/lan.geojson saknar län ${code} (${r.name})`);
			lanIds.set(code, Number(insert.run(code, `00${code}`, name, 'lan', riketId).lastInsertRowid));
			count++;
		}
		for (const k of kommuner.rows) {
			const parent = lanIds.get(k.region);
			if (parent === undefined) throw new Error(`Kommun ${k.kommun} ${k.name}: okänt län ${k.region}`);
			insert.run(k.kommun, k.kommun, k.name, 'kommun', parent);
			count++;
		}
	})();
	return count;
}

/** Map of SCB code → geography id, for loaders. */
export function geographyIdsByCode(db: Db): Map<string, number> {
	const rows = db.$client.prepare('SELECT id, code FROM geography').all() as { id: number; code: string }[];
	return new Map(rows.map((r) => [r.code, r.id]));
}
