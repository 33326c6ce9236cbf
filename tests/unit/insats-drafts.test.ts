/**
 * Drafts of published insatser: an edit stays off the public site, the API and the export until it is published;
 * previews show it without storing it; stale versions are conflicts; publishing over an import's change asks
 * first; every step is in the history.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { getInsats, listInsatser } from '../../src/lib/server/queries/insatser';
import { createInsats, deleteResult, insatsHistory, insatsValues, parseInsatsForm, readInsatsForm, resultSchema, saveInsats, saveResult, VersionConflict } from '../../src/lib/server/insatser/edit';
import { discardDraft, editingView, formOf, PublishedChanged, publishInsats, readDraft, unpublishInsats, withInsatsDraftApplied } from '../../src/lib/server/insatser/drafts';
import { buildReport } from '../../src/lib/server/insatser/report';
import { freshSeededDb } from '../helpers/db';

let db: Db;
let org: number;
let id: number;
const actor = { userId: 7, channel: 'form' as const };
const NAME = 'Regional samordning av yrkesvux';

beforeEach(() => {
	db = freshSeededDb();
	org = (db.$client.prepare("SELECT id FROM organisation WHERE slug = 'region-jamtland-harjedalen'").get() as { id: number }).id;
	id = listInsatser(db, org, {}).find((i) => i.name === NAME)!.id;
});

const published = () => getInsats(db, id, { publishedOnly: true })!;
const editing = () => editingView(db, id)!.insats;
const report2020 = () => JSON.stringify(buildReport(db, org, 2020).tables);

function rename(to: string, version = editing().version) {
	saveInsats(db, actor, id, version, { ...formOf(editing()), name: to });
}

describe('a published insats', () => {
	it('keeps edits of its fields and results in a draft that the public, the list and the export do not see', () => {
		const before = published();
		rename('Yrkesvux i hela länet');
		const [first, second] = editing().results;
		saveResult(db, actor, id, first.id, first.version, resultSchema('sv').parse({ year: '2020', type: 'prestation', term: '', basis: 'uppnadd', text: 'Fyra träffar per år.', figures: 'ca 40 deltagare' }));
		deleteResult(db, actor, id, second.id);
		saveResult(db, actor, id, null, 0, resultSchema('sv').parse({ year: '2021', type: 'effekt', term: 'kort', basis: '', text: 'Fler kursstarter.', figures: '10–20 kurser' }));

		// The public insats, the public list and the export are as published.
		expect(published()).toEqual(before);
		expect(listInsatser(db, org, {}).map((i) => i.name)).toContain(NAME);
		expect(report2020()).toContain(NAME);
		expect(report2020()).not.toContain('Yrkesvux i hela länet');
		expect(report2020()).not.toContain('Fyra träffar per år.');

		// Officials edit the draft.
		const e = editing();
		expect(e.name).toBe('Yrkesvux i hela länet');
		expect(e.results.map((r) => r.text)).toEqual(['Fyra träffar per år.', 'Fler kursstarter.']);
		expect(e.results[1].figures[0]).toMatchObject({ printed: '10–20 kurser', rangeLow: 10, rangeHigh: 20 });
		expect(insatsValues(e).name).toBe('Yrkesvux i hela länet');

		// The preview is the published page as it will be, and nothing of it stays.
		const preview = withInsatsDraftApplied(db, id, () => getInsats(db, id, { publishedOnly: true })!, { asPublished: true });
		expect(preview.name).toBe('Yrkesvux i hela länet');
		expect(preview.results.map((r) => r.text).sort()).toEqual(['Fler kursstarter.', 'Fyra träffar per år.']);
		expect(published()).toEqual(before);

		publishInsats(db, actor, id, editing().version);
		const after = published();
		expect(after.name).toBe('Yrkesvux i hela länet');
		expect(after.results.map((r) => [r.year, r.text])).toEqual([
			[2021, 'Fler kursstarter.'],
			[2020, 'Fyra träffar per år.']
		]);
		expect(after.results[1].figures.map((f) => [f.approx, f.value, f.unit])).toEqual([['ca', 40, 'deltagare']]);
		// Goal links and financing the edit did not touch are kept.
		expect(after.goals.map((g) => g.goal?.id ?? g.external?.id ?? g.printed)).toEqual(before.goals.map((g) => g.goal?.id ?? g.external?.id ?? g.printed));
		expect(after.financing).toEqual(before.financing.map((f, n) => ({ ...f, id: after.financing[n].id })));
		expect(readDraft(db, id)).toBeNull();
		expect(report2020()).toContain('Yrkesvux i hela länet');
		expect(insatsHistory(db, id).map((h) => `${h.action} ${h.entity}${h.action !== 'publish' && (h.new ?? h.old ?? '').includes('"draft":true') ? ' (utkast)' : ''}`)).toEqual([
			'publish insats',
			'create insats_result (utkast)',
			'delete insats_result (utkast)',
			'update insats_result (utkast)',
			'update insats (utkast)'
		]);
	});

	it('makes a save from a stale version a conflict that shows the draft as saved', () => {
		const v = editing().version;
		rename('Första');
		let caught: unknown;
		try {
			rename('Andra', v);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(VersionConflict);
		expect((caught as VersionConflict).current.name).toBe('Första');
		expect(editing().name).toBe('Första');
		// A result edited from a version someone else changed meanwhile is a conflict too.
		const r = editing().results[0];
		const form = resultSchema('sv').parse({ year: '2020', type: r.type, term: '', basis: '', text: 'Ett', figures: '' });
		saveResult(db, actor, id, r.id, r.version, form);
		expect(() => saveResult(db, actor, id, r.id, r.version, { ...form, text: 'Två' })).toThrow(VersionConflict);
	});

	it('asks before publishing over a change an import made meanwhile', () => {
		rename('Utkastets namn');
		db.$client.prepare("UPDATE insats SET description = 'Ändrad av import', version = version + 1 WHERE id = ?").run(id);
		expect(editingView(db, id)!.draft!.stale).toBe(true);
		expect(() => publishInsats(db, actor, id, editing().version)).toThrow(PublishedChanged);
		expect(published().name).toBe(NAME);
		publishInsats(db, actor, id, editing().version, true);
		expect(published().name).toBe('Utkastets namn');
	});

	it('discards a draft, and a form from the discarded draft is then a conflict', () => {
		rename('Kastas');
		const v = editing().version;
		expect(() => unpublishInsats(db, actor, id, v)).not.toThrow();
		expect(unpublishInsats(db, actor, id, v)).toBe('has-draft');
		discardDraft(db, actor, id, v);
		expect(readDraft(db, id)).toBeNull();
		expect(editing().name).toBe(NAME);
		expect(published().name).toBe(NAME);
		expect(() => rename('Från det kastade', v)).toThrow(VersionConflict);
		expect(insatsHistory(db, id)[0].action).toBe('discard');
	});
});

describe('the export and the public list', () => {
	it('leave out an insats that has never been published, even with results for the year', () => {
		const form = parseInsatsForm(readInsatsForm(fd({ name: 'Hemlig insats 2020', where: 'lan' })), 'sv').form!;
		const draftId = createInsats(db, actor, org, form);
		saveResult(db, actor, draftId, null, 0, resultSchema('sv').parse({ year: '2020', type: 'prestation', term: '', basis: '', text: 'Opublicerat resultat', figures: '' }));
		expect(report2020()).not.toContain('Hemlig insats 2020');
		expect(report2020()).not.toContain('Opublicerat resultat');
		expect(listInsatser(db, org, {}).map((i) => i.id)).not.toContain(draftId);
		publishInsats(db, actor, draftId, getInsats(db, draftId, { publishedOnly: false })!.version);
		expect(report2020()).toContain('Hemlig insats 2020');
	});

	it('leave out an insats taken off the public site, even where a report section holds it', () => {
		expect(report2020()).toContain(NAME);
		unpublishInsats(db, actor, id, editing().version);
		expect(report2020()).not.toContain(NAME);
	});
});

function fd(o: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(o)) f.append(k, v);
	return f;
}
