/**
 * The reporting grid: many indicators × periods of one plan in one table, for one follow-up period, the plan's
 * geography and one sex. One section per frequency (yearly and tertial values have different columns), each with
 * the last few periods up to the one the follow-up reports (`reportedPeriod`), rows grouped under their goals in
 * the order of the goal tree. Each cell holds the draft if there is one, else the published value, and the
 * versions the form must send back (observation-drafts.ts: no lost update).
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { goalTarget, type Target } from '../auth/guard';
import { indicatorTargets, mayEdit } from '../editing/scope';
import { keyId, type ObservationKey } from '../editing/observation-drafts';
import type { ReportingPeriod } from '../editing/period';
import { previousPeriod, reportedPeriod } from '../../domain/period';
import { cellField, editText, formatSeen } from '../../domain/grid-cell';
import type { MissingSymbol, PeriodKind, Sex } from '../../domain/types';

/** How many periods each section shows, ending with the reported one. */
export const COLUMNS = 4;

export type GridFrequency = Exclude<PeriodKind, 'range'>;
const FREQUENCY_ORDER: GridFrequency[] = ['year', 'half', 'tertial', 'quarter', 'month'];

export interface GridCell {
	/** The input's name and id. */
	name: string;
	key: ObservationKey;
	/** What the input shows: the draft, else the published value ("" for none). */
	text: string;
	/** The versions the text is based on, as sent back ("draft.published"). */
	seen: string;
	draft: { remove: boolean; by: string | null; at: string } | null;
	/** The published value's text when a draft is shown instead ("" when nothing is published). */
	publishedText: string | null;
	/** The id of the value in the audit log (history page). */
	historyId: string;
}

export interface GridRow {
	indicatorId: number;
	name: string;
	unit: string | null;
	editable: boolean;
	cells: GridCell[];
}

export interface GridGroup {
	goalId: number;
	title: string;
	rows: GridRow[];
}

export interface GridSection {
	frequency: GridFrequency;
	/** Period codes, oldest first; the last one is what the follow-up reports. */
	columns: string[];
	groups: GridGroup[];
}

interface GoalRow {
	id: number;
	parent_id: number | null;
	label: string | null;
	number: string | null;
	title: string;
}

interface LinkRow {
	goal_id: number;
	indicator_id: number;
	name: string;
	unit: string | null;
	frequency: PeriodKind | 'irregular';
}

interface ValueRow {
	indicator_id: number;
	period: string;
	value: number | null;
	text_value: string | null;
	missing_symbol: MissingSymbol | null;
	version: number;
}

interface DraftRow extends ValueRow {
	remove: number;
	updated_at: string;
	updated_by: string | null;
}

/** Goals in the order of the tree (each goal followed by its subgoals), as the plan page lists them. */
function goalsInTreeOrder(db: Db, planId: number): GoalRow[] {
	const goals = db.$client
		.prepare('SELECT id, parent_id, label, number, title FROM goal WHERE plan_id = ? AND archived = 0 ORDER BY sort_order, id')
		.all(planId) as GoalRow[];
	const ids = new Set(goals.map((g) => g.id));
	const children = new Map<number | null, GoalRow[]>();
	for (const g of goals) {
		const parent = g.parent_id != null && ids.has(g.parent_id) ? g.parent_id : null;
		children.set(parent, [...(children.get(parent) ?? []), g]);
	}
	const out: GoalRow[] = [];
	const visit = (parent: number | null) => {
		for (const g of children.get(parent) ?? []) {
			out.push(g);
			visit(g.id);
		}
	};
	visit(null);
	return out;
}

/** The periods a section shows for an indicator measured every `frequency`, oldest first. */
export function gridColumns(frequency: PeriodKind | 'irregular', endDate: string, count = COLUMNS): string[] {
	let p = reportedPeriod(frequency, endDate);
	const codes = [p.code];
	while (codes.length < count) {
		p = previousPeriod(p);
		codes.unshift(p.code);
	}
	return codes;
}

const sectionOf = (f: PeriodKind | 'irregular'): GridFrequency => (f === 'irregular' || f === 'range' ? 'year' : f);

/**
 * Every indicator of the plan, with whether this user may edit it. Pages show the editable rows to editors and
 * every row (read-only) to reviewers; a save checks each posted cell against this.
 */
