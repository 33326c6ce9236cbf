/**
 * The officials' XLSX template (static/templates/insatser-mall.xlsx): its example imports into the demo
 * database as a published insats with NYPS id, goal links, financing and a result whose figures keep the sex
 * split; the same workbook again changes nothing; a bad cell is reported by sheet, row and column and nothing
 * is written.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runImport } from '../../src/lib/server/import';
import type { Db } from '../../src/lib/server/db/client';
import { createDb } from '../../src/lib/server/db/client';
import { seedDemo } from '../../src/lib/server/seed';
import { templateXlsx } from '../../src/lib/server/import/insats-template';
import { getInsats } from '../../src/lib/server/queries/insatser';
import { readXlsx } from '../../src/lib/server/import/xlsx';

const ORG = 'region-jamtland-harjedalen';
let db: Db;
beforeAll(() => {
	db = createDb(':memory:');
	seedDemo(db);
});
const run = (bytes: Uint8Array, fileName = 'insatser-mall.xlsx') => runImport(db, { kind: 'atterrapportering', input: { bytes, fileName }, options: { org: ORG }, user: 'test' });

describe('insats template', () => {
	it('is the committed file, and its example imports', async () => {
		const bytes = new Uint8Array(readFileSync('static/templates/insatser-mall.xlsx'));
		// The committed file has what the generator writes (zip timestamps aside).
		for (const sheet of ['Instruktioner', 'Insatser', 'Finansiering', 'Resultat']) {
			expect((await readXlsx(bytes, [sheet])).rows).toEqual((await readXlsx(await templateXlsx(), [sheet])).rows);
		}
		const r = await run(bytes);
		expect(r.errors).toEqual([]);
		expect(r.counts.insatser).toEqual({ new: 1, changed: 0, unchanged: 0, removed: 0 });
		const id = (db.$client.prepare("SELECT id FROM insats WHERE import_key = 'mall:BR-1'").get() as { id: number }).id;
		const i = getInsats(db, id, { publishedOnly: true })!;
		expect(i.nypsIds).toEqual(['00207955']);
		expect(i.wholeCounty).toBe(true);
		expect(i.goals.map((g) => g.external?.title ?? g.goal?.title)).toEqual(['Innovation och företagande', 'Företagande, innovation, forskning och utveckling']);
		expect(i.financing).toMatchObject([{ source: 'anslag-1-1', amount: null, year: 2020 }]);
		expect(i.results[0]).toMatchObject({ year: 2020, type: 'prestation', basis: 'uppnadd' });
		expect(i.results[0].figures.map((f) => [f.value, f.unit, f.sex])).toEqual([
			[26, 'etableringar', 'T'],
			[189, 'personer', 'T'],
			[86, 'personer', 'K'],
			[103, 'personer', 'M']
		]);
		const again = await run(bytes);
		expect(again.unchanged).toBe(true);
		expect(again.summary).toMatch(/^Inget att ändra/);
	}, 30_000);

	it('reports a bad cell by sheet, row and column and writes nothing', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await templateXlsx()).buffer as ArrayBuffer);
		wb.getWorksheet('Insatser')!.getCell('A2').value = 'NY-1';
		wb.getWorksheet('Insatser')!.getCell('H2').value = 'klar';
		wb.getWorksheet('Resultat')!.getCell('A2').value = 'NY-1';
		wb.getWorksheet('Finansiering')!.getCell('A2').value = 'NY-1';
		const before = (db.$client.prepare('SELECT count(*) AS n FROM insats').get() as { n: number }).n;
		const r = await run(new Uint8Array(await wb.xlsx.writeBuffer()), 'fel.xlsx');
		expect(r.ok).toBe(false);
		expect(r.errors[0].message).toBe("bladet 'Insatser', rad 2, kolumn 'status': status ska vara planerad, pågår eller avslutad");
		expect((db.$client.prepare('SELECT count(*) AS n FROM insats').get() as { n: number }).n).toBe(before);
	}, 30_000);
});
