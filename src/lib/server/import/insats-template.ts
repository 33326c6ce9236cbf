/**
 * The XLSX template for officials (static/templates/insatser-mall.xlsx) and its reader: insatser, their
 * financing and their results per year, one sheet each, keyed by the officials' own insats id. Read through the
 * `atterrapportering` import kind (an XLSX file instead of the report JSON), with the same idempotency: the id
 * becomes the import key "mall:<id>", so a re-import of the same workbook changes nothing.
 */
import type { Db } from '../db/client';
import type { Counts, ExampleRow } from './types';
import type { Issues } from './issues';
import type { SheetRows } from './xlsx';
import { cellValue, writeXlsx } from './xlsx';
import { InsatsWriter, type FigureInput, type GoalLinkInput, type InsatsInput } from './insats-writer';
import { normaliseNypsId, parseFigure } from '../../domain/insats';
import { normalise } from './resolve';

export const TEMPLATE_SHEETS = { insatser: 'Insatser', financing: 'Finansiering', results: 'Resultat' } as const;

export const INSATS_COLUMNS = [
	['id', 'Ert id för insatsen (text, unikt i filen); samma id nästa gång uppdaterar insatsen i stället för att skapa en ny.'],
	['namn', 'Insatsens namn (krävs).'],
	['beskrivning', 'Kort beskrivning.'],
	['projektägare', 'Vem som driver insatsen, om inte organisationen själv.'],
	['period från', 'År (2024) eller datum (2024-03-01).'],
	['period till', 'År eller datum.'],
	['nyps', 'Ärende-id i NYPS; flera skiljs med semikolon. Mellanslag tas bort, inledande nollor behålls.'],
	['status', 'planerad, pågår eller avslutad (tomt: ej angiven).'],
	['verkar i', '"hela länet" eller kommunnamn skilda med semikolon (tomt: ej angivet).'],
	['nationell prioritering', 'En prioritering i den nationella strategin, som den heter i Lägesbild.'],
	['mål', 'Mål i organisationens planer, med titeln som i Lägesbild; flera skiljs med semikolon.'],
	['externa mål', 'System: mål, t.ex. "ERUF: Att öka små och medelstora företags konkurrenskraft; Agenda 2030: 9". Flera skiljs med semikolon.'],
	['publicera', '"ja" publicerar nya insatser direkt; annars blir de utkast.']
] as const;
export const FINANCING_COLUMNS = [
	['id', 'Insatsens id (som på bladet Insatser).'],
	['källa', 'anslag 1:1, ERUF, ESF+, Interreg, egen finansiering eller annan.'],
	['belopp', 'Kronor; tomt om beloppet inte är känt.'],
	['år', 'Året beloppet avser; tomt för hela insatsen.'],
	['anmärkning', 'T.ex. vad "annan" är.']
] as const;
export const RESULT_COLUMNS = [
	['id', 'Insatsens id (som på bladet Insatser).'],
	['år', 'Året resultatet redovisas för.'],
	['slag', 'prestation eller effekt.'],
	['sikt', 'För effekter: kort, lång eller kort och lång.'],
	['förväntat/uppnått', 'förväntat, uppnått eller tomt.'],
	['text', 'Resultatet med egna ord (krävs).'],
	['siffror', 'Siffror som de står i texten, skilda med semikolon: "ca 120 företag; 189 jobb varav 86 kvinnor och 103 män".']
] as const;

const SOURCES: Record<string, string> = {
	'anslag 1:1': 'anslag-1-1',
	'1:1': 'anslag-1-1',
	eruf: 'eruf',
	'esf+': 'esf-plus',
	esf: 'esf-plus',
	interreg: 'interreg',
	'egen finansiering': 'egen',
	egen: 'egen',
	annan: 'annan'
};
const STATUS: Record<string, InsatsInput['status']> = { planerad: 'planerad', pågår: 'pagar', pagar: 'pagar', avslutad: 'avslutad' };

