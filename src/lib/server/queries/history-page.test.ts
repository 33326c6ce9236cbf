/** The history page's query on real SQLite with the demo data: what the id names, and its entries newest first. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { freshSeededDb } from '../../../../tests/helpers/db';
import { createUser } from '../auth/users';
import { keyId, saveObservationDraft } from '../editing/observation-drafts';
import { saveAssessmentDraft } from '../editing/assessment-drafts';
import { getHistoryPage, isHistoryEntity } from './history-page';

let db: Db;
beforeEach(() => {
	db = freshSeededDb();
});
const id = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { id: number }).id;

describe('getHistoryPage', () => {
	it('names the value and lists its changes newest first, with who and through which channel', () => {
		const u = createUser(db, { email: 'hist@example.se', name: 'Hanna Historik', role: 'reviewer', scopes: [] }, { userId: null, channel: 'system' });
		const key = { indicatorId: id("SELECT id FROM indicator WHERE slug = 'exempel-sjukfranvaro'"), geographyId: id("SELECT geography_id AS id FROM plan WHERE slug = 'verksamhetsplan-2025'"), sex: 'T' as const, period: '2026T1' };
		saveObservationDraft(db, { userId: u.id, channel: 'grid' }, key, { raw: '4,7', note: '' }, { draftVersion: 0, publishedVersion: 0 });
		saveObservationDraft(db, { userId: null, channel: 'form' }, key, { raw: '4,9', note: '' }, { draftVersion: 1, publishedVersion: 0 });
		const page = getHistoryPage(db, 'observation', keyId(key));
		expect(page?.subject).toEqual({ entity: 'observation', indicator: expect.stringMatching(/ukfrånvaro/i), unit: '%', geography: expect.any(String), sex: 'T', period: '2026T1' });
		expect(page?.entries.map((e) => [e.action, e.channel, e.who, (e.new as { value: number }).value])).toEqual([
			['draft.save', 'form', null, 4.9],
			['draft.save', 'grid', 'Hanna Historik', 4.7]
		]);
	});

	it('names an assessment by its subject and period', () => {
		const periodId = id("SELECT id FROM follow_up_period WHERE slug = 'delar-1-2026'");
		const goal = id("SELECT id FROM goal WHERE number = 'Nr 4'");
		saveAssessmentDraft(db, { userId: null, channel: 'form' }, { periodId, kind: 'goal', id: goal }, { colour: 'yellow', overrideReason: '', comment: 'Nästan.' }, { draftVersion: 0, publishedVersion: 0 });
		const page = getHistoryPage(db, 'assessment', `${periodId}:goal:${goal}`);
		expect(page?.subject).toMatchObject({ kind: 'goal', name: expect.stringMatching(/Nr 4.*Fler invånare har ett arbete/), periodLabel: 'Delår 1 2026' });
		expect(page?.entries).toHaveLength(1);
	});

	it('returns null for ids that name nothing or are malformed', () => {
		expect(getHistoryPage(db, 'observation', '999999:1:T:2025')).toBeNull();
		expect(getHistoryPage(db, 'observation', "1:1:T:2025' OR 1=1")).toBeNull();
		expect(getHistoryPage(db, 'assessment', '1:plan:1')).toBeNull();
		expect(isHistoryEntity('user')).toBe(false);
	});
});
