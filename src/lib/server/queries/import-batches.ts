/**
 * Import batches for the admin import page: the recent ones, and one batch's provenance (source, file,
 * SHA-256, who and when, counts, the audit entry, and the indicators whose current values came from it).
 */
import type { Db } from '../db/client';
import type { Count, Counts } from '../import/types';

export interface BatchRow {
	id: number;
	source: string;
	kind: string | null;
	fileName: string | null;
	url: string | null;
	sha256: string | null;
	importedAt: string;
	importedBy: string | null;
	/** The account named by the audit entry, when there is one. */
	userName: string | null;
	counts: Counts;
}

export interface BatchAudit {
	at: string;
	channel: string;
	userName: string | null;
	note: string | null;
}

export interface BatchDetail extends BatchRow {
	audit: BatchAudit[];
	/** Observations whose current value this batch wrote (a later batch takes over the rows it changes). */
	observations: number;
	indicators: { slug: string; name: string; observations: number }[];
}

const SELECT = `
	SELECT b.id, b.source, b.kind, b.file_name AS fileName, b.url, b.sha256, b.imported_at AS importedAt,
	       b.imported_by AS importedBy, b.counts,
	       (SELECT u.name FROM audit_log a JOIN user u ON u.id = a.user_id
	         WHERE a.entity = 'import_batch' AND a.entity_id = CAST(b.id AS TEXT) ORDER BY a.id LIMIT 1) AS userName
	FROM import_batch b`;

type Raw = Omit<BatchRow, 'counts'> & { counts: string | null };

/** The stored flat counts ({"observations_new": 2, …}) back as per-kind counts. */
export function unflattenCounts(flat: Record<string, number> | null): Counts {
	const out: Record<string, Count> = {};
	for (const [key, n] of Object.entries(flat ?? {})) {
		const m = /^(\w+)_(new|changed|unchanged|removed)$/.exec(key);
		if (!m) continue;
		(out[m[1]] ??= { new: 0, changed: 0, unchanged: 0, removed: 0 })[m[2] as keyof Count] = n;
	}
	return out as Counts;
}

const row = (r: Raw): BatchRow => ({ ...r, counts: unflattenCounts(r.counts ? (JSON.parse(r.counts) as Record<string, number>) : null) });

export function listBatches(db: Db, limit = 30): BatchRow[] {
	return (db.$client.prepare(`${SELECT} ORDER BY b.id DESC LIMIT ?`).all(limit) as Raw[]).map(row);
}

export function getBatch(db: Db, id: number): BatchDetail | null {
	const raw = db.$client.prepare(`${SELECT} WHERE b.id = ?`).get(id) as Raw | undefined;
	if (!raw) return null;
	const audit = db.$client
		.prepare(
			`SELECT a.at, a.channel, u.name AS userName, a.note FROM audit_log a LEFT JOIN user u ON u.id = a.user_id
			 WHERE a.entity = 'import_batch' AND a.entity_id = ? ORDER BY a.id`
		)
		.all(String(id)) as BatchAudit[];
	const indicators = db.$client
		.prepare(
			`SELECT i.slug, i.name, o.n AS observations FROM
			   (SELECT indicator_id, count(*) AS n FROM observation WHERE batch_id = ? GROUP BY indicator_id) o
			 JOIN indicator i ON i.id = o.indicator_id ORDER BY i.name`
		)
		.all(id) as BatchDetail['indicators'];
	return { ...row(raw), audit, observations: indicators.reduce((n, i) => n + i.observations, 0), indicators };
}

/** Where the drafts an import wrote can be published: the open periods of the plans whose goals have those indicators. */
export function draftPublishPages(db: Db, batchId: number): { periodId: number; period: string; plan: string }[] {
	return db.$client
		.prepare(
			`SELECT DISTINCT fp.id AS periodId, fp.label AS period, pl.name AS plan
			 FROM follow_up_period fp JOIN plan pl ON pl.id = fp.plan_id
			 WHERE fp.state IN ('open', 'ready') AND pl.archived = 0
			   AND pl.id IN (SELECT g.plan_id FROM goal g JOIN goal_indicator gi ON gi.goal_id = g.id
			                 WHERE gi.indicator_id IN (SELECT indicator_id FROM observation_draft WHERE batch_id = ?))
			 ORDER BY pl.name, fp.end_date`
		)
		.all(batchId) as { periodId: number; period: string; plan: string }[];
}
