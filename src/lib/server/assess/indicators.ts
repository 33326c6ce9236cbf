/**
 * Computes the colour, trend arrow and status of every indicator of a plan for one follow-up period and
 * stores them as assessments. Runs at write time (seed, import, edit), so pages only read the result.
 * A colour set by a person is kept; the computed one is stored beside it.
 */
import type { Db } from '../db/client';
import type { Direction, Target } from '../../domain/types';
import { computeColour } from '../../domain/colour';
import { computeTrend } from '../../domain/trend';
import { indicatorStatus } from '../../domain/indicator-status';
import { parsePeriod, previousPeriod, isPeriod } from '../../domain/period';
import { RIKET_CODE } from '../seed/geographies';
import { isPeriodLocked } from '../review/workflow';

interface ObsRow {
	period: string;
	period_end: string;
	value: number | null;
	text_value: string | null;
	missing_symbol: string | null;
	printed: string | null;
}

interface TargetRow {
	kind: Target['kind'];
	value: number | null;
	value_high: number | null;
	reference: Target['reference'];
	base_period: string | null;
	target_period: string | null;
	benchmark: Target['benchmark'];
	benchmark_side: Target['benchmarkSide'];
	benchmark_measure: Target['benchmarkMeasure'];
	wording: string;
}

export function toTarget(r: TargetRow): Target {
	return {
		kind: r.kind,
		value: r.value,
		valueHigh: r.value_high,
		reference: r.reference,
		basePeriod: r.base_period,
		targetPeriod: r.target_period,
		benchmark: r.benchmark,
		benchmarkSide: r.benchmark_side,
		benchmarkMeasure: r.benchmark_measure,
		wording: r.wording
	};
}

/**
 * Assess every indicator linked to the plan of `periodId`. Returns how many were assessed.
 * A locked (approved or published) period keeps the assessments the nämnd decided on: new values from an
 * import, a publication or a structure change do not recolour it, and 0 is returned. Only the seed, which
 * builds already published demo periods from scratch, passes `evenIfLocked`.
 */
export function assessIndicatorsForPeriod(db: Db, periodId: number, opts: { evenIfLocked?: boolean } = {}): number {
	if (!opts.evenIfLocked && isPeriodLocked(db, periodId)) return 0;
	const sqlite = db.$client;
	const period = sqlite
		.prepare(
			`SELECT p.id, p.end_date, p.plan_id, pl.geography_id
			 FROM follow_up_period p JOIN plan pl ON pl.id = p.plan_id WHERE p.id = ?`
		)
		.get(periodId) as { id: number; end_date: string; plan_id: number; geography_id: number | null };
	if (!period || period.geography_id === null) return 0;

	const indicators = sqlite
		.prepare(
			`SELECT DISTINCT i.id, i.direction, i.tolerance, i.neutral_band
			 FROM indicator i JOIN goal_indicator gi ON gi.indicator_id = i.id JOIN goal g ON g.id = gi.goal_id
			 WHERE g.plan_id = ?`
		)
		.all(period.plan_id) as { id: number; direction: Direction; tolerance: number; neutral_band: number }[];

	const targetStmt = sqlite.prepare(
		`SELECT t.* FROM target t LEFT JOIN goal g ON g.id = t.goal_id
		 WHERE t.indicator_id = ? AND (t.goal_id IS NULL OR g.plan_id = ?)
		 ORDER BY t.rank, t.goal_id IS NOT NULL, t.id LIMIT 1`
	);
	const latestStmt = sqlite.prepare(
		`SELECT period, period_end, value, text_value, missing_symbol, printed FROM observation
		 WHERE indicator_id = ? AND geography_id = ? AND sex = 'T' AND period_end <= ?
		 ORDER BY period_end DESC, period_start DESC LIMIT 1`
	);
	const atStmt = sqlite.prepare(
		`SELECT value FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = 'T' AND period = ?`
	);
	const riket = sqlite.prepare('SELECT id FROM geography WHERE code = ?').get(RIKET_CODE) as { id: number } | undefined;
	const existingStmt = sqlite.prepare(
		'SELECT id, source, colour FROM assessment WHERE period_id = ? AND indicator_id = ?'
	);
	const insert = sqlite.prepare(
		`INSERT INTO assessment (period_id, indicator_id, colour, trend, indicator_status, source, computed_colour, computed_reason, explanation, data_period)
		 VALUES (?, ?, ?, ?, ?, 'computed', ?, ?, ?, ?)`
	);
	const updateComputed = sqlite.prepare(
		`UPDATE assessment SET colour = ?, trend = ?, indicator_status = ?, source = 'computed', computed_colour = ?,
		 computed_reason = ?, explanation = ?, data_period = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`
	);
	const updateKeepingManual = sqlite.prepare(
		`UPDATE assessment SET computed_colour = ?, computed_reason = ?, explanation = ?, data_period = ?,
		 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`
	);

	const valueAt = (indicatorId: number, geographyId: number | undefined, code: string | null | undefined) => {
		if (!code || geographyId === undefined) return null;
		const row = atStmt.get(indicatorId, geographyId, code) as { value: number | null } | undefined;
		return row?.value ?? null;
	};

	for (const ind of indicators) {
		const targetRow = targetStmt.get(ind.id, period.plan_id) as TargetRow | undefined;
		const target = targetRow ? toTarget(targetRow) : null;
		const latest = latestStmt.get(ind.id, period.geography_id, period.end_date) as ObsRow | undefined;
		const parsed = latest ? parsePeriod(latest.period) : null;
		const dataPeriod = parsed && isPeriod(parsed) ? parsed : null;
		const previousCode = dataPeriod ? previousPeriod(dataPeriod).code : null;
		const previous = valueAt(ind.id, period.geography_id, previousCode);
		const reference =
			target?.reference === 'base' ? valueAt(ind.id, period.geography_id, target.basePeriod) : previous;
		const isBenchmark = target?.kind === 'benchmark';
		const benchmarkGeo = isBenchmark && target?.benchmark === 'riket' ? riket?.id : undefined;

		const value = latest?.value ?? null;
		const colour = computeColour({
			target,
			direction: ind.direction,
			value,
			reference,
			benchmarkValue: valueAt(ind.id, benchmarkGeo, latest?.period),
			benchmarkReference: valueAt(ind.id, benchmarkGeo, previousCode),
			tolerance: ind.tolerance
		});
		const trend = computeTrend(value, previous, ind.direction, ind.neutral_band);
		const hasValue = !!latest && latest.missing_symbol === null;
		const status = indicatorStatus({ hasValue, colour: colour.colour, textValue: latest?.text_value ?? null });
		const explanation = JSON.stringify(colour.explanation);

		const existing = existingStmt.get(period.id, ind.id) as { id: number; source: string; colour: string | null } | undefined;
		if (!existing) {
			insert.run(period.id, ind.id, colour.colour, trend.trend, status, colour.colour, colour.reason, explanation, latest?.period ?? null);
		} else if (existing.source === 'manual' && existing.colour !== null) {
			updateKeepingManual.run(colour.colour, colour.reason, explanation, latest?.period ?? null, existing.id);
		} else {
			updateComputed.run(colour.colour, trend.trend, status, colour.colour, colour.reason, explanation, latest?.period ?? null, existing.id);
		}
	}
	return indicators.length;
}
