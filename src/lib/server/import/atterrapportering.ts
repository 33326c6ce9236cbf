/**
 * The `atterrapportering` import: a region's annual report to the government ("Återrapportering 1 –
 * Regionalt tillväxtarbete") as extracted to JSON (see scripts/demo-data/jamtland-atterrapportering-2020.json),
 * into insatser, their goal links, results and figures, the report's sections and rows, the earlier-insatser
 * tables and the 5.1 list of analyses.
 *
 * Goal links: national priorities (from the section) and ERUF/Interreg objectives go to external goal systems,
 * created as found. RUS goals go to the goals of `--plan` (matched by title; missing ones are created there);
 * without `--plan`, to a goal of any of the organisation's plans with the same title, else kept as text.
 * Idempotent: every row has an import key ("atterrapportering-2020:1.2.1-1"), sections and rows are matched by
 * their printed numbers, and nothing is rewritten unless it differs.
 */
import type { Db } from '../db/client';
import type { Count, Counts, ExampleRow, ImportOptions } from './types';
import { emptyCount } from './types';
import type { Issues } from './issues';
import { normalise } from './resolve';
import { InsatsWriter, type FigureInput, type GoalLinkInput, type InsatsInput } from './insats-writer';
import { financingSourcesNamed, parseFigure } from '../../domain/insats';
import { slugify } from '../../domain/slug';
import { ensureExternalGoal, ensureGoalSystem, SYSTEMS } from '../insatser/goal-systems';

interface FileFigure {
	printed: string;
	value: number | null;
	range?: [number, number];
	unit?: string;
	kind?: string;
	column?: string;
	what?: string;
	approx?: boolean;
	qualifier?: string;
	sex?: string;
}
interface FileInsats {
	id: string;
	row: number;
	name: string;
	description: string | null;
	nyps_ids: string[];
	nyps_printed: string[];
	goal_text?: string | null;
	goal_links: { system: string; label: string | null; text: string; note?: string }[];
	prestationer?: string | null;
	effekter?: string | null;
	figures: FileFigure[];
	lines?: [number, number];
	pages?: number[];
	refers_to?: string;
	uncertain?: boolean;
	note?: string;
}
interface FileSection {
	section: string;
	title: string;
	priority: string | null;
	reporting_part?: string;
	note_printed?: string;
	first_column_header?: string;
	goal_column_header?: string;
	insatser: FileInsats[];
}
interface FileEarlier {
	section: string;
	title: string;
	priority: string | null;
	columns: string[];
	rows: { row: number; name: string | null; description: string | null; resultat: string | null; uncertain?: boolean; note?: string }[];
}
interface FileAnalysis {
	row: number;
	typ: string | null;
	namn: string;
	finansierat_anslag_1_1_bool: boolean | null;
	hur_tillvaratagits: string | null;
}
export interface ReportFile {
	source: { organisation: string; document: string; year: number; national_strategy?: string };
	national_priorities: string[];
	sections: FileSection[];
	tidigare_insatser?: FileEarlier[];
	analyses_5_1?: FileAnalysis[];
	analyses_5_1_meta?: { section: string; title: string; reporting_part?: string; columns: string[] };
}

export interface ReportOutcome {
	counts: Counts;
	examples: { new: ExampleRow[]; changed: ExampleRow[]; removed: ExampleRow[] };
	label: string;
}

const FINANCING_NOTE = 'Källan nämns i återrapporteringen; beloppet per källa redovisas inte där.';

