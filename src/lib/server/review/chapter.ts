/**
 * The chapter "Nämndens mål och uppdrag" of a follow-up period, as one model for the review page, its public
 * form and every export (DOCX, PDF/HTML, CSV/XLSX): the 3.1 summary, then per avsnitt its övergripande mål,
 * its goals (colour, arrow, comment) with the indicator table (Indikatorer | Utfall | Målvärde | status) and
 * its uppdrag; each item beside its assessment in the previous period, for comparison.
 *
 * Structure: the plan's top-level goals are the avsnitt; goals between an avsnitt and the followed-up goals
 * (e.g. Örebro's "Övergripande mål:") are shown as text; the followed-up goals are the deepest level and any
 * goal below an avsnitt with indicators and nothing under it.
 */
import type { Db } from '../db/client';
import type { Direction, Origin } from '../../domain/types';
import { summarise, summaryCategory, type SummaryCategory, type SummaryRow } from '../../domain/summary';
import { displayObservation } from '../../domain/observation-display';
import { formatPeriod } from '../../domain/period';
import type { PeriodState } from '../../domain/review-workflow';
import { assessmentFrom, latestValues, type AssessmentView, type LatestValue, type Row } from '../queries/shared';
import { approvalOf, type ApprovalView } from './workflow';
import { isFiltered, matchesFilter, type ChapterFilter } from '../../domain/chapter-filter';
import { isFollowedUp } from '../../domain/followed-up';
import { matchItems } from '../../domain/plan-match';

export interface ChapterPeriod {
	id: number;
	slug: string;
	label: string;
	kind: 'delar' | 'helar';
	year: number;
	endDate: string;
	state: PeriodState;
	version: number;
	/** The plan the period belongs to: another plan for "this year vs last year" across verksamhetsplaner. */
	planId: number;
	planSlug: string;
	planName: string;
	/** The value of `?jamfor=` that chooses it: its slug in the same plan, "plan-slug/period-slug" in another. */
	key: string;
}

export interface ChapterIndicator {
	id: number;
	slug: string;
	name: string;
	direction: Direction;
	/** The Utfall cell as printed: value with unit, "Helt", a missing symbol, or the printed text; "–" when none. */
	utfall: string;
	/** The statistical period of the value, e.g. "2019", when there is one. */
	utfallPeriod: string | null;
	utfallPrevious: string | null;
	/** The Målvärde cell: the target wording, or "" when the plan states none. */
	target: string;
	assessment: AssessmentView | null;
	previous: AssessmentView | null;
}

export interface ChapterGoal {
	id: number;
	number: string | null;
	label: string | null;
	title: string;
	origin: Origin;
	category: SummaryCategory;
	assessment: AssessmentView | null;
	previous: AssessmentView | null;
	/**
	 * Whether the compared period has this goal: always in the same plan; across plans when last year's plan
	 * has it by number or wording (domain/plan-match.ts). False means new since then.
	 */
	counterpart: boolean;
	changed: boolean;
	indicators: ChapterIndicator[];
}

export interface ChapterUppdrag {
	id: number;
	number: string | null;
	label: string | null;
	text: string;
	origin: Origin;
	category: SummaryCategory;
	assessment: AssessmentView | null;
	previous: AssessmentView | null;
	/** As for goals: false when the compared period's plan has no such uppdrag. */
	counterpart: boolean;
	changed: boolean;
}

export interface ChapterSection {
	id: number;
	number: string | null;
	label: string | null;
	title: string;
	/** "Övergripande mål:" and other goals between the avsnitt and the followed-up goals. */
	overall: { id: number; label: string | null; title: string }[];
	goals: ChapterGoal[];
	uppdrag: ChapterUppdrag[];
}

export interface Chapter {
	organisation: { slug: string; name: string; isExample: boolean };
	/** `archived`: the plan is archived (only the admin review page and the command line show it). */
	plan: { id: number; slug: string; name: string; source: string | null; levelNames: string[]; archived: boolean };
	period: ChapterPeriod;
	previous: ChapterPeriod | null;
	/** Every period of the plan the reader may see, oldest first (for the period and comparison choices). */
	periods: ChapterPeriod[];
	/**
	 * What the period can be compared with, oldest first: the plan's other periods and the periods of the
	 * organisation's earlier plans of the same kind (last year's verksamhetsplan).
	 */
	comparable: ChapterPeriod[];
	approval: ApprovalView | null;
	summary: SummaryRow[];
	sections: ChapterSection[];
}

