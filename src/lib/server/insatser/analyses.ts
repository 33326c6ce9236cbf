/**
 * The 5.1 list of the återrapportering: analyses, follow-ups and evaluations an organisation carried out in a
 * year (type, name, financed by anslag 1:1 yes/no, how the knowledge was used). Officials add, change and
 * remove rows; each change is checked against the row's version (a stale one is a conflict, never an overwrite)
 * and written with its audit entry in the same transaction. The list is only read by the export (admin).
 */
import { z } from 'zod';
import type { Db } from '../db/client';
import type { Actor } from '../auth/audit';
import { writeAudit } from '../auth/audit';
import type { Locale } from '../../i18n';

export const ANALYSIS_TYPES = ['analys', 'uppföljning', 'utvärdering'] as const;

const msg = {
	sv: {
		name: 'Skriv namnet på analysen, uppföljningen eller utvärderingen.',
		type: 'Välj analys, uppföljning eller utvärdering (eller lämna tomt).',
		financed: 'Välj ja, nej eller ej angivet.',
		year: 'Skriv ett år med fyra siffror, till exempel 2020.',
		long: 'Texten är för lång (högst 5 000 tecken).'
	},
	en: {
		name: 'Enter the name of the analysis, follow-up or evaluation.',
		type: 'Choose analysis, follow-up or evaluation (or leave empty).',
		financed: 'Choose yes, no or not stated.',
		year: 'Enter a four-digit year, for example 2020.',
		long: 'The text is too long (at most 5,000 characters).'
	}
};

export const analysisSchema = (l: Locale) =>
	z.object({
		type: z.string().trim().max(100, msg[l].type).transform((t) => (t === '' ? null : t)),
		name: z.string().trim().min(1, msg[l].name).max(1000, msg[l].long),
		financed: z.enum(['', 'ja', 'nej'], msg[l].financed).transform((f) => (f === '' ? null : f === 'ja')),
		howUsed: z.string().trim().max(5000, msg[l].long).transform((t) => (t === '' ? null : t))
	});
export type AnalysisForm = z.output<ReturnType<typeof analysisSchema>>;
export const ANALYSIS_FIELDS = ['type', 'name', 'financed', 'howUsed'] as const;

export interface AnalysisRow {
	id: number;
	rowNumber: number;
	type: string | null;
	name: string;
	financedBy11: boolean | null;
	howUsed: string | null;
	version: number;
	updatedAt: string;
}

export class AnalysisConflict extends Error {
	/** `current` null: the row was removed meanwhile. */
	constructor(readonly current: AnalysisRow | null) {
		super('analysis version conflict');
	}
}

type Stored = { id: number; row_number: number; type: string | null; name: string; financed_by_1_1: number | null; how_used: string | null; version: number; updated_at: string };
const toRow = (r: Stored): AnalysisRow => ({
	id: r.id,
	rowNumber: r.row_number,
	type: r.type,
	name: r.name,
	financedBy11: r.financed_by_1_1 === null ? null : !!r.financed_by_1_1,
	howUsed: r.how_used,
	version: r.version,
	updatedAt: r.updated_at
});

export function listAnalyses(db: Db, organisationId: number, year: number): AnalysisRow[] {
	return (db.$client.prepare('SELECT * FROM analysis WHERE organisation_id = ? AND year = ? ORDER BY row_number').all(organisationId, year) as Stored[]).map(toRow);
}

export function getAnalysis(db: Db, id: number): (AnalysisRow & { organisationId: number; year: number }) | null {
	const r = db.$client.prepare('SELECT * FROM analysis WHERE id = ?').get(id) as (Stored & { organisation_id: number; year: number }) | undefined;
	return r ? { ...toRow(r), organisationId: r.organisation_id, year: r.year } : null;
}

/** Years that have a 5.1 list or an återrapportering, newest first, and the current year. */
export function analysisYears(db: Db, organisationId: number): number[] {
	const rows = db.$client
		.prepare('SELECT year FROM analysis WHERE organisation_id = ? UNION SELECT year FROM report_section WHERE organisation_id = ? ORDER BY year DESC')
		.all(organisationId, organisationId) as { year: number }[];
	return [...new Set([new Date().getFullYear(), ...rows.map((r) => r.year)])].sort((a, b) => b - a);
}

const SECTION = { code: '5.1', title: 'Genomförda analyser, uppföljningar och utvärderingar' };

