import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDb } from './client';
import { databaseHealth } from './health';

describe('databaseHealth', () => {
	it('is ok on a migrated database', () => {
		expect(databaseHealth(createDb(':memory:').$client)).toEqual({ ok: true });
	});

	it('reports a closed connection, a removed file and a file that is not a database', () => {
		const dir = mkdtempSync(join(tmpdir(), 'lagesbild-health-'));
		try {
			const closed = createDb(join(dir, 'closed.db')).$client;
			closed.close();
			expect(databaseHealth(closed)).toEqual({ ok: false, message: 'Databasen är stängd.' });

			const removed = createDb(join(dir, 'removed.db')).$client;
			rmSync(join(dir, 'removed.db'));
			expect(databaseHealth(removed)).toEqual({ ok: false, message: 'Databasfilen saknas.' });

			// Overwritten under an open connection, which could still answer from its cache.
			const overwritten = createDb(join(dir, 'overwritten.db')).$client;
			expect(databaseHealth(overwritten)).toEqual({ ok: true });
			overwritten.pragma('wal_checkpoint(TRUNCATE)');
			writeFileSync(join(dir, 'overwritten.db'), Buffer.alloc(8192, 'x'));
			expect(databaseHealth(overwritten)).toMatchObject({ ok: false });

			writeFileSync(join(dir, 'garbage.db'), Buffer.alloc(8192, 'x'));
			expect(databaseHealth(new Database(join(dir, 'garbage.db')))).toEqual({ ok: false, message: 'Databasen kan inte läsas.' });

			// A database without Lägesbild's tables (the wrong file) is trouble too.
			expect(databaseHealth(new Database(':memory:'))).toEqual({ ok: false, message: 'Databasen kan inte läsas.' });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