function periodFrom(r: Row, ownPlanId?: number): ChapterPeriod {
	const own = ownPlanId === undefined || r.plan_id === ownPlanId;
	return {
		planId: r.plan_id as number,
		planSlug: r.plan_slug as string,
		planName: r.plan_name as string,
		key: own ? (r.slug as string) : `${r.plan_slug}/${r.slug}`,
		id: r.id as number,
		slug: r.slug as string,
		label: r.label as string,
		kind: r.kind as 'delar' | 'helar',
		year: r.year as number,
		endDate: r.end_date as string,
		state: r.state as PeriodState,
		version: r.version as number
	};
}

export interface ChapterOptions {
	/** Only published periods (the public form). */
	publishedOnly: boolean;
	/** The period to compare with; default: the one before. */
	compareSlug?: string | null;
	/**
	 * Archived plans are off the public site (null, as for a plan that does not exist). The admin review page
	 * and the command line pass true: the chapter stays readable for the archive, not reviewable.
	 */
	includeArchived?: boolean;
}

/** The periods of a plan the reader may see, oldest first. */
export function chapterPeriods(db: Db, planId: number, publishedOnly: boolean): ChapterPeriod[] {
	return (
		db.$client
			.prepare(
				`SELECT f.*, p.slug AS plan_slug, p.name AS plan_name FROM follow_up_period f JOIN plan p ON p.id = f.plan_id
				 WHERE f.plan_id = ? ${publishedOnly ? "AND f.state = 'published'" : ''} ORDER BY f.end_date, f.id`
			)
			.all(planId) as Row[]
	).map((r) => periodFrom(r));
}

/**
 * Periods of the organisation's other plans of the same kind that end before `before` (last year's
 * verksamhetsplan and older), oldest first. The public sees published periods of plans not archived; the
 * review page also those of archived plans (last year's plan is usually archived once the new one is in use).
 */
function earlierPlanPeriods(db: Db, plan: { id: number; organisationId: number; kind: string }, before: string, publishedOnly: boolean, ownPlanId: number): ChapterPeriod[] {
	return (
		db.$client
			.prepare(
				`SELECT f.*, p.slug AS plan_slug, p.name AS plan_name FROM follow_up_period f JOIN plan p ON p.id = f.plan_id
				 WHERE p.organisation_id = ? AND p.kind = ? AND p.id <> ? AND f.end_date < ?
				 ${publishedOnly ? "AND f.state = 'published' AND p.archived = 0" : ''} ORDER BY f.end_date, f.id`
			)
			.all(plan.organisationId, plan.kind, plan.id, before) as Row[]
	).map((r) => periodFrom(r, ownPlanId));
}

/**
 * The chapter for a plan and period (slug or, for the CLI, the label or numeric id). Null when the plan or
 * period does not exist or, with `publishedOnly`, is not published. No period slug: the latest period.
 */
