/**
 * Region Jämtland Härjedalen's återrapportering for 2020 (demo-data/jamtland-atterrapportering-2020.json),
 * through the import core like any file. Its goal column links insatser to the priorities of the RUS in force
 * in 2020 ("nuvarande RUS"), which RUS 2050 replaced in 2021: they get a plan of their own, worded as the report
 * prints them, so the goal pages can list their insatser. Agenda 2030 is added as an external goal system.
 */
import { join } from 'node:path';
import type { Db } from '../db/client';
import { runImportSync } from '../import/run';
import { formatIssue } from '../import/issues';
import { ensureAgenda2030 } from '../insatser/goal-systems';
import { insertRow } from './common';
import { JAMTLAND } from './jamtland';

export const RUS_2020 = { planSlug: 'rus-prioriteringar-2020', file: 'jamtland-atterrapportering-2020.json' };

export function seedInsatser(db: Db, dataDir: string): void {
	ensureAgenda2030(db);
	const org = db.$client.prepare('SELECT id, geography_id FROM organisation WHERE slug = ?').get(JAMTLAND.orgSlug) as {
		id: number;
		geography_id: number;
	};
	insertRow(db, 'plan', {
		organisation_id: org.id,
		slug: RUS_2020.planSlug,
		name: 'RUS-prioriteringar enligt återrapporteringen 2020',
		kind: 'rus',
		end_year: 2020,
		level_names: ['Prioritering'],
		description:
			'De prioriteringar i den regionala utvecklingsstrategi som gällde 2020 ("nuvarande RUS") som regionens återrapportering till regeringen för 2020 hänvisar till, med rapportens ordalydelse. Strategin ersattes 2021 av RUS Jämtlands län 2050. Planen visar vilka insatser som bidrog till vilken prioritering; den har inga indikatorer.',
		source: 'Återrapportering 1 – Regionalt tillväxtarbete 2020, kolumnen "Insatsens bidrag till fastställda mål"',
		geography_id: org.geography_id,
		sort_order: 2
	});
	const result = runImportSync(db, {
		kind: 'atterrapportering',
		input: { path: join(dataDir, RUS_2020.file) },
		options: { org: JAMTLAND.orgSlug, plan: RUS_2020.planSlug },
		user: 'seed'
	});
	if (!result.ok) throw new Error(`Demodatan ${RUS_2020.file} kunde inte läsas in: ${result.errors.map(formatIssue).join('; ')}`);
}
