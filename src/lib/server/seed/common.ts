/** Small insert helpers shared by the demo loaders. They run inside the caller's transaction. */
import type { Db } from '../db/client';
import type { Direction, Origin, Target } from '../../domain/types';
import { parseTargetWording } from '../../domain/target';
import { periodFromYear } from '../../domain/period';

export function insertRow(db: Db, table: string, row: Record<string, unknown>): number {
	const cols = Object.keys(row);
	const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
	const values = cols.map((c) => {
		const v = row[c];
		if (typeof v === 'boolean') return v ? 1 : 0;
		if (v !== null && typeof v === 'object') return JSON.stringify(v);
		return v ?? null;
	});
	return Number(db.$client.prepare(sql).run(...values).lastInsertRowid);
}

/** Insert a goal node and return its id. */
export function insertGoal(
	db: Db,
	g: {
		planId: number;
		parentId: number | null;
		depth: number;
		number?: string | null;
		label?: string | null;
		title: string;
		description?: string | null;
		origin: Origin;
		sortOrder: number;
	}
): number {
	return insertRow(db, 'goal', {
		plan_id: g.planId,
		parent_id: g.parentId,
		depth: g.depth,
		number: g.number ?? null,
		label: g.label ?? null,
		title: g.title,
		description: g.description ?? null,
		origin: g.origin,
		sort_order: g.sortOrder
	});
}

export function insertTarget(db: Db, indicatorId: number, t: Target, rank: number, goalId: number | null = null): number {
	return insertRow(db, 'target', {
		indicator_id: indicatorId,
		goal_id: goalId,
		kind: t.kind,
		value: t.value ?? null,
		value_high: t.valueHigh ?? null,
		reference: t.reference ?? null,
		base_period: t.basePeriod ?? null,
		target_period: t.targetPeriod ?? null,
		benchmark: t.benchmark ?? null,
		benchmark_side: t.benchmarkSide ?? null,
		benchmark_measure: t.benchmarkMeasure ?? null,
		wording: t.wording,
		rank
	});
}

/** Parse the wording and store every target found (primary first). Returns the primary, if any. */
export function insertParsedTargets(db: Db, indicatorId: number, wording: string): Target | null {
	const parsed = parseTargetWording(wording);
	const all = [parsed.primary, ...parsed.secondary].filter((t): t is Target => t !== null);
	all.forEach((t, rank) => insertTarget(db, indicatorId, t, rank));
	return parsed.primary;
}

/** The direction a target implies for its indicator ("ska öka" → higher is better). */
export function directionFromTarget(t: Target | null): Direction {
	if (!t) return 'none';
	switch (t.kind) {
		case 'increase':
		case 'min':
			return 'up';
		case 'decrease':
		case 'max':
			return 'down';
		case 'benchmark':
			return t.benchmarkSide === 'below' ? 'down' : 'up';
		default:
			return 'none';
	}
}

export function insertYearObservation(
	db: Db,
	o: {
		indicatorId: number;
		geographyId: number;
		year: number;
		sex?: 'T' | 'K' | 'M';
		value?: number | null;
		textValue?: string | null;
		missingSymbol?: string | null;
		printed?: string | null;
		note?: string | null;
		batchId: number | null;
	}
): number {
	const p = periodFromYear(o.year);
	return insertRow(db, 'observation', {
		indicator_id: o.indicatorId,
		geography_id: o.geographyId,
		period: p.code,
		period_kind: p.kind,
		period_start: p.start,
		period_end: p.end,
		sex: o.sex ?? 'T',
		value: o.value ?? null,
		text_value: o.textValue ?? null,
		missing_symbol: o.missingSymbol ?? null,
		printed: o.printed ?? null,
		note: o.note ?? null,
		batch_id: o.batchId
	});
}

export function insertBatch(db: Db, source: string, fileName: string | null): number {
	return insertRow(db, 'import_batch', { source, file_name: fileName, imported_by: 'seed' });
}
