/**
 * The history page of one value (observation) or assessment: what it is, in words, and its audit entries
 * (editing/history.ts), newest first. Ids are those the editing module writes to the audit log:
 * values "indicator:geography:sex:period", assessments "period:kind:subject".
 */
import type { Db } from '../db/client';
import { historyOf, type HistoryEntry } from '../editing/history';
import type { Sex } from '../../domain/types';

export type HistoryEntity = 'observation' | 'assessment';

export interface ValueSubject {
	entity: 'observation';
	indicator: string;
	unit: string | null;
	geography: string;
	sex: Sex;
	period: string;
}

export interface AssessmentSubject {
	entity: 'assessment';
	kind: 'goal' | 'uppdrag' | 'indicator';
	name: string;
	periodLabel: string;
	plan: string;
}

export interface HistoryPage {
	entity: HistoryEntity;
	id: string;
	subject: ValueSubject | AssessmentSubject;
	entries: HistoryEntry[];
}

export const isHistoryEntity = (x: unknown): x is HistoryEntity => x === 'observation' || x === 'assessment';

const OBSERVATION_ID = /^(\d{1,9}):(\d{1,9}):([TKM]):([0-9A-Za-z-]{4,12})$/;
const ASSESSMENT_ID = /^(\d{1,9}):(goal|uppdrag|indicator):(\d{1,9})$/;

function valueSubject(db: Db, id: string): ValueSubject | null {
	const m = OBSERVATION_ID.exec(id);
	if (!m) return null;
	const r = db.$client
		.prepare('SELECT i.name AS indicator, i.unit, g.name AS geography FROM indicator i, geography g WHERE i.id = ? AND g.id = ?')
		.get(Number(m[1]), Number(m[2])) as { indicator: string; unit: string | null; geography: string } | undefined;
	return r ? { entity: 'observation', ...r, sex: m[3] as Sex, period: m[4] } : null;
}

function assessmentSubject(db: Db, id: string): AssessmentSubject | null {
	const m = ASSESSMENT_ID.exec(id);
	if (!m) return null;
	const kind = m[2] as AssessmentSubject['kind'];
	const p = db.$client
		.prepare('SELECT p.label, pl.name AS plan FROM follow_up_period p JOIN plan pl ON pl.id = p.plan_id WHERE p.id = ?')
		.get(Number(m[1])) as { label: string; plan: string } | undefined;
	const sql = {
		goal: "SELECT trim(coalesce(label, number, '') || ' ' || title) AS name FROM goal WHERE id = ?",
		uppdrag: "SELECT trim(coalesce(label, CASE WHEN number IS NOT NULL THEN 'Uppdrag ' || number END, '') || ' ' || text) AS name FROM uppdrag WHERE id = ?",
		indicator: 'SELECT name FROM indicator WHERE id = ?'
	}[kind];
	const s = db.$client.prepare(sql).get(Number(m[3])) as { name: string } | undefined;
	return p && s ? { entity: 'assessment', kind, name: s.name, periodLabel: p.label, plan: p.plan } : null;
}

/** Null when the id does not name an existing value or assessment. */
export function getHistoryPage(db: Db, entity: HistoryEntity, id: string): HistoryPage | null {
	const subject = entity === 'observation' ? valueSubject(db, id) : assessmentSubject(db, id);
	if (!subject) return null;
	return { entity, id, subject, entries: historyOf(db, entity, id) };
}

/**
 * The plans a history id belongs to (for who may read it): an assessment's period's plan; a value's every plan
 * whose goals link its indicator.
 */
export function historyPlans(db: Db, entity: HistoryEntity, id: string): number[] {
	if (entity === 'assessment') {
		const m = ASSESSMENT_ID.exec(id);
		const p = m ? (db.$client.prepare('SELECT plan_id FROM follow_up_period WHERE id = ?').get(Number(m[1])) as { plan_id: number } | undefined) : undefined;
		return p ? [p.plan_id] : [];
	}
	const m = OBSERVATION_ID.exec(id);
	if (!m) return [];
	return (
		db.$client
			.prepare('SELECT DISTINCT g.plan_id FROM goal_indicator gi JOIN goal g ON g.id = gi.goal_id WHERE gi.indicator_id = ?')
			.all(Number(m[1])) as { plan_id: number }[]
	).map((r) => r.plan_id);
}
