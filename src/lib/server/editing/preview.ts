/**
 * The public view of a plan's drafts, for the editors and reviewers who may see them: inside a transaction the
 * drafts are applied as publishing would apply them, the period is shown as published, `read` runs the same
 * public queries as the site, and the transaction is rolled back. So the preview is exactly what publishing
 * would give, and nothing of it is ever stored. (better-sqlite3 is synchronous: no other request runs meanwhile.)
 */
import type { Db } from '../db/client';
import { reassessIndicators } from '../assess/reassess';
import { refreshLatestSeries, type SeriesKey } from '../db/observation-latest';
import { periodAssessmentDrafts, planObservationDrafts } from './publish';
import { SUBJECT_COLUMN } from './assessment-drafts';

class Rollback extends Error {}

export function withDraftsApplied<T>(db: Db, planId: number, read: () => T): T {
	const sqlite = db.$client;
	let out!: T;
	try {
		sqlite.transaction(() => {
			const indicators = new Set<number>();
			const series: SeriesKey[] = [];
			for (const d of planObservationDrafts(db, planId)) {
				const key = [d.indicator_id, d.geography_id, d.sex, d.period];
				if (d.remove) sqlite.prepare('DELETE FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?').run(...key);
				else
					sqlite
						.prepare(
							`INSERT OR REPLACE INTO observation (indicator_id, geography_id, sex, period, period_kind, period_start, period_end, value, text_value, missing_symbol, note, printed)
							 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
						)
						.run(...key, d.period_kind, d.period_start, d.period_end, d.value, d.text_value, d.missing_symbol, d.note, d.printed);
				indicators.add(d.indicator_id);
				series.push([d.indicator_id, d.geography_id, d.sex as SeriesKey[2]]);
			}
			// As publishing does: the pages read the latest values from observation_latest.
			refreshLatestSeries(sqlite, series);
			reassessIndicators(db, [...indicators]);
			const periods = sqlite.prepare("SELECT id FROM follow_up_period WHERE plan_id = ? AND state IN ('open', 'ready')").all(planId) as { id: number }[];
			for (const p of periods) {
				for (const d of periodAssessmentDrafts(db, p.id)) {
					const col = SUBJECT_COLUMN[d.subject_kind];
					const existing = sqlite.prepare(`SELECT id FROM assessment WHERE period_id = ? AND ${col} = ?`).get(p.id, d.subject_id) as { id: number } | undefined;
					if (existing) {
						sqlite
							.prepare(`UPDATE assessment SET comment = ?, colour = coalesce(?, CASE WHEN source = 'computed' THEN colour END), source = CASE WHEN ? IS NULL THEN source ELSE 'manual' END, override_reason = ? WHERE id = ?`)
							.run(d.comment, d.colour, d.colour, d.override_reason, existing.id);
					} else {
						sqlite.prepare(`INSERT INTO assessment (period_id, ${col}, colour, source, comment, override_reason) VALUES (?, ?, ?, 'manual', ?, ?)`).run(p.id, d.subject_id, d.colour, d.comment, d.override_reason);
					}
				}
				sqlite.prepare("UPDATE follow_up_period SET state = 'published' WHERE id = ?").run(p.id);
			}
			out = read();
			throw new Rollback();
		})();
	} catch (e) {
		if (!(e instanceof Rollback)) throw e;
	}
	return out;
}