/** Example rows: an insats from Region Jämtland Härjedalen's återrapportering 2020 (section 1.2.2). */
export async function templateXlsx(): Promise<Uint8Array> {
	const instructions: (string | null)[][] = [
		['Mall för insatser (Lägesbild)'],
		['Fyll i bladen Insatser, Finansiering och Resultat. Läs in med: npm run import -- atterrapportering FIL.xlsx --org ORGANISATION'],
		['Samma fil två gånger ändrar ingenting; fel anges med blad, rad och kolumn, och då läses ingenting in.'],
		[],
		['Blad', 'Kolumn', 'Vad']
	];
	for (const [sheet, cols] of [
		[TEMPLATE_SHEETS.insatser, INSATS_COLUMNS],
		[TEMPLATE_SHEETS.financing, FINANCING_COLUMNS],
		[TEMPLATE_SHEETS.results, RESULT_COLUMNS]
	] as const) {
		for (const [c, what] of cols) instructions.push([sheet, c, what]);
	}
	return writeXlsx([
		{ name: 'Instruktioner', rows: instructions, widths: [16, 24, 110] },
		{
			name: TEMPLATE_SHEETS.insatser,
			header: true,
			widths: [10, 40, 50, 24, 12, 12, 20, 12, 20, 30, 40, 50, 10],
			textColumns: [0, 4, 5, 6],
			lists: { 7: ['planerad', 'pågår', 'avslutad'] },
			rows: [
				INSATS_COLUMNS.map(([c]) => c),
				[
					'BR-1',
					'Jämtland Härjedalen - A Business Region on the Move',
					null,
					null,
					'2020',
					null,
					'0020 7955',
					'pågår',
					'hela länet',
					'Innovation och företagande',
					'Företagande, innovation, forskning och utveckling',
					null,
					'ja'
				]
			]
		},
		{
			name: TEMPLATE_SHEETS.financing,
			header: true,
			widths: [10, 20, 14, 8, 40],
			rows: [FINANCING_COLUMNS.map(([c]) => c), ['BR-1', 'anslag 1:1', null, 2020, 'Beloppet anges inte i återrapporteringen']]
		},
		{
			name: TEMPLATE_SHEETS.results,
			header: true,
			widths: [10, 8, 12, 14, 16, 80, 50],
			lists: { 2: ['prestation', 'effekt'], 3: ['kort', 'lång', 'kort och lång'], 4: ['förväntat', 'uppnått'] },
			rows: [
				RESULT_COLUMNS.map(([c]) => c),
				['BR-1', 2020, 'prestation', null, 'uppnått', 'Projektet har bidragit till 26 etableringar av nya företag som har ökat sysselsättningen i länet med 189 personer varav 86 kvinnor och 103 män.', '26 etableringar; 189 personer varav 86 kvinnor och 103 män']
			]
		}
	]);
}

export interface TemplateOutcome {
	counts: Counts;
	examples: { new: ExampleRow[]; changed: ExampleRow[]; removed: ExampleRow[] };
	label: string;
}

