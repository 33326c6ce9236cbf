/**
 * The chapter kinds of `npm run export` (scripts/export.ts dispatches here):
 *   periods                     every period, one per line, with the exact options that select it
 *   chapter (or kapitel)        --org SLUG --plan SLUG --period SLUG|LABEL|ID --format docx|pdf|html|csv|xlsx --out FILE
 * The command line sees every period whatever its state (it runs with the database's owner's rights), and says
 * the state, so a draft chapter is never mistaken for the approved one.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Db } from '../../db/client';
import { stateLabel, type PeriodState } from '../../../domain/review-workflow';
import { getChapter } from '../chapter';
import { CHAPTER_FORMATS, exportChapter, isChapterFormat, PdfUnavailable } from './index';

export class CliError extends Error {
	constructor(
		message: string,
		public code = 1
	) {
		super(message);
	}
}

export const CHAPTER_USAGE = `  npm run export -- periods
  npm run export -- chapter [--org SLUG] --plan SLUG --period SLUG|ETIKETT|ID --format ${CHAPTER_FORMATS.join('|')} --out FIL
      (kapitel = chapter; --format kan utelämnas när --out slutar på .docx, .pdf, .html, .csv eller .xlsx)`;

/** Every period, one line each: "Helår 2019  --org region-orebro-lan --plan rtn-verksamhetsplan-2019 --period helar-2019  (Publicerad)". */
export function periodLines(db: Db): string[] {
	const rows = db.$client
		.prepare(
			`SELECT f.label, f.slug, f.state, p.slug AS plan, p.archived, o.slug AS org FROM follow_up_period f
			 JOIN plan p ON p.id = f.plan_id JOIN organisation o ON o.id = p.organisation_id
			 ORDER BY o.sort_order, o.name, p.sort_order, p.name, f.end_date`
		)
		.all() as { label: string; slug: string; state: PeriodState; plan: string; archived: number; org: string }[];
	// Archived plans are still exported from the command line (for the archive); the line says so.
	return rows.map((r) => `${r.label}  --org ${r.org} --plan ${r.plan} --period ${r.slug}  (${stateLabel(r.state)}${r.archived ? ', arkiverad plan' : ''})`);
}

function orgOfPlan(db: Db, plan: string): string {
	const orgs = (
		db.$client
			.prepare('SELECT o.slug FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE p.slug = ?')
			.all(plan) as { slug: string }[]
	).map((r) => r.slug);
	if (orgs.length === 1) return orgs[0];
	if (orgs.length === 0) throw new CliError(`Fel: planen '${plan}' finns inte. Perioderna som finns:\n${periodLines(db).join('\n')}`);
	throw new CliError(`Fel: flera organisationer har en plan '${plan}' (${orgs.join(', ')}); ange --org.`, 2);
}

/** Write the chapter to `out`; returns the line to print. */
export async function chapterCommand(db: Db, flags: Record<string, string | true>): Promise<string> {
	const need = (name: string) => {
		const v = flags[name];
		if (typeof v !== 'string' || !v.trim()) throw new CliError(`Fel: --${name} saknas.\n${CHAPTER_USAGE}`, 2);
		return v.trim();
	};
	const plan = need('plan');
	// --org may be left out when the plan's slug names one plan only.
	const org = typeof flags.org === 'string' && flags.org.trim() ? flags.org.trim() : orgOfPlan(db, plan);
	const period = need('period');
	const out = need('out');
	const format = typeof flags.format === 'string' ? flags.format.toLowerCase() : extname(out).slice(1).toLowerCase();
	if (!isChapterFormat(format)) {
		throw new CliError(`Fel: okänt format '${format || '(inget)'}'. Välj ett av ${CHAPTER_FORMATS.join(', ')}.`, 2);
	}
	const ch = getChapter(db, org, plan, period, { publishedOnly: false, includeArchived: true });
	if (!ch) {
		const lines = periodLines(db).filter((l) => l.includes(`--org ${org} `));
		throw new CliError(
			`Fel: hittar ingen period '${period}' i planen ${org}/${plan}. Perioderna som finns:\n${(lines.length ? lines : periodLines(db)).join('\n')}`
		);
	}
	try {
		const file = await exportChapter(ch, format);
		writeFileSync(out, file.body);
		return `Skrev ${out} (${format.toUpperCase()}, ${file.body.length.toLocaleString('sv-SE')} byte): ${ch.plan.name}, ${ch.period.label} (${stateLabel(ch.period.state)}).`;
	} catch (e) {
		if (e instanceof PdfUnavailable) throw new CliError(e.message);
		throw e;
	}
}
