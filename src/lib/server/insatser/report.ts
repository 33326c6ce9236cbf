/**
 * The återrapportering tables for an organisation and a year, as one model that the DOCX and XLSX exports
 * both render: the insats tables per national priority with the government template's four column headings,
 * the earlier-insatser tables, the sum of anslag 1:1 per priority, the other sections (4.x, 6) and the 5.1
 * list of analyses, in the report's order (by section number).
 */
import type { Db } from '../db/client';
import { goalLinks, type GoalLinkView } from '../queries/insatser';

/** The four column headings of the government's template, word for word. */
export const TABLE_COLUMNS = [
	'Namn på insats och kort beskrivning (ange eventuellt ärende id i NYPS)',
	'Insatsens bidrag till fastställda mål',
	'Resultat i form av prestationer',
	'Resultat i form av effekter på kort och lång sikt'
] as const;
export const EARLIER_COLUMNS = ['Namn på insats och kort beskrivning', 'Vilka resultat eller effekter har uppnåtts?'] as const;
export const ANALYSIS_COLUMNS = [
	'Typ av aktivitet (analys, uppföljning eller utvärdering)',
	'Namn',
	'Helt eller delvis finansierat av anslag 1:1 – Ja/Nej',
	'Hur har erfarenheter och kunskap tagits till vara?'
] as const;
export const FUNDS_TITLE = 'Anslag 1:1 per nationell prioritering';
export const FUNDS_COLUMNS = ['Nationell prioritering', 'Anslag 1:1 (kr)', 'Insatser med anslag 1:1 utan angivet belopp'] as const;

export interface ReportTable {
	kind: 'insatser' | 'tidigare' | 'analyser' | 'anslag';
	/** Section number as printed ("1.2.1"), or null for a table Lägesbild adds (insatser not placed in a section). */
	code: string | null;
	title: string;
	priority: string | null;
	note: string | null;
	columns: string[];
	rows: string[][];
}

export interface ReportModel {
	organisation: string;
	year: number;
	title: string;
	tables: ReportTable[];
	/** Per national priority: the sum of the anslag 1:1 amounts given, and how many rows had none. */
	funds: { priority: string; amount: number; withoutAmount: number }[];
}

const byCode = (a: string | null, b: string | null): number => {
	const pa = (a ?? '99').split('.').map(Number);
	const pb = (b ?? '99').split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? -1) - (pb[i] ?? -1);
		if (d) return d;
	}
	return 0;
};

/** "Mål RUS\n- Företagande, …\nMål ERUF\n- …": the goal cell written from the links, grouped by label. */
export function goalCell(links: GoalLinkView[]): string {
	const groups = new Map<string, string[]>();
	for (const l of links) {
		if (l.external?.systemKind === 'national-strategy') continue;
		const label = l.label ?? (l.goal ? l.goal.planName : l.external ? l.external.system : '');
		const text = l.goal ? [l.goal.number, l.goal.title].filter(Boolean).join(' ') : l.external ? [l.external.code, l.external.title].filter(Boolean).join(' ') : (l.printed ?? '');
		if (!groups.has(label)) groups.set(label, []);
		groups.get(label)!.push(text);
	}
	return [...groups.entries()].map(([label, items]) => [label, ...items.map((i) => `- ${i}`)].filter(Boolean).join('\n')).join('\n');
}

interface InsatsRow {
	id: number;
	name: string;
	description: string | null;
	nyps_ids: string;
	nyps_printed: string;
}

