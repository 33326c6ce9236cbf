/**
 * `npm run backup -- FILE`: a consistent copy of the database (DATABASE_URL, default data/lagesbild.db) while
 * the server keeps running, checked with PRAGMA integrity_check. Exit code 1 on failure.
 *   npm run backup -- /var/backups/lagesbild/lagesbild-$(date +%F).db
 */
import { backupDatabase } from '../src/lib/server/db/backup';

const [file] = process.argv.slice(2);
if (!file || file.startsWith('-')) {
	console.error('Användning: npm run backup -- FIL   (t.ex. npm run backup -- backup/lagesbild-2026-11-22.db)');
	process.exit(2);
}
const source = process.env.DATABASE_URL || 'data/lagesbild.db';
try {
	const r = await backupDatabase(source, file);
	console.log(`Säkerhetskopia av ${source} skriven till ${r.file}: ${(r.bytes / 1e6).toFixed(1)} MB, ${r.pages} sidor, ${Math.round(r.ms)} ms, integrity_check ok.`);
} catch (e) {
	console.error(`Säkerhetskopieringen misslyckades: ${(e as Error).message}`);
	process.exit(1);
}
