/**
 * Plans through the template (static/templates/plan-mall.xlsx|csv): the template round-trips, and Region
 * Örebro län's real verksamhetsplan 2019 exported from the demo data imports into an empty database with the
 * same goals, numbers, texts, uppdrag, indicators, links and targets.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPlan, planCsv, planXlsx, runImport } from '../../src/lib/server/import';
import { PLAN_HEADER, type PlanRow } from '../../src/lib/server/import/plan-columns';
import { readXlsx } from '../../src/lib/server/import/xlsx';
import type { ImportOptions } from '../../src/lib/server/import';
import type { Db } from '../../src/lib/server/db/client';
import { emptyDb, seededDb } from '../helpers/db';
import { checksum, geoDb } from '../helpers/import';

const ORG = 'region-orebro-lan';
const PLAN = 'rtn-verksamhetsplan-2019';
const csvBytes = (rows: PlanRow[]) => new TextEncoder().encode(planCsv(rows));
const plan = (db: Db, bytes: Uint8Array, fileName: string, options: ImportOptions = {}) => runImport(db, { kind: 'plan', input: { bytes, fileName }, options, user: 'test' });

/** Everything a plan consists of, by content (no ids), in a stable order. */
function planContent(db: Db, orgSlug: string, planSlug: string) {
	const all = (sql: string) => db.$client.prepare(sql).all(orgSlug, planSlug);
	const P = `(SELECT p.id FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = ? AND p.slug = ?)`;
	return {
		plan: all(`SELECT o.name AS org, o.description AS org_description, p.name, p.kind, p.start_year, p.end_year, p.level_names, p.description, p.source FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ${P}`),
		goals: all(
			`SELECT g.depth, g.number, g.label, g.title, g.description, g.origin, g.sort_order, g.archived, parent.title AS parent
			 FROM goal g LEFT JOIN goal parent ON parent.id = g.parent_id WHERE g.plan_id = ${P} ORDER BY g.depth, parent.title, g.sort_order`
		),
		uppdrag: all(
			`SELECT u.number, u.label, u.plan_year, u.text, u.origin, u.owner, u.sort_order, g.title AS goal
			 FROM uppdrag u LEFT JOIN goal g ON g.id = u.goal_id WHERE u.plan_id = ${P} ORDER BY u.sort_order`
		),
		links: all(
			`SELECT g.title AS goal, i.name AS indicator, gi.sort_order FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id
			 JOIN indicator i ON i.id = gi.indicator_id WHERE g.plan_id = ${P} ORDER BY g.title, gi.sort_order`
		),
		indicators: all(
			`SELECT DISTINCT i.slug, i.name, i.definition, i.unit, i.decimals, i.direction, i.source FROM indicator i
			 JOIN goal_indicator gi ON gi.indicator_id = i.id JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ${P} ORDER BY i.slug`
		),
		targets: all(
			`SELECT DISTINCT i.slug, t.kind, t.value, t.value_high, t.reference, t.base_period, t.target_period, t.benchmark, t.benchmark_side, t.benchmark_measure, t.wording, t.rank, tg.title AS goal
			 FROM target t JOIN indicator i ON i.id = t.indicator_id LEFT JOIN goal tg ON tg.id = t.goal_id
			 JOIN goal_indicator gi ON gi.indicator_id = i.id JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ${P} ORDER BY i.slug, t.rank`
		)
	};
}

/** Template rows as PlanRow records, read with the importer's own XLSX reader. */
async function templateRows(): Promise<PlanRow[]> {
	const sheet = await readXlsx(new Uint8Array(readFileSync('static/templates/plan-mall.xlsx')), ['Rader']);
	const [head, ...rows] = sheet.rows;
	return rows.map((r) => Object.fromEntries(head.cells.map((h, i) => [String(h), String(r.cells[i] ?? '')])) as PlanRow);
}

describe('the plan template', () => {
	it('has the documented columns in the CSV and the XLSX, and the same example rows in both', async () => {
		const csv = readFileSync('static/templates/plan-mall.csv', 'utf8');
		expect(csv.startsWith('\uFEFF' + PLAN_HEADER.join(';'))).toBe(true);
		const rows = await templateRows();
		expect(planCsv(rows)).toBe(csv);
		expect(rows.map((r) => r.typ)).toContain('indikator');
	});

	it('round-trips: import into a database without plans, export again, same rows', async () => {
		for (const file of ['plan-mall.xlsx', 'plan-mall.csv']) {
			const db = geoDb();
			const r = await runImport(db, { kind: 'plan', input: { path: `static/templates/${file}` }, user: 'test' });
			expect(r.errors).toEqual([]);
			expect(r.counts.goals?.new).toBe(4);
			expect(exportPlan(db, ORG, PLAN)).toEqual(await templateRows());
		}
	});
});

