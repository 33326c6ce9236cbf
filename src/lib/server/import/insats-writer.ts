/**
 * Writes insatser into the database for an import, matching by import key so that the same file twice changes
 * nothing: each insats is compared as a whole (its fields, financing, goal links, kommuner, results and
 * figures) with what is stored; only a difference rewrites it and counts it as changed (version + 1).
 * Runs inside the import's transaction.
 */
import type { Db } from '../db/client';
import type { Count, ExampleRow } from './types';
import { emptyCount } from './types';
import type { InsatsFigureRow } from '../db/schema-insatser';
import type { StoredFigure } from '../../domain/insats';

export type FigureInput = StoredFigure;

export interface ResultInput {
	year: number;
	type: 'prestation' | 'effekt';
	term: 'kort' | 'lang' | 'kort-och-lang' | null;
	basis: 'forvantad' | 'uppnadd' | null;
	text: string;
	figures: FigureInput[];
}

export interface GoalLinkInput {
	goalId: number | null;
	externalGoalId: number | null;
	label: string | null;
	printed: string | null;
	note: string | null;
}

export interface InsatsInput {
	key: string;
	name: string;
	description: string | null;
	ownerName: string | null;
	periodFrom: string | null;
	periodTo: string | null;
	nypsIds: string[];
	nypsPrinted: string[];
	status: 'planerad' | 'pagar' | 'avslutad' | null;
	wholeCounty: boolean | null;
	geographyIds: number[];
	source: string | null;
	financing: { source: string; amount: number | null; year: number | null; note: string | null }[];
	goals: GoalLinkInput[];
	results: ResultInput[];
	/** Figures in the name or description. */
	figures: FigureInput[];
}

/** The state new imported insatser get (an imported report is already public). */
export type NewState = 'draft' | 'published';

export class InsatsWriter {
	readonly count: Count = emptyCount();
	readonly results: Count = emptyCount();
	readonly examples: { new: ExampleRow[]; changed: ExampleRow[] } = { new: [], changed: [] };
	private readonly sqlite: Db['$client'];

	constructor(
		db: Db,
		private readonly organisationId: number,
		private readonly newState: NewState,
		private readonly now: string
	) {
		this.sqlite = db.$client;
	}

