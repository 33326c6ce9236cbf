/**
 * `npm run import -- <kind> <file-or-url> [options]`: the command line of the import core.
 *
 *   npm run import -- pxweb ../shared/data/pxweb/v2/TAB6471_data.jsonstat2.json --dry-run
 *   npm run import -- values värden.csv --indicator invanare-totalt
 *   npm run import -- plan plan.xlsx --org region-orebro-lan --plan rtn-verksamhetsplan-2019
 *   npm run import -- export-plan --org region-orebro-lan --plan rtn-verksamhetsplan-2019 --out plan.xlsx
 *   npm run import -- template            # writes static/templates/plan-mall.xlsx and plan-mall.csv
 *
 * The database is DATABASE_URL (default data/lagesbild.db). Exit code 0 when the import went through (or a
 * dry run found no errors) and for --help, 1 when the input had errors (nothing was written), 2 for a usage error.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import { createDb } from '../src/lib/server/db/client';
import { seedDemo } from '../src/lib/server/seed';
import { OREBRO } from '../src/lib/server/seed/orebro';
import { runImport, exportPlan, planCsv, planXlsx, formatIssue, countText, IMPORT_KINDS } from '../src/lib/server/import';
import type { Count, Counts, ImportKind, ImportOptions, ImportResult } from '../src/lib/server/import';
import { progressBar } from '../src/lib/server/import/progress';
import { templateXlsx as insatsTemplateXlsx } from '../src/lib/server/import/insats-template';
import type { PlanRow } from '../src/lib/server/import/plan-columns';

const USAGE = `Användning:
  npm run import -- <typ> <fil-eller-url> [flaggor]
      typ: ${IMPORT_KINDS.join(', ')}
      --org SLUG         organisation (plan, atterrapportering)
      --plan SLUG        plan (plan; atterrapportering: planen vars mål RUS-kopplingarna går till)
      --indicator SLUG   alla värden till denna indikator
      --map FIL          mappning kod → indikator (JSON {"kod": "slug"} eller CSV kod;slug)
      --table ID         SCB-tabellens id när svaret inte anger det
      --query FIL        PxWeb v1: frågan (POST-kroppen) till tabellens URL
      --max-cells N      PxWeb: högst så många celler per anrop (annars serverns gräns)
      --replace          ta bort det filen inte längre har (observationer i samma serier; mål och uppdrag arkiveras)
      --draft            värden som utkast (values, pxweb, kolada, kolada-ddf): syns publikt först när de
                         publiceras under Granska och publicera (standard: publiceras direkt)
      --dry-run          visa ändringarna utan att skriva något
      --json             skriv resultatet som JSON på stdout
      --user NAMN        vem som läser in (standard: inloggad användare)
  npm run import -- export-plan --org SLUG --plan SLUG --out FIL.xlsx|FIL.csv
  npm run import -- template [--out MAPP]     (standard: static/templates; plan-mall och insatser-mall)
Storlek: CSV läses i delar utan gräns; JSON högst 256 MB och XLSX högst 64 MB (de läses hela i minnet).
Databas: DATABASE_URL (standard data/lagesbild.db).`;

type Flags = Record<string, string | true>;

function parseArgs(argv: string[]): { positional: string[]; flags: Flags } {
	const positional: string[] = [];
	const flags: Flags = {};
	const valued = new Set(['org', 'plan', 'indicator', 'map', 'table', 'query', 'max-cells', 'user', 'out', 'source']);
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '-h') {
			flags.help = true;
			continue;
		}
		if (!a.startsWith('--')) {
			positional.push(a);
			continue;
		}
		const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
		if (valued.has(name)) {
			const v = inline ?? argv[++i];
			if (v === undefined) usage(`--${name} behöver ett värde`);
			flags[name] = v;
		} else if (['dry-run', 'json', 'replace', 'help', 'draft'].includes(name)) flags[name] = true;
		else usage(`okänd flagga --${name}`);
	}
	return { positional, flags };
}

function usage(message?: string): never {
	if (message) console.error(`Fel: ${message}\n`);
	console.error(USAGE);
	process.exit(2);
}

const str = (f: Flags, k: string): string | undefined => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
const databaseUrl = () => process.env.DATABASE_URL || 'data/lagesbild.db';

async function main(): Promise<number> {
	const { positional, flags } = parseArgs(process.argv.slice(2));
	const [command, target] = positional;
	if (flags.help) {
		// Help that was asked for is a success, on stdout; a missing command is a usage error.
		console.log(USAGE);
		return 0;
	}
	if (!command) usage();
	if (command === 'export-plan') return exportCommand(flags);
	if (command === 'template') return templateCommand(flags);
	if (!(IMPORT_KINDS as readonly string[]).includes(command)) usage(`okänd typ '${command}'`);
	if (!target) usage('ange en fil eller en URL');

	const json = flags.json === true;
	const bar = progressBar(process.stderr, `Läser ${target.split('/').pop()}`);
	const options: ImportOptions = {
		org: str(flags, 'org'),
		plan: str(flags, 'plan'),
		indicator: str(flags, 'indicator'),
		map: str(flags, 'map'),
		table: str(flags, 'table'),
		query: str(flags, 'query'),
		maxCells: str(flags, 'max-cells') ? Number(str(flags, 'max-cells')) : undefined,
		source: str(flags, 'source'),
		dryRun: flags['dry-run'] === true,
		replace: flags.replace === true,
		draft: flags.draft === true,
		onProgress: json ? undefined : (done, total) => bar.update(done, total)
	};
	const isUrl = /^https?:\/\//i.test(target);
	const db = createDb(databaseUrl());
	const who = str(flags, 'user') ?? userInfo().username;
	const result = await runImport(db, {
		kind: command as ImportKind,
		input: isUrl ? { url: target } : { path: target },
		options,
		user: who,
		// The audit entry names the account when --user is one's e-mail address; the batch keeps the name as given.
		actor: { userId: accountId(db, who), channel: 'cli' }
	});
	bar.end();
	db.$client.close();
	if (json) console.log(JSON.stringify(result, null, 2));
	else print(result);
	return result.ok ? 0 : 1;
}

function accountId(db: ReturnType<typeof createDb>, who: string): number | null {
	const row = db.$client.prepare('SELECT id FROM user WHERE email = ?').get(who.trim().toLowerCase()) as { id: number } | undefined;
	return row?.id ?? null;
}

function print(r: ImportResult): void {
	console.log(r.summary);
	if (r.ok) {
		for (const [kind, c] of Object.entries(r.counts) as [keyof Counts, Count][]) console.log(`  ${countText(kind, c)}`);
		const title = { new: 'Nya', changed: 'Ändrade', removed: r.dryRun || !r.batchId ? 'Borttagna (eller som skulle tas bort)' : 'Borttagna' };
		for (const kind of ['new', 'changed', 'removed'] as const) {
			if (r.examples[kind].length === 0) continue;
			console.log(`${title[kind]}, exempel:`);
			for (const e of r.examples[kind]) {
				const change = e.before !== undefined && e.after !== undefined ? `${e.before} → ${e.after}` : (e.after ?? e.before ?? '');
				console.log(`  ${e.what}${change ? `: ${change}` : ''}`);
			}
		}
	}
	if (r.warnings.length) {
		console.log(`Varningar (${r.warnings.length}):`);
		for (const w of r.warnings) console.log(`  ${formatIssue(w)}`);
	}
	if (r.errors.length) {
		console.error(`Fel (${r.errors.length}):`);
		for (const e of r.errors) console.error(`  ${formatIssue(e)}`);
	}
}

async function writePlan(rows: PlanRow[], out: string): Promise<void> {
	mkdirSync(dirname(out), { recursive: true });
	if (/\.csv$/i.test(out)) writeFileSync(out, planCsv(rows));
	else if (/\.xlsx$/i.test(out)) writeFileSync(out, await planXlsx(rows));
	else usage('--out ska sluta på .xlsx eller .csv');
}

async function exportCommand(flags: Flags): Promise<number> {
	const org = str(flags, 'org');
	const plan = str(flags, 'plan');
	const out = str(flags, 'out');
	if (!org || !plan || !out) usage('export-plan behöver --org, --plan och --out');
	const db = createDb(databaseUrl());
	try {
		const rows = exportPlan(db, org, plan);
		await writePlan(rows, out);
		console.log(`Planen ${org}/${plan} är exporterad till ${out} (${rows.length} rader).`);
		return 0;
	} catch (e) {
		console.error(`Fel: ${(e as Error).message}`);
		return 1;
	} finally {
		db.$client.close();
	}
}

/**
 * The downloadable template: the organisation and plan rows and the first avsnitt of Region Örebro län's
 * real verksamhetsplan 2019 as an example, from a private in-memory copy of the demo data.
 */
async function templateCommand(flags: Flags): Promise<number> {
	const dir = str(flags, 'out') ?? 'static/templates';
	const db = createDb(':memory:');
	seedDemo(db);
	const all = exportPlan(db, OREBRO.orgSlug, OREBRO.planSlug);
	const secondAvsnitt = all.findIndex((r, i) => i > 2 && r.typ === 'mål' && r.förälder === '');
	const rows = all.slice(0, secondAvsnitt);
	await writePlan(rows, join(dir, 'plan-mall.xlsx'));
	await writePlan(rows, join(dir, 'plan-mall.csv'));
	console.log(`Mallen är skriven till ${join(dir, 'plan-mall.xlsx')} och ${join(dir, 'plan-mall.csv')} (${rows.length} exempelrader).`);
	writeFileSync(join(dir, 'insatser-mall.xlsx'), await insatsTemplateXlsx());
	console.log(`Insatsmallen är skriven till ${join(dir, 'insatser-mall.xlsx')}.`);
	return 0;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error(`Fel: ${(e as Error).stack ?? e}`);
		process.exit(1);
	}
);
