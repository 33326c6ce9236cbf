/**
 * Writes an insats's own fields and its rows (kommuner, financing, goal links) to the published tables. Used
 * when creating and editing a never-published insats, and when a draft of a published one is published.
 */
import type { Db } from '../db/client';
import type { InsatsForm } from './edit';


export function writeFields(s: Db['$client'], id: number, f: InsatsForm, now: string, bump: boolean): void {
	s.prepare(
		`UPDATE insats SET name = ?, description = ?, owner_name = ?, period_from = ?, period_to = ?, nyps_ids = ?, nyps_printed = ?, status = ?,
		 whole_county = ?, updated_at = ?${bump ? ', version = version + 1' : ''} WHERE id = ?`
	).run(
		f.name,
		f.description,
		f.ownerName,
		f.periodFrom,
		f.periodTo,
		JSON.stringify(f.nypsIds),
		JSON.stringify(f.nypsPrinted),
		f.status,
		f.wholeCounty === null ? null : f.wholeCounty ? 1 : 0,
		now,
		id
	);
	s.prepare('DELETE FROM insats_geography WHERE insats_id = ?').run(id);
	for (const g of f.geographyIds) s.prepare('INSERT OR IGNORE INTO insats_geography (insats_id, geography_id) VALUES (?, ?)').run(id, g);
	s.prepare('DELETE FROM insats_financing WHERE insats_id = ?').run(id);
	f.financing.forEach((x, i) =>
		s.prepare('INSERT INTO insats_financing (insats_id, source, amount, year, note, sort_order) VALUES (?, ?, ?, ?, ?, ?)').run(id, x.source, x.amount, x.year, x.note, i)
	);
	// Links: keep the printed ones an import made (text-only or with a label) for goals still chosen; rewrite the rest.
	const existing = s.prepare('SELECT id, goal_id, external_goal_id FROM insats_goal WHERE insats_id = ?').all(id) as {
		id: number;
		goal_id: number | null;
		external_goal_id: number | null;
	}[];
	for (const e of existing) {
		const keep = (e.goal_id !== null && f.goalIds.includes(e.goal_id)) || (e.external_goal_id !== null && f.externalGoalIds.includes(e.external_goal_id)) || (e.goal_id === null && e.external_goal_id === null);
		if (!keep) s.prepare('DELETE FROM insats_goal WHERE id = ?').run(e.id);
	}
	let order = (s.prepare('SELECT coalesce(max(sort_order) + 1, 0) AS n FROM insats_goal WHERE insats_id = ?').get(id) as { n: number }).n;
	for (const g of f.goalIds) {
		if (!existing.some((e) => e.goal_id === g)) s.prepare('INSERT INTO insats_goal (insats_id, goal_id, sort_order) VALUES (?, ?, ?)').run(id, g, order++);
	}
	for (const g of f.externalGoalIds) {
		if (!existing.some((e) => e.external_goal_id === g)) s.prepare('INSERT INTO insats_goal (insats_id, external_goal_id, sort_order) VALUES (?, ?, ?)').run(id, g, order++);
	}
}