export function importReport(db: Db, issues: Issues, text: string, opts: ImportOptions, now: string): ReportOutcome {
	const sqlite = db.$client;
	let file: ReportFile;
	try {
		file = JSON.parse(text) as ReportFile;
	} catch (e) {
		issues.fatal({ code: 'json', message: `filen är inte giltig JSON: ${(e as Error).message}` });
	}
	if (!file?.source?.year || !Array.isArray(file.sections)) {
		issues.fatal({ code: 'format', message: 'filen saknar source.year eller sections: är det en återrapportering i Lägesbilds JSON-format?' });
	}
	if (!opts.org) issues.fatal({ code: 'no-org', column: '--org', message: 'ange organisationen med --org (den som rapporterar)' });
	const org = sqlite.prepare('SELECT id, geography_id FROM organisation WHERE slug = ?').get(opts.org) as
		| { id: number; geography_id: number | null }
		| undefined;
	if (!org) issues.fatal({ code: 'unknown-org', column: '--org', value: opts.org, message: `okänd organisation '${opts.org}'` });
	const year = file.source.year;
	const doc = `${file.source.document.split(' (')[0]} ${year}`;

	let planId: number | null = null;
	if (opts.plan) {
		const p = sqlite.prepare('SELECT id FROM plan WHERE organisation_id = ? AND slug = ?').get(org.id, opts.plan) as { id: number } | undefined;
		if (!p) issues.fatal({ code: 'unknown-plan', column: '--plan', value: opts.plan, message: `organisationen har ingen plan '${opts.plan}'` });
		planId = p.id;
	}

	const counts = {
		insatser: emptyCount(),
		results: emptyCount(),
		sections: emptyCount(),
		rows: emptyCount(),
		analyses: emptyCount(),
		goals: emptyCount(),
		externalGoals: emptyCount()
	};

	// External goal systems: the national strategy's priorities, ERUF and Interreg objectives.
	const strategy = ensureGoalSystem(db, SYSTEMS.nationalStrategy(file.source.national_strategy), now, counts.externalGoals);
	const priorityIds = new Map<string, number>();
	file.national_priorities.forEach((p, i) => priorityIds.set(p, ensureExternalGoal(db, strategy, p, null, i, now, counts.externalGoals)));
	const systemFor: Record<string, () => number> = {
		ERUF: () => ensureGoalSystem(db, SYSTEMS.eruf, now, counts.externalGoals),
		Interreg: () => ensureGoalSystem(db, SYSTEMS.interreg, now, counts.externalGoals)
	};

	// RUS goals.
	const orgGoals = new Map<string, number>();
	for (const g of sqlite
		.prepare(
			`SELECT g.id, g.title FROM goal g JOIN plan p ON p.id = g.plan_id WHERE p.organisation_id = ? AND g.archived = 0 ${planId ? 'AND p.id = ?' : ''}
			 ORDER BY p.sort_order, g.depth, g.sort_order`
		)
		.all(...(planId ? [org.id, planId] : [org.id])) as { id: number; title: string }[]) {
		if (!orgGoals.has(normalise(g.title))) orgGoals.set(normalise(g.title), g.id);
	}
	const unresolved = new Set<string>();
	const rusGoal = (title: string): number | null => {
		const key = normalise(title);
		const found = orgGoals.get(key);
		if (found) {
			counts.goals.unchanged++;
			return found;
		}
		// "Alla mål i RUS", "Bidrar till RUS som helhet …": about the strategy as a whole, not one goal.
		if (/^alla mål\b|som helhet/i.test(title)) return null;
		if (planId === null) {
			unresolved.add(title);
			return null;
		}
		const next = (sqlite.prepare('SELECT coalesce(max(sort_order) + 1, 0) AS n FROM goal WHERE plan_id = ? AND parent_id IS NULL').get(planId) as { n: number }).n;
		const id = Number(
			sqlite
				.prepare(
					`INSERT INTO goal (plan_id, parent_id, depth, title, description, origin, sort_order, created_at, updated_at)
					 VALUES (?, NULL, 0, ?, ?, 'council', ?, ?, ?)`
				)
				.run(planId, title, `Som målet är skrivet i ${doc}.`, next, now, now).lastInsertRowid
		);
		orgGoals.set(key, id);
		counts.goals.new++;
		return id;
	};

	const kommuner = org.geography_id
		? (sqlite.prepare('SELECT id, name FROM geography WHERE parent_id = ? AND level = ?').all(org.geography_id, 'kommun') as { id: number; name: string }[])
		: [];

	const writer = new InsatsWriter(db, org.id, 'published', now);
	const sectionIds = new Map<string, number>();
	// What the file still has: everything else of this organisation's report for the year is removed below.
	const keptInsatser = new Set<number>();
	const keptSections = new Set<number>();
	const keptRows = new Set<string>();
	const keptAnalyses = new Set<number>();
	const byName = new Map<string, number>();
	const keepSection = (id: number) => (keptSections.add(id), id);
	const placeRow = (r: RowInput) => {
		keptRows.add(`${r.sectionId}:${r.rowNumber}`);
		upsertRow(db, counts.rows, r);
	};

	file.sections.forEach((s, si) => {
		const priorityId = s.priority ? (priorityIds.get(s.priority) ?? null) : null;
		if (s.priority && priorityId === null) {
			issues.error({ code: 'unknown-priority', column: 'priority', value: s.priority, message: `avsnitt ${s.section}: prioriteringen '${s.priority}' finns inte bland national_priorities` });
		}
		const columns = s.first_column_header || s.goal_column_header ? [s.first_column_header ?? null, s.goal_column_header ?? null, null, null] : null;
		const sectionId = keepSection(upsertSection(db, counts.sections, now, {
			organisationId: org.id,
			year,
			code: s.section,
			title: s.title,
			kind: 'insatser',
			part: s.reporting_part ?? null,
			priorityId,
			notePrinted: s.note_printed ?? null,
			columns,
			sortOrder: si
		}));
		sectionIds.set(s.section, sectionId);
		for (const row of s.insatser) {
			if (row.refers_to) {
				const target = byName.get(normalise(row.name)) ?? findSimilar(byName, row.name);
				placeRow({ sectionId, rowNumber: row.row, insatsId: target ?? null, goalText: null, name: row.name, description: null, resultText: null, refersTo: row.refers_to, uncertain: false, note: row.note ?? null });
				continue;
			}
			const input = insatsFromRow(row, s, year, doc, priorityId, kommuner, systemFor, rusGoal, db, now, counts.externalGoals);
			const id = writer.write(input);
			keptInsatser.add(id);
			byName.set(normalise(row.name), id);
			placeRow({
				sectionId,
				rowNumber: row.row,
				insatsId: id,
				goalText: row.goal_text ?? null,
				name: null,
				description: null,
				resultText: null,
				refersTo: null,
				uncertain: !!row.uncertain,
				note: row.note ?? null
			});
		}
	});

	(file.tidigare_insatser ?? []).forEach((t, i) => {
		const sectionId = keepSection(upsertSection(db, counts.sections, now, {
			organisationId: org.id,
			year,
			code: t.section,
			title: t.title,
			kind: 'tidigare',
			part: null,
			priorityId: t.priority ? (priorityIds.get(t.priority) ?? null) : null,
			notePrinted: null,
			columns: t.columns,
			sortOrder: i
		}));
		for (const r of t.rows) {
			placeRow({
				sectionId,
				rowNumber: r.row,
				insatsId: r.name ? (byName.get(normalise(r.name)) ?? null) : null,
				goalText: null,
				name: r.name,
				description: r.description,
				resultText: r.resultat,
				refersTo: null,
				uncertain: !!r.uncertain,
				note: r.note ?? null
			});
		}
	});

	if (file.analyses_5_1 && file.analyses_5_1_meta) {
		const m = file.analyses_5_1_meta;
		keepSection(upsertSection(db, counts.sections, now, {
			organisationId: org.id,
			year,
			code: m.section,
			title: m.title,
			kind: 'analyser',
			part: m.reporting_part ?? null,
			priorityId: null,
			notePrinted: null,
			columns: m.columns,
			sortOrder: 0
		}));
		for (const a of file.analyses_5_1) {
			upsertAnalysis(db, counts.analyses, now, org.id, year, a);
			keptAnalyses.add(a.row);
		}
	}

	if (unresolved.size) {
		issues.warn({
			code: 'goal-as-text',
			column: '--plan',
			value: [...unresolved].join('; '),
			message: `${unresolved.size} RUS-mål finns inte i organisationens planer och sparades som text: ${[...unresolved].map((t) => `'${t}'`).join(', ')}. Ange --plan för att koppla dem till en plans mål`
		});
	}

	counts.insatser = writer.count;
	counts.results = writer.results;
	const removed = removeMissing(db, org.id, year, { insatser: keptInsatser, sections: keptSections, rows: keptRows, analyses: keptAnalyses }, counts);
	// Goals found again are not news: report only the goals this import created.
	const goals = counts.goals.new ? { ...emptyCount(), new: counts.goals.new } : undefined;
	const out: Counts = {
		insatser: counts.insatser,
		results: counts.results,
		reportSections: counts.sections,
		reportRows: counts.rows,
		analyses: counts.analyses
	};
	if (counts.externalGoals.new) out.externalGoals = counts.externalGoals;
	if (goals) out.goals = goals;
	return {
		counts: out,
		examples: { new: writer.examples.new, changed: writer.examples.changed, removed },
		label: `${file.source.organisation}: ${doc} (${slugify(opts.org ?? '')})`
	};
}

