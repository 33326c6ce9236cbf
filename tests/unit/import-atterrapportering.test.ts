/**
 * The återrapportering import: Region Jämtland Härjedalen's report for 2020 (demo data) gives the right
 * counts per section, normalised NYPS ids, goal links to the RUS priorities and to ERUF/Interreg, figures
 * with unit, approximation and sex; a second import changes nothing; a bad file changes nothing.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/server/import';
import type { Db } from '../../src/lib/server/db/client';
import { createDb } from '../../src/lib/server/db/client';
import { seedDemo } from '../../src/lib/server/seed';

const FILE = 'scripts/demo-data/jamtland-atterrapportering-2020.json';
const ORG = 'region-jamtland-harjedalen';
const PLAN = 'rus-prioriteringar-2020';

let db: Db;
beforeAll(() => {
	db = createDb(':memory:');
	seedDemo(db);
});

const all = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as T[];
const one = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as T;

/** Every table this import can write (the whole database is 47 000 observations: slow to hash on a busy machine). */
const TOUCHED = ['insats', 'insats_geography', 'insats_financing', 'insats_goal', 'insats_result', 'insats_figure', 'report_section', 'report_row', 'analysis', 'goal', 'goal_system', 'external_goal', 'import_batch', 'audit_log'];
const checksum = (d: Db) => JSON.stringify(TOUCHED.map((t) => d.$client.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

describe('the Jämtland 2020 återrapportering in the demo data', () => {
	it('has every insats table with its rows, in printed order', () => {
		const rows = all<{ code: string; n: number; insatser: number }>(
			`SELECT s.code, count(r.id) AS n, count(r.insats_id) AS insatser FROM report_section s LEFT JOIN report_row r ON r.section_id = s.id
			 WHERE s.kind = 'insatser' AND s.year = 2020 GROUP BY s.id ORDER BY s.sort_order`
		);
		expect(Object.fromEntries(rows.map((r) => [r.code, r.n]))).toEqual({
			'1.2.1': 3,
			'1.2.2': 5,
			'1.3.1': 2,
			'1.3.2': 4,
			'1.3.3': 1,
			'1.4.3': 2,
			'1.4.4': 0,
			'1.4.5': 1,
			'1.4.6': 2,
			'1.5': 5,
			'4.2': 2,
			'4.3': 1,
			'4.4': 3,
			'6': 2
		});
		expect(rows.map((r) => r.code)).toEqual(['1.2.1', '1.2.2', '1.3.1', '1.3.2', '1.3.3', '1.4.3', '1.4.4', '1.4.5', '1.4.6', '1.5', '4.2', '4.3', '4.4', '6']);
	});

	it('makes 30 insatser of the 33 rows: the three reference rows point to insatser reported elsewhere', () => {
		expect(one<{ n: number }>("SELECT count(*) AS n FROM insats WHERE import_key LIKE 'atterrapportering-2020:%'").n).toBe(30);
		const refs = all<{ code: string; refers_to: string; insats: string | null }>(
			`SELECT s.code, r.refers_to, i.name AS insats FROM report_row r JOIN report_section s ON s.id = r.section_id
			 LEFT JOIN insats i ON i.id = r.insats_id WHERE r.refers_to IS NOT NULL ORDER BY s.sort_order`
		);
		expect(refs).toEqual([
			{ code: '1.5', refers_to: '1.2.2', insats: 'Projekt SMICE - En Samskapande Mittnordisk Innovationsarena för Cirkulär Ekonomi (INTERREG)' },
			{ code: '4.3', refers_to: '4.2', insats: null },
			{ code: '6', refers_to: '4.2', insats: 'Projektet Vägar till hållbar utveckling' }
		]);
		expect(one<{ n: number }>("SELECT count(*) AS n FROM insats WHERE state = 'published'").n).toBe(30);
	});

	it('has the earlier-insatser tables and the 22 analyses of 5.1', () => {
		const earlier = all<{ code: string; n: number }>(
			`SELECT s.code, count(r.id) AS n FROM report_section s LEFT JOIN report_row r ON r.section_id = s.id WHERE s.kind = 'tidigare' GROUP BY s.id ORDER BY s.sort_order`
		);
		expect(earlier).toEqual([
			{ code: '1.2.4', n: 1 },
			{ code: '1.3.4', n: 1 },
			{ code: '1.4.7', n: 1 },
			{ code: '1.5.1', n: 0 }
		]);
		expect(one<{ n: number; ja: number }>('SELECT count(*) AS n, sum(financed_by_1_1) AS ja FROM analysis WHERE year = 2020')).toEqual({ n: 22, ja: 17 });
	});

	it('normalises NYPS ids and keeps the printed form', () => {
		const i = one<{ nyps_ids: string; nyps_printed: string }>("SELECT nyps_ids, nyps_printed FROM insats WHERE name = 'Jämtland Härjedalen - A Business Region on the Move'");
		expect(JSON.parse(i.nyps_ids)).toEqual(['00207955']);
		expect(JSON.parse(i.nyps_printed)).toEqual(['Ärende ID i Nyps: 0020 7955']);
		const six = one<{ nyps_ids: string }>("SELECT nyps_ids FROM insats WHERE name = 'Projektet Strukturanalys Jämtlands län.'");
		expect(JSON.parse(six.nyps_ids)).toEqual(['206815']);
	});

	it('links an insats to its national priority, RUS priorities and ERUF objective', () => {
		const links = all<{ label: string | null; goal: string | null; plan: string | null; system: string | null; ext: string | null }>(
			`SELECT l.label, g.title AS goal, p.slug AS plan, s.short_name AS system, e.title AS ext FROM insats_goal l
			 JOIN insats i ON i.id = l.insats_id LEFT JOIN goal g ON g.id = l.goal_id LEFT JOIN plan p ON p.id = g.plan_id
			 LEFT JOIN external_goal e ON e.id = l.external_goal_id LEFT JOIN goal_system s ON s.id = e.system_id
			 WHERE i.import_key = 'atterrapportering-2020:1.2.1-3' ORDER BY l.sort_order`
		);
		expect(links).toEqual([
			{ label: 'Nationell prioritering', goal: null, plan: null, system: 'Nationell prioritering', ext: 'Innovation och företagande' },
			{ label: 'Mål RUS', goal: 'Företagande, innovation, forskning och utveckling', plan: PLAN, system: null, ext: null },
			{ label: 'Mål RUS', goal: 'Besöksnäring och attraktivitet', plan: PLAN, system: null, ext: null },
			{ label: 'Mål ERUF', goal: null, plan: null, system: 'ERUF', ext: 'Att öka små och medelstora företags konkurrenskraft' }
		]);
		// "Alla mål i RUS" is about the whole strategy: kept as text, no goal is made of it.
		expect(one<{ n: number }>("SELECT count(*) AS n FROM goal WHERE title LIKE 'Alla mål%'").n).toBe(0);
		const rusGoals = all<{ title: string }>(`SELECT g.title FROM goal g JOIN plan p ON p.id = g.plan_id WHERE p.slug = ? ORDER BY g.sort_order`, PLAN);
		expect(rusGoals.map((g) => g.title)).toContain('Infrastruktur och samhällsservice');
		expect(rusGoals).toHaveLength(9);
	});

	it('keeps figures with unit, approximation, range and sex', () => {
		const figs = all<Record<string, unknown>>(
			`SELECT f.printed, f.value, f.range_low, f.range_high, f.unit, f.kind, f.approx, f.qualifier, f.sex, r.type FROM insats_figure f
			 JOIN insats i ON i.id = f.insats_id LEFT JOIN insats_result r ON r.id = f.result_id
			 WHERE i.import_key IN ('atterrapportering-2020:1.2.2-4', 'atterrapportering-2020:1.2.1-3') ORDER BY i.id, f.sort_order`
		);
		expect(figs).toContainEqual({ printed: 'Ca 10-20 systemkritiska företag', value: null, range_low: 10, range_high: 20, unit: 'företag', kind: 'reach', approx: 'ca', qualifier: null, sex: 'T', type: 'effekt' });
		expect(figs).toContainEqual({ printed: 'Ca 17 miljoner', value: 17_000_000, range_low: null, range_high: null, unit: 'kr', kind: 'budget', approx: 'ca', qualifier: null, sex: 'T', type: 'prestation' });
		const jobs = figs.filter((f) => f.unit === 'personer').map((f) => [f.value, f.sex]);
		expect(jobs).toEqual([
			[189, 'T'],
			[86, 'K'],
			[103, 'M']
		]);
	});

	it('records the financing sources the text names, without amounts, and the kommun a text names', () => {
		const fin = all<{ source: string; amount: number | null }>(
			"SELECT f.source, f.amount FROM insats_financing f JOIN insats i ON i.id = f.insats_id WHERE i.import_key = 'atterrapportering-2020:1.3.3-1' ORDER BY f.sort_order"
		);
		expect(fin).toEqual([
			{ source: 'anslag-1-1', amount: null },
			{ source: 'eruf', amount: null }
		]);
		const geo = all<{ name: string }>(
			"SELECT g.name FROM insats_geography ig JOIN geography g ON g.id = ig.geography_id JOIN insats i ON i.id = ig.insats_id WHERE i.import_key = 'atterrapportering-2020:1.3.2-4'"
		);
		expect(geo.map((g) => g.name)).toEqual(['Bräcke']);
	});

	it('imports the same file again without changing anything, and says so', async () => {
		const before = checksum(db);
		const r = await runImport(db, { kind: 'atterrapportering', input: { path: FILE }, options: { org: ORG, plan: PLAN }, user: 'test' });
		expect(r.errors).toEqual([]);
		expect(r.ok).toBe(true);
		expect(r.unchanged).toBe(true);
		expect(r.counts.insatser).toEqual({ new: 0, changed: 0, unchanged: 30, removed: 0 });
		expect(r.counts.reportRows?.unchanged).toBe(36);
		expect(r.summary).toMatch(/^Inget att ändra/);
		expect(checksum(db)).toBe(before);
	}, 30_000);

	it('changes only what a revised file changes', async () => {
		const file = JSON.parse(readFileSync(FILE, 'utf8'));
		file.sections[0].insatser[1].effekter = 'Reviderad text.';
		const bytes = new TextEncoder().encode(JSON.stringify(file));
		const r = await runImport(db, { kind: 'atterrapportering', input: { bytes, fileName: 'reviderad.json' }, options: { org: ORG, plan: PLAN, dryRun: true }, user: 'test' });
		expect(r.ok).toBe(true);
		expect(r.counts.insatser).toEqual({ new: 0, changed: 1, unchanged: 29, removed: 0 });
		expect(r.examples.changed[0].what).toContain('Ramprogram - Ökad konkurrens');
	}, 30_000);

	it('removes what a revised file no longer has: the diff of a dry run shows it, the import removes it all at once', async () => {
		const file = JSON.parse(readFileSync(FILE, 'utf8'));
		const [gone] = file.sections[0].insatser.splice(2, 1);
		const analysis = file.analyses_5_1.pop();
		const bytes = new TextEncoder().encode(JSON.stringify(file));
		const options = { org: ORG, plan: PLAN };
		const before = checksum(db);
		const dry = await runImport(db, { kind: 'atterrapportering', input: { bytes, fileName: 'utan-en.json' }, options: { ...options, dryRun: true }, user: 'test' });
		expect(dry.ok).toBe(true);
		expect(dry.counts.insatser).toEqual({ new: 0, changed: 0, unchanged: 29, removed: 1 });
		expect(dry.counts.reportRows?.removed).toBe(1);
		expect(dry.counts.analyses).toMatchObject({ removed: 1, unchanged: 21 });
		expect(dry.examples.removed.map((e) => e.what)).toEqual([`insats ${gone.name}`, `rad ${gone.row} i avsnitt ${file.sections[0].section}`, `analys ${analysis.namn}`]);
		expect(checksum(db)).toBe(before);

		const r = await runImport(db, { kind: 'atterrapportering', input: { bytes, fileName: 'utan-en.json' }, options, user: 'test' });
		expect(r.counts.insatser?.removed).toBe(1);
		expect(one<{ n: number }>("SELECT count(*) AS n FROM insats WHERE import_key LIKE 'atterrapportering-2020:%'").n).toBe(29);
		expect(all('SELECT id FROM insats WHERE name = ?', gone.name)).toEqual([]);
		expect(one<{ n: number }>('SELECT count(*) AS n FROM analysis WHERE year = 2020').n).toBe(21);

		// The whole file again brings it back, and then a second time changes nothing.
		const back = await runImport(db, { kind: 'atterrapportering', input: { path: FILE }, options, user: 'test' });
		expect(back.counts.insatser).toEqual({ new: 1, changed: 0, unchanged: 29, removed: 0 });
		const again = await runImport(db, { kind: 'atterrapportering', input: { path: FILE }, options, user: 'test' });
		expect(again.unchanged).toBe(true);
		expect(again.counts.insatser).toEqual({ new: 0, changed: 0, unchanged: 30, removed: 0 });
		expect(again.counts.reportRows).toMatchObject({ new: 0, changed: 0, removed: 0 });
	}, 60_000);

	it('writes nothing when the file has an error', async () => {
		const before = checksum(db);
		const file = JSON.parse(readFileSync(FILE, 'utf8'));
		file.sections[0].insatser[0].name = 'Ändrat namn';
		file.sections[3].priority = 'Okänd prioritering';
		const bytes = new TextEncoder().encode(JSON.stringify(file));
		const r = await runImport(db, { kind: 'atterrapportering', input: { bytes, fileName: 'fel.json' }, options: { org: ORG, plan: PLAN }, user: 'test' });
		expect(r.ok).toBe(false);
		expect(r.errors[0].message).toContain("'Okänd prioritering'");
		expect(checksum(db)).toBe(before);
	}, 30_000);

	it('refuses an unknown organisation with a clear message', async () => {
		const r = await runImport(db, { kind: 'atterrapportering', input: { path: FILE }, options: { org: 'finns-inte' }, user: 'test' });
		expect(r.ok).toBe(false);
		expect(r.errors[0].message).toBe("okänd organisation 'finns-inte'");
	}, 30_000);
});