describe('Region Örebro län, verksamhetsplan 2019: export → import into an empty database', () => {
	let source: Db;
	let rows: PlanRow[];
	beforeAll(() => {
		source = seededDb();
		rows = exportPlan(source, ORG, PLAN);
	});

	it('exports 8 avsnitt, 16 goals with their printed numbers, 48 indicator rows and 18 uppdrag', () => {
		const goals = rows.filter((r) => r.typ === 'mål');
		expect(goals.filter((g) => g.nivå === 'Avsnitt').map((g) => g.nummer)).toEqual(['3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9']);
		expect(goals.filter((g) => g.nivå === 'Inriktningsmål')).toHaveLength(16);
		expect(rows.filter((r) => r.typ === 'indikator')).toHaveLength(48);
		expect(rows.filter((r) => r.typ === 'uppdrag')).toHaveLength(18);
	});

	it.each(['xlsx', 'csv'])('via %s: the same organisation, plan, goals, uppdrag, indicators, links and targets', async (format) => {
		const db = emptyDb();
		const bytes = format === 'xlsx' ? await planXlsx(rows) : csvBytes(rows);
		const r = await plan(db, bytes, `orebro.${format}`);
		expect(r.errors).toEqual([]);
		expect(r.counts.goals).toEqual({ new: 32, changed: 0, unchanged: 0, removed: 0 });
		expect(r.counts.uppdrag?.new).toBe(18);
		expect(r.counts.links?.new).toBe(48);
		// An empty database has no geographies: the plan still comes in, with a warning about "18".
		expect(r.warnings.map((w) => w.code)).toEqual(['unknown-geography', 'unknown-geography']);
		expect(planContent(db, ORG, PLAN)).toEqual(planContent(source, ORG, PLAN));
	});

	it('a second import of the same file changes nothing and says so', async () => {
		const db = emptyDb();
		const bytes = csvBytes(rows);
		await plan(db, bytes, 'orebro.csv');
		const before = checksum(db);
		const again = await plan(db, bytes, 'orebro.csv');
		expect(again.unchanged).toBe(true);
		expect(again.counts.goals).toEqual({ new: 0, changed: 0, unchanged: 32, removed: 0 });
		expect(again.summary).toMatch(/^Inget att ändra/);
		expect(checksum(db)).toBe(before);
	});

	it('a revised file: a changed goal text is one change; a dropped uppdrag is removed only with --replace (archived)', async () => {
		const db = emptyDb();
		await plan(db, csvBytes(rows), 'orebro.csv');
		const revised = rows
			.filter((r) => !(r.typ === 'uppdrag' && r.nummer === '46'))
			.map((r) => (r.typ === 'mål' && r.nummer === 'Nr 19' ? { ...r, text: `${r.text} (reviderad)` } : r));
		const dry = await plan(db, csvBytes(revised), 'reviderad.csv', { dryRun: true });
		expect(dry.counts.goals).toEqual({ new: 0, changed: 1, unchanged: 31, removed: 0 });
		// Dropping uppdrag 46 does not renumber (and so "change") the uppdrag after it.
		expect(dry.counts.uppdrag).toEqual({ new: 0, changed: 0, unchanged: 17, removed: 1 });
		expect(dry.examples.changed[0].after).toMatch(/\(reviderad\)$/);
		const replaced = await plan(db, csvBytes(revised), 'reviderad.csv', { replace: true });
		expect(replaced.ok).toBe(true);
		expect(db.$client.prepare("SELECT archived FROM uppdrag WHERE number = '46'").get()).toEqual({ archived: 1 });
		expect(exportPlan(db, ORG, PLAN).filter((r) => r.typ === 'uppdrag')).toHaveLength(17);
	});
});

