/**
 * `npm run bench:import [-- --rows N] [--runs R]`: import speed of a values CSV into the real schema, against a
 * bare prepared-statement insert of the same rows into the same schema (issue 4, issue 7 §2).
 *
 * Each measurement runs in its own child process (so peak RSS does not mix), on a fresh database, R times
 * (default 3); the table shows every run and the median, which is the figure to quote.
 * - import: `runImport` on the CSV file, as the command line: reading, decoding, parsing (in a worker thread),
 *   resolving codes, the diff, the batch, one transaction. The file is streamed.
 * - bare: the same rows, already parsed and resolved in memory, one single-row prepared INSERT each, one
 *   transaction: the issue's "bare prepared-statement insert".
 * - bare multi-row: the same with 128-row INSERT statements, for information (what batching alone gives).
 * - floor: the same rows copied by one INSERT … SELECT from a temp table: SQLite's own rate for this schema on this
 *   machine, with nothing crossing from JavaScript per row. No import through SQLite can be faster.
 * - re-import: the same file again into the filled database (every row unchanged).
 * - tenth: the import of a file with a tenth of the rows; a flat memory profile gives about the same peak RSS.
 * Also printed: the load average before the runs (the machine may be shared: rows per CPU second are shown too,
 * which other processes disturb less; for the import also per CPU second of the main thread, since the file is
 * parsed in a worker thread and the main thread, SQLite's one writer, sets the pace) and the command line.
 *
 * Targets (issue 4): import ≥ 300 000 rows/s and ≥ 0.5 × the bare rate for 1 000 000 rows; memory flat.
 * Not part of `npm test`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MULTI, measure, setup, writeCsv, type Measurement, INDICATORS } from './lib/import-measure';
import { fmt, median } from './lib/stats';


async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const opt = (name: string, fallback: number) => {
		const at = args.indexOf(name);
		return at === -1 ? fallback : Number(args[at + 1]);
	};
	const n = opt('--rows', 1_000_000);
	const runs = opt('--runs', 3);
	const load = loadavg();
	console.log(`kommando: npm run bench:import${args.length ? ` -- ${args.join(' ')}` : ''}   (node ${process.version}, ${cpus().length} kärnor)`);
	console.log(`belastning (load average 1/5/15 min) före körningarna: ${load.map((l) => l.toFixed(2)).join(' / ')}`);
	const dir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-'));
	try {
		const { db, geographies } = setup(join(dir, 'setup.db'));
		db.$client.close();
		await writeCsv(join(dir, 'values.csv'), n, geographies);
		await writeCsv(join(dir, 'tenth.csv'), Math.round(n / 10), geographies);
		const mb = statSync(join(dir, 'values.csv')).size / 1e6;
		console.log(`${fmt(n)} rader, CSV ${mb.toFixed(1)} MB (${INDICATORS} indikatorer × ${geographies.length} geografier × månader × 3 kön), ${runs} körningar`);

		const modes = ['import', 'bare', 'bare-multi', 'floor', 'reimport', 'tenth'] as const;
		const results: Record<string, Measurement[]> = Object.fromEntries(modes.map((m) => [m, []]));
		for (let r = 0; r < runs; r++) for (const m of modes) results[m].push(measure(m, dir, n));

		const rate = (m: Measurement) => m.rows / m.seconds;
		const cpuRate = (m: Measurement) => m.rows / m.cpuSeconds;
		const label: Record<(typeof modes)[number], string> = {
			import: 'import (CSV → observation, med diff)',
			bare: 'bart INSERT, en rad per sats',
			'bare-multi': `bart INSERT, ${MULTI} rader per sats`,
			floor: 'golv: INSERT … SELECT ur temp-tabell',
			reimport: 'samma fil igen (alla oförändrade)',
			tenth: `import av en tiondel (${fmt(n / 10)} rader)`
		};
		const mainRate = (m: Measurement) => (m.mainCpuSeconds ? m.rows / m.mainCpuSeconds : NaN);
		console.log(`\n${'mätning'.padEnd(40)} ${'rader/s per körning'.padEnd(32)} ${'median'.padStart(9)}  ${'rader/CPU-s'.padStart(11)}  ${'rader/CPU-s'.padStart(11)}  topp-RSS MB`);
		console.log(`${''.padEnd(40)} ${'(väggklocka)'.padEnd(32)} ${''.padStart(9)}  ${'(processen)'.padStart(11)}  ${'(huvudtråd)'.padStart(11)}`);
		for (const m of modes) {
			const list = results[m];
			const main = median(list.map(mainRate));
			console.log(
				`${label[m].padEnd(40)} ${list.map((x) => fmt(rate(x)).padStart(9)).join(' ').padEnd(32)} ${fmt(median(list.map(rate))).padStart(9)}  ${fmt(median(list.map(cpuRate))).padStart(11)}  ${(Number.isNaN(main) ? '' : fmt(main)).padStart(11)}  ${median(list.map((x) => x.maxRssMb)).toFixed(0).padStart(6)}`
			);
		}
		const imp = median(results.import.map(rate));
		const bare = median(results.bare.map(rate));
		const ratios = results.import.map((x, i) => rate(x) / rate(results.bare[i]));
		console.log(`\nimport: ${fmt(imp)} rader/s (median av ${runs}); mål ≥ 300 000: ${imp >= 300_000 ? 'OK' : 'UNDER MÅLET'}`);
		console.log(`bart INSERT (en rad per sats): ${fmt(bare)} rader/s (median)`);
		console.log(`kvot import / bart: ${median(ratios).toFixed(2)} (median av kvoterna per körning: ${ratios.map((x) => x.toFixed(2)).join(', ')}); mål ≥ 0,5: ${median(ratios) >= 0.5 ? 'OK' : 'UNDER MÅLET'}`);
		console.log(
			`minne: topp-RSS ${median(results.tenth.map((x) => x.maxRssMb)).toFixed(0)} MB för ${fmt(n / 10)} rader mot ${median(results.import.map((x) => x.maxRssMb)).toFixed(0)} MB för ${fmt(n)} (CSV:en strömmas)`
		);
		const mid = results.import.find((x) => rate(x) === imp) ?? results.import[0];
		console.log(`minne under importen (RSS i MB efter varje tiondel av filen, medianens körning): ${mid.rssAt.join(' ')}`);
		console.log(`belastning efter körningarna: ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
