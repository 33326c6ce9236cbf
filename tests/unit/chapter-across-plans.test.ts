/**
 * "This year vs last year" when the new year is a new verksamhetsplan. The example region's 2025 plan is copied to
 * 2026 the way the application copies a plan (plan export → plan import under a new slug: new goal and uppdrag
 * rows, the same indicators), then edited as a förvaltning would (one goal reworded, one removed, one added, one
 * uppdrag replaced) and last year's plan archived. The chapter of Helår 2026 is compared with Helår 2025 of the
 * other plan: goals by number and wording, indicators by identity, new items said to be new.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { freshSeededDb } from '../helpers/db';
import { exportPlan, planCsv } from '../../src/lib/server/import/plan-export';
import { runImportSync } from '../../src/lib/server/import/run';
import { setPlanArchived } from '../../src/lib/server/structure/plans';
import { filterChapter, getChapter, type Chapter, type ChapterGoal } from '../../src/lib/server/review/chapter';
import { chapterRows } from '../../src/lib/server/review/export/rows';
import { render } from 'svelte/server';
import ChapterView from '../../src/lib/components/chapter/ChapterView.svelte';
import { NO_FILTER } from '../../src/lib/domain/chapter-filter';

const ORG = 'exempelregionen';
const LAST = 'verksamhetsplan-2025';
const NOW = 'verksamhetsplan-2026';
const admin: SessionUser = { id: 1, email: 'a@x.se', name: 'Admin', role: 'admin', scopes: [] };

let db: Db;
const run = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).run(...args);
const one = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as T;
const planId = (slug: string) => one<{ id: number }>('SELECT id FROM plan WHERE slug = ?', slug).id;
const goalId = (plan: string, title: string) => one<{ id: number }>('SELECT id FROM goal WHERE plan_id = ? AND title = ?', planId(plan), title).id;

/** Copy last year's plan to a new slug through the plan export and import, as an administrator would. */
function copyPlan() {
	const csv = planCsv(exportPlan(db, ORG, LAST)).replace('Verksamhetsplan 2025 (exempel)', 'Verksamhetsplan 2026 (exempel)');
	const r = runImportSync(db, { kind: 'plan', input: { bytes: new TextEncoder().encode(csv), fileName: 'plan-2026.csv' }, options: { org: ORG, plan: NOW } });
	expect(r.errors).toEqual([]);
	run("UPDATE plan SET start_year = 2026, end_year = 2026 WHERE id = ?", planId(NOW));
}

function assess(periodId: number, kind: 'goal_id' | 'uppdrag_id' | 'indicator_id', id: number, colour: string, comment: string) {
	run(`INSERT OR REPLACE INTO assessment (period_id, ${kind}, colour, source, comment) VALUES (?, ?, ?, 'manual', ?)`, periodId, id, colour, comment);
}

let last: { goals: { id: number; number: string | null; title: string }[]; period: number };
let helar2026: number;

beforeEach(() => {
	db = freshSeededDb();
	copyPlan();
	const lastPeriod = one<{ id: number }>("SELECT id FROM follow_up_period WHERE plan_id = ? AND slug = 'helar-2025'", planId(LAST)).id;
	last = {
		period: lastPeriod,
		goals: db.$client.prepare('SELECT id, number, title FROM goal WHERE plan_id = ? AND depth > 0 ORDER BY sort_order, id').all(planId(LAST)) as never
	};
	// The new plan's year: a follow-up period, published.
	helar2026 = Number(
		run(
			"INSERT INTO follow_up_period (plan_id, slug, label, kind, year, end_date, state) VALUES (?, 'helar-2026', 'Helår 2026', 'helar', 2026, '2026-12-31', 'published')",
			planId(NOW)
		).lastInsertRowid
	);
});

function goalsOf(ch: Chapter): ChapterGoal[] {
	return ch.sections.flatMap((s) => s.goals);
}

