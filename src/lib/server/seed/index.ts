/**
 * Loads the demo data into an empty, migrated database in one transaction: the 312 geographies, the Kolada
 * series, Region Örebro län's verksamhetsberättelse 2019, Region Jämtland Härjedalen's RUS 2050 and the
 * labelled Exempelregionen; then computes the indicator assessments of every period.
 */
import { resolve } from 'node:path';
import type { Db } from '../db/client';
import { assessIndicatorsForPeriod } from '../assess/indicators';
import { geographyIdsByCode, loadGeographies } from './geographies';
import { seedExample } from './example';
import { seedJamtland, seedKoladaIndicators } from './jamtland';
import { seedOrebro } from './orebro';
import { seedInsatser } from './insatser';
import { refreshLatestAll } from '../db/observation-latest';

/** The demo data folder, relative to the working directory (the repository root). */
export const DEMO_DATA_DIR = resolve(process.env.DEMO_DATA_DIR ?? 'scripts/demo-data');

export function seedDemo(db: Db, dataDir = DEMO_DATA_DIR): string {
	const sqlite = db.$client;
	sqlite.transaction(() => {
		loadGeographies(db, dataDir);
		const geo = geographyIdsByCode(db);
		const slugs = new Set<string>();
		const kpis = seedKoladaIndicators(db, dataDir, geo, slugs);
		seedOrebro(db, dataDir, geo, slugs);
		seedJamtland(db, dataDir, geo, kpis);
		seedExample(db, geo, slugs);
		// After the other plans, so that their goal ids stay as the tests and links know them.
		seedInsatser(db, dataDir);
		// The seed writes observations directly as well as through the import core: the latest values from scratch.
		refreshLatestAll(sqlite);
		const periods = sqlite.prepare('SELECT id FROM follow_up_period').all() as { id: number }[];
		for (const p of periods) assessIndicatorsForPeriod(db, p.id, { evenIfLocked: true });
	})();
	const count = (table: string) =>
		(sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	return `${count('organisation')} organisationer, ${count('indicator')} indikatorer, ${count('observation')} observationer`;
}
