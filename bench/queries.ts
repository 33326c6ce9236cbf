/**
 * `npm run bench:queries [-- --db bench/data/national.db] [--n 20]`: the page queries alone (no HTTP, no
 * rendering) on the national-scale database, median and max of N calls each after a warm-up. The figure to
 * look at first when a page is slow: is it the SQL or the rendering? Not part of `npm test`.
 */
import { createDb } from '../src/lib/server/db/client';
import { listOrganisations } from '../src/lib/server/queries/organisations';
import { getPlanPage } from '../src/lib/server/queries/plan-page';
import { getGoalPage } from '../src/lib/server/queries/goal-page';
import { getIndicatorPage } from '../src/lib/server/queries/indicator-page';
import { getKommunPage } from '../src/lib/server/queries/kommun-page';
import { parseViewState } from '../src/lib/indicator-view/state';
import { DEFAULT_DB, BENCH_ORG, BENCH_PLAN } from './generate';
import { benchPages } from './pages';
import { loadText, median } from './lib/stats';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const path = opt('--db') ?? DEFAULT_DB;
const n = Number(opt('--n') ?? 20);
const db = createDb(path);
const pages = benchPages(path);
const pathOf = (key: string) => pages.find((p) => p.key === key)!.path;
const goalId = Number(pathOf('goal').split('/').pop());
const indicatorUrl = new URL(pathOf('indicator'), 'http://x');

console.log(`belastning (load average): ${loadText(loadavg())}`);
const cases: [string, () => unknown][] = [
	['översikt', () => listOrganisations(db)],
	['plansida', () => getPlanPage(db, BENCH_ORG, BENCH_PLAN)],
	['målsida', () => getGoalPage(db, BENCH_ORG, BENCH_PLAN, goalId)],
	['indikatorsida', () => getIndicatorPage(db, indicatorUrl.pathname.split('/').pop()!, parseViewState(indicatorUrl.searchParams))],
	['kommunsida', () => getKommunPage(db, '0180')]
];
// CPU time as well as wall time: on a shared machine the wall time includes waiting for a core, CPU time does not.
console.log(`${'sida'.padEnd(16)} ${'median ms'.padStart(10)} ${'max ms'.padStart(8)} ${'CPU-ms median'.padStart(14)}   (${n} anrop efter uppvärmning, ${path})`);
for (const [name, fn] of cases) {
	fn();
	const times: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < n; i++) {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		if (!fn()) throw new Error(`${name}: inget svar`);
		const c = process.cpuUsage(c0);
		times.push(performance.now() - t0);
		cpu.push((c.user + c.system) / 1000);
	}
	console.log(`${name.padEnd(16)} ${median(times).toFixed(2).padStart(10)} ${Math.max(...times).toFixed(2).padStart(8)} ${median(cpu).toFixed(2).padStart(14)}`);
}
db.$client.close();
