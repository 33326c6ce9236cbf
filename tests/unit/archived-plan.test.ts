/**
 * An archived plan is done with (issue 6 with migration 0005): it leaves the public site (plan page, chapter and
 * its downloads, organisation page), the review list, "Att rapportera" and the grid, and its periods refuse the
 * review workflow; the admin review page and the command line still show its chapter for the archive.
 * Restoring the plan brings everything back.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import type { Db } from '../../src/lib/server/db/client';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { freshSeededDb } from '../helpers/db';
import { setPlanArchived } from '../../src/lib/server/structure/plans';
import { getChapter } from '../../src/lib/server/review/chapter';
import { reviewOverview } from '../../src/lib/server/review/overview';
import { markReady, WorkflowError } from '../../src/lib/server/review/workflow';
import { worklist } from '../../src/lib/server/editing/worklist';
import { getReportingPeriod } from '../../src/lib/server/editing/period';
import { getPlanPage } from '../../src/lib/server/queries/plan-page';
import { getOrganisationPage } from '../../src/lib/server/queries/organisation-page';
import { periodLines } from '../../src/lib/server/review/export/cli';

let db: Db;
vi.mock('$lib/server/db', () => ({ getDb: () => db }));

const admin: SessionUser = { id: 1, email: 'a@x.se', name: 'Admin', role: 'admin', scopes: [] };
const ORG = 'exempelregionen';
const PLAN = 'verksamhetsplan-2025';
let planId: number;
let openPeriod: number;

beforeEach(() => {
	db = freshSeededDb();
	planId = (db.$client.prepare('SELECT id FROM plan WHERE slug = ?').get(PLAN) as { id: number }).id;
	openPeriod = (db.$client.prepare("SELECT id FROM follow_up_period WHERE plan_id = ? AND slug = 'delar-1-2026'").get(planId) as { id: number }).id;
});

const inReviewList = () => reviewOverview(db).some((r) => r.plan === PLAN);
const inWorklist = () => worklist(db, admin).some((p) => p.planId === planId);

async function gridStatus(): Promise<number> {
	const { load } = await import('../../src/routes/admin/rapportera/[period]/tabell/+page.server');
	try {
		await load!({ locals: { user: admin, locale: 'sv' }, params: { period: String(openPeriod) }, url: new URL('http://localhost/') } as never);
		return 200;
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('an archived plan', () => {
	it('is everywhere while it is not archived (the control)', async () => {
		expect(getChapter(db, ORG, PLAN, 'helar-2025', { publishedOnly: true })).not.toBeNull();
		expect(inReviewList()).toBe(true);
		expect(inWorklist()).toBe(true);
		expect(getReportingPeriod(db, openPeriod)).not.toBeNull();
		expect(await gridStatus()).toBe(200);
	});

	it('leaves the public site, the review list, Att rapportera and the grid', async () => {
		setPlanArchived(db, admin, planId, true);
		expect(getChapter(db, ORG, PLAN, 'helar-2025', { publishedOnly: true })).toBeNull();
		expect(getChapter(db, ORG, PLAN, 'helar-2025', { publishedOnly: false })).toBeNull();
		expect(getPlanPage(db, ORG, PLAN)).toBeNull();
		expect(getOrganisationPage(db, ORG)!.plans.map((p) => p.slug)).not.toContain(PLAN);
		expect(inReviewList()).toBe(false);
		expect(inWorklist()).toBe(false);
		expect(getReportingPeriod(db, openPeriod)).toBeNull();
		expect(await gridStatus()).toBe(404);
	});

	it('stays readable for the archive on the admin review page and the command line, but is not reviewed', async () => {
		setPlanArchived(db, admin, planId, true);
		const ch = getChapter(db, ORG, PLAN, 'helar-2025', { publishedOnly: false, includeArchived: true })!;
		expect(ch.plan.archived).toBe(true);
		expect(ch.sections.length).toBeGreaterThan(0);
		expect(periodLines(db).find((l) => l.includes(`--plan ${PLAN} --period helar-2025`))).toMatch(/\(Publicerad, arkiverad plan\)$/);
		const goal = (db.$client.prepare('SELECT id FROM goal WHERE plan_id = ? AND depth = 0 LIMIT 1').get(planId) as { id: number }).id;
		let problem = '';
		try {
			markReady(db, admin, openPeriod, { kind: 'goal', id: goal });
		} catch (e) {
			if (!(e instanceof WorkflowError)) throw e;
			problem = e.problem;
			expect(e.message).toMatch(/^Planen är arkiverad/);
		}
		expect(problem).toBe('archived');

		const { load } = await import('../../src/routes/admin/granskning/[org]/[plan]/[period]/+page.server');
		const page = (await load!({
			locals: { user: admin, locale: 'sv' },
			params: { org: ORG, plan: PLAN, period: 'delar-1-2026' },
			url: new URL('http://localhost/')
		} as never)) as { markable: string[]; can: { review: boolean; reopen: boolean } };
		expect(page.markable).toEqual([]);
		expect(page.can).toEqual({ review: false, reopen: false });
	});

	it('comes back when restored', async () => {
		setPlanArchived(db, admin, planId, true);
		setPlanArchived(db, admin, planId, false);
		expect(getChapter(db, ORG, PLAN, 'helar-2025', { publishedOnly: true })).not.toBeNull();
		expect(inReviewList()).toBe(true);
		expect(inWorklist()).toBe(true);
		expect(await gridStatus()).toBe(200);
	});
});