function insatsFromRow(
	row: FileInsats,
	s: FileSection,
	year: number,
	doc: string,
	priorityId: number | null,
	kommuner: { id: number; name: string }[],
	systemFor: Record<string, () => number>,
	rusGoal: (title: string) => number | null,
	db: Db,
	now: string,
	externalCount: Count
): InsatsInput {
	const goals: GoalLinkInput[] = [];
	if (priorityId) goals.push({ goalId: null, externalGoalId: priorityId, label: 'Nationell prioritering', printed: null, note: `Avsnitt ${s.section} i återrapporteringen` });
	for (const l of row.goal_links) {
		if (l.system === 'RUS') {
			goals.push({ goalId: rusGoal(l.text), externalGoalId: null, label: l.label ?? 'RUS', printed: l.text, note: l.note ?? null });
		} else if (systemFor[l.system]) {
			const sys = systemFor[l.system]();
			const ext = ensureExternalGoal(db, sys, l.text, null, null, now, externalCount);
			goals.push({ goalId: null, externalGoalId: ext, label: l.label, printed: l.text, note: l.note ?? null });
		} else {
			goals.push({ goalId: null, externalGoalId: null, label: l.label, printed: l.text, note: l.note ?? null });
		}
	}
	const figure = (f: FileFigure): FigureInput => {
		const parsed = parseFigure(f.printed)[0];
		return {
			printed: f.printed,
			value: f.value,
			rangeLow: f.range?.[0] ?? null,
			rangeHigh: f.range?.[1] ?? null,
			unit: f.unit ?? null,
			kind: f.kind ?? null,
			approx: f.approx ? (parsed?.approx ?? 'ca') : null,
			qualifier: f.qualifier ?? null,
			sex: f.sex === 'kvinnor' ? 'K' : f.sex === 'män' ? 'M' : 'T',
			what: f.what ?? null
		};
	};
	const results: InsatsInput['results'] = [];
	if (row.prestationer) {
		results.push({ year, type: 'prestation', term: null, basis: null, text: row.prestationer, figures: row.figures.filter((f) => f.column === 'prestationer').map(figure) });
	}
	if (row.effekter) {
		results.push({ year, type: 'effekt', term: 'kort-och-lang', basis: null, text: row.effekter, figures: row.figures.filter((f) => f.column === 'effekter').map(figure) });
	}
	const allText = [row.name, row.description, row.prestationer, row.effekter].filter(Boolean).join(' ');
	const geographyIds = kommuner.filter((k) => new RegExp(`\\b${k.name}s? kommun\\b`, 'i').test(allText)).map((k) => k.id);
	const lines = row.lines ? `, rad ${row.lines[0]}–${row.lines[1]} i textversionen` : '';
	const pages = row.pages?.length ? `, s. ${row.pages.join('–')}` : '';
	return {
		key: `atterrapportering-${year}:${row.id}`,
		name: row.name,
		description: row.description,
		ownerName: null,
		periodFrom: null,
		periodTo: null,
		nypsIds: row.nyps_ids,
		nypsPrinted: row.nyps_printed,
		status: null,
		wholeCounty: geographyIds.length ? false : null,
		geographyIds,
		source: `${doc}, avsnitt ${s.section} rad ${row.row}${pages}${lines}`,
		financing: financingSourcesNamed(allText).map((source) => ({ source, amount: null, year, note: FINANCING_NOTE })),
		goals,
		results,
		figures: row.figures.filter((f) => f.column === 'description').map(figure)
	};
}