export function buildReport(db: Db, organisationId: number, year: number): ReportModel {
	const s = db.$client;
	const org = s.prepare('SELECT name FROM organisation WHERE id = ?').get(organisationId) as { name: string } | undefined;
	if (!org) throw new Error('organisationen finns inte');
	const insatsStmt = s.prepare('SELECT id, name, description, nyps_ids, nyps_printed FROM insats WHERE id = ?');
	const isPublished = (id: number) => !!s.prepare("SELECT 1 FROM insats WHERE id = ? AND state = 'published' AND archived = 0").get(id);
	const resultStmt = s.prepare('SELECT type, text FROM insats_result WHERE insats_id = ? AND year = ? ORDER BY sort_order, id');
	const prioritiesOf = (insatsId: number) =>
		(
			s
				.prepare(
					`SELECT e.title FROM insats_goal l JOIN external_goal e ON e.id = l.external_goal_id JOIN goal_system g ON g.id = e.system_id
					 WHERE l.insats_id = ? AND g.kind = 'national-strategy' ORDER BY e.sort_order`
				)
				.all(insatsId) as { title: string }[]
		).map((r) => r.title);

	const nameCell = (i: InsatsRow) => {
		const printed = JSON.parse(i.nyps_printed) as string[];
		const ids = JSON.parse(i.nyps_ids) as string[];
		const nyps = printed.length ? printed : ids.length ? [`Ärende-id i NYPS: ${ids.join(', ')}`] : [];
		return [i.name, i.description, ...nyps].filter(Boolean).join('\n');
	};
	const resultCells = (insatsId: number): [string, string] => {
		const rs = resultStmt.all(insatsId, year) as { type: string; text: string }[];
		return [rs.filter((r) => r.type === 'prestation').map((r) => r.text).join('\n'), rs.filter((r) => r.type === 'effekt').map((r) => r.text).join('\n')];
	};
	const insatsCells = (id: number, goalText: string | null): string[] => {
		const i = insatsStmt.get(id) as InsatsRow;
		return [nameCell(i), goalText ?? goalCell(goalLinks(db, id)), ...resultCells(id)];
	};

	const sections = s
		.prepare(
			`SELECT s.id, s.code, s.title, s.kind, s.note_printed, s.columns, e.title AS priority FROM report_section s
			 LEFT JOIN external_goal e ON e.id = s.priority_id WHERE s.organisation_id = ? AND s.year = ? ORDER BY s.sort_order`
		)
		.all(organisationId, year) as { id: number; code: string; title: string; kind: ReportTable['kind']; note_printed: string | null; columns: string | null; priority: string | null }[];
	const rowsOf = s.prepare('SELECT * FROM report_row WHERE section_id = ? ORDER BY row_number');

	const tables: ReportTable[] = [];
	const placed = new Set<number>();
	const fundInsatser = new Map<string, Set<number>>();
	const addFund = (priority: string | null, id: number) => {
		if (!priority) return;
		if (!fundInsatser.has(priority)) fundInsatser.set(priority, new Set());
		fundInsatser.get(priority)!.add(id);
	};
	for (const sec of sections) {
		const own = sec.columns ? (JSON.parse(sec.columns) as (string | null)[]) : [];
		if (sec.kind === 'insatser') {
			const rows = (rowsOf.all(sec.id) as { insats_id: number | null; goal_text: string | null; name: string | null; refers_to: string | null }[])
				// An insats taken off the public site (or never published) is not reported either.
				.filter((r) => r.insats_id === null || r.refers_to !== null || isPublished(r.insats_id))
				.map((r) => {
				if (r.refers_to) {
					const name = r.name ?? '';
					return [/återrapport/i.test(name) ? name : `${name} (se återrapport ${r.refers_to})`, '', '', ''];
				}
				if (r.insats_id === null) return [r.name ?? '', r.goal_text ?? '', '', ''];
				placed.add(r.insats_id);
				addFund(sec.priority, r.insats_id);
				return insatsCells(r.insats_id, r.goal_text);
			});
			tables.push({ kind: 'insatser', code: sec.code, title: sec.title, priority: sec.priority, note: sec.note_printed, columns: TABLE_COLUMNS.map((c, i) => own[i] ?? c), rows });
		} else if (sec.kind === 'tidigare') {
			const rows = (rowsOf.all(sec.id) as { name: string | null; description: string | null; result_text: string | null }[]).map((r) => [
				[r.name, r.description].filter(Boolean).join('\n'),
				r.result_text ?? ''
			]);
			tables.push({ kind: 'tidigare', code: sec.code, title: sec.title, priority: sec.priority, note: sec.note_printed, columns: EARLIER_COLUMNS.map((c, i) => own[i] ?? c), rows });
		} else if (sec.kind === 'analyser') {
			const rows = (
				s.prepare('SELECT type, name, financed_by_1_1, how_used FROM analysis WHERE organisation_id = ? AND year = ? ORDER BY row_number').all(organisationId, year) as {
					type: string | null;
					name: string;
					financed_by_1_1: number | null;
					how_used: string | null;
				}[]
			).map((a) => [a.type ?? '', a.name, a.financed_by_1_1 === null ? '' : a.financed_by_1_1 ? 'Ja' : 'Nej', a.how_used ?? '']);
			tables.push({ kind: 'analyser', code: sec.code, title: sec.title, priority: null, note: sec.note_printed, columns: ANALYSIS_COLUMNS.map((c, i) => own[i] ?? c), rows });
		}
	}

	// Insatser with results this year that no section holds (entered in Lägesbild): one table per priority.
	const unplaced = (
		s
			.prepare(
				`SELECT DISTINCT i.id FROM insats i JOIN insats_result r ON r.insats_id = i.id WHERE i.organisation_id = ? AND r.year = ? AND i.archived = 0
				 AND i.state = 'published' ORDER BY i.name COLLATE NOCASE`
			)
			.all(organisationId, year) as { id: number }[]
	)
		.map((r) => r.id)
		.filter((id) => !placed.has(id));
	const groups = new Map<string | null, number[]>();
	for (const id of unplaced) {
		const p = prioritiesOf(id)[0] ?? null;
		if (!groups.has(p)) groups.set(p, []);
		groups.get(p)!.push(id);
		addFund(p, id);
	}
	const priorityOrder = (s.prepare(`SELECT e.title FROM external_goal e JOIN goal_system g ON g.id = e.system_id WHERE g.kind = 'national-strategy' ORDER BY g.id, e.sort_order`).all() as {
		title: string;
	}[]).map((r) => r.title);
	// The code places the table after the priority's own sections ("1.2.99" after "1.2.x").
	const lastCode = (p: string | null) => tables.filter((t) => t.priority === p && t.kind !== 'analyser').map((t) => t.code).sort(byCode).pop();
	for (const [p, ids] of groups) {
		const last = p ? lastCode(p) : null;
		tables.push({
			kind: 'insatser',
			code: last ? `${last.split('.').slice(0, 2).join('.')}.99` : p ? `1.${2 + Math.max(0, priorityOrder.indexOf(p))}.99` : '7',
			title: p ? `Fler insatser inom ${p}` : 'Insatser utan nationell prioritering',
			priority: p,
			note: 'Insatser med resultat för året som inte ligger i något avsnitt.',
			columns: [...TABLE_COLUMNS],
			rows: ids.map((id) => insatsCells(id, null))
		});
	}

	// Anslag 1:1 per priority: amounts of the year (or of the whole insats) of the insatser reported under it.
	const fundStmt = s.prepare("SELECT amount FROM insats_financing WHERE insats_id = ? AND source = 'anslag-1-1' AND (year = ? OR year IS NULL)");
	const priorities = [...new Set([...priorityOrder.filter((p) => fundInsatser.has(p)), ...fundInsatser.keys()])];
	const funds = priorities.map((priority) => {
		let amount = 0;
		let withoutAmount = 0;
		for (const id of fundInsatser.get(priority) ?? []) {
			for (const f of fundStmt.all(id, year) as { amount: number | null }[]) {
				if (f.amount === null) withoutAmount++;
				else amount += f.amount;
			}
		}
		return { priority, amount, withoutAmount };
	});
	tables.push({
		kind: 'anslag',
		code: '2',
		title: FUNDS_TITLE,
		priority: null,
		note: 'Summan av de belopp ur anslag 1:1 som är angivna för insatserna i tabellerna ovan (för året eller för hela insatsen).',
		columns: [...FUNDS_COLUMNS],
		rows: funds.map((f) => [f.priority, String(f.amount), String(f.withoutAmount)])
	});

	tables.sort((a, b) => byCode(a.code, b.code));
	return { organisation: org.name, year, title: `Återrapportering – Regionalt tillväxtarbete ${year}`, tables, funds };
}