export function getChapter(db: Db, orgSlug: string, planSlug: string, periodKey: string | null, opts: ChapterOptions): Chapter | null {
	const sql = db.$client;
	const head = sql
		.prepare(
			`SELECT o.slug AS org_slug, o.name AS org_name, o.is_example, p.id, p.slug, p.name, p.source, p.level_names, p.geography_id, p.archived,
			        p.organisation_id, p.kind
			 FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = ? AND p.slug = ?`
		)
		.get(orgSlug, planSlug) as Row | undefined;
	if (!head || (head.archived === 1 && !opts.includeArchived)) return null;
	const planId = head.id as number;
	const periods = chapterPeriods(db, planId, opts.publishedOnly);
	const key = periodKey?.trim().toLowerCase();
	const period = key
		? periods.find((p) => p.slug === key || p.label.toLowerCase() === key || String(p.id) === key)
		: periods.at(-1);
	if (!period) return null;
	const index = periods.indexOf(period);
	const earlier = earlierPlanPeriods(
		db,
		{ id: planId, organisationId: head.organisation_id as number, kind: head.kind as string },
		period.endDate,
		opts.publishedOnly,
		planId
	);
	const comparable = [...earlier, ...periods.filter((p) => p.id !== period.id)];
	// Default: the plan's period before; for the first period of a new year's plan, the last of last year's plan.
	const previous = opts.compareSlug
		? (comparable.find((p) => p.key === opts.compareSlug) ?? null)
		: (periods[index - 1] ?? earlier.at(-1) ?? null);
	const previousPlanId = previous?.planId ?? planId;

	const assessmentsOf = (periodId: number | undefined) => {
		const rows = periodId ? (sql.prepare('SELECT * FROM assessment WHERE period_id = ?').all(periodId) as Row[]) : [];
		const by = (k: string) => new Map(rows.filter((a) => a[k]).map((a) => [a[k] as number, a]));
		return { goal: by('goal_id'), uppdrag: by('uppdrag_id'), indicator: by('indicator_id') };
	};
	const now = assessmentsOf(period.id);
	const before = assessmentsOf(previous?.id);

	const goals = sql
		.prepare('SELECT * FROM goal WHERE plan_id = ? AND archived = 0 ORDER BY depth, sort_order, id')
		.all(planId) as Row[];
	const levelNames = JSON.parse(head.level_names as string) as string[];
	const deepest = levelNames.length - 1;
	const children = new Map<number, Row[]>();
	for (const g of goals) if (g.parent_id) children.set(g.parent_id as number, [...(children.get(g.parent_id as number) ?? []), g]);
	const links0 = new Set((sql.prepare('SELECT DISTINCT gi.goal_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ?').all(planId) as Row[]).map((r) => r.goal_id as number));
	// A leaf between levels (Örebro 3.7 has an övergripande mål and an uppdrag, no goals) is followed up only
	// when it has indicators; otherwise it is the avsnitt's text, as printed (domain/followed-up.ts).
	const counted = (g: Row) =>
		isFollowedUp({ depth: g.depth as number, hasChildren: children.has(g.id as number), hasIndicators: links0.has(g.id as number) }, deepest);

	const links = sql
		.prepare(
			`SELECT gi.goal_id, i.id, i.slug, i.name, i.unit, i.decimals, i.direction FROM goal_indicator gi
			 JOIN goal g ON g.id = gi.goal_id JOIN indicator i ON i.id = gi.indicator_id
			 WHERE g.plan_id = ? AND i.archived = 0 ORDER BY gi.goal_id, gi.sort_order`
		)
		.all(planId) as Row[];
	const indicatorIds = [...new Set(links.map((l) => l.id as number))];
	const geographyId = (head.geography_id as number) ?? null;
	const latestNow = latestValues(db, indicatorIds, geographyId, period.endDate);
	const latestBefore = previous ? latestValues(db, indicatorIds, geographyId, previous.endDate) : new Map<number, LatestValue>();
	const targetRows = sql
		.prepare(
			`SELECT t.indicator_id, t.goal_id, t.wording FROM target t LEFT JOIN goal g ON g.id = t.goal_id
			 WHERE t.rank = 0 AND (t.goal_id IS NULL OR g.plan_id = ?) ORDER BY t.goal_id IS NOT NULL, t.id`
		)
		.all(planId) as Row[];
	const targetFor = (indicatorId: number, goalId: number) =>
		(targetRows.find((t) => t.indicator_id === indicatorId && t.goal_id === goalId) ??
			targetRows.find((t) => t.indicator_id === indicatorId && t.goal_id == null))?.wording as string | undefined;

	const shown = (l: LatestValue | undefined, unit: string | null, decimals: number) =>
		l ? displayObservation(l, unit, decimals, 'sv').text : '–';

	const indicatorsOf = (goalId: number): ChapterIndicator[] =>
		links
			.filter((l) => l.goal_id === goalId)
			.map((l) => {
				const id = l.id as number;
				const unit = (l.unit as string) ?? null;
				const decimals = l.decimals as number;
				const cur = latestNow.get(id);
				const prev = latestBefore.get(id);
				return {
					id,
					slug: l.slug as string,
					name: l.name as string,
					direction: l.direction as Direction,
					utfall: shown(cur, unit, decimals),
					utfallPeriod: cur ? formatPeriod(cur.period) : null,
					utfallPrevious: previous ? shown(prev, unit, decimals) : null,
					target: targetFor(id, goalId) ?? '',
					assessment: assessmentFrom(now.indicator.get(id)),
					previous: previous ? assessmentFrom(before.indicator.get(id)) : null
				};
			});

	// Changed since the previous period: colour, arrow or comment differ (a new assessment counts as changed).
	const changed = (a: AssessmentView | null, b: AssessmentView | null) =>
		previous !== null &&
		((a?.colour ?? null) !== (b?.colour ?? null) || (a?.trend ?? null) !== (b?.trend ?? null) || (a?.comment ?? null) !== (b?.comment ?? null));

	const uppdragRows = sql.prepare('SELECT * FROM uppdrag WHERE plan_id = ? AND archived = 0 ORDER BY sort_order, id').all(planId) as Row[];

	// The compared period's goal and uppdrag for each of ours: the same row in the same plan, else last year's
	// plan's by number and wording (domain/plan-match.ts).
	const counterpart = { goal: new Map<number, number>(), uppdrag: new Map<number, number>() };
	if (previous && previousPlanId !== planId) {
		const theirGoals = sql.prepare('SELECT id, number, title FROM goal WHERE plan_id = ? AND depth > 0').all(previousPlanId) as Row[];
		const theirUppdrag = sql.prepare('SELECT id, number, text FROM uppdrag WHERE plan_id = ?').all(previousPlanId) as Row[];
		const asItem = (r: Row, text: string) => ({ id: r.id as number, number: (r.number as string) ?? null, text: r[text] as string });
		for (const [ours, theirs] of matchItems(goals.filter((g) => (g.depth as number) > 0).map((g) => asItem(g, 'title')), theirGoals.map((g) => asItem(g, 'title')), { byNumberAlone: true }))
			counterpart.goal.set(ours, theirs.id);
		for (const [ours, theirs] of matchItems(uppdragRows.map((u) => asItem(u, 'text')), theirUppdrag.map((u) => asItem(u, 'text')), { byNumberAlone: false }))
			counterpart.uppdrag.set(ours, theirs.id);
	} else if (previous) {
		for (const g of goals) counterpart.goal.set(g.id as number, g.id as number);
		for (const u of uppdragRows) counterpart.uppdrag.set(u.id as number, u.id as number);
	}
	const previousOf = (kind: 'goal' | 'uppdrag', id: number) => {
		const theirs = counterpart[kind].get(id);
		return theirs === undefined ? null : assessmentFrom(before[kind].get(theirs));
	};

	const toUppdrag = (u: Row): ChapterUppdrag => {
		const a = assessmentFrom(now.uppdrag.get(u.id as number));
		const b = previous ? previousOf('uppdrag', u.id as number) : null;
		const origin = u.origin as Origin;
		return {
			id: u.id as number,
			number: (u.number as string) ?? null,
			label: (u.label as string) ?? null,
			text: u.text as string,
			origin,
			category: summaryCategory({ type: 'uppdrag', origin }),
			assessment: a,
			previous: b,
			counterpart: counterpart.uppdrag.has(u.id as number),
			// New since the compared period (no counterpart) counts as changed.
			changed: changed(a, b) || (previous !== null && !counterpart.uppdrag.has(u.id as number))
		};
	};
	const uppdragOf = (goalIds: Set<number>): ChapterUppdrag[] =>
		uppdragRows.filter((u) => u.goal_id != null && goalIds.has(u.goal_id as number)).map(toUppdrag);

	const descendants = (id: number): Row[] => (children.get(id) ?? []).flatMap((c) => [c, ...descendants(c.id as number)]);
	const sections: ChapterSection[] = goals
		.filter((g) => g.depth === 0)
		.map((area) => {
			const below = descendants(area.id as number);
			const ids = new Set([area.id as number, ...below.map((g) => g.id as number)]);
			return {
				id: area.id as number,
				number: (area.number as string) ?? null,
				label: (area.label as string) ?? null,
				title: area.title as string,
				overall: below
					.filter((g) => !counted(g))
					.map((g) => ({ id: g.id as number, label: (g.label as string) ?? null, title: g.title as string })),
				goals: below.filter(counted).map((g) => {
					const a = assessmentFrom(now.goal.get(g.id as number));
					const b = previous ? previousOf('goal', g.id as number) : null;
					const origin = g.origin as Origin;
					return {
						id: g.id as number,
						number: (g.number as string) ?? null,
						label: (g.label as string) ?? null,
						title: g.title as string,
						origin,
						category: summaryCategory({ type: 'goal', origin }),
						assessment: a,
						previous: b,
						counterpart: counterpart.goal.has(g.id as number),
						changed: changed(a, b) || (previous !== null && !counterpart.goal.has(g.id as number)),
						indicators: indicatorsOf(g.id as number)
					};
				}),
				uppdrag: uppdragOf(ids)
			};
		});
	// Uppdrag placed under no goal still belong to the chapter: they get a section of their own.
	const loose = uppdragRows.filter((u) => u.goal_id == null);
	if (loose.length > 0) {
		sections.push({ id: 0, number: null, label: null, title: 'Övriga uppdrag', overall: [], goals: [], uppdrag: loose.map(toUppdrag) });
	}

	const summary = summarise([
		...sections.flatMap((s) => s.goals.map((g) => ({ type: 'goal' as const, origin: g.origin, colour: g.assessment?.colour ?? null }))),
		...sections.flatMap((s) => s.uppdrag.map((u) => ({ type: 'uppdrag' as const, origin: u.origin, colour: u.assessment?.colour ?? null })))
	]);

	return {
		organisation: { slug: head.org_slug as string, name: head.org_name as string, isExample: head.is_example === 1 },
		plan: { id: planId, slug: head.slug as string, name: head.name as string, source: (head.source as string) ?? null, levelNames, archived: head.archived === 1 },
		period,
		previous,
		periods,
		comparable,
		approval: approvalOf(db, period.id),
		summary,
		sections
	};
}

