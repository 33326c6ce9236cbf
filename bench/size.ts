/**
 * `npm run bench:size`: the JavaScript and CSS each page type makes the browser load, measured from what
 * Chromium actually requests, gzip-compressed at level 9. Target (issue 3): indicator page ≤ 80 kB JS gzip.
 * For pages with a map it also reports the map's share of the HTML (issue 10): the map figure's `<svg>` (the
 * geometry as path data), the whole server-rendered map (SVG, legend, table, CSS), and the same HTML once more
 * inside the hydration data, which SvelteKit inlines for every page.
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
const maps: { page: string; html: number; svg: number; figure: number }[] = [];
const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;
try {
	for (const [name, path] of PAGE_TYPES.filter(([n]) => !n.startsWith('api'))) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const bodies: Promise<{ type: string; bytes: Buffer }>[] = [];
		page.on('response', (res) => {
			const type = res.request().resourceType();
			if (type === 'script' || type === 'stylesheet') bodies.push(res.body().then((bytes) => ({ type, bytes })));
		});
		const response = await page.goto(server.origin + (path === 'GOAL' ? goalPath : path), { waitUntil: 'networkidle' });
		const html = (await response?.text()) ?? '';
		// The first <svg> of a map figure (the choropleth, or a locator map) up to its end tag.
		const start = html.search(/<figure class="(map|locator)\b/);
		if (start >= 0) {
			const svgStart = html.indexOf('<svg', start);
			const svg = html.slice(svgStart, html.indexOf('</svg>', svgStart) + 6);
			const figure = html.slice(html.lastIndexOf('<style', start), html.indexOf('</figure>', start) + 9);
			maps.push({ page: name, html: gz(html), svg: gz(svg), figure: gz(figure) });
		}
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
console.log('\nmap in the HTML (gzip kB)  page HTML   map <svg>   whole map (SVG, legend, table, CSS)');
for (const m of maps) console.log(`${m.page.padEnd(26)} ${kB(m.html)}     ${kB(m.svg)}     ${kB(m.figure)}`);
console.log('(SvelteKit also inlines the map HTML once more in the page data for hydration; included in "page HTML".)');
const indicator = rows.find((r) => r.page === 'indicator')!;
console.log(`\nIndicator page JS: ${kB(indicator.jsGzip).trim()} kB gzip (target ≤ 80 kB): ${indicator.jsGzip <= 80_000 ? 'OK' : 'OVER BUDGET'}`);