describe('Region Jämtland Härjedalen, RUS 2050: links to shared Kolada indicators survive the round trip', () => {
	it('links the existing indicators by slug and keeps the goal-specific target', async () => {
		const source = seededDb();
		const rows = exportPlan(source, 'region-jamtland-harjedalen', 'rus-jamtlands-lan-2050');
		const db = geoDb();
		const r = await plan(db, csvBytes(rows), 'jamtland.csv');
		expect(r.errors).toEqual([]);
		expect(r.counts.indicators).toEqual({ new: 0, changed: 0, unchanged: 5, removed: 0 });
		const a = planContent(db, 'region-jamtland-harjedalen', 'rus-jamtlands-lan-2050');
		const b = planContent(source, 'region-jamtland-harjedalen', 'rus-jamtlands-lan-2050');
		// Shared indicators are linked as they are (the plan never rewrites them), so compare them by slug.
		expect({ ...a, targets: undefined, indicators: undefined }).toEqual({ ...b, targets: undefined, indicators: undefined });
		expect(a.indicators.map((i) => (i as { slug: string }).slug)).toEqual(b.indicators.map((i) => (i as { slug: string }).slug));
		// The template carries a target's printed words; the seed's hand-made reading of these words
		// ("increase on the previous year") is not derivable from them, so it comes back as a text target.
		expect(a.targets).toEqual([expect.objectContaining({ slug: 'invanare-totalt', kind: 'text', wording: 'Befolkningsutvecklingen är positiv', goal: 'Förutsättningar för utvecklingskraft i hela länet' })]);
		expect(b.targets).toEqual([expect.objectContaining({ slug: 'invanare-totalt', kind: 'increase', wording: 'Befolkningsutvecklingen är positiv', goal: 'Förutsättningar för utvecklingskraft i hela länet' })]);
	});
});

describe('bad plan files: the right error, database unchanged', () => {
	const header = PLAN_HEADER.join(';');
	const file = (...lines: string[]) => new TextEncoder().encode([header, ...lines].join('\n'));
	const orgPlan = ['organisation;ny-org;;;;region;Ny organisation;;;;;;;;;;', 'plan;ny-plan;;Mål | Delmål;;verksamhetsplan;Ny plan;;;;;;;;2026;;'];

	it('unknown parent, unknown level, unknown row type and a bad origin, each with row and column', async () => {
		const db = emptyDb();
		const before = checksum(db);
		const r = await plan(
			db,
			file(...orgPlan, 'mål;A;;Mål;1;;Första målet;;fullmäktige;;;;;;;;', 'mål;B;X;Delmål;;;Utan förälder;;;;;;;;;;', 'mål;C;A;Avsnitt;;;Fel nivå;;;;;;;;;;', 'rubrik;D;;;;;Vad är detta;;;;;;;;;;', 'uppdrag;;A;;1;;Ett uppdrag;;kommunen;;;;;;;;'),
			'fel.csv'
		);
		expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
			[5, 'förälder', "förälder 'X' finns inte på någon rad ovanför"],
			[7, 'typ', "'rubrik' är ingen radtyp (organisation, plan, mål, uppdrag, indikator)"],
			[8, 'ursprung', "'kommunen' är inget ursprung (fullmäktige, nämnd eller annan)"]
		]);
		expect(checksum(db)).toBe(before);
		const level = await plan(db, file(...orgPlan, 'mål;A;;Mål;1;;Första målet;;;;;;;;;;', 'mål;C;A;Avsnitt;;;Fel nivå;;;;;;;;;;'), 'nivå.csv');
		expect(level.errors.map((e) => e.message)).toEqual(["nivån 'Avsnitt' finns inte bland planens nivåer (Mål, Delmål)"]);
		expect(checksum(db)).toBe(before);
	});

	it('a plan that does not exist, without a plan row, says how to create it', async () => {
		const db = emptyDb();
		const r = await plan(db, file(orgPlan[0], 'mål;A;;;1;;Ett mål;;;;;;;;;;'), 'utan-plan.csv', { plan: 'finns-inte' });
		expect(r.errors.map((e) => e.message)).toEqual(["planen 'finns-inte' finns inte hos 'ny-org'; lägg till en rad med typ plan för att skapa den"]);
	});

	it('broken-PDF-font text in a goal: a warning with the proposal; the raw text is kept', async () => {
		const db = emptyDb();
		const before = checksum(db);
		const bytes = file(...orgPlan, 'mål;A;;Mål;1;;Stårkt tillvåö xtårbete i helå lånet;;;;;;;;;;');
		const dry = await plan(db, bytes, 'typsnitt.csv', { dryRun: true });
		expect(dry.warnings).toEqual([
			expect.objectContaining({ code: 'broken-font', row: 4, column: 'text', value: 'Stårkt tillvåö xtårbete i helå lånet', proposal: 'Starkt tillväxtarbete i hela lanet' })
		]);
		expect(checksum(db)).toBe(before);
		await plan(db, bytes, 'typsnitt.csv');
		expect(db.$client.prepare('SELECT title FROM goal').get()).toEqual({ title: 'Stårkt tillvåö xtårbete i helå lånet' });
	});
});
