/**
 * The parts of a plan import around the goal tree: the organisation and plan rows, and the indicators with
 * their links to goals and their targets (parsed from the printed wording, which is always kept).
 */
import type { Db } from '../db/client';
import type { Count, Counts } from './types';
import type { Issues } from './issues';
import type { ParsedRow } from './plan-rows';
import type { Target } from '../../domain/types';
import { DIRECTION_WORDS } from './plan-columns';
import { normalise } from './resolve';
import { uniqueSlug } from '../../domain/slug';
import { parseTargetWording } from '../../domain/target';
import { directionFromTarget, insertTarget } from '../seed/common';

export interface Scope {
	db: Db;
	issues: Issues;
	/** Counts organisation and plan rows. */
	counts: Count;
	note: (kind: 'new' | 'changed' | 'removed', what: string, before?: string, after?: string) => void;
	now: string;
}

/** "fält: före → efter" for the fields that differ, or null when all are equal. */
export function differences<T extends object>(have: T, want: Partial<T>): { before: string; after: string } | null {
	const keys = (Object.keys(want) as (keyof T)[]).filter((k) => (have[k] ?? null) !== (want[k] ?? null));
	if (keys.length === 0) return null;
	const show = (v: unknown) => (v === null || v === undefined ? '(tomt)' : String(v).slice(0, 400));
	return {
		before: keys.map((k) => `${String(k)}: ${show(have[k])}`).join('; '),
		after: keys.map((k) => `${String(k)}: ${show(want[k])}`).join('; ')
	};
}

/**
 * Sort orders that keep what already exists: walking the file's rows in order, an existing item keeps its
 * old sort order while the order is unchanged, so dropping one row does not renumber (and "change") all
 * rows after it. New or moved items get the next free number after the previous row.
 */
export function orderKeeper(): (old: number | undefined) => number {
	let last = -1;
	return (old) => {
		last = old !== undefined && old > last ? old : last + 1;
		return last;
	};
}

const PLAN_KINDS = ['rus', 'verksamhetsplan', 'handlingsplan', 'program', 'annan'];
const ORG_KINDS = ['region', 'kommun', 'annan'];
const orNull = (s: string): string | null => (s === '' ? null : s);

function geographyId(s: Scope, code: string, line: number): number | null {
	if (!code) return null;
	const row = s.db.$client.prepare('SELECT id FROM geography WHERE code = ?').get(code) as { id: number } | undefined;
	if (!row) {
		// Geographies are context for a plan, not part of it: an empty database can still take the plan.
		s.issues.warn({ code: 'unknown-geography', row: line, column: 'nummer', value: code, message: `geografin '${code}' finns inte i databasen; raden får ingen geografi` });
	}
	return row?.id ?? null;
}