/** Reads the three sheets (already loaded) and writes the insatser. */
export function importTemplate(db: Db, issues: Issues, sheets: SheetRows[], org: string | undefined, now: string): TemplateOutcome {
	const s = db.$client;
	if (!org) issues.fatal({ code: 'no-org', column: '--org', message: 'ange organisationen med --org (den som äger insatserna)' });
	const o = s.prepare('SELECT id, geography_id FROM organisation WHERE slug = ?').get(org) as { id: number; geography_id: number | null } | undefined;
	if (!o) issues.fatal({ code: 'unknown-org', column: '--org', value: org, message: `okänd organisation '${org}'` });
	const sheet = (name: string) => sheets.find((x) => x.sheet.toLowerCase() === name.toLowerCase());
	const main = sheet(TEMPLATE_SHEETS.insatser);
	if (!main) issues.fatal({ code: 'no-sheet', message: `arbetsboken saknar bladet '${TEMPLATE_SHEETS.insatser}'` });

	const table = (sh: SheetRows | undefined, columns: readonly (readonly [string, string])[]) => {
		if (!sh || sh.rows.length === 0) return [];
		const [head, ...rows] = sh.rows;
		const idx = new Map(head.cells.map((c, i) => [normalise(String(c)), i]));
		for (const [c] of columns) {
			if (!idx.has(c)) issues.error({ code: 'missing-column', row: head.line, column: c, message: `bladet '${sh.sheet}' saknar kolumnen '${c}'` });
		}
		return rows.map((r) => ({
			line: r.line,
			sheet: sh.sheet,
			get: (c: string) => {
				const i = idx.get(c);
				return i === undefined ? '' : String(cellValue(r.cells[i] ?? '')).trim();
			}
		}));
	};
	const insatser = table(main, INSATS_COLUMNS);
	const financing = table(sheet(TEMPLATE_SHEETS.financing), FINANCING_COLUMNS);
	const results = table(sheet(TEMPLATE_SHEETS.results), RESULT_COLUMNS);
	if (issues.hasErrors) return { counts: {}, examples: { new: [], changed: [], removed: [] }, label: '' };

	const goals = new Map(
		(s.prepare('SELECT g.id, g.title FROM goal g JOIN plan p ON p.id = g.plan_id WHERE p.organisation_id = ? AND g.archived = 0').all(o.id) as { id: number; title: string }[]).map(
			(g) => [normalise(g.title), g.id]
		)
	);
	const externals = s
		.prepare('SELECT e.id, e.title, e.code, gs.short_name, gs.slug, gs.kind FROM external_goal e JOIN goal_system gs ON gs.id = e.system_id')
		.all() as { id: number; title: string; code: string | null; short_name: string; slug: string; kind: string }[];
	const kommuner = o.geography_id
		? new Map((s.prepare("SELECT id, name FROM geography WHERE parent_id = ? AND level = 'kommun'").all(o.geography_id) as { id: number; name: string }[]).map((k) => [normalise(k.name), k.id]))
		: new Map<string, number>();
	const err = (r: { line: number; sheet: string }, column: string, value: string, message: string) =>
		issues.error({ code: 'invalid', row: r.line, column, value, message: `bladet '${r.sheet}', rad ${r.line}, kolumn '${column}': ${message}` });
	const list = (v: string) => v.split(';').map((x) => x.trim()).filter(Boolean);

	const inputs = new Map<string, InsatsInput>();
	const publish = new Set<string>();
	for (const r of insatser) {
		const id = r.get('id');
		const name = r.get('namn');
		if (!id && !name) continue;
		if (!id) err(r, 'id', '', 'id saknas');
		if (!name) err(r, 'namn', '', 'namnet saknas');
		if (inputs.has(id)) err(r, 'id', id, `id '${id}' finns redan på en tidigare rad`);
		const nypsIds: string[] = [];
		for (const n of list(r.get('nyps'))) {
			const norm = normaliseNypsId(n);
			if (!norm) err(r, 'nyps', n, `'${n}' är inte ett NYPS-id (bara siffror)`);
			else nypsIds.push(norm);
		}
		const statusText = r.get('status').toLowerCase();
		const status = statusText ? STATUS[statusText] : null;
		if (statusText && !status) err(r, 'status', statusText, 'status ska vara planerad, pågår eller avslutad');
		const where = r.get('verkar i');
		let wholeCounty: boolean | null = null;
		const geographyIds: number[] = [];
		if (/^hela länet$/i.test(where)) wholeCounty = true;
		else if (where) {
			wholeCounty = false;
			for (const k of list(where)) {
				const g = kommuner.get(normalise(k.replace(/s? kommun$/i, '')));
				if (!g) err(r, 'verkar i', k, `'${k}' är ingen kommun i organisationens län`);
				else geographyIds.push(g);
			}
		}
		const links: GoalLinkInput[] = [];
		const prio = r.get('nationell prioritering');
		if (prio) {
			const e = externals.find((x) => x.kind === 'national-strategy' && normalise(x.title) === normalise(prio));
			if (!e) err(r, 'nationell prioritering', prio, `'${prio}' är ingen prioritering i den nationella strategin`);
			else links.push({ goalId: null, externalGoalId: e.id, label: 'Nationell prioritering', printed: null, note: null });
		}
		for (const t of list(r.get('mål'))) {
			const g = goals.get(normalise(t));
			if (!g) err(r, 'mål', t, `'${t}' är inget mål i organisationens planer`);
			else links.push({ goalId: g, externalGoalId: null, label: null, printed: null, note: null });
		}
		for (const t of list(r.get('externa mål'))) {
			const [sys, goal] = t.split(/:\s*/, 2);
			const e = goal
				? externals.find((x) => (normalise(x.short_name) === normalise(sys) || x.slug === normalise(sys)) && (normalise(x.title) === normalise(goal) || x.code === goal.trim()))
				: undefined;
			if (!e) err(r, 'externa mål', t, `'${t}' hittas inte (skriv "System: mål", t.ex. "Agenda 2030: 9")`);
			else links.push({ goalId: null, externalGoalId: e.id, label: e.short_name, printed: null, note: null });
		}
		const period = (c: string) => {
			const v = r.get(c);
			if (v && !/^\d{4}(-\d{2}-\d{2})?$/.test(v)) err(r, c, v, `'${v}' är inget år eller datum (ÅÅÅÅ eller ÅÅÅÅ-MM-DD)`);
			return v || null;
		};
		if (/^ja$/i.test(r.get('publicera'))) publish.add(id);
		inputs.set(id, {
			key: `mall:${id}`,
			name,
			description: r.get('beskrivning') || null,
			ownerName: r.get('projektägare') || null,
			periodFrom: period('period från'),
			periodTo: period('period till'),
			nypsIds,
			nypsPrinted: list(r.get('nyps')),
			status,
			wholeCounty,
			geographyIds,
			source: `Mall, bladet ${r.sheet} rad ${r.line}`,
			financing: [],
			goals: links,
			results: [],
			figures: []
		});
	}
	const owner = (r: { line: number; sheet: string; get: (c: string) => string }) => {
		const id = r.get('id');
		const i = inputs.get(id);
		if (!i) err(r, 'id', id, `id '${id}' finns inte på bladet ${TEMPLATE_SHEETS.insatser}`);
		return i;
	};
	for (const r of financing) {
		if (!r.get('id') && !r.get('källa')) continue;
		const i = owner(r);
		const src = SOURCES[r.get('källa').toLowerCase()];
		if (!src) err(r, 'källa', r.get('källa'), 'källan ska vara anslag 1:1, ERUF, ESF+, Interreg, egen finansiering eller annan');
		const amountText = r.get('belopp');
		const amount = amountText ? Number(amountText.replace(/[\s\u00a0]/g, '').replace(',', '.')) : null;
		if (amount !== null && !Number.isFinite(amount)) err(r, 'belopp', amountText, `'${amountText}' är inget belopp i kronor`);
		const yearText = r.get('år');
		if (yearText && !/^\d{4}$/.test(yearText)) err(r, 'år', yearText, `'${yearText}' är inget år`);
		if (i && src) i.financing.push({ source: src, amount, year: yearText ? Number(yearText) : null, note: r.get('anmärkning') || null });
	}
	for (const r of results) {
		if (!r.get('id') && !r.get('text')) continue;
		const i = owner(r);
		const yearText = r.get('år');
		if (!/^\d{4}$/.test(yearText)) err(r, 'år', yearText, `'${yearText}' är inget år`);
		const type = r.get('slag').toLowerCase();
		if (type !== 'prestation' && type !== 'effekt') err(r, 'slag', type, 'slag ska vara prestation eller effekt');
		const termText = r.get('sikt').toLowerCase();
		const term = termText === 'kort' ? 'kort' : termText === 'lång' || termText === 'lang' ? 'lang' : termText.startsWith('kort och') ? 'kort-och-lang' : null;
		const basisText = r.get('förväntat/uppnått').toLowerCase();
		const basis = basisText.startsWith('förv') ? 'forvantad' : basisText.startsWith('uppn') ? 'uppnadd' : null;
		const text = r.get('text');
		if (!text) err(r, 'text', '', 'resultatet saknar text');
		const figures: FigureInput[] = list(r.get('siffror')).flatMap((p) =>
			parseFigure(p).map((f) => ({ ...f, kind: null, what: null }))
		);
		if (i) i.results.push({ year: Number(yearText), type: type as 'prestation', term: type === 'effekt' ? term : null, basis, text, figures });
	}
	if (issues.hasErrors) return { counts: {}, examples: { new: [], changed: [], removed: [] }, label: '' };
	const writer = new InsatsWriter(db, o.id, 'draft', now);
	for (const [id, input] of inputs) {
		const before = writer.count.new;
		const insatsId = writer.write(input);
		if (writer.count.new > before && publish.has(id)) s.prepare("UPDATE insats SET state = 'published' WHERE id = ?").run(insatsId);
	}
	return {
		counts: { insatser: writer.count, results: writer.results },
		examples: { new: writer.examples.new, changed: writer.examples.changed, removed: [] },
		label: `Insatsmall (${org})`
	};
}
