/**
 * Insatser: the public list and its filters (published only), the goal page's insatser, and officials'
 * changes: validation with specific messages, optimistic locking, publishing, results with figures, history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { createDb } from '../../src/lib/server/db/client';
import { seedDemo } from '../../src/lib/server/seed';
import { filterOptions, getInsats, insatserForGoal, listInsatser } from '../../src/lib/server/queries/insatser';
import { allowed } from '../../src/lib/server/auth/guard';
import {
	createInsats,
	insatsHistory,
	insatsTarget,
	parseInsatsForm,
	resultSchema,
	saveInsats,
	saveResult,
	VersionConflict
} from '../../src/lib/server/insatser/edit';
import { publishInsats } from '../../src/lib/server/insatser/drafts';

let db: Db;
let org: number;
const one = <T>(sql: string, ...a: unknown[]) => db.$client.prepare(sql).get(...a) as T;
beforeAll(() => {
	db = createDb(':memory:');
	seedDemo(db);
	org = one<{ id: number }>("SELECT id FROM organisation WHERE slug = 'region-jamtland-harjedalen'").id;
});

describe('public list', () => {
	it('lists the 30 published insatser in report order and filters them', () => {
		const all = listInsatser(db, org, {});
		expect(all).toHaveLength(30);
		expect(all[0].name).toBe('Framtagande av Program för Smart Specialisering');
		const opts = filterOptions(db, org);
		expect(opts.priorities.map((p) => p.title)).toEqual(['Innovation och företagande', 'Attraktiva miljöer och tillgänglighet', 'Kompetensförsörjning', 'Internationellt samarbete']);
		expect(opts.financing).toEqual(['anslag-1-1', 'eruf', 'interreg']);
		const kompetens = opts.priorities.find((p) => p.title === 'Kompetensförsörjning')!;
		expect(listInsatser(db, org, { priority: kompetens.id }).map((i) => i.name)).toEqual([
			'Projekt Modell för matchning i praktiken',
			'Gemensam näringslivsundersökning med samtliga näringslivskontor i länet',
			'Regional samordning av yrkesvux',
			'Utveckling av webbplattform www.larcentrum.se',
			'Studiecoacher och Supported Education.'
		]);
		expect(listInsatser(db, org, { financing: 'interreg' })).toHaveLength(2);
		expect(listInsatser(db, org, { kommun: '2305' }).map((i) => i.name)).toEqual(['Investering i ny bränslestation Kälarne Bräcke kommun']);
		const goal = one<{ id: number }>("SELECT id FROM goal WHERE title = 'Infrastruktur och samhällsservice'").id;
		expect(listInsatser(db, org, { goal })).toHaveLength(7);
	});

	it('shows a goal its published insatser with their results, and never a draft', () => {
		const goal = one<{ id: number }>("SELECT id FROM goal WHERE title = 'Livslångt lärande för tillväxt och personlig utveckling'").id;
		const list = insatserForGoal(db, goal);
		expect(list.map((i) => i.name)).toContain('Regional samordning av yrkesvux');
		const yrkesvux = list.find((i) => i.name === 'Regional samordning av yrkesvux')!;
		expect(yrkesvux.results.map((r) => r.type)).toEqual(['prestation', 'effekt']);
		expect(yrkesvux.results[0].figures[0]).toMatchObject({ printed: 'minst fyra gånger/år', value: 4, qualifier: 'minst' });
		const id = createInsats(db, { userId: null, channel: 'system' }, org, parseInsatsForm({ name: 'Utkast', goal: [String(goal)] }, 'sv').form!);
		expect(insatserForGoal(db, goal).map((i) => i.id)).not.toContain(id);
		expect(getInsats(db, id, { publishedOnly: true })).toBeNull();
	});
});

describe('officials', () => {
	it('refuses an editor outside the owner organisation', () => {
		const id = listInsatser(db, org, {})[0].id;
		const target = insatsTarget(db, id)!;
		expect(allowed({ id: 1, email: 'a@b.se', name: 'A', role: 'editor', scopes: [{ kind: 'organisation', id: org }] }, ['admin', 'editor'], target)).toBe(true);
		expect(allowed({ id: 2, email: 'c@d.se', name: 'C', role: 'editor', scopes: [{ kind: 'organisation', id: org + 1 }] }, ['admin', 'editor'], target)).toBe(false);
		expect(allowed({ id: 3, email: 'e@f.se', name: 'E', role: 'reviewer', scopes: [{ kind: 'organisation', id: org }] }, ['admin', 'editor'], target)).toBe(false);
	});

	it('gives specific messages for bad input', () => {
		const { form, errors } = parseInsatsForm(
			{ name: ' ', nyps: '0020 7955\n20-26', periodFrom: '2021', periodTo: '2020', where: 'kommuner', finSource: ['eruf'], finAmount: ['12,5,3'], finYear: ['20'], finNote: [''] },
			'sv'
		);
		expect(form).toBeNull();
		expect(errors).toEqual({
			name: 'Skriv insatsens namn.',
			nyps: "'20-26' är inte ett NYPS-id: skriv bara siffror, till exempel 0020 7955.",
			periodTo: 'Perioden slutar före den börjar.',
			where: 'Välj minst en kommun, eller hela länet.',
			'finAmount-0': "'12,5,3' är inte ett belopp i kronor, till exempel 1 500 000.",
			'finYear-0': 'Skriv ett år med fyra siffror, till exempel 2020.'
		});
	});

	it('saves with optimistic locking, publishes, keeps results with figures, and writes history', () => {
		const actor = { userId: 7, channel: 'form' as const };
		const form = parseInsatsForm({ name: 'Testinsats', nyps: '0020 7955', where: 'lan', finSource: ['anslag-1-1', ''], finAmount: ['1 500 000', ''], finYear: ['2024', ''], finNote: ['', ''] }, 'sv').form!;
		expect(form.nypsIds).toEqual(['00207955']);
		const id = createInsats(db, actor, org, form);
		const v1 = getInsats(db, id, { publishedOnly: false })!;
		expect(v1.financing).toMatchObject([{ source: 'anslag-1-1', amount: 1_500_000, year: 2024 }]);
		saveInsats(db, actor, id, v1.version, { ...form, name: 'Testinsats, ändrad' });
		// A second person who opened version 1 gets a conflict with what is stored now, not an overwrite.
		expect(() => saveInsats(db, { userId: 8, channel: 'form' }, id, v1.version, { ...form, name: 'Skriver över' })).toThrow(VersionConflict);
		expect(getInsats(db, id, { publishedOnly: false })!.name).toBe('Testinsats, ändrad');
		const r = resultSchema('sv').parse({ year: '2024', type: 'prestation', term: '', basis: 'uppnadd', text: '189 jobb varav 86 kvinnor och 103 män', figures: '189 jobb varav 86 kvinnor och 103 män\nca 120 företag' });
		const cur = getInsats(db, id, { publishedOnly: false })!;
		saveResult(db, actor, id, null, 0, r);
		const after = getInsats(db, id, { publishedOnly: false })!;
		expect(after.version).toBe(cur.version + 1);
		expect(after.results[0].figures.map((f) => [f.value, f.unit, f.sex, f.approx])).toEqual([
			[189, 'jobb', 'T', null],
			[86, 'jobb', 'K', null],
			[103, 'jobb', 'M', null],
			[120, 'företag', 'T', 'ca']
		]);
		publishInsats(db, actor, id, after.version);
		expect(getInsats(db, id, { publishedOnly: true })?.state).toBe('published');
		expect(insatsHistory(db, id).map((h) => `${h.action} ${h.entity}`)).toEqual(['publish insats', 'create insats_result', 'update insats', 'create insats']);
		expect(() => db.$client.prepare('DELETE FROM audit_log').run()).toThrow();
	});
});