export function buildGrid(db: Db, user: SessionUser, period: ReportingPeriod, sex: Sex): GridSection[] {
	const geographyId = period.geographyId;
	if (geographyId == null) return [];
	const goals = goalsInTreeOrder(db, period.planId);
	const links = db.$client
		.prepare(
			`SELECT gi.goal_id, gi.indicator_id, i.name, i.unit, i.frequency FROM goal_indicator gi
			 JOIN goal g ON g.id = gi.goal_id JOIN indicator i ON i.id = gi.indicator_id
			 WHERE g.plan_id = ? AND g.archived = 0 AND i.archived = 0 ORDER BY gi.sort_order, gi.indicator_id`
		)
		.all(period.planId) as LinkRow[];
	const linksOf = new Map<number, LinkRow[]>();
	for (const l of links) linksOf.set(l.goal_id, [...(linksOf.get(l.goal_id) ?? []), l]);

	const goalTargets = new Map<number, Target | null>(goals.map((g) => [g.id, goalTarget(db, g.id)]));
	const editable = new Map<number, boolean>();
	const mayEditIndicator = (id: number) => {
		if (!editable.has(id)) editable.set(id, mayEdit(user, indicatorTargets(db, id, period.planId)));
		return editable.get(id)!;
	};

	// An indicator linked to several goals is listed once: under the first goal (in tree order) the user may
	// edit, or simply the first when they may edit none of them.
	const home = new Map<number, number>();
	for (const inScope of [true, false]) {
		for (const g of goals) {
			const t = goalTargets.get(g.id);
			if (inScope && !(t && mayEdit(user, [t]))) continue;
			for (const l of linksOf.get(g.id) ?? []) if (!home.has(l.indicator_id)) home.set(l.indicator_id, g.id);
		}
	}

	const columns = new Map<GridFrequency, string[]>();
	for (const l of links) {
		const s = sectionOf(l.frequency);
		if (!columns.has(s)) columns.set(s, gridColumns(l.frequency, period.endDate));
	}
	const ids = [...home.keys()];
	const codes = [...new Set([...columns.values()].flat())];
	const values = new Map<string, ValueRow>();
	const drafts = new Map<string, DraftRow>();
	if (ids.length) {
		const inList = (n: number) => Array(n).fill('?').join(', ');
		const where = (t: string) => `${t}.geography_id = ? AND ${t}.sex = ? AND ${t}.indicator_id IN (${inList(ids.length)}) AND ${t}.period IN (${inList(codes.length)})`;
		const args = [geographyId, sex, ...ids, ...codes];
		const published = db.$client.prepare(`SELECT o.indicator_id, o.period, o.value, o.text_value, o.missing_symbol, o.version FROM observation o WHERE ${where('o')}`);
		for (const r of published.all(...args) as ValueRow[]) values.set(`${r.indicator_id}:${r.period}`, r);
		const drafted = db.$client.prepare(
			`SELECT d.indicator_id, d.period, d.value, d.text_value, d.missing_symbol, d.version, d.remove, d.updated_at, u.name AS updated_by
			 FROM observation_draft d LEFT JOIN user u ON u.id = d.updated_by WHERE ${where('d')}`
		);
		for (const r of drafted.all(...args) as DraftRow[]) drafts.set(`${r.indicator_id}:${r.period}`, r);
	}
	const asCell = (r: ValueRow | undefined) => (r ? { value: r.value, textValue: r.text_value, missingSymbol: r.missing_symbol } : null);

	const sections: GridSection[] = [];
	for (const frequency of FREQUENCY_ORDER) {
		const cols = columns.get(frequency);
		if (!cols) continue;
		const groups: GridGroup[] = [];
		const listed = new Set<number>();
		for (const g of goals) {
			const rows: GridRow[] = [];
			for (const l of linksOf.get(g.id) ?? []) {
				if (sectionOf(l.frequency) !== frequency || home.get(l.indicator_id) !== g.id || listed.has(l.indicator_id)) continue;
				listed.add(l.indicator_id);
				rows.push({
					indicatorId: l.indicator_id,
					name: l.name,
					unit: l.unit,
					editable: mayEditIndicator(l.indicator_id),
					cells: cols.map((code) => {
						const key: ObservationKey = { indicatorId: l.indicator_id, geographyId, sex, period: code };
						const published = values.get(`${l.indicator_id}:${code}`);
						const draft = drafts.get(`${l.indicator_id}:${code}`);
						return {
							name: cellField(l.indicator_id, code),
							key,
							text: draft ? (draft.remove ? '' : editText(asCell(draft))) : editText(asCell(published)),
							seen: formatSeen({ draftVersion: draft?.version ?? 0, publishedVersion: published?.version ?? 0 }),
							draft: draft ? { remove: !!draft.remove, by: draft.updated_by, at: draft.updated_at } : null,
							publishedText: draft ? editText(asCell(published)) : null,
							historyId: keyId(key)
						};
					})
				});
			}
			if (rows.length) groups.push({ goalId: g.id, title: [g.label ?? g.number, g.title].filter(Boolean).join(' '), rows });
		}
		if (groups.length) sections.push({ frequency, columns: cols, groups });
	}
	return sections;
}

/** Only the rows a page shows: editors see what they may edit; reviewers (who edit nothing) see everything. */
export function visibleSections(sections: GridSection[], user: SessionUser): GridSection[] {
	if (user.role === 'reviewer') return sections;
	return sections
		.map((s) => ({ ...s, groups: s.groups.map((g) => ({ ...g, rows: g.rows.filter((r) => r.editable) })).filter((g) => g.rows.length) }))
		.filter((s) => s.groups.length);
}
