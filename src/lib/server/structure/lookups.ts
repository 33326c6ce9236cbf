/** Small lists the structure forms choose from. */
import type { Db } from '../db/client';

export function geographies(db: Db): { id: number; name: string; level: string }[] {
	return db.$client
		.prepare(
			`SELECT id, name, level FROM geography WHERE level IN ('riket', 'lan', 'kommun')
			 ORDER BY CASE level WHEN 'riket' THEN 0 WHEN 'lan' THEN 1 ELSE 2 END, name`
		)
		.all() as { id: number; name: string; level: string }[];
}

export function organisations(db: Db): { id: number; name: string }[] {
	return db.$client.prepare('SELECT id, name FROM organisation ORDER BY sort_order, name').all() as { id: number; name: string }[];
}
