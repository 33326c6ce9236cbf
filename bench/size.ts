/**
 * `npm run bench:size`: the JavaScript and CSS each page type makes the browser load, measured from what
 * Chromium actually requests, gzip-compressed at level 9. Target (issue 3): indicator page ≤ 80 kB JS gzip.
 */
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { PAGE_TYPES, exampleGoalPath, startServer } from './server';

const server = await startServer(4391);
const goalPath = await exampleGoalPath(server.origin);
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking']
});
const rows: { page: string; jsFiles: number; jsRaw: number; jsGzip: number; cssGzip: number }[] = [];
try {
	for (const [name, path] of PAGE_TYPES.filter(([n]) => !n.startsWith('api'))) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const bodies: Promise<{ type: string; bytes: Buffer }>[] = [];
		page.on('response', (res) => {
			const type = res.request().resourceType();
			if (type === 'script' || type === 'stylesheet') bodies.push(res.body().then((bytes) => ({ type, bytes })));
		});
		await page.goto(server.origin + (path === 'GOAL' ? goalPath : path), { waitUntil: 'networkidle' });
		const files = await Promise.all(bodies);
		const js = files.filter((f) => f.type === 'script');
		rows.push({
			page: name,
			jsFiles: js.length,
			jsRaw: js.reduce((s, f) => s + f.bytes.length, 0),
			jsGzip: js.reduce((s, f) => s + gzipSync(f.bytes, { level: 9 }).length, 0),
			cssGzip: files.filter((f) => f.type === 'stylesheet').reduce((s, f) => s + gzipSync(f.bytes, { level: 9 }).length, 0)
		});
		await context.close();
	}
} finally {
	await browser.close();
	server.stop();
}

const kB = (n: number) => (n / 1000).toFixed(1).padStart(7);
console.log('page type            JS files   JS raw kB  JS gzip kB  CSS gzip kB');
for (const r of rows) console.log(`${r.page.padEnd(20)} ${String(r.jsFiles).padStart(8)} ${kB(r.jsRaw)}     ${kB(r.jsGzip)}     ${kB(r.cssGzip)}`);
const indicator = rows.find((r) => r.page === 'indicator')!;
console.log(`\nIndicator page JS: ${kB(indicator.jsGzip).trim()} kB gzip (target ≤ 80 kB): ${indicator.jsGzip <= 80_000 ? 'OK' : 'OVER BUDGET'}`);
