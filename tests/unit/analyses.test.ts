/**
 * Officials' editing of the 5.1 list (analyses, follow-ups, evaluations): specific messages for bad input,
 * rows added at the end and renumbered after a removal, stale versions as conflicts, the history of each
 * change, and the export showing the list as it is now.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { AnalysisConflict, analysisHistory, analysisSchema, createAnalysis, deleteAnalysis, listAnalyses, saveAnalysis } from '../../src/lib/server/insatser/analyses';
import { buildReport } from '../../src/lib/server/insatser/report';
import { freshSeededDb } from '../helpers/db';

let db: Db;
let org: number;
const actor = { userId: null, channel: 'form' as const };
beforeEach(() => {
	db = freshSeededDb();
	org = (db.$client.prepare("SELECT id FROM organisation WHERE slug = 'region-jamtland-harjedalen'").get() as { id: number }).id;
});

const form = (o: Record<string, string>) => analysisSchema('sv').parse({ type: '', name: '', financed: '', howUsed: '', ...o });
const table51 = (year: number) => buildReport(db, org, year).tables.find((t) => t.kind === 'analyser');

describe('the 5.1 list', () => {
	it('says what is wrong with a row', () => {
		const r = analysisSchema('sv').safeParse({ type: '', name: ' ', financed: 'kanske', howUsed: '' });
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
			['name', 'Skriv namnet på analysen, uppföljningen eller utvärderingen.'],
			['financed', 'Välj ja, nej eller ej angivet.']
		]);
	});

	it('adds, changes and removes rows with history, and the export follows', () => {
		expect(listAnalyses(db, org, 2020)).toHaveLength(22);
		const id = createAnalysis(db, actor, org, 2020, form({ type: 'utvärdering', name: 'Utvärdering av RUS', financed: 'ja', howUsed: 'I nästa strategi.' }));
		const rows = listAnalyses(db, org, 2020);
		expect(rows.at(-1)).toMatchObject({ id, rowNumber: 23, type: 'utvärdering', financedBy11: true, howUsed: 'I nästa strategi.' });
		expect(table51(2020)!.rows.at(-1)).toEqual(['utvärdering', 'Utvärdering av RUS', 'Ja', 'I nästa strategi.']);

		saveAnalysis(db, actor, id, 1, form({ type: 'utvärdering', name: 'Utvärdering av RUS 2014–2020', financed: 'nej', howUsed: '' }));
		expect(listAnalyses(db, org, 2020).at(-1)).toMatchObject({ name: 'Utvärdering av RUS 2014–2020', financedBy11: false, howUsed: null, version: 2 });

		const first = rows[0];
		deleteAnalysis(db, actor, first.id, first.version);
		const after = listAnalyses(db, org, 2020);
		expect(after.map((r) => r.rowNumber)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
		expect(after[0].name).toBe(rows[1].name);
		expect(table51(2020)!.rows).toHaveLength(22);
		expect(analysisHistory(db, org, 2020).map((h) => `${h.action} ${h.name}`)).toEqual([
			`delete ${first.name}`,
			'update Utvärdering av RUS 2014–2020',
			'create Utvärdering av RUS'
		]);
	});

	it('makes a save or removal from a stale version a conflict that shows the row as saved', () => {
		const row = listAnalyses(db, org, 2020)[3];
		saveAnalysis(db, actor, row.id, row.version, form({ name: 'Först sparad' }));
		let caught: unknown;
		try {
			saveAnalysis(db, actor, row.id, row.version, form({ name: 'Skriver över' }));
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(AnalysisConflict);
		expect((caught as AnalysisConflict).current?.name).toBe('Först sparad');
		expect(() => deleteAnalysis(db, actor, row.id, row.version)).toThrow(AnalysisConflict);
		expect(listAnalyses(db, org, 2020)[3].name).toBe('Först sparad');
	});

	it('starts the 5.1 section of a year that has none, so the export has the table', () => {
		expect(table51(2021)).toBeUndefined();
		createAnalysis(db, actor, org, 2021, form({ type: 'analys', name: 'Ny analys', financed: 'ja' }));
		expect(table51(2021)!.rows).toEqual([['analys', 'Ny analys', 'Ja', '']]);
	});
});