/**
 * Removes what an earlier import of the organisation's report for the year wrote and the file no longer has:
 * insatser (with their results and figures), sections (with their rows), rows and 5.1 analyses. The file is
 * the whole report for the year, so a re-import makes the stored report equal to it. Inside the import's
 * transaction: a dry run shows the removals in the diff and writes nothing.
 */
function removeMissing(
	db: Db,
	organisationId: number,
	year: number,
	kept: { insatser: Set<number>; sections: Set<number>; rows: Set<string>; analyses: Set<number> },
	counts: { insatser: Count; results: Count; sections: Count; rows: Count; analyses: Count }
): ExampleRow[] {
	const s = db.$client;
	const examples: ExampleRow[] = [];
	const note = (what: string) => {
		if (examples.length < 5) examples.push({ what });
	};
	const insatser = s
		.prepare('SELECT id, name FROM insats WHERE organisation_id = ? AND import_key LIKE ? ORDER BY id')
		.all(organisationId, `atterrapportering-${year}:%`) as { id: number; name: string }[];
	for (const i of insatser) {
		if (kept.insatser.has(i.id)) continue;
		counts.insatser.removed++;
		counts.results.removed += (s.prepare('SELECT count(*) AS n FROM insats_result WHERE insats_id = ?').get(i.id) as { n: number }).n;
		note(`insats ${i.name}`);
		for (const t of ['insats_draft', 'insats_figure', 'insats_result', 'insats_financing', 'insats_goal', 'insats_geography']) {
			s.prepare(`DELETE FROM ${t} WHERE insats_id = ?`).run(i.id);
		}
		s.prepare('UPDATE report_row SET insats_id = NULL WHERE insats_id = ?').run(i.id);
		s.prepare('DELETE FROM insats WHERE id = ?').run(i.id);
	}
	const sections = s.prepare('SELECT id, code, title FROM report_section WHERE organisation_id = ? AND year = ? ORDER BY sort_order').all(organisationId, year) as {
		id: number;
		code: string;
		title: string;
	}[];
	for (const sec of sections) {
		const rows = s.prepare('SELECT row_number FROM report_row WHERE section_id = ? ORDER BY row_number').all(sec.id) as { row_number: number }[];
		if (!kept.sections.has(sec.id)) {
			counts.sections.removed++;
			counts.rows.removed += rows.length;
			note(`avsnitt ${sec.code} ${sec.title}`);
			s.prepare('DELETE FROM report_row WHERE section_id = ?').run(sec.id);
			s.prepare('DELETE FROM report_section WHERE id = ?').run(sec.id);
			continue;
		}
		for (const r of rows) {
			if (kept.rows.has(`${sec.id}:${r.row_number}`)) continue;
			counts.rows.removed++;
			note(`rad ${r.row_number} i avsnitt ${sec.code}`);
			s.prepare('DELETE FROM report_row WHERE section_id = ? AND row_number = ?').run(sec.id, r.row_number);
		}
	}
	const analyses = s.prepare('SELECT id, row_number, name FROM analysis WHERE organisation_id = ? AND year = ? ORDER BY row_number').all(organisationId, year) as {
		id: number;
		row_number: number;
		name: string;
	}[];
	for (const a of analyses) {
		if (kept.analyses.has(a.row_number)) continue;
		counts.analyses.removed++;
		note(`analys ${a.name}`);
		s.prepare('DELETE FROM analysis WHERE id = ?').run(a.id);
	}
	return examples;
}

