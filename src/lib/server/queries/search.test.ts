import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { emptyDb, seededDb } from '../../../../tests/helpers/db';
import { highlightParts, type Highlighted } from '../../domain/search';
import {
	getSearchIndex,
	invalidateSearchIndex,
	loadSearchDocuments,
	searchDataVersion,
	searchSite,
	type SearchItem,
	type SiteSearchResult
} from './search';

let db: Db;
beforeAll(() => {
	db = seededDb();
});

const items = (r: SiteSearchResult, type?: SearchItem['type']): SearchItem[] =>
	r.groups.filter((g) => !type || g.type === type).flatMap((g) => g.items);
const marked = (h: Highlighted | null) => (h ? highlightParts(h).filter((p) => p.mark).map((p) => p.text) : []);

describe('loadSearchDocuments', () => {
	it('loads every goal, uppdrag and indicator of the demo data with a link and where it belongs', () => {
		const docs = loadSearchDocuments(db);
		const count = (table: string) =>
			(db.$client.prepare(`SELECT count(*) AS n FROM ${table} WHERE archived = 0`).get() as { n: number }).n;
		expect(docs.filter((d) => d.type === 'goal')).toHaveLength(count('goal'));
		expect(docs.filter((d) => d.type === 'uppdrag')).toHaveLength(count('uppdrag'));
		expect(docs.filter((d) => d.type === 'indicator')).toHaveLength(count('indicator'));
		const nr19 = docs.find((d) => d.type === 'goal' && d.number === 'Nr 19')!;
		expect(nr19.meta).toEqual({
			href: `/region-orebro-lan/rtn-verksamhetsplan-2019/mal/${nr19.id}`,
			places: [{ organisation: 'Region Örebro län', plan: 'Regional tillväxtnämnd – verksamhetsplan 2019' }],
			isExample: false
		});
	});
});

