/**
 * The återrapportering export of Region Jämtland Härjedalen 2020 (demo data), opened the way a reader's program
 * would: the DOCX unzipped and word/document.xml read table by table; the XLSX read back with exceljs.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { buildReport, TABLE_COLUMNS, EARLIER_COLUMNS, ANALYSIS_COLUMNS, FUNDS_COLUMNS } from '../../src/lib/server/insatser/report';
import { reportDocx, reportXlsx } from '../../src/lib/server/insatser/report-export';
import { readXlsx } from '../../src/lib/server/import/xlsx';
import { seededDb } from '../helpers/db';

let db: Db;
let orgId: number;
beforeAll(() => {
	db = seededDb();
	orgId = (db.$client.prepare("SELECT id FROM organisation WHERE slug = 'region-jamtland-harjedalen'").get() as { id: number }).id;
});

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

/** The document as a list of blocks: headings (paragraphs outside tables) and tables (rows of cell texts). */
function blocks(xml: string): ({ heading: string } | { table: string[][] })[] {
	const body = xml.slice(xml.indexOf('<w:body>'));
	const out: ({ heading: string } | { table: string[][] })[] = [];
	const re = /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g;
	for (const m of body.matchAll(re)) {
		if (m[0].startsWith('<w:tbl>')) {
			const rows = [...m[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
				[...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => [...tc[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => unescape(textOf(p[0]))).join('\n'))
			);
			out.push({ table: rows });
		} else if (m[0].includes('Heading2')) out.push({ heading: unescape(textOf(m[0])) });
	}
	return out;
}

describe('återrapportering 2020 as DOCX', () => {
	let doc: ReturnType<typeof blocks>;
	beforeAll(async () => {
		const bytes = await reportDocx(buildReport(db, orgId, 2020));
		const zip = await JSZip.loadAsync(bytes);
		doc = blocks(await zip.file('word/document.xml')!.async('string'));
	}, 30_000);

	it('has every section with its table, in the report order', () => {
		const headings = doc.filter((b): b is { heading: string } => 'heading' in b).map((b) => b.heading.split(' ')[0]);
		expect(headings).toEqual([
			'1.2.1', '1.2.2', '1.2.4', '1.3.1', '1.3.2', '1.3.3', '1.3.4', '1.4.3', '1.4.4', '1.4.5', '1.4.6', '1.4.7', '1.5', '1.5.1',
			'Anslag', '4.2', '4.3', '4.4', '5.1', '6'
		]);
		// Each heading is followed by its table.
		const tables = doc.filter((b) => 'table' in b);
		expect(tables).toHaveLength(headings.length);
	});

	it('prints the government template headings and the rows of each insats table', () => {
		const after = (code: string) => {
			const i = doc.findIndex((b) => 'heading' in b && b.heading.startsWith(`${code} `));
			return (doc.slice(i).find((b) => 'table' in b) as { table: string[][] }).table;
		};
		const t121 = after('1.2.1');
		expect(t121[0]).toEqual([...TABLE_COLUMNS]);
		expect(t121).toHaveLength(1 + 3);
		expect(t121[2][0]).toContain('Ramprogram - Ökad konkurrens- och investeringskraft');
		expect(t121[2][0]).toContain('Ärende ID Nyps: 2026 9854');
		expect(t121[2][1]).toBe('Mål RUS\n- Företagande, innovation, forskning och utveckling\nMål ERUF\n- Att öka små och medelstora företags konkurrenskraft');
		expect(t121[2][2]).toMatch(/^Ca 35,8 miljoner/);
		expect(t121[2][3]).toMatch(/^Ca 160 SME/);
		expect(after('1.2.2')).toHaveLength(1 + 5);
		expect(after('1.4.4')).toHaveLength(1);
		// 1.5 prints its own first-column heading; the reference row points to 1.2.2.
		const t15 = after('1.5');
		expect(t15[0][0]).toMatch(/^Namn på insats och kort beskrivning Ange eventuell finansierings-källa/);
		expect(t15[5][0]).toContain('(se återrapport 1.2.2)');
		expect(after('1.2.4')[0]).toEqual([...EARLIER_COLUMNS]);
		expect(after('1.2.4')[1][0]).toMatch(/^SIIR-JH: Smart Industri/);
		const analyses = after('5.1');
		expect(analyses[0]).toEqual([...ANALYSIS_COLUMNS]);
		expect(analyses).toHaveLength(1 + 22);
		expect(analyses[1].slice(1, 3)).toEqual(['Socioekonomisk analys – Mellersta Norrland', 'Nej']);
	});

	it('sums anslag 1:1 per national priority (the 2020 report gives sources, not amounts)', () => {
		const i = doc.findIndex((b) => 'heading' in b && b.heading.startsWith('Anslag 1:1'));
		const t = (doc[i + 1] as { table: string[][] }).table;
		expect(t[0]).toEqual([...FUNDS_COLUMNS]);
		expect(t).toContainEqual(['Attraktiva miljöer och tillgänglighet', '0', '1']);
		expect(t).toContainEqual(['Innovation och företagande', '0', '0']);
	});
});

describe('återrapportering 2020 as XLSX', () => {
	it('has the insats rows with their section and the template headings', async () => {
		const bytes = await reportXlsx(buildReport(db, orgId, 2020));
		const sheet = await readXlsx(bytes, ['Insatser']);
		const [head, ...rows] = sheet.rows.map((r) => r.cells.map(String));
		expect(head).toEqual(['Avsnitt', 'Rubrik', 'Nationell prioritering', ...TABLE_COLUMNS]);
		expect(rows).toHaveLength(33);
		expect(rows[0].slice(0, 3)).toEqual(['1.2.1', 'Innovation', 'Innovation och företagande']);
		const five = await readXlsx(bytes, ['Analyser 5.1']);
		expect(five.rows).toHaveLength(1 + 22);
	}, 30_000);
});

describe('an insats entered in Lägesbild', () => {
	// Published: the export never holds unpublished insatser (tests/unit/insats-drafts.test.ts).
	it('lands in a table of its national priority with the goal cell written from its links', () => {
		const fresh = seededDb();
		const s = fresh.$client;
		s.exec('SAVEPOINT t');
		try {
			const prio = (s.prepare("SELECT id FROM external_goal WHERE title = 'Kompetensförsörjning'").get() as { id: number }).id;
			const goal = (s.prepare("SELECT id FROM goal WHERE title = 'Livslångt lärande för tillväxt och personlig utveckling'").get() as { id: number }).id;
			const id = Number(s.prepare("INSERT INTO insats (organisation_id, name, nyps_ids, state) VALUES (?, 'Ny insats', '[\"00201234\"]', 'published')").run(orgId).lastInsertRowid);
			s.prepare('INSERT INTO insats_goal (insats_id, external_goal_id, sort_order) VALUES (?, ?, 0)').run(id, prio);
			s.prepare('INSERT INTO insats_goal (insats_id, goal_id, label, sort_order) VALUES (?, ?, ?, 1)').run(id, goal, 'Mål RUS');
			s.prepare("INSERT INTO insats_result (insats_id, year, type, text) VALUES (?, 2020, 'prestation', 'ca 120 deltagare')").run(id);
			s.prepare("INSERT INTO insats_financing (insats_id, source, amount, year) VALUES (?, 'anslag-1-1', 500000, 2020)").run(id);
			const m = buildReport(fresh, orgId, 2020);
			const t = m.tables.find((x) => x.title === 'Fler insatser inom Kompetensförsörjning')!;
			expect(t.code).toBe('1.4.99');
			expect(t.rows).toEqual([['Ny insats\nÄrende-id i NYPS: 00201234', 'Mål RUS\n- Livslångt lärande för tillväxt och personlig utveckling', 'ca 120 deltagare', '']]);
			expect(m.funds.find((f) => f.priority === 'Kompetensförsörjning')).toEqual({ priority: 'Kompetensförsörjning', amount: 500000, withoutAmount: 0 });
		} finally {
			s.exec('ROLLBACK TO t; RELEASE t');
		}
	});
});
