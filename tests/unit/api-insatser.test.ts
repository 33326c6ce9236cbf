/**
 * The insatser endpoint of the open data API: the public list's filters checked with clear Swedish and English
 * messages, published insatser only (never a never-published insats, never a draft's changes), and CSV.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { parseInsatserQuery } from '../../src/lib/server/api/params';
import { toCsv } from '../../src/lib/server/api/csv';
import { ENDPOINTS } from '../../src/lib/server/api/catalogue';
import { listInsatser, organisationBySlug, type FinancingSource } from '../../src/lib/server/queries/insatser';
import { apiInsatser, insatserContext, insatserCsv } from '../../src/lib/server/queries/api/insatser';
import { createInsats, parseInsatsForm, saveInsats } from '../../src/lib/server/insatser/edit';
import { editingView, formOf } from '../../src/lib/server/insatser/drafts';
import { freshSeededDb } from '../helpers/db';

const ORG = 'region-jamtland-harjedalen';
let db: Db;
let org: NonNullable<ReturnType<typeof organisationBySlug>>;
beforeAll(() => {
	db = freshSeededDb();
	org = organisationBySlug(db, ORG)!;
});

/** What the route answers for a query string (the route is these three calls). */
function get(q: string) {
	const parsed = parseInsatserQuery(q, null, insatserContext(db, org.id, org.geographyId));
	if (!parsed.ok) return { errors: parsed.errors };
	const f = parsed.value.filter;
	return { data: apiInsatser(listInsatser(db, org.id, { ...f, financing: f.financing as FinancingSource | null }), ORG), output: parsed.value.output };
}

describe('GET /api/v1/organisations/{org}/insatser', () => {
	it('is in the API index', () => {
		expect(ENDPOINTS.map((e) => e.path)).toContain('/api/v1/organisations/{org}/insatser');
	});

	it('lists the 30 published insatser with links, and filters like the public list', () => {
		const all = get('').data!;
		expect(all).toHaveLength(30);
		expect(all[0]).toMatchObject({ name: 'Framtagande av Program för Smart Specialisering', url: `/${ORG}/insatser/${all[0].id}`, api: `/api/v1/organisations/${ORG}/insatser/${all[0].id}` });
		expect(get('financing=interreg').data).toHaveLength(2);
		expect(get('kommun=2305').data!.map((i) => i.name)).toEqual(['Investering i ny bränslestation Kälarne Bräcke kommun']);
		const kompetens = insatserContext(db, org.id, org.geographyId).priorities.find((p) => p.title === 'Kompetensförsörjning')!;
		expect(get(`priority=${kompetens.id}`).data).toHaveLength(5);
		const goal = (db.$client.prepare("SELECT id FROM goal WHERE title = 'Infrastruktur och samhällsservice'").get() as { id: number }).id;
		expect(get(`goal=${goal}`).data).toHaveLength(7);
	});

	it('answers bad parameters with what was wrong and what works, in Swedish and English', () => {
		expect(get('financing=eu').errors).toEqual([
			{ parameter: 'financing', message: "Okänd finansiering 'eu'. Använd anslag-1-1, eruf, esf-plus, interreg, egen, annan.", message_en: "Unknown funding 'eu'. Use anslag-1-1, eruf, esf-plus, interreg, egen, annan." }
		]);
		expect(get('kommun=1880').errors![0]).toMatchObject({ parameter: 'kommun', message: expect.stringContaining("Okänd kommun '1880'"), message_en: expect.stringContaining("Unknown municipality '1880'") });
		expect(get('priority=abc').errors![0].message).toBe("priority ska vara ett id (ett positivt heltal), inte 'abc'.");
		expect(get('priority=999999').errors![0].message).toMatch(/^Okänt id priority=999999\. Nationella prioriteringar: \d+ \(Innovation och företagande\)/);
		expect(get('prioritering=1').errors![0]).toMatchObject({ parameter: 'prioritering', message: expect.stringContaining("Okänd parameter 'prioritering'") });
	});

	it('never shows an unpublished insats, nor the unpublished changes to a published one', () => {
		const draftId = createInsats(db, { userId: null, channel: 'system' }, org.id, parseInsatsForm({ name: 'Opublicerad API-insats', where: 'lan' }, 'sv').form!);
		const published = get('').data![0];
		const view = editingView(db, published.id)!.insats;
		saveInsats(db, { userId: null, channel: 'system' }, published.id, view.version, { ...formOf(view), name: 'Ändrat i ett utkast' });
		const names = get('').data!.map((i) => i.name);
		expect(names).not.toContain('Opublicerad API-insats');
		expect(names).not.toContain('Ändrat i ett utkast');
		expect(names).toContain(published.name);
		expect(get('').data!.map((i) => i.id)).not.toContain(draftId);
	});

	it('writes CSV with one insats per row', () => {
		const r = get('financing=interreg&format=csv');
		const csv = toCsv(insatserCsv(r.data!), r.output!);
		const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
		expect(lines[0]).toBe('id,name,description,status,nyps_ids,years,national_priorities,financing,whole_county,kommuner,url');
		expect(lines).toHaveLength(3);
	});
});
