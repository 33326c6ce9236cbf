/**
 * `npm run bench:latency`: server response time per page type on the demo data, sequential requests
 * (one at a time, after a warm-up), median and p95. Target (issue 3): well under 50 ms median.
 */
import { PAGE_TYPES, exampleGoalPath, startServer } from './server';

const N = Number(process.env.BENCH_N ?? 200);
const server = await startServer(4392);
const goalPath = await exampleGoalPath(server.origin);
const results: { page: string; median: number; p95: number; bytes: number }[] = [];
try {
	for (const [name, path] of PAGE_TYPES) {
		const url = server.origin + (path === 'GOAL' ? goalPath : path);
		for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer();
		const times: number[] = [];
		let bytes = 0;
		for (let i = 0; i < N; i++) {
			const t0 = performance.now();
			const res = await fetch(url);
			bytes = (await res.arrayBuffer()).byteLength;
			times.push(performance.now() - t0);
			if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
		}
		times.sort((a, b) => a - b);
		results.push({ page: name, median: times[Math.floor(N / 2)], p95: times[Math.floor(N * 0.95)], bytes });
	}
} finally {
	server.stop();
}
console.log(`page type            median ms   p95 ms   HTML kB   (${N} sequential requests each)`);
for (const r of results) {
	console.log(`${r.page.padEnd(20)} ${r.median.toFixed(1).padStart(9)} ${r.p95.toFixed(1).padStart(8)} ${(r.bytes / 1000).toFixed(1).padStart(9)}`);
}
const worst = Math.max(...results.map((r) => r.median));
console.log(`\nSlowest median: ${worst.toFixed(1)} ms (target: well under 50 ms): ${worst < 50 ? 'OK' : 'OVER TARGET'}`);
