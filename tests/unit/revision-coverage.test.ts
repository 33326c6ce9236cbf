/**
 * `observation` has no trigger that bumps the data revision (a per-row trigger would halve import speed), so
 * every file that writes it must call `bumpRevision` itself, or the cached public pages would keep showing old
 * figures. This test reads every source file (src, scripts), finds the SQL and Drizzle writes to
 * `observation`, and fails for a file that does not call `bumpRevision`. The few exceptions say why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'scripts'];

const EXEMPT: Record<string, string> = {
	'src/lib/server/editing/preview.ts': 'applies drafts inside a transaction that is always rolled back: nothing is stored'
};

/** SQL text (INSERT/REPLACE INTO, UPDATE, DELETE FROM) and Drizzle calls (.insert/.update/.delete(observation)). */
const WRITES = [
	/\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+[`"']?(?:main\.)?observation\b(?![_.])/i,
	/\.(?:insert|update|delete)\(\s*(?:\w+\.)?observation\s*\)/
];

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

const sources = ROOTS.flatMap(walk).filter((f) => /\.(ts|js|svelte)$/.test(f) && !/\.(test|spec)\.ts$/.test(f));
const writers = sources.filter((f) => WRITES.some((re) => re.test(readFileSync(f, 'utf8'))));

describe('writers of observation bump the data revision', () => {
	it('finds the writers it knows (so the search itself works)', () => {
		expect(writers).toEqual(expect.arrayContaining(['src/lib/server/import/observations.ts', 'src/lib/server/editing/publish.ts']));
	});

	it.each(writers.map((f) => [f]))('%s calls bumpRevision (or is exempt with a reason)', (file) => {
		if (EXEMPT[file]) return expect(EXEMPT[file]).toBeTruthy();
		expect(readFileSync(file, 'utf8'), `${file} writes observation without bumpRevision(…) from src/lib/server/db/revision.ts`).toMatch(/\bbumpRevision\(/);
	});

	it('recognises the ways of writing', () => {
		const hits = ['INSERT INTO observation (a) VALUES (1)', 'insert or replace into "observation" (a)', 'UPDATE observation SET value = 1', 'DELETE FROM observation WHERE 1', 'tx.insert(schema.observation).values(x)', 'db.delete(observation)'];
		const misses = ['INSERT INTO observation_draft (a)', 'SELECT * FROM observation', 'DELETE FROM temp.import_seen', 'UPDATE observation_draft SET x = 1'];
		for (const h of hits) expect(WRITES.some((re) => re.test(h)), h).toBe(true);
		for (const m of misses) expect(WRITES.some((re) => re.test(m)), m).toBe(false);
	});
});
