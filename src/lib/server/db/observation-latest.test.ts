/**
 * observation_latest stays equal to "the latest observation of each series" (ranked afresh from observation)
 * after the seed, an import, a re-import with changes (a new later period, an earlier one, a changed latest
 * value, a missing symbol), an import with --replace that removes a series' latest row, publishing and the
 * preview. Real SQLite, real migrations.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshSeededDb } from '../../../../tests/helpers/db';
import type { Db } from './client';
import { runImport } from '../import';
import { createUser, resolveScope } from '../auth/users';
import type { SessionUser } from '../auth/sessions';
import { saveObservationDraft } from '../editing/observation-drafts';
import { publishPeriod } from '../editing/publish';
import { withDraftsApplied } from '../editing/preview';
import { refreshLatestAll } from './observation-latest';

let db: Db;
const system = { userId: null, channel: 'system' as const };
const id = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { id: number }).id;

type Latest = { indicator_id: number; geography_id: number; sex: string; period: string; value: number | null; missing_symbol: string | null };

/** The table as stored, and as ranked afresh from observation: they must be equal. */
function stored(): Latest[] {
	return db.$client
		.prepare('SELECT indicator_id, geography_id, sex, period, value, missing_symbol FROM observation_latest ORDER BY indicator_id, geography_id, sex')
		.all() as Latest[];
}
function ranked(): Latest[] {
	return db.$client
		.prepare(
			`SELECT indicator_id, geography_id, sex, period, value, missing_symbol FROM (
			   SELECT *, row_number() OVER (PARTITION BY indicator_id, geography_id, sex ORDER BY period_end DESC, period_start DESC) AS rn FROM observation
			 ) WHERE rn = 1 ORDER BY indicator_id, geography_id, sex`
		)
		.all() as Latest[];
}
function latestOf(slug: string, geo: string, sex = 'T'): Latest | undefined {
	return db.$client
		.prepare(
			`SELECT l.indicator_id, l.geography_id, l.sex, l.period, l.value, l.missing_symbol FROM observation_latest l
			 JOIN indicator i ON i.id = l.indicator_id JOIN geography g ON g.id = l.geography_id WHERE i.slug = ? AND g.code = ? AND l.sex = ?`
		)
		.get(slug, geo, sex) as Latest | undefined;
}
const values = (rows: string[], replace = false) =>
	runImport(db, {
		kind: 'values',
		input: { bytes: new TextEncoder().encode(['indikator;geografi;period;kön;värde', ...rows].join('\n') + '\n'), fileName: 'värden.csv' },
		options: { replace },
		user: 'test'
	});

beforeEach(() => {
	db = freshSeededDb();
});