/** Finds or creates the organisation and the plan; updates them from their rows when the file has them. */
export function planOwner(s: Scope, rows: ParsedRow[], opts: { org?: string; plan?: string }): { orgId: number; planId: number; levelNames: string[] } {
	const sqlite = s.db.$client;
	const orgRow = rows.find((r) => r.type === 'organisation');
	const planRow = rows.find((r) => r.type === 'plan');
	const orgSlug = opts.org ?? orgRow?.row.id;
	if (!orgSlug) s.issues.fatal({ code: 'no-org', message: 'ange organisationen med --org, eller en rad med typ organisation och dess adressnamn i id' });
	const planSlug = opts.plan ?? planRow?.row.id;
	if (!planSlug) s.issues.fatal({ code: 'no-plan', message: 'ange planen med --plan, eller en rad med typ plan och dess adressnamn i id' });

	let org = sqlite.prepare('SELECT id, name, description, kind, geography_id FROM organisation WHERE slug = ?').get(orgSlug) as
		| { id: number; name: string; description: string | null; kind: string; geography_id: number | null }
		| undefined;
	if (orgRow) {
		const r = orgRow.row;
		const kind = r.etikett || org?.kind || 'region';
		if (!ORG_KINDS.includes(kind)) s.issues.error({ code: 'org-kind', row: orgRow.line, column: 'etikett', value: kind, message: `'${kind}' är ingen organisationstyp (${ORG_KINDS.join(', ')})` });
		const want = { name: r.text, description: orNull(r.beskrivning), kind, geography_id: geographyId(s, r.nummer, orgRow.line) };
		if (!org) {
			const id = Number(
				sqlite.prepare('INSERT INTO organisation (slug, name, description, kind, geography_id) VALUES (?, ?, ?, ?, ?)').run(orgSlug, want.name, want.description, want.kind, want.geography_id).lastInsertRowid
			);
			org = { id, ...want };
			s.counts.new++;
			s.note('new', `organisation ${orgSlug}`, undefined, want.name);
		} else upsertChanged(s, 'organisation', org, want, orgSlug);
	}
	if (!org) s.issues.fatal({ code: 'unknown-org', value: orgSlug, message: `organisationen '${orgSlug}' finns inte; lägg till en rad med typ organisation för att skapa den` });

	let plan = sqlite
		.prepare('SELECT id, name, kind, start_year, end_year, level_names, description, source, geography_id FROM plan WHERE organisation_id = ? AND slug = ?')
		.get(org.id, planSlug) as (Record<string, unknown> & { id: number; level_names: string }) | undefined;
	if (planRow) {
		const r = planRow.row;
		const kind = r.etikett || (plan?.kind as string | undefined) || 'verksamhetsplan';
		if (!PLAN_KINDS.includes(kind)) s.issues.error({ code: 'plan-kind', row: planRow.line, column: 'etikett', value: kind, message: `'${kind}' är ingen plantyp (${PLAN_KINDS.join(', ')})` });
		const years = /^(\d{4})(?:\s*[–-]\s*(\d{4}))?$/.exec(r.år);
		const levels = r.nivå ? r.nivå.split('|').map((l) => l.trim()).filter(Boolean) : plan ? (JSON.parse(plan.level_names) as string[]) : [];
		const want = {
			name: r.text,
			kind,
			start_year: years ? Number(years[1]) : null,
			end_year: years ? Number(years[2] ?? years[1]) : null,
			level_names: JSON.stringify(levels),
			description: orNull(r.beskrivning),
			source: orNull(r.källa),
			geography_id: geographyId(s, r.nummer, planRow.line)
		};
		if (!plan) {
			const id = Number(
				sqlite
					.prepare('INSERT INTO plan (organisation_id, slug, name, kind, start_year, end_year, level_names, description, source, geography_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
					.run(org.id, planSlug, want.name, want.kind, want.start_year, want.end_year, want.level_names, want.description, want.source, want.geography_id).lastInsertRowid
			);
			plan = { id, ...want };
			s.counts.new++;
			s.note('new', `plan ${planSlug}`, undefined, want.name);
		} else upsertChanged(s, 'plan', plan, want, planSlug);
	}
	if (!plan) s.issues.fatal({ code: 'unknown-plan', value: planSlug, message: `planen '${planSlug}' finns inte hos '${orgSlug}'; lägg till en rad med typ plan för att skapa den` });
	return { orgId: org.id, planId: plan.id, levelNames: JSON.parse(plan.level_names) as string[] };
}

function upsertChanged(s: Scope, table: 'organisation' | 'plan', have: Record<string, unknown> & { id: number }, want: Record<string, unknown>, slug: string): void {
	const diff = differences(have, want);
	if (!diff) {
		s.counts.unchanged++;
		return;
	}
	const cols = Object.keys(want);
	s.db.$client
		.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
		.run(...cols.map((c) => want[c] as string | number | null), s.now, have.id);
	Object.assign(have, want);
	s.counts.changed++;
	s.note('changed', `${table} ${slug}`, diff.before, diff.after);
}

interface IndicatorRow {
	id: number;
	slug: string;
	name: string;
	definition: string | null;
	unit: string | null;
	decimals: number;
	direction: string;
	source: string | null;
	organisation_id: number | null;
}

/** Indicators, goal links and targets of a plan file. */
export function planTargets(
	s: Scope,
	rows: ParsedRow[],
	ctx: { orgId: number; planId: number; goalOf: Map<string, { id: number }>; counts: Required<Pick<Counts, 'indicators' | 'links' | 'targets'>>; replace: boolean }
): void {
	const sqlite = s.db.$client;
	const { counts } = ctx;
	const slugs = new Set((sqlite.prepare('SELECT slug FROM indicator').all() as { slug: string }[]).map((r) => r.slug));
	const select = 'SELECT id, slug, name, definition, unit, decimals, direction, source, organisation_id FROM indicator';
	const seen = new Map<string, { id: number; line: number; text: string; wording: string }>();
	const links = new Map<string, number>();
	const perGoal = new Map<number, ReturnType<typeof orderKeeper>>();
	const existingLinks = new Map(
		(sqlite.prepare('SELECT gi.goal_id, gi.indicator_id, gi.sort_order FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ?').all(ctx.planId) as {
			goal_id: number;
			indicator_id: number;
			sort_order: number;
		}[]).map((l) => [`${l.goal_id}:${l.indicator_id}`, l.sort_order])
	);

	for (const { type, row, line } of rows) {
		if (type !== 'indikator') continue;
		const goal = ctx.goalOf.get(row.förälder);
		if (!goal) continue;
		const key = row.indikator || `namn:${normalise(row.text)}`;
		let id: number;
		const first = seen.get(key);
		if (first) {
			if (first.text !== row.text || first.wording !== row.målformulering) {
				s.issues.error({ code: 'indicator-conflict', row: line, column: 'text', value: row.text, message: `samma indikator som på rad ${first.line} men med annan text eller målformulering` });
				continue;
			}
			id = first.id;
		} else {
			let ind = (row.indikator
				? (sqlite.prepare(`${select} WHERE slug = ?`).get(row.indikator) ?? sqlite.prepare(`${select} WHERE external_code = ? AND (SELECT count(*) FROM indicator WHERE external_code = ?) = 1`).get(row.indikator, row.indikator))
				: sqlite.prepare(`${select} WHERE organisation_id = ? AND name = ?`).get(ctx.orgId, row.text)) as IndicatorRow | undefined;
			const parsed = parseTargetWording(row.målformulering || row.text);
			const direction = row.riktning ? DIRECTION_WORDS[normalise(row.riktning)] : directionFromTarget(parsed.primary);
			const want = { name: row.text, definition: orNull(row.beskrivning), unit: orNull(row.enhet), decimals: row.decimaler ? Number(row.decimaler) : 0, direction, source: orNull(row.källa) };
			if (!ind) {
				const slug = row.indikator && !slugs.has(row.indikator) ? row.indikator : uniqueSlug(row.text, slugs);
				slugs.add(slug);
				const newId = Number(
					sqlite
						.prepare('INSERT INTO indicator (slug, name, definition, unit, decimals, direction, source, organisation_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
						.run(slug, want.name, want.definition, want.unit, want.decimals, want.direction, want.source, ctx.orgId, s.now, s.now).lastInsertRowid
				);
				ind = { id: newId, slug, organisation_id: ctx.orgId, ...want };
				counts.indicators.new++;
				s.note('new', `indikator ${slug}`);
			} else if (ind.organisation_id === ctx.orgId) {
				const diff = differences(ind, want);
				if (diff) {
					sqlite
						.prepare('UPDATE indicator SET name = ?, definition = ?, unit = ?, decimals = ?, direction = ?, source = ?, version = version + 1, updated_at = ? WHERE id = ?')
						.run(want.name, want.definition, want.unit, want.decimals, want.direction, want.source, s.now, ind.id);
					counts.indicators.changed++;
					s.note('changed', `indikator ${ind.slug}`, diff.before, diff.after);
				} else counts.indicators.unchanged++;
			} else {
				// Shared statistics (Kolada, SCB, another organisation's): linked, never rewritten by a plan.
				counts.indicators.unchanged++;
			}
			id = ind.id;
			seen.set(key, { id, line, text: row.text, wording: row.målformulering });
			const local = ind.organisation_id === ctx.orgId;
			// A written target the parser cannot read is still a target: keep its words as a text target.
			if (row.målformulering && !parsed.primary && parsed.secondary.length === 0) parsed.primary = { kind: 'text', wording: row.målformulering };
			if (local) syncTargets(s, counts.targets, id, null, parsed);
			else if (row.målformulering) syncTargets(s, counts.targets, id, goal.id, parsed);
		}
		const linkKey = `${goal.id}:${id}`;
		if (links.has(linkKey)) {
			s.issues.error({ code: 'duplicate-link', row: line, column: 'förälder', value: row.text, message: 'indikatorn står två gånger under samma mål' });
			continue;
		}
		let keep = perGoal.get(goal.id);
		if (!keep) perGoal.set(goal.id, (keep = orderKeeper()));
		links.set(linkKey, keep(existingLinks.get(linkKey)));
	}
	syncLinks(s, counts.links, existingLinks, links, ctx.replace);
}

function syncLinks(s: Scope, count: Count, have: Map<string, number>, want: Map<string, number>, replace: boolean): void {
	const sqlite = s.db.$client;
	for (const [key, sort] of want) {
		const [goalId, indicatorId] = key.split(':').map(Number);
		const old = have.get(key);
		if (old === undefined) {
			sqlite.prepare('INSERT INTO goal_indicator (goal_id, indicator_id, sort_order) VALUES (?, ?, ?)').run(goalId, indicatorId, sort);
			count.new++;
		} else if (old !== sort) {
			sqlite.prepare('UPDATE goal_indicator SET sort_order = ? WHERE goal_id = ? AND indicator_id = ?').run(sort, goalId, indicatorId);
			count.changed++;
		} else count.unchanged++;
	}
	for (const key of have.keys()) {
		if (want.has(key)) continue;
		count.removed++;
		const [goalId, indicatorId] = key.split(':').map(Number);
		if (replace) sqlite.prepare('DELETE FROM goal_indicator WHERE goal_id = ? AND indicator_id = ?').run(goalId, indicatorId);
	}
}

const TARGET_FIELDS = 'kind, value, value_high, reference, base_period, target_period, benchmark, benchmark_side, benchmark_measure, wording';

/** Targets as comparable text, in rank order. */
function targetKey(t: Target): string {
	return JSON.stringify([t.kind, t.value ?? null, t.valueHigh ?? null, t.reference ?? null, t.basePeriod ?? null, t.targetPeriod ?? null, t.benchmark ?? null, t.benchmarkSide ?? null, t.benchmarkMeasure ?? null, t.wording]);
}

/** Replaces an indicator's targets (for one goal, or general) when the parsed wording gives different ones. */
function syncTargets(s: Scope, count: Count, indicatorId: number, goalId: number | null, parsed: ReturnType<typeof parseTargetWording>): void {
	const sqlite = s.db.$client;
	const want = [parsed.primary, ...parsed.secondary].filter((t): t is Target => t !== null);
	const have = (sqlite.prepare(`SELECT ${TARGET_FIELDS} FROM target WHERE indicator_id = ? AND goal_id IS ? AND geography_id IS NULL ORDER BY rank, id`).all(indicatorId, goalId) as Record<string, unknown>[]).map(
		(r) => JSON.stringify([r.kind, r.value, r.value_high, r.reference, r.base_period, r.target_period, r.benchmark, r.benchmark_side, r.benchmark_measure, r.wording])
	);
	const wantKeys = want.map(targetKey);
	if (have.join('\n') === wantKeys.join('\n')) {
		if (want.length) count.unchanged++;
		return;
	}
	if (have.length === 0) count.new++;
	else if (want.length === 0) count.removed++;
	else count.changed++;
	sqlite.prepare('DELETE FROM target WHERE indicator_id = ? AND goal_id IS ? AND geography_id IS NULL').run(indicatorId, goalId);
	want.forEach((t, rank) => insertTarget(s.db, indicatorId, t, rank, goalId));
}
