/** The history of one value or assessment, newest first, from the append-only audit log. */
import type { Db } from '../db/client';

export interface HistoryEntry {
	at: string;
	who: string | null;
	channel: string;
	action: string;
	old: unknown;
	new: unknown;
	note: string | null;
}

export function historyOf(db: Db, entity: 'observation' | 'assessment', entityId: string, limit = 50): HistoryEntry[] {
	return (
		db.$client
			.prepare(
				`SELECT a.at, u.name AS who, a.channel, a.action, a.old, a.new, a.note FROM audit_log a LEFT JOIN user u ON u.id = a.user_id
				 WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC LIMIT ?`
			)
			.all(entity, entityId, limit) as (Omit<HistoryEntry, 'old' | 'new'> & { old: string | null; new: string | null })[]
	).map((r) => ({ ...r, old: r.old ? JSON.parse(r.old) : null, new: r.new ? JSON.parse(r.new) : null }));
}
