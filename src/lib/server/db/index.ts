/**
 * The server's database, opened lazily on first use (never at import time: `vite build` imports server
 * modules to analyse them). On first start against an empty database it migrates and loads the demo data.
 */
import { env } from '$env/dynamic/private';
import { createDb, isEmpty, type Db } from './client';
import { seedDemo } from '../seed';

let db: Db | undefined;

export const DEFAULT_DATABASE_URL = 'data/lagesbild.db';

export function getDb(): Db {
	if (db) return db;
	const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
	const opened = createDb(url);
	if (isEmpty(opened) && env.SEED_DEMO !== 'false') {
		const started = Date.now();
		const summary = seedDemo(opened);
		console.log(
			`Lägesbild: tom databas ${url} – demodata inläst på ${Date.now() - started} ms (${summary})`
		);
	}
	db = opened;
	return db;
}

/**
 * Closes the database at shutdown, after the last request finished: SQLite checkpoints the WAL into the main
 * file and removes it, so the file alone is complete (and a backup of it by copying is safe).
 */
export function closeDb(): void {
	if (!db) return;
	db.$client.close();
	db = undefined;
}

export type { Db };
