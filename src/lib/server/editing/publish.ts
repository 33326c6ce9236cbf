/**
 * Publishing a period's drafts: values into `observation`, comments and colours into `assessment`, then the
 * computed colours again — one transaction with one audit entry per published change, so the public site
 * never shows half a publication.
 *
 * Only drafts the user may edit are published. A draft whose published row changed after the draft was
 * started (an import, another publication) is not published: it is returned as a conflict, to be looked at
 * and saved again. A proposed colour that now overrides the (re)computed colour without a reason is held back
 * the same way.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { writeAudit, type Actor } from '../auth/audit';
import { bumpRevision } from '../db/revision';
import { reassessIndicators } from '../assess/reassess';
import { refreshLatestSeries, type SeriesKey } from '../db/observation-latest';
import { getReportingPeriod, isLocked, LOCKED_MESSAGE, type ReportingPeriod } from './period';
import { indicatorTargets, mayEdit, subjectTargets } from './scope';
import type { SubjectKind } from '../db/schema-drafts';
import { keyId, type Bilingual } from './observation-drafts';
import { subjectId, SUBJECT_COLUMN } from './assessment-drafts';

export interface Held {
	what: 'observation' | 'assessment';
	id: string;
	reason: Bilingual;
}

export type PublishResult =
	| { ok: true; observations: number; assessments: number; held: Held[]; batchId: number | null }
	| { ok: false; message: Bilingual };

interface ObsDraftRow {
	indicator_id: number;
	geography_id: number;
	sex: string;
	period: string;
	period_kind: string;
	period_start: string;
	period_end: string;
	value: number | null;
	text_value: string | null;
	missing_symbol: string | null;
	note: string | null;
	printed: string | null;
	batch_id: number | null;
	remove: number;
	base_version: number;
}

interface AssDraftRow {
	subject_kind: SubjectKind;
	subject_id: number;
	colour: string | null;
	override_reason: string | null;
	comment: string | null;
	base_version: number;
}

/** The value drafts that belong to a plan: drafts of indicators linked to its goals. */
export function planObservationDrafts(db: Db, planId: number): ObsDraftRow[] {
	return db.$client
		.prepare(
			`SELECT d.* FROM observation_draft d
			 WHERE d.indicator_id IN (SELECT gi.indicator_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE g.plan_id = ?)
			 ORDER BY d.indicator_id, d.geography_id, d.sex, d.period`
		)
		.all(planId) as ObsDraftRow[];
}

export function periodAssessmentDrafts(db: Db, periodId: number): AssDraftRow[] {
	return db.$client.prepare('SELECT * FROM assessment_draft WHERE period_id = ? ORDER BY subject_kind, subject_id').all(periodId) as AssDraftRow[];
}

export function publishPeriod(db: Db, user: SessionUser, actor: Actor, periodId: number): PublishResult {
	const period = getReportingPeriod(db, periodId);
	if (!period) return { ok: false, message: { sv: 'Perioden finns inte.', en: 'The period does not exist.' } };
	if (isLocked(db, period)) return { ok: false, message: LOCKED_MESSAGE };
	return db.$client.transaction((): PublishResult => {
		bumpRevision(db.$client); // the public pages go stale when (and only when) this commits
		const held: Held[] = [];
		const obs = publishObservations(db, user, actor, period, held);
		reassessIndicators(db, obs.indicators);
		const assessments = publishAssessments(db, user, actor, period, held);
		return { ok: true, observations: obs.count, assessments, held, batchId: obs.batchId };
	})();
}

