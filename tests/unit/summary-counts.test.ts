/**
 * One count of goals and uppdrag: the organisation page's summary per plan and the chapter "Nämndens mål och
 * uppdrag" (review page, public chapter, exports) say the same for the same period, and for Örebro 2019 they
 * count what the printed "3.1 Sammanfattning" counts: 13 inriktningsmål + 3 nämndmål, never the övergripande
 * mål of 3.7 Digitalisering, which has an uppdrag but no goals under it.
 */
import { describe, expect, it } from 'vitest';
import { seededDb } from '../helpers/db';
import { getOrganisationPage } from '../../src/lib/server/queries/organisation-page';
import { getChapter } from '../../src/lib/server/review/chapter';

const db = seededDb();
const total = (rows: { category: string; total: number }[], category: string) => rows.find((r) => r.category === category)!.total;

describe('the organisation page and the chapter count alike', () => {
	const orgs = (db.$client.prepare('SELECT slug FROM organisation').all() as { slug: string }[]).map((o) => o.slug);
	it.each(orgs)('%s: every plan with a published period', (org) => {
		const page = getOrganisationPage(db, org)!;
		let compared = 0;
		for (const plan of page.plans.filter((p) => p.period)) {
			const ch = getChapter(db, org, plan.slug, plan.period!.slug, { publishedOnly: true })!;
			expect(plan.summary, `${org}/${plan.slug}`).toEqual(ch.summary);
			// Per avsnitt too: the page's goal counts are the chapter's goals of that avsnitt.
			for (const area of plan.areas) {
				const section = ch.sections.find((s) => s.id === area.id)!;
				expect(area.goals.total, `${plan.slug} ${area.title}`).toBe(section.goals.length);
			}
			compared++;
		}
		expect(compared).toBeGreaterThan(0);
	});

	it('Örebro 2019 counts 13 + 3 goals and 18 uppdrag, as the printed summary (10 + 2 of 13 assessed, 3, 16 + 2)', () => {
		const plan = getOrganisationPage(db, 'region-orebro-lan')!.plans.find((p) => p.slug === 'rtn-verksamhetsplan-2019')!;
		expect(total(plan.summary, 'council_goals')).toBe(13);
		expect(total(plan.summary, 'committee_goals')).toBe(3);
		expect(total(plan.summary, 'council_uppdrag')).toBe(18);
		expect(total(plan.summary, 'committee_uppdrag')).toBe(0);
		const digital = plan.areas.find((a) => a.title === 'Digitalisering')!;
		expect(digital.goals.total).toBe(0);
		expect(digital.uppdrag.total).toBe(1);
	});
});