describe('searchSite on the demo data', () => {
	it('"jämställdhetsintegrerade" finds the Örebro indicator of Inriktningsmål Nr 2', () => {
		const r = searchSite(db, 'jämställdhetsintegrerade');
		expect(r.status).toBe('ok');
		const [ind] = items(r, 'indicator');
		expect(ind.href).toBe('/indikator/andel-handlingsplaner-och-understrategier-kopplade-till-rus');
		expect(ind.title.text).toBe(
			'Andel handlingsplaner och understrategier kopplade till RUS som är jämställdhetsintegrerade ska öka.'
		);
		expect(marked(ind.title)).toEqual(['jämställdhetsintegrerade']);
		expect(ind.places).toEqual([
			{ organisation: 'Region Örebro län', plan: 'Regional tillväxtnämnd – verksamhetsplan 2019' }
		]);
		const goals = db.$client
			.prepare('SELECT g.number FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE gi.indicator_id = ?')
			.all(ind.id) as { number: string }[];
		expect(goals.map((g) => g.number)).toEqual(['Nr 2']);
	});

	it('"ökning" finds the indicators that say "ska öka", as stem matches', () => {
		const r = searchSite(db, 'ökning');
		const inds = items(r, 'indicator');
		expect(inds.length).toBeGreaterThan(20);
		const jamix = inds.find((i) => i.href === '/indikator/jamix-jamstalldhetsindex-ska-oka-i-jamforelse-med')!;
		expect(jamix.matches[0]).toMatchObject({ kind: 'stem', term: 'ökning', word: 'öka' });
		expect(marked(jamix.title)).toEqual(['öka']);
		expect(items(r, 'goal').some((g) => g.title.text.includes('Resandet med kollektivtrafik ökar'))).toBe(true);
	});

	it('"arbetslöshet" finds the Kolada indicator and the example one, each with its organisation › plan', () => {
		const r = searchSite(db, 'arbetslöshet');
		const hrefs = items(r, 'indicator').map((i) => i.href);
		expect(hrefs).toEqual(expect.arrayContaining(['/indikator/arbetsloshet-18-65-ar', '/indikator/exempel-arbetsloshet']));
		const example = items(r).find((i) => i.href === '/indikator/exempel-arbetsloshet')!;
		expect(example.isExample).toBe(true);
		expect(example.places[0]).toEqual({ organisation: 'Exempelregionen', plan: 'Verksamhetsplan 2025 (exempel)' });
	});

	it.each(['Nr 19', '19', 'nr 19'])('%j puts Inriktningsmål Nr 19 first', (query) => {
		const [first] = items(searchSite(db, query));
		expect(first.type).toBe('goal');
		expect(first.label?.text).toBe('Inriktningsmål: Nr 19.');
		expect(first.href).toMatch(/^\/region-orebro-lan\/rtn-verksamhetsplan-2019\/mal\/\d+$/);
		expect(first.matches).toContainEqual(expect.objectContaining({ kind: 'number' }));
	});

	it('"HBTQ" finds Uppdrag 4 with its link and the word marked', () => {
		const [u] = items(searchSite(db, 'HBTQ'), 'uppdrag');
		expect(u.label?.text).toBe('Uppdrag 4.');
		expect(u.href).toMatch(/^\/region-orebro-lan\/rtn-verksamhetsplan-2019\/uppdrag\/\d+$/);
		expect(marked(u.title)).toEqual(['HBTQ']);
	});

	it('"kommunernas" finds uppdrag about the kommuner; "företagen" finds goals about företag', () => {
		expect(items(searchSite(db, 'kommunernas'), 'uppdrag').map((u) => u.label?.text)).toContain('Uppdrag 2.');
		expect(items(searchSite(db, 'företagen'), 'goal').map((g) => g.label?.text)).toContain('Inriktningsmål: Nr 19.');
	});

	it('groups hits as goal, uppdrag, indicator with counts that add up to the total', () => {
		const r = searchSite(db, 'jämställdhet');
		expect(r.groups.map((g) => g.type)).toEqual(['goal', 'uppdrag', 'indicator']);
		expect(r.groups.reduce((n, g) => n + g.count, 0)).toBe(r.total);
		expect(r.groups.every((g) => g.items.length === g.count)).toBe(true);
		expect(items(r, 'indicator').map((i) => i.href)).toContain(
			'/indikator/andel-handlingsplaner-och-understrategier-kopplade-till-rus'
		);
	});

	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['a', 'too_short'],
		['ö', 'too_short'],
		['qwxyzzy', 'no_results']
	] as const)('%j gives status %s and no hits', (query, status) => {
		const r = searchSite(db, query);
		expect(r.status).toBe(status);
		expect(r.total).toBe(0);
		expect(items(r)).toEqual([]);
	});
});

describe('the cached index', () => {
	it('is reused while the data version stays the same', () => {
		const version = searchDataVersion(db);
		expect(version).toMatch(/^\d+@\d{4}-.*\|\d+$/);
		expect(getSearchIndex(db)).toBe(getSearchIndex(db));
		expect(searchDataVersion(db)).toBe(version);
	});

	it('is rebuilt when a row is added or its updated_at moves, or on demand', () => {
		const fresh = emptyDb();
		const sql = fresh.$client;
		sql.prepare(`INSERT INTO organisation (id, slug, name) VALUES (1, 'org', 'Testregionen')`).run();
		sql.prepare(`INSERT INTO plan (id, organisation_id, slug, name, kind, level_names) VALUES (1, 1, 'plan', 'Plan', 'annan', '["Mål"]')`).run();
		const found = (q: string) => searchSite(fresh, q).total;

		expect(found('cykelvägar')).toBe(0);
		sql.prepare(`INSERT INTO goal (id, plan_id, title, updated_at) VALUES (1, 1, 'Fler cykelvägar i länet.', '2026-01-01T00:00:00.000Z')`).run();
		expect(found('cykelvägar')).toBe(1);

		sql.prepare(`UPDATE goal SET title = 'Fler gångvägar i länet.', updated_at = '2026-01-02T00:00:00.000Z' WHERE id = 1`).run();
		expect([found('gångvägar'), found('cykelvägar')]).toEqual([1, 0]);

		// An edit that does not bump updated_at is not seen until the index is invalidated.
		sql.prepare(`UPDATE goal SET title = 'Fler busslinjer i länet.' WHERE id = 1`).run();
		expect(found('busslinjer')).toBe(0);
		invalidateSearchIndex(fresh);
		expect(found('busslinjer')).toBe(1);
	});
});