/** A reference row names its insats a little differently ("SMICE – …" for "Projekt SMICE - En …"). */
function findSimilar(byName: Map<string, number>, name: string): number | undefined {
	const words = (s: string) => new Set(normalise(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));
	const want = words(name);
	let best: [number, number] | undefined;
	for (const [n, id] of byName) {
		const have = words(n);
		const common = [...want].filter((w) => have.has(w)).length;
		const score = common / Math.max(1, want.size);
		if (score >= 0.6 && (!best || score > best[0])) best = [score, id];
	}
	return best?.[1];
}

interface SectionInput {
	organisationId: number;
	year: number;
	code: string;
	title: string;
	kind: 'insatser' | 'tidigare' | 'analyser';
	part: string | null;
	priorityId: number | null;
	notePrinted: string | null;
	columns: (string | null)[] | null;
	sortOrder: number;
}

function upsertSection(db: Db, count: Count, now: string, s: SectionInput): number {
	const sqlite = db.$client;
	const columns = s.columns ? JSON.stringify(s.columns) : null;
	const found = sqlite
		.prepare('SELECT id, title, part, priority_id, note_printed, columns, sort_order FROM report_section WHERE organisation_id = ? AND year = ? AND kind = ? AND code = ?')
		.get(s.organisationId, s.year, s.kind, s.code) as Record<string, unknown> | undefined;
	const values = [s.title, s.part, s.priorityId, s.notePrinted, columns, s.sortOrder];
	if (!found) {
		count.new++;
		return Number(
			sqlite
				.prepare(
					`INSERT INTO report_section (organisation_id, year, code, kind, title, part, priority_id, note_printed, columns, sort_order, created_at, updated_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(s.organisationId, s.year, s.code, s.kind, ...values, now, now).lastInsertRowid
		);
	}
	const stored = [found.title, found.part, found.priority_id, found.note_printed, found.columns, found.sort_order];
	if (JSON.stringify(stored) === JSON.stringify(values)) count.unchanged++;
	else {
		count.changed++;
		sqlite
			.prepare('UPDATE report_section SET title = ?, part = ?, priority_id = ?, note_printed = ?, columns = ?, sort_order = ?, updated_at = ? WHERE id = ?')
			.run(...values, now, found.id);
	}
	return found.id as number;
}

interface RowInput {
	sectionId: number;
	rowNumber: number;
	insatsId: number | null;
	goalText: string | null;
	name: string | null;
	description: string | null;
	resultText: string | null;
	refersTo: string | null;
	uncertain: boolean;
	note: string | null;
}

function upsertRow(db: Db, count: Count, r: RowInput): void {
	const sqlite = db.$client;
	const found = sqlite
		.prepare('SELECT id, insats_id, goal_text, name, description, result_text, refers_to, uncertain, note FROM report_row WHERE section_id = ? AND row_number = ?')
		.get(r.sectionId, r.rowNumber) as Record<string, unknown> | undefined;
	const values = [r.insatsId, r.goalText, r.name, r.description, r.resultText, r.refersTo, r.uncertain ? 1 : 0, r.note];
	if (!found) {
		count.new++;
		sqlite
			.prepare(
				'INSERT INTO report_row (section_id, row_number, insats_id, goal_text, name, description, result_text, refers_to, uncertain, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
			)
			.run(r.sectionId, r.rowNumber, ...values);
		return;
	}
	const stored = [found.insats_id, found.goal_text, found.name, found.description, found.result_text, found.refers_to, found.uncertain, found.note];
	if (JSON.stringify(stored) === JSON.stringify(values)) {
		count.unchanged++;
		return;
	}
	count.changed++;
	sqlite
		.prepare(
			'UPDATE report_row SET insats_id = ?, goal_text = ?, name = ?, description = ?, result_text = ?, refers_to = ?, uncertain = ?, note = ?, version = version + 1 WHERE id = ?'
		)
		.run(...values, found.id);
}

function upsertAnalysis(db: Db, count: Count, now: string, organisationId: number, year: number, a: FileAnalysis): void {
	const sqlite = db.$client;
	const values = [a.typ, a.namn, a.finansierat_anslag_1_1_bool === null ? null : a.finansierat_anslag_1_1_bool ? 1 : 0, a.hur_tillvaratagits];
	const found = sqlite
		.prepare('SELECT id, type, name, financed_by_1_1, how_used FROM analysis WHERE organisation_id = ? AND year = ? AND row_number = ?')
		.get(organisationId, year, a.row) as Record<string, unknown> | undefined;
	if (!found) {
		count.new++;
		sqlite
			.prepare(
				'INSERT INTO analysis (organisation_id, year, row_number, type, name, financed_by_1_1, how_used, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
			)
			.run(organisationId, year, a.row, ...values, now, now);
		return;
	}
	if (JSON.stringify([found.type, found.name, found.financed_by_1_1, found.how_used]) === JSON.stringify(values)) {
		count.unchanged++;
		return;
	}
	count.changed++;
	sqlite
		.prepare('UPDATE analysis SET type = ?, name = ?, financed_by_1_1 = ?, how_used = ?, version = version + 1, updated_at = ? WHERE id = ?')
		.run(...values, now, found.id);
}