describe('this year vs last year across two verksamhetsplaner', () => {
	it('the copy has new goal rows and the same indicators (what the comparison has to bridge)', () => {
		const nowGoals = db.$client.prepare('SELECT id, number, title FROM goal WHERE plan_id = ? AND depth > 0').all(planId(NOW)) as { id: number }[];
		expect(nowGoals.length).toBe(last.goals.length);
		expect(nowGoals.some((g) => last.goals.some((l) => l.id === g.id))).toBe(false);
		const indicators = (plan: string) =>
			(db.$client.prepare('SELECT DISTINCT gi.indicator_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ? ORDER BY 1').all(planId(plan)) as { indicator_id: number }[]).map((r) => r.indicator_id);
		expect(indicators(NOW)).toEqual(indicators(LAST));
	});

	it('compares Helår 2026 with Helår 2025 of last year’s (archived) plan: goals by number or wording, indicators by identity', () => {
		const numbered = last.goals.find((g) => g.number)!;
		const unnumbered = last.goals.find((g) => !g.number)!;
		const removed = last.goals.filter((g) => g !== numbered && g !== unnumbered).at(-1)!;
		// Last year's colours and comments.
		assess(last.period, 'goal_id', numbered.id, 'yellow', 'Gul förra året.');
		assess(last.period, 'goal_id', unnumbered.id, 'red', 'Röd förra året.');
		// This year's plan, as edited: the numbered goal reworded, one goal removed (archived), one goal new.
		const reworded = goalId(NOW, numbered.title);
		run('UPDATE goal SET title = ? WHERE id = ?', `${numbered.title} (ny lydelse 2026)`, reworded);
		run('UPDATE goal SET archived = 1 WHERE id = ?', goalId(NOW, removed.title));
		const parent = one<{ parent_id: number; depth: number; origin: string }>('SELECT parent_id, depth, origin FROM goal WHERE id = ?', reworded);
		const added = Number(
			run(
				"INSERT INTO goal (plan_id, parent_id, depth, number, title, origin, sort_order) VALUES (?, ?, ?, 'Nr 99.', 'Ett nytt mål för 2026.', ?, 999)",
				planId(NOW),
				parent.parent_id,
				parent.depth,
				parent.origin
			).lastInsertRowid
		);
		const sameWording = goalId(NOW, unnumbered.title);
		assess(helar2026, 'goal_id', reworded, 'green', 'Grön i år.');
		assess(helar2026, 'goal_id', sameWording, 'red', 'Röd förra året.');
		setPlanArchived(db, admin, planId(LAST), true);

		const ch = getChapter(db, ORG, NOW, 'helar-2026', { publishedOnly: false, compareSlug: `${LAST}/helar-2025` })!;
		expect(ch.previous).toMatchObject({ label: 'Helår 2025', planSlug: LAST, key: `${LAST}/helar-2025` });
		const g = (id: number) => goalsOf(ch).find((x) => x.id === id)!;
		// Reworded, recognised by its number: last year yellow, this year green, changed.
		expect(g(reworded)).toMatchObject({ counterpart: true, previous: { colour: 'yellow', comment: 'Gul förra året.' }, assessment: { colour: 'green' }, changed: true });
		// Unnumbered (the nämnd's "Mål:"), recognised by its wording: red both years with the same comment, unchanged.
		expect(g(sameWording)).toMatchObject({ counterpart: true, previous: { colour: 'red' }, changed: false });
		// New this year: no counterpart, counted as changed.
		expect(g(added)).toMatchObject({ counterpart: false, previous: null, changed: true });
		// Indicators: the same rows, last year's utfall and colour beside this year's.
		const withIndicators = goalsOf(ch).find((x) => x.indicators.length > 0 && x.counterpart)!;
		const i = withIndicators.indicators[0];
		const lastYear = one<{ colour: string | null }>('SELECT colour FROM assessment WHERE period_id = ? AND indicator_id = ?', last.period, i.id);
		expect(i.previous?.colour ?? null).toBe(lastYear?.colour ?? null);
		expect(i.utfallPrevious).not.toBeNull();
		// The filter "only changed" keeps the reworded and the new goal, not the unchanged one.
		const changedIds = filterChapter(ch, { ...NO_FILTER, show: 'andrade' }).sections.flatMap((s) => s.goals.map((x) => x.id));
		expect(changedIds).toEqual(expect.arrayContaining([reworded, added]));
		expect(changedIds).not.toContain(sameWording);
		// The CSV/XLSX rows name last year's plan and say which goal is new.
		const rows = chapterRows(ch);
		const row = (title: string) => rows.find((r) => r[1] === 'Mål' && r[3] === title)!;
		expect(row(`${numbered.title} (ny lydelse 2026)`).slice(12, 14)).toEqual(['Helår 2025 (Verksamhetsplan 2025 (exempel))', '▲ Gul']);
		expect(row('Ett nytt mål för 2026.')[13]).toBe('Ny sedan Helår 2025');

		// The page: the choice names last year's plan, says what it compares with, and marks the new goal.
		const { body } = render(ChapterView, {
			props: { chapter: ch, ...filterChapter(ch, NO_FILTER), filter: NO_FILTER, locale: 'sv', keep: {}, downloadBase: '/x' }
		});
		expect(body).toMatch(/<option value="verksamhetsplan-2025\/helar-2025" selected[^>]*>Helår 2025 \(i Verksamhetsplan 2025 \(exempel\)\)<\/option>/);
		expect(body).toContain('Jämförs med Helår 2025 i Verksamhetsplan 2025 (exempel).');
		expect(body.match(/Ny sedan Helår 2025/g)?.length).toBe(1);
	});

	it('offers last year’s periods for comparison; by default the last period before, across plans when the plan has none', () => {
		const ch = getChapter(db, ORG, NOW, 'helar-2026', { publishedOnly: false })!;
		expect(ch.comparable.map((p) => p.key)).toEqual([`${LAST}/delar-2-2025`, `${LAST}/helar-2025`, `${LAST}/delar-1-2026`]);
		expect(ch.previous?.key).toBe(`${LAST}/delar-1-2026`);
		// Within one plan the keys stay plain slugs, and the plan's own period before is the default.
		const within = getChapter(db, ORG, LAST, 'helar-2025', { publishedOnly: false })!;
		expect(within.previous?.key).toBe('delar-2-2025');
		expect(within.comparable.map((p) => p.key)).toEqual(['delar-2-2025', 'delar-1-2026']);
		expect(within.sections.flatMap((s) => s.goals).every((x) => x.counterpart)).toBe(true);
		// A plan of another kind or organisation is never offered.
		expect(ch.comparable.every((p) => p.planSlug === LAST || p.planSlug === NOW)).toBe(true);
	});

	it('the public compares only with published periods of plans that are not archived', () => {
		expect(getChapter(db, ORG, NOW, 'helar-2026', { publishedOnly: true })!.comparable.map((p) => p.key)).toEqual([`${LAST}/delar-2-2025`, `${LAST}/helar-2025`]);
		setPlanArchived(db, admin, planId(LAST), true);
		const pub = getChapter(db, ORG, NOW, 'helar-2026', { publishedOnly: true, compareSlug: `${LAST}/helar-2025` })!;
		expect(pub.comparable).toEqual([]);
		expect(pub.previous).toBeNull();
	});
});