/** Adds a row at the end of the year's list (and the 5.1 section of the report, if the year has none yet). */
export function createAnalysis(db: Db, actor: Actor, organisationId: number, year: number, f: AnalysisForm): number {
	return db.transaction((tx) => {
		const s = db.$client;
		const now = new Date().toISOString();
		const next = (s.prepare('SELECT coalesce(max(row_number), 0) + 1 AS n FROM analysis WHERE organisation_id = ? AND year = ?').get(organisationId, year) as { n: number }).n;
		const id = Number(
			s
				.prepare('INSERT INTO analysis (organisation_id, year, row_number, type, name, financed_by_1_1, how_used, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
				.run(organisationId, year, next, f.type, f.name, f.financed === null ? null : f.financed ? 1 : 0, f.howUsed, now, now).lastInsertRowid
		);
		s.prepare(
			`INSERT OR IGNORE INTO report_section (organisation_id, year, code, title, kind, sort_order, created_at, updated_at)
			 SELECT ?, ?, ?, ?, 'analyser', 0, ?, ? WHERE NOT EXISTS (SELECT 1 FROM report_section WHERE organisation_id = ? AND year = ? AND kind = 'analyser')`
		).run(organisationId, year, SECTION.code, SECTION.title, now, now, organisationId, year);
		writeAudit(tx, actor, { action: 'create', entity: 'analysis', entityId: id, new: { organisationId, year, rowNumber: next, ...f } });
		return id;
	}) as number;
}

export function saveAnalysis(db: Db, actor: Actor, id: number, baseVersion: number, f: AnalysisForm): void {
	db.transaction((tx) => {
		const current = getAnalysis(db, id);
		if (!current || current.version !== baseVersion) throw new AnalysisConflict(current);
		db.$client
			.prepare('UPDATE analysis SET type = ?, name = ?, financed_by_1_1 = ?, how_used = ?, version = version + 1, updated_at = ? WHERE id = ?')
			.run(f.type, f.name, f.financed === null ? null : f.financed ? 1 : 0, f.howUsed, new Date().toISOString(), id);
		writeAudit(tx, actor, {
			action: 'update',
			entity: 'analysis',
			entityId: id,
			old: { organisationId: current.organisationId, year: current.year, type: current.type, name: current.name, financed: current.financedBy11, howUsed: current.howUsed },
			new: { organisationId: current.organisationId, year: current.year, ...f }
		});
	});
}

/** Removes a row; the rows after it move up, so the printed numbering stays 1, 2, 3 … */
export function deleteAnalysis(db: Db, actor: Actor, id: number, baseVersion: number): void {
	db.transaction((tx) => {
		const current = getAnalysis(db, id);
		if (!current || current.version !== baseVersion) throw new AnalysisConflict(current);
		const s = db.$client;
		s.prepare('DELETE FROM analysis WHERE id = ?').run(id);
		// Two steps: the unique (organisation, year, row_number) index must not see two rows with one number.
		const later = s.prepare('SELECT id FROM analysis WHERE organisation_id = ? AND year = ? AND row_number > ? ORDER BY row_number').all(current.organisationId, current.year, current.rowNumber) as { id: number }[];
		for (const r of later) s.prepare('UPDATE analysis SET row_number = -row_number WHERE id = ?').run(r.id);
		for (const r of later) s.prepare('UPDATE analysis SET row_number = -row_number - 1, version = version + 1 WHERE id = ?').run(r.id);
		writeAudit(tx, actor, {
			action: 'delete',
			entity: 'analysis',
			entityId: id,
			old: { organisationId: current.organisationId, year: current.year, rowNumber: current.rowNumber, type: current.type, name: current.name, financed: current.financedBy11, howUsed: current.howUsed }
		});
	});
}

/** The audit entries of an organisation's 5.1 list for a year, newest first. */
export function analysisHistory(db: Db, organisationId: number, year: number) {
	return db.$client
		.prepare(
			`SELECT a.id, a.at, a.action, a.channel, coalesce(json_extract(a.new, '$.name'), json_extract(a.old, '$.name')) AS name, u.name AS user
			 FROM audit_log a LEFT JOIN user u ON u.id = a.user_id
			 WHERE a.entity = 'analysis' AND json_extract(coalesce(a.new, a.old), '$.organisationId') = ? AND json_extract(coalesce(a.new, a.old), '$.year') = ?
			 ORDER BY a.at DESC, a.id DESC LIMIT 50`
		)
		.all(organisationId, year) as { id: number; at: string; action: string; channel: string; name: string | null; user: string | null }[];
}