/** The printed label of a goal: "Inriktningsmål: Nr 19." or "Mål:" (as stored), else its number. */
export function goalHeading(g: Pick<ChapterGoal, 'label' | 'number'>): string {
	return g.label ?? (g.number ? `Nr ${g.number.replace(/^Nr\s*/, '')}.` : 'Mål:');
}

/** The printed label of an uppdrag: "Uppdrag 28." (as stored), else built from its number. */
export function uppdragHeading(u: Pick<ChapterUppdrag, 'label' | 'number'>): string {
	return u.label ?? (u.number ? `Uppdrag ${u.number}.` : 'Uppdrag:');
}

/** The section heading: "3.2 Regional utvecklingsstrategi". */
export function sectionHeading(s: Pick<ChapterSection, 'number' | 'label' | 'title'>): string {
	const prefix = s.number ?? s.label;
	return prefix ? `${prefix} ${s.title}` : s.title;
}


/** The chapter with only the goals and uppdrag the filter keeps (avsnitt left empty are dropped). */
export function filterChapter(ch: Chapter, f: ChapterFilter): { sections: ChapterSection[]; shown: number; total: number } {
	const total = ch.sections.reduce((n, s) => n + s.goals.length + s.uppdrag.length, 0);
	if (!isFiltered(f)) return { sections: ch.sections, shown: total, total };
	const keep = (type: 'goal' | 'uppdrag') => (x: ChapterGoal | ChapterUppdrag) =>
		matchesFilter({ type, origin: x.origin, colour: x.assessment?.colour ?? null, changed: x.changed }, f);
	const sections = ch.sections
		.map((s) => ({ ...s, goals: s.goals.filter(keep('goal')) as ChapterGoal[], uppdrag: s.uppdrag.filter(keep('uppdrag')) as ChapterUppdrag[] }))
		.filter((s) => s.goals.length + s.uppdrag.length > 0);
	return { sections, shown: sections.reduce((n, s) => n + s.goals.length + s.uppdrag.length, 0), total };
}
