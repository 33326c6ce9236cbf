/**
 * The audit log: who changed what, when, through which channel, old → new. Call `writeAudit` with the
 * same transaction handle as the change itself, so both are written or neither. Entries are append-only
 * (the database refuses UPDATE and DELETE on audit_log).
 */
import type { Db } from '../db/client';
import { auditLog, type AuditChannel } from '../db/schema-auth';

/** A database handle or the handle a transaction callback receives. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** Who acts, and how. `userId` is null for the system and for the CLI. */
export interface Actor {
	userId: number | null;
	channel: AuditChannel;
}

export interface AuditEntry {
	action: string;
	entity: string;
	entityId?: string | number | null;
	old?: unknown;
	new?: unknown;
	note?: string | null;
}

export function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry, at: Date = new Date()): void {
	tx.insert(auditLog)
		.values({
			at: at.toISOString(),
			userId: actor.userId,
			channel: actor.channel,
			action: entry.action,
			entity: entry.entity,
			entityId: entry.entityId == null ? null : String(entry.entityId),
			old: entry.old ?? null,
			new: entry.new ?? null,
			note: entry.note ?? null
		})
		.run();
}
