/**
 * Shared mechanics of structure changes: the audit actor of a form user, optimistic updates (UPDATE …
 * WHERE version = ?; nothing updated means someone else saved first), and old → new of the changed fields.
 */
import type { Db } from '../db/client';
import { writeAudit, type Actor } from '../auth/audit';
import type { SessionUser } from '../auth/sessions';
import { VersionConflict } from './errors';

export type Row = Record<string, unknown>;

export const formActor = (user: SessionUser): Actor => ({ userId: user.id, channel: 'form' });

/** camelCase field → snake_case column. */
export const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The stored values of `fields` (camelCase) from a row (snake_case), JSON columns decoded. */
export function pick(row: Row, fields: string[], json: string[] = []): Row {
	return Object.fromEntries(
		fields.map((f) => {
			const v = row[column(f)];
			return [f, json.includes(f) && typeof v === 'string' ? JSON.parse(v) : v];
		})
	);
}

/** The fields whose values differ, as { old, new }; null when nothing changed. */
export function changes(before: Row, after: Row): { old: Row; new: Row } | null {
	const keys = Object.keys(after).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
	if (!keys.length) return null;
	return { old: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])), new: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) };
}

const sqlValue = (v: unknown) => (Array.isArray(v) ? JSON.stringify(v) : typeof v === 'boolean' ? Number(v) : v);

/**
 * Writes `values` to the row if it still has `expectedVersion`, bumping the version; else throws a
 * VersionConflict carrying the current row as form strings (`toForm`). Returns the new version.
 */
export function updateVersioned(
	db: Db,
	table: 'plan' | 'goal' | 'uppdrag' | 'indicator' | 'target' | 'follow_up_period',
	id: number,
	expectedVersion: number,
	values: Row,
	toForm: (row: Row) => Record<string, string>
): number {
	const keys = Object.keys(values);
	const set = keys.map((k) => `${column(k)} = @${k}`).join(', ');
	const params = Object.fromEntries(keys.map((k) => [k, sqlValue(values[k])]));
	const info = db.$client
		.prepare(
			`UPDATE ${table} SET ${set}${set ? ', ' : ''}version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
			 WHERE id = @id AND version = @version`
		)
		.run({ ...params, id, version: expectedVersion });
	if (info.changes === 0) {
		const current = db.$client.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
		if (!current) throw new VersionConflict({}, 0);
		throw new VersionConflict(toForm(current), current.version as number);
	}
	return expectedVersion + 1;
}

/** Insert a row (camelCase keys) and return its id. */
export function insert(db: Db, table: string, values: Row): number {
	const keys = Object.keys(values);
	const info = db.$client
		.prepare(`INSERT INTO ${table} (${keys.map(column).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`)
		.run(Object.fromEntries(keys.map((k) => [k, sqlValue(values[k])])));
	return Number(info.lastInsertRowid);
}

/** One audit entry for a structure change (same transaction as the change: call inside it). */
export function audit(db: Db, user: SessionUser, action: string, entity: string, id: number | string, old?: unknown, now?: unknown, note?: string) {
	writeAudit(db, formActor(user), { action, entity, entityId: id, old: old ?? null, new: now ?? null, note: note ?? null });
}

/** Form strings from stored values: null → '', numbers → text. */
export function str(v: unknown): string {
	if (v === null || v === undefined) return '';
	return String(v);
}

/** How many rows a query counts. */
export function count(db: Db, sql: string, ...params: unknown[]): number {
	return (db.$client.prepare(sql).get(...params) as { n: number }).n;
}