	/** Inserts or updates one insats; returns its id. */
	write(input: InsatsInput): number {
		const existing = this.sqlite
			.prepare('SELECT id FROM insats WHERE organisation_id = ? AND import_key = ?')
			.get(this.organisationId, input.key) as { id: number } | undefined;
		const wanted = JSON.stringify(canonical(input));
		if (existing) {
			const stored = JSON.stringify(snapshot(this.sqlite, existing.id));
			if (stored === wanted) {
				this.count.unchanged++;
				this.results.unchanged += input.results.length;
				return existing.id;
			}
			this.sqlite
				.prepare(
					`UPDATE insats SET name = ?, description = ?, owner_name = ?, period_from = ?, period_to = ?, nyps_ids = ?,
					 nyps_printed = ?, status = ?, whole_county = ?, source = ?, version = version + 1, updated_at = ? WHERE id = ?`
				)
				.run(...fieldValues(input), input.source, this.now, existing.id);
			for (const t of ['insats_financing', 'insats_goal', 'insats_geography', 'insats_figure', 'insats_result']) {
				this.sqlite.prepare(`DELETE FROM ${t} WHERE insats_id = ?`).run(existing.id);
			}
			this.children(existing.id, input);
			this.count.changed++;
			this.results.changed += input.results.length;
			if (this.examples.changed.length < 5) this.examples.changed.push({ what: `insats ${input.name}` });
			return existing.id;
		}
		const id = Number(
			this.sqlite
				.prepare(
					`INSERT INTO insats (organisation_id, name, description, owner_name, period_from, period_to, nyps_ids, nyps_printed,
					 status, whole_county, source, import_key, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(this.organisationId, ...fieldValues(input), input.source, input.key, this.newState, this.now, this.now).lastInsertRowid
		);
		this.children(id, input);
		this.count.new++;
		this.results.new += input.results.length;
		if (this.examples.new.length < 5) this.examples.new.push({ what: `insats ${input.name}` });
		return id;
	}

	private children(id: number, input: InsatsInput): void {
		const s = this.sqlite;
		input.financing.forEach((f, i) =>
			s
				.prepare('INSERT INTO insats_financing (insats_id, source, amount, year, note, sort_order) VALUES (?, ?, ?, ?, ?, ?)')
				.run(id, f.source, f.amount, f.year, f.note, i)
		);
		input.goals.forEach((g, i) =>
			s
				.prepare('INSERT INTO insats_goal (insats_id, goal_id, external_goal_id, label, printed, note, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)')
				.run(id, g.goalId, g.externalGoalId, g.label, g.printed, g.note, i)
		);
		for (const g of input.geographyIds) s.prepare('INSERT INTO insats_geography (insats_id, geography_id) VALUES (?, ?)').run(id, g);
		const fig = s.prepare(
			`INSERT INTO insats_figure (insats_id, result_id, year, printed, value, range_low, range_high, unit, kind, approx, qualifier, sex, what, sort_order)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		let order = 0;
		const writeFigures = (resultId: number | null, year: number | null, figures: FigureInput[]) => {
			for (const f of figures) {
				fig.run(id, resultId, year, f.printed, f.value, f.rangeLow, f.rangeHigh, f.unit, f.kind, f.approx, f.qualifier, f.sex, f.what, order++);
			}
		};
		writeFigures(null, null, input.figures);
		input.results.forEach((r, i) => {
			const rid = Number(
				s
					.prepare(
						'INSERT INTO insats_result (insats_id, year, type, term, basis, text, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
					)
					.run(id, r.year, r.type, r.term, r.basis, r.text, i, this.now, this.now).lastInsertRowid
			);
			writeFigures(rid, r.year, r.figures);
		});
	}
}

function fieldValues(i: InsatsInput): unknown[] {
	return [
		i.name,
		i.description,
		i.ownerName,
		i.periodFrom,
		i.periodTo,
		JSON.stringify(i.nypsIds),
		JSON.stringify(i.nypsPrinted),
		i.status,
		i.wholeCounty === null ? null : i.wholeCounty ? 1 : 0
	];
}

/** The comparable content of an input: what `snapshot` reads back for a stored insats. */
function canonical(i: InsatsInput) {
	return {
		fields: [...fieldValues(i), i.source],
		financing: i.financing.map((f) => [f.source, f.amount, f.year, f.note]),
		goals: i.goals.map((g) => [g.goalId, g.externalGoalId, g.label, g.printed, g.note]),
		geos: [...i.geographyIds].sort((a, b) => a - b),
		figures: i.figures.map(figureTuple),
		results: i.results.map((r) => [r.year, r.type, r.term, r.basis, r.text, r.figures.map(figureTuple)])
	};
}

function figureTuple(f: FigureInput): unknown[] {
	return [f.printed, f.value, f.rangeLow, f.rangeHigh, f.unit, f.kind, f.approx, f.qualifier, f.sex, f.what];
}

function snapshot(s: Db['$client'], id: number) {
	const r = s
		.prepare(
			'SELECT name, description, owner_name, period_from, period_to, nyps_ids, nyps_printed, status, whole_county, source FROM insats WHERE id = ?'
		)
		.get(id) as Record<string, unknown>;
	const figures = s
		.prepare(
			'SELECT result_id, printed, value, range_low, range_high, unit, kind, approx, qualifier, sex, what FROM insats_figure WHERE insats_id = ? ORDER BY sort_order, id'
		)
		.all(id) as InsatsFigureRow[];
	const tuple = (f: InsatsFigureRow) =>
		figureTuple({
			printed: f.printed,
			value: f.value,
			rangeLow: f.range_low,
			rangeHigh: f.range_high,
			unit: f.unit,
			kind: f.kind,
			approx: f.approx,
			qualifier: f.qualifier,
			sex: f.sex,
			what: f.what
		});
	const results = s
		.prepare('SELECT id, year, type, term, basis, text FROM insats_result WHERE insats_id = ? ORDER BY sort_order, id')
		.all(id) as { id: number; year: number; type: string; term: string | null; basis: string | null; text: string }[];
	return {
		fields: [r.name, r.description, r.owner_name, r.period_from, r.period_to, r.nyps_ids, r.nyps_printed, r.status, r.whole_county, r.source],
		financing: (
			s.prepare('SELECT source, amount, year, note FROM insats_financing WHERE insats_id = ? ORDER BY sort_order, id').all(id) as Record<
				string,
				unknown
			>[]
		).map((f) => [f.source, f.amount, f.year, f.note]),
		goals: (
			s
				.prepare('SELECT goal_id, external_goal_id, label, printed, note FROM insats_goal WHERE insats_id = ? ORDER BY sort_order, id')
				.all(id) as Record<string, unknown>[]
		).map((g) => [g.goal_id, g.external_goal_id, g.label, g.printed, g.note]),
		geos: (s.prepare('SELECT geography_id FROM insats_geography WHERE insats_id = ? ORDER BY geography_id').all(id) as { geography_id: number }[]).map(
			(g) => g.geography_id
		),
		figures: figures.filter((f) => f.result_id === null).map(tuple),
		results: results.map((x) => [x.year, x.type, x.term, x.basis, x.text, figures.filter((f) => f.result_id === x.id).map(tuple)])
	};
}