function publishObservations(db: Db, user: SessionUser, actor: Actor, period: ReportingPeriod, held: Held[]) {
	const sqlite = db.$client;
	const current = sqlite.prepare('SELECT value, text_value, missing_symbol, note, batch_id, version FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?');
	const upsert = sqlite.prepare(
		`INSERT INTO observation (indicator_id, geography_id, sex, period, period_kind, period_start, period_end, value, text_value, missing_symbol, note, printed, batch_id, version)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
		 ON CONFLICT (indicator_id, geography_id, sex, period) DO UPDATE SET value = excluded.value, text_value = excluded.text_value,
		   missing_symbol = excluded.missing_symbol, note = excluded.note, printed = excluded.printed, batch_id = excluded.batch_id, version = observation.version + 1`
	);
	const remove = sqlite.prepare('DELETE FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?');
	const drop = sqlite.prepare('DELETE FROM observation_draft WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?');
	const indicators = new Set<number>();
	const series: SeriesKey[] = [];
	let batchId: number | null = null;
	let count = 0;
	let typed = 0;
	const targets = new Map<number, boolean>();
	for (const d of planObservationDrafts(db, period.planId)) {
		let may = targets.get(d.indicator_id);
		if (may === undefined) targets.set(d.indicator_id, (may = mayEdit(user, indicatorTargets(db, d.indicator_id, period.planId))));
		if (!may) continue;
		const key = [d.indicator_id, d.geography_id, d.sex, d.period] as const;
		const id = keyId({ indicatorId: d.indicator_id, geographyId: d.geography_id, sex: d.sex as never, period: d.period });
		const before = current.get(...key) as
			| { value: number | null; text_value: string | null; missing_symbol: string | null; note: string | null; batch_id: number | null; version: number }
			| undefined;
		if ((before?.version ?? 0) !== d.base_version) {
			held.push({ what: 'observation', id, reason: { sv: 'Värdet har ändrats sedan utkastet påbörjades (import eller annan publicering). Jämför och spara igen.', en: 'The value changed after the draft was started (an import or another publication). Compare and save again.' } });
			continue;
		}
		// A draft written by an import keeps its batch (the published value names its file); typed ones share one.
		if (batchId === null && d.batch_id === null) {
			batchId = Number(
				sqlite
					.prepare("INSERT INTO import_batch (source, kind, imported_by, counts) VALUES (?, 'form', ?, NULL)")
					.run(`Inmatat i Lägesbild, ${period.label}`, user.email).lastInsertRowid
			);
		}
		if (d.remove) remove.run(...key);
		else upsert.run(...key, d.period_kind, d.period_start, d.period_end, d.value, d.text_value, d.missing_symbol, d.note, d.printed, d.batch_id ?? batchId);
		drop.run(...key);
		if (d.batch_id === null) typed++;
		writeAudit(db, actor, {
			action: d.remove ? 'publish.remove' : 'publish',
			entity: 'observation',
			entityId: id,
			old: before ? { value: before.value, text: before.text_value, missing: before.missing_symbol, note: before.note, batch: before.batch_id } : null,
			new: d.remove ? null : { value: d.value, text: d.text_value, missing: d.missing_symbol, note: d.note, batch: d.batch_id ?? batchId },
			note: period.label
		});
		indicators.add(d.indicator_id);
		series.push([d.indicator_id, d.geography_id, d.sex as SeriesKey[2]]);
		count++;
	}
	// The latest value of each series written, in this same transaction (the pages read it: issue 7).
	refreshLatestSeries(sqlite, series);
	if (batchId !== null) sqlite.prepare("UPDATE import_batch SET counts = json_object('observations', ?) WHERE id = ?").run(typed, batchId);
	return { count, indicators: [...indicators], batchId };
}

