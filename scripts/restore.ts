/**
 * `npm run restore -- FILE`: replaces the database (DATABASE_URL, default data/lagesbild.db) by a backup, after
 * checking that FILE is intact (integrity_check) and a Lägesbild database whose migrations this version knows.
 * Refuses while the server (or an import) has the database open: stop the server, restore, start it again.
 * The replaced database is kept beside it (…fore-aterstallning-TIME). Exit code 1 when refused.
 */
import { MIGRATIONS_FOLDER } from '../src/lib/server/db/client';
import { restoreDatabase } from '../src/lib/server/db/backup';

const [file] = process.argv.slice(2);
if (!file || file.startsWith('-')) {
	console.error('Användning: npm run restore -- FIL   (stoppa servern först)');
	process.exit(2);
}
const target = process.env.DATABASE_URL || 'data/lagesbild.db';
try {
	const { kept, verdict } = await restoreDatabase(file, target, MIGRATIONS_FOLDER);
	console.log(`Återställde ${target} från ${file}: integrity_check ok, ${verdict.migrations.length} kända migreringar, ${verdict.organisations} organisationer, ${verdict.observations} observationer.`);
	if (verdict.pending.length) console.log(`Servern kör de nyare migreringarna (${verdict.pending.join(', ')}) när den startar.`);
	if (kept) console.log(`Den tidigare databasen finns kvar i ${kept}.`);
} catch (e) {
	console.error((e as Error).message);
	process.exit(1);
}
