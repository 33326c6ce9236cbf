import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededDb } from '../../../../../tests/helpers/db';
import { chapterCommand, CliError, periodLines } from './cli';

describe('npm run export', () => {
	const db = seededDb();
	const dir = mkdtempSync(join(tmpdir(), 'export-'));

	it('periods: one line per period with the options that select it', () => {
		expect(periodLines(db)).toContain('Helår 2019  --org region-orebro-lan --plan rtn-verksamhetsplan-2019 --period helar-2019  (Publicerad)');
	});

	it('chapter: format from the file name, period by label, --org optional when the plan is unique', async () => {
		const out = join(dir, 'kapitel.csv');
		const line = await chapterCommand(db, { plan: 'rtn-verksamhetsplan-2019', period: 'Helår 2019', out });
		expect(line).toMatch(/^Skrev .*kapitel\.csv \(CSV, .* byte\): Regional tillväxtnämnd – verksamhetsplan 2019, Helår 2019 \(Publicerad\)\.$/);
		expect(readFileSync(out, 'utf8')).toContain('3.2 Regional utvecklingsstrategi');
	});

	it('refuses what it cannot do, saying what exists', async () => {
		await expect(chapterCommand(db, { org: 'region-orebro-lan', plan: 'rtn-verksamhetsplan-2019', period: 'helar-2018', out: join(dir, 'x.docx') })).rejects.toThrow(
			/hittar ingen period 'helar-2018'.*\n.*--period helar-2019/
		);
		await expect(chapterCommand(db, { plan: 'rtn-verksamhetsplan-2019', period: 'helar-2019', out: join(dir, 'x.odt') })).rejects.toBeInstanceOf(CliError);
		await expect(chapterCommand(db, { plan: 'rtn-verksamhetsplan-2019', period: 'helar-2019' })).rejects.toThrow(/--out saknas/);
	});
});