describe('observation_latest', () => {
	it('holds every series of the seeded demo data, as ranked from observation', () => {
		expect(stored().length).toBeGreaterThan(100);
		expect(stored()).toEqual(ranked());
	});

	it('follows an import and a re-import with changes', async () => {
		const first = await values(['invanare-totalt;1880;2030;T;100', 'invanare-totalt;1880;2031;T;101', 'invanare-totalt;1880;2031;K;50']);
		expect(first.ok, JSON.stringify(first.errors)).toBe(true);
		expect(latestOf('invanare-totalt', '1880')).toMatchObject({ period: '2031', value: 101 });
		expect(latestOf('invanare-totalt', '1880', 'K')).toMatchObject({ period: '2031', value: 50 });
		expect(stored()).toEqual(ranked());

		// The latest value changed, a later period for kvinnor, an earlier one that must not win, a missing symbol.
		const second = await values(['invanare-totalt;1880;2031;T;111', 'invanare-totalt;1880;2032;K;..', 'invanare-totalt;1880;2001;M;7']);
		expect(second.ok, JSON.stringify(second.errors)).toBe(true);
		expect(latestOf('invanare-totalt', '1880')).toMatchObject({ period: '2031', value: 111 });
		expect(latestOf('invanare-totalt', '1880', 'K')).toMatchObject({ period: '2032', value: null, missing_symbol: '..' });
		expect(stored()).toEqual(ranked());

		// A dry run and a failed import leave it as it was.
		const before = stored();
		expect((await runImport(db, { kind: 'values', input: { bytes: new TextEncoder().encode('indikator;geografi;period;kön;värde\ninvanare-totalt;1880;2040;T;1\n'), fileName: 'x.csv' }, options: { dryRun: true } })).ok).toBe(true);
		expect((await values(['invanare-totalt;1880;2041;T;1', 'invanare-totalt;9999;2041;T;1'])).ok).toBe(false);
		expect(stored()).toEqual(before);
	});

	it('falls back to the previous period when --replace removes a series’ latest row', async () => {
		expect((await values(['invanare-totalt;1880;2030;T;100', 'invanare-totalt;1880;2031;T;101'])).ok).toBe(true);
		const rows = (db.$client
			.prepare(
				`SELECT o.period, o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN geography g ON g.id = o.geography_id
				 WHERE i.slug = 'invanare-totalt' AND g.code = '1880' AND o.sex = 'T' AND o.period <> '2031'`
			)
			.all() as { period: string; value: number }[]).map((r) => `invanare-totalt;1880;${r.period};T;${String(r.value).replace('.', ',')}`);
		const res = await values(rows, true);
		expect(res.ok, JSON.stringify(res.errors)).toBe(true);
		expect(res.counts.observations!.removed).toBe(1);
		expect(latestOf('invanare-totalt', '1880')).toMatchObject({ period: '2030', value: 100 });
		expect(stored()).toEqual(ranked());
	});

	it('follows publishing, and the preview shows the drafts’ latest values without keeping them', () => {
		const periodId = id("SELECT id FROM follow_up_period WHERE slug = 'delar-1-2026'");
		const planId = id('SELECT plan_id AS id FROM follow_up_period WHERE id = ?', periodId);
		const key = { indicatorId: id("SELECT id FROM indicator WHERE slug = 'exempel-sjukfranvaro'"), geographyId: id('SELECT geography_id AS id FROM plan WHERE id = ?', planId), sex: 'T' as const, period: '2026T1' };
		const scope = resolveScope(db, { org: 'exempelregionen' });
		const u = createUser(db, { email: 'latest@example.se', name: 'Test', role: 'editor', scopes: [scope] }, system);
		const user: SessionUser = { id: u.id, email: u.email, name: u.name, role: 'editor', scopes: [scope] };
		const actor = { userId: u.id, channel: 'form' as const };
		const latest = () => db.$client.prepare('SELECT period, value FROM observation_latest WHERE indicator_id = ? AND geography_id = ? AND sex = ?').get(key.indicatorId, key.geographyId, 'T');
		const before = latest();
		expect(saveObservationDraft(db, actor, key, { raw: '81,4', note: '' }, { draftVersion: 0, publishedVersion: 0 }).ok).toBe(true);
		// The preview runs the public queries with the drafts applied: the latest value is the draft's.
		expect(withDraftsApplied(db, planId, latest)).toEqual({ period: '2026T1', value: 81.4 });
		expect(latest()).toEqual(before);
		expect(publishPeriod(db, user, actor, periodId)).toMatchObject({ ok: true, observations: 1 });
		expect(latest()).toEqual({ period: '2026T1', value: 81.4 });
		expect(stored()).toEqual(ranked());
	});

	it('is rebuilt from scratch by refreshLatestAll, and deleting an indicator removes its rows', () => {
		db.$client.exec('DELETE FROM observation_latest');
		refreshLatestAll(db.$client);
		expect(stored()).toEqual(ranked());
		const indicatorId = id("SELECT id FROM indicator WHERE slug = 'invanare-totalt'");
		db.$client.prepare('DELETE FROM indicator WHERE id = ?').run(indicatorId);
		expect(db.$client.prepare('SELECT count(*) AS n FROM observation_latest WHERE indicator_id = ?').get(indicatorId)).toEqual({ n: 0 });
	});
});
