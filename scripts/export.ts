/**
 * `npm run export -- <typ> [flaggor]`: documents generated from the data. Each kind lives in its own module;
 * this file only parses the flags and dispatches.
 *
 *   npm run export -- periods
 *   npm run export -- atterrapportering --org region-jamtland-harjedalen --year 2020 --out aterrapportering-2020.docx
 *   npm run export -- chapter --org region-orebro-lan --plan rtn-verksamhetsplan-2019 --period helar-2019 --format docx --out kapitel.docx
 *
 * Database: DATABASE_URL (default data/lagesbild.db). Exit code 0 on success, 1 when the export failed
 * (message on stderr), 2 for a usage error.
 */
import { createDb, type Db } from '../src/lib/server/db/client';
import { chapterCommand, CHAPTER_USAGE, CliError, periodLines } from '../src/lib/server/review/export/cli';
import { reportCommand, REPORT_USAGE, ReportCliError } from '../src/lib/server/insatser/report-cli';

type Flags = Record<string, string | true>;
type Kind = (db: Db, flags: Flags) => Promise<string> | string;

const KINDS: Record<string, Kind> = {
	periods: (db) => periodLines(db).join('\n'),
	chapter: chapterCommand,
	kapitel: chapterCommand,
	atterrapportering: reportCommand
};

const USAGE = `Användning:
${CHAPTER_USAGE}
${REPORT_USAGE}
Databas: DATABASE_URL (standard data/lagesbild.db).`;

function parseArgs(argv: string[]): { positional: string[]; flags: Flags } {
	const positional: string[] = [];
	const flags: Flags = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) {
			positional.push(a);
			continue;
		}
		const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
		if (inline !== undefined) flags[name] = inline;
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags[name] = argv[++i];
		else flags[name] = true;
	}
	return { positional, flags };
}

async function main() {
	const { positional, flags } = parseArgs(process.argv.slice(2));
	const kind = KINDS[positional[0] ?? ''];
	if (!kind) {
		console.error(positional[0] ? `Fel: okänd typ '${positional[0]}'.\n\n${USAGE}` : USAGE);
		process.exit(2);
	}
	const db = createDb(process.env.DATABASE_URL ?? 'data/lagesbild.db');
	try {
		console.log(await kind(db, flags));
	} catch (e) {
		if (e instanceof CliError || e instanceof ReportCliError) {
			console.error(e.message);
			process.exit(e.code);
		}
		throw e;
	} finally {
		db.$client.close();
	}
}

main();