function publishAssessments(db: Db, user: SessionUser, actor: Actor, period: ReportingPeriod, held: Held[]): number {
	const sqlite = db.$client;
	let count = 0;
	for (const d of periodAssessmentDrafts(db, period.id)) {
		if (!mayEdit(user, subjectTargets(db, d.subject_kind, d.subject_id, period.planId))) continue;
		const col = SUBJECT_COLUMN[d.subject_kind];
		const id = subjectId({ periodId: period.id, kind: d.subject_kind, id: d.subject_id });
		const before = sqlite.prepare(`SELECT id, colour, source, computed_colour, comment, override_reason, version FROM assessment WHERE period_id = ? AND ${col} = ?`).get(period.id, d.subject_id) as
			| { id: number; colour: string | null; source: string; computed_colour: string | null; comment: string | null; override_reason: string | null; version: number }
			| undefined;
		if ((before?.version ?? 0) !== d.base_version) {
			held.push({ what: 'assessment', id, reason: { sv: 'Bedömningen har ändrats sedan utkastet påbörjades. Jämför och spara igen.', en: 'The assessment changed after the draft was started. Compare and save again.' } });
			continue;
		}
		const computed = before?.computed_colour ?? null;
		if (d.colour && computed && d.colour !== computed && !d.override_reason) {
			held.push({ what: 'assessment', id, reason: { sv: 'Den beräknade färgen har ändrats och den föreslagna färgen avviker nu. Skriv en motivering.', en: 'The computed colour changed and the proposed colour now differs. Write a reason.' } });
			continue;
		}
		// No proposed colour: the computed one (indicators) stands, or the subject stays without a colour.
		const colour = d.colour ?? (before?.source === 'computed' ? before.colour : null);
		const source = d.colour ? 'manual' : before?.source === 'computed' ? 'computed' : 'manual';
		const reason = d.colour && computed && d.colour !== computed ? d.override_reason : null;
		if (before) {
			sqlite
				.prepare(
					`UPDATE assessment SET colour = ?, source = ?, comment = ?, override_reason = ?, version = version + 1,
					 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`
				)
				.run(colour, source, d.comment, reason, before.id);
		} else {
			sqlite.prepare(`INSERT INTO assessment (period_id, ${col}, colour, source, comment, override_reason) VALUES (?, ?, ?, 'manual', ?, ?)`).run(period.id, d.subject_id, d.colour, d.comment, reason);
		}
		sqlite.prepare('DELETE FROM assessment_draft WHERE period_id = ? AND subject_kind = ? AND subject_id = ?').run(period.id, d.subject_kind, d.subject_id);
		writeAudit(db, actor, {
			action: 'publish',
			entity: 'assessment',
			entityId: id,
			old: before ? { colour: before.colour, comment: before.comment, overrideReason: before.override_reason } : null,
			new: { colour, comment: d.comment, overrideReason: reason },
			note: period.label
		});
		count++;
	}
	return count;
}

/** What the publish page lists: the period's drafts with names, and whether this user may publish each. */
export function publishOverview(db: Db, user: SessionUser, period: ReportingPeriod) {
	const sqlite = db.$client;
	const indicatorName = sqlite.prepare('SELECT name FROM indicator WHERE id = ?');
	const geographyName = sqlite.prepare('SELECT name FROM geography WHERE id = ?');
	const batchFile = sqlite.prepare('SELECT coalesce(file_name, source) AS file FROM import_batch WHERE id = ?');
	const values = planObservationDrafts(db, period.planId).map((d) => ({
		indicator: (indicatorName.get(d.indicator_id) as { name: string }).name,
		geography: (geographyName.get(d.geography_id) as { name: string }).name,
		sex: d.sex,
		period: d.period,
		value: d.remove ? null : (d.value ?? d.text_value ?? d.missing_symbol),
		remove: !!d.remove,
		/** An imported draft: its file and batch (null: typed in the form or the grid). */
		imported: d.batch_id === null ? null : { batchId: d.batch_id, file: (batchFile.get(d.batch_id) as { file: string } | undefined)?.file ?? '' },
		mine: mayEdit(user, indicatorTargets(db, d.indicator_id, period.planId))
	}));
	const assessments = periodAssessmentDrafts(db, period.id).map((d) => ({
		kind: d.subject_kind,
		id: d.subject_id,
		colour: d.colour,
		comment: d.comment,
		mine: mayEdit(user, subjectTargets(db, d.subject_kind, d.subject_id, period.planId))
	}));
	const plan = sqlite
		.prepare('SELECT p.slug, o.slug AS org FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?')
		.get(period.planId) as { slug: string; org: string };
	return { values, assessments, plan };
}
