/**
 * `npm run bench:client [-- --runs N]`: what the browser has to do, measured in headless Chromium (issue 7 §5).
 *
 * 1. Size: the JavaScript and CSS each page type makes the browser load, from what Chromium actually requests,
 *    gzip-compressed at level 9. Target (issues 3 and 7): indicator page ≤ 80 kB JS gzip. For pages with a map it
 *    also reports the map's share of the HTML (issue 10): the map figure's `<svg>` (the geometry as path data), the
 *    whole server-rendered map (SVG, legend, table, CSS), and the page HTML, which includes SvelteKit's hydration data.
 * 2. Render: the indicator line chart with every geography (riket, 21 län, 290 kommuner: 312 series, `context=all`),
 *    loaded N times (default 5) in a fresh browser context each time; the median of the performance measures that
 *    LineChart.svelte records (see there), and of the time from navigation start to the chart drawn and painted.
 *
 * `runClientBench(origin, options)` is what `npm run bench` calls against its own server and database; run alone,
 * this file starts the built site on a fresh demo database (bench/server.ts). Not part of `npm test`.
 */
import { chromium, type Browser } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { PAGE_TYPES, exampleGoalPath, startServer } from './server';

/** The page with all 312 series on the demo data: an indicator with values for riket, every län and every kommun. */
export const DEFAULT_ALL_SERIES_PATH = '/indikator/arbetsloshet-18-65-ar?focus=23&context=all';
/** The same page with its default few series: loaded in turn with the 312-series page, so the difference between
 * the two holds on a busy machine where the absolute times do not. */
export const DEFAULT_FEW_SERIES_PATH = '/indikator/arbetsloshet-18-65-ar?focus=23';
export const INDICATOR_JS_BUDGET = 80_000;

export interface PageSize {
	page: string;
	path: string;
	jsFiles: number;
	jsRawBytes: number;
	jsGzipBytes: number;
	cssFiles: number;
	cssGzipBytes: number;
	/** The HTML document, gzip. */
	htmlGzipBytes: number;
	/** Pages with a map: the map `<svg>` and the whole map figure, gzip. */
	map: { svgGzipBytes: number; figureGzipBytes: number } | null;
}

export interface RenderRun {
	/** Series drawn (paths with data-series in the chart). */
	series: number;
	/** LineChart's measures, ms from the component's start in the browser. */
	hydrateMs: number;
	renderMs: number;
	paintedMs: number;
	/** ms from navigation start to the chart redrawn for its width, and to the next frame painted. */
	navToRenderMs: number;
	navToPaintedMs: number;
	/** HTML document, gzip and raw. */
	htmlGzipBytes: number;
	htmlRawBytes: number;
}

export interface RenderResult {
	path: string;
	runs: RenderRun[];
	median: Omit<RenderRun, 'series' | 'htmlGzipBytes' | 'htmlRawBytes'>;
	series: number;
	htmlGzipBytes: number;
	htmlRawBytes: number;
}

export interface ClientResult {
	/** The same measures for the page with its default few series, loaded in turn with the 312-series page. */
	renderFew: RenderResult;
	origin: string;
	chromium: string;
	sizes: PageSize[];
	indicatorJsGzipBytes: number;
	indicatorJsBudgetBytes: number;
	indicatorJsWithinBudget: boolean;
	render: RenderResult;
}

export interface ClientBenchOptions {
	/** Page types to size, [name, path]; default the demo data's PAGE_TYPES (`GOAL` = a goal of the example plan). */
	pages?: [string, string][];
	/** The page that draws the line chart with all series. */
	allSeriesPath?: string;
	/** The same indicator page with its default series, for comparison. */
	fewSeriesPath?: string;
	/** Loads of that page; the median is reported. */
	runs?: number;
	/** Name (in `pages`) of the page held to the 80 kB budget. */
	indicatorPage?: string;
}

/** The demo data's page types, as sized by this bench (API responses left out: no JavaScript). */
export const CLIENT_PAGES: [string, string][] = [
	...PAGE_TYPES.filter(([name]) => !name.startsWith('api')),
	['indicator (all 312)', DEFAULT_ALL_SERIES_PATH]
];

const gz = (bytes: Buffer | string) => gzipSync(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { level: 9 }).length;

export const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	if (s.length === 0) return NaN;
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking']
	});
}

async function sizePage(browser: Browser, origin: string, name: string, path: string): Promise<PageSize> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const bodies: Promise<{ type: string; bytes: Buffer }>[] = [];
		page.on('response', (res) => {
			const type = res.request().resourceType();
			if (type === 'script' || type === 'stylesheet') bodies.push(res.body().then((bytes) => ({ type, bytes })));
		});
		const response = await page.goto(origin + path, { waitUntil: 'networkidle' });
		if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
		const html = await response.text();
		let map: PageSize['map'] = null;
		// The first <svg> of a map figure (the choropleth, or a locator map) up to its end tag.
		const start = html.search(/<figure class="(map|locator)\b/);
		if (start >= 0) {
			const svgStart = html.indexOf('<svg', start);
			const svg = html.slice(svgStart, html.indexOf('</svg>', svgStart) + 6);
			const figure = html.slice(html.lastIndexOf('<style', start), html.indexOf('</figure>', start) + 9);
			map = { svgGzipBytes: gz(svg), figureGzipBytes: gz(figure) };
		}
		const files = await Promise.all(bodies);
		const js = files.filter((f) => f.type === 'script');
		const css = files.filter((f) => f.type === 'stylesheet');
		return {
			page: name,
			path,
			jsFiles: js.length,
			jsRawBytes: js.reduce((s, f) => s + f.bytes.length, 0),
			jsGzipBytes: js.reduce((s, f) => s + gz(f.bytes), 0),
			cssFiles: css.length,
			cssGzipBytes: css.reduce((s, f) => s + gz(f.bytes), 0),
			htmlGzipBytes: gz(html),
			map
		};
	} finally {
		await context.close();
	}
}

async function renderOnce(browser: Browser, url: string): Promise<RenderRun> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	try {
		const page = await context.newPage();
		const response = await page.goto(url, { waitUntil: 'load' });
		if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
		const html = await response.text();
		await page.waitForFunction(() => performance.getEntriesByName('lb-line-chart-painted', 'measure').length > 0, null, { timeout: 60_000 });
		// No named functions inside: tsx would wrap them in a helper (__name) that the page does not have.
		const entries = await page.evaluate(() =>
			performance.getEntriesByType('measure').map((e) => ({ name: e.name, startTime: e.startTime, duration: e.duration }))
		);
		// Named lines are one path each (data-series); context lines may be drawn as one path (data-context = how many).
		const named = await page.locator('figure.line-chart svg.lines path[data-series]').count();
		const contextLines = await page.locator('figure.line-chart svg.lines path[data-context]').evaluateAll((ps) => ps.reduce((n, p) => n + Number(p.getAttribute('data-context')), 0));
		const series = named + contextLines;
		const get = (name: string) => entries.find((e) => e.name === name);
		const at = (name: string) => (get(name) ? get(name)!.startTime + get(name)!.duration : NaN);
		const m = {
			series,
			hydrateMs: get('lb-line-chart-hydrate')?.duration ?? NaN,
			renderMs: get('lb-line-chart-render')?.duration ?? NaN,
			paintedMs: get('lb-line-chart-painted')?.duration ?? NaN,
			navToRenderMs: at('lb-line-chart-render'),
			navToPaintedMs: at('lb-line-chart-painted')
		};
		return { ...m, htmlGzipBytes: gz(html), htmlRawBytes: Buffer.byteLength(html) };
	} finally {
		await context.close();
	}
}

function summarise(path: string, runs: RenderRun[]): RenderResult {
	const med = (k: keyof RenderRun) => median(runs.map((r) => r[k]));
	return {
		path,
		runs,
		median: { hydrateMs: med('hydrateMs'), renderMs: med('renderMs'), paintedMs: med('paintedMs'), navToRenderMs: med('navToRenderMs'), navToPaintedMs: med('navToPaintedMs') },
		series: runs[0]?.series ?? 0,
		htmlGzipBytes: runs[0]?.htmlGzipBytes ?? 0,
		htmlRawBytes: runs[0]?.htmlRawBytes ?? 0
	};
}

export async function runClientBench(origin: string, options: ClientBenchOptions = {}): Promise<ClientResult> {
	const pages = options.pages ?? CLIENT_PAGES;
	const allSeriesPath = options.allSeriesPath ?? DEFAULT_ALL_SERIES_PATH;
	const runs = options.runs ?? 5;
	const indicatorName = options.indicatorPage ?? 'indicator';
	const resolved = pages.some(([, p]) => p === 'GOAL') ? await exampleGoalPath(origin) : null;
	const browser = await launch();
	try {
		const sizes: PageSize[] = [];
		for (const [name, path] of pages) sizes.push(await sizePage(browser, origin, name, path === 'GOAL' ? resolved! : path));
		const fewSeriesPath = options.fewSeriesPath ?? DEFAULT_FEW_SERIES_PATH;
		await renderOnce(browser, origin + allSeriesPath); // warm-up: server caches, V8 code cache
		await renderOnce(browser, origin + fewSeriesPath);
		const all: RenderRun[] = [];
		const few: RenderRun[] = [];
		for (let i = 0; i < runs; i++) {
			all.push(await renderOnce(browser, origin + allSeriesPath));
			few.push(await renderOnce(browser, origin + fewSeriesPath));
		}
		const indicator = sizes.find((s) => s.page === indicatorName);
		return {
			origin,
			chromium: browser.version(),
			sizes,
			indicatorJsGzipBytes: indicator?.jsGzipBytes ?? NaN,
			indicatorJsBudgetBytes: INDICATOR_JS_BUDGET,
			indicatorJsWithinBudget: !!indicator && indicator.jsGzipBytes <= INDICATOR_JS_BUDGET,
			render: summarise(allSeriesPath, all),
			renderFew: summarise(fewSeriesPath, few)
		};
	} finally {
		await browser.close();
	}
}

/** The result as the table `npm run bench:client` prints (also usable by `npm run bench`). */
export function formatClientResult(r: ClientResult): string {
	const kB = (n: number) => (n / 1000).toFixed(1).padStart(7);
	const ms = (n: number) => n.toFixed(1).padStart(8);
	const out: string[] = [];
	out.push('page type              JS files   JS raw kB  JS gzip kB  CSS gzip kB  HTML gzip kB');
	for (const s of r.sizes) {
		out.push(`${s.page.padEnd(22)} ${String(s.jsFiles).padStart(8)} ${kB(s.jsRawBytes)}     ${kB(s.jsGzipBytes)}      ${kB(s.cssGzipBytes)}       ${kB(s.htmlGzipBytes)}`);
	}
	const maps = r.sizes.filter((s) => s.map);
	if (maps.length) {
		out.push('', 'map in the HTML (gzip kB)  page HTML   map <svg>   whole map (SVG, legend, table, CSS)');
		for (const s of maps) out.push(`${s.page.padEnd(26)} ${kB(s.htmlGzipBytes)}     ${kB(s.map!.svgGzipBytes)}     ${kB(s.map!.figureGzipBytes)}`);
		out.push('(SvelteKit also inlines the map HTML once more in the page data for hydration; included in "page HTML".)');
	}
	const row = (label: string, x: RenderResult['median']) =>
		`  ${label.padEnd(12)} ${ms(x.hydrateMs)}  ${ms(x.renderMs)}  ${ms(x.paintedMs)}     ${ms(x.navToRenderMs)}     ${ms(x.navToPaintedMs)}`;
	const a = r.render;
	const f = r.renderFew;
	out.push(
		'',
		`line chart with ${a.series} series: ${a.path}`,
		`  HTML ${(a.htmlRawBytes / 1000).toFixed(0)} kB (${(a.htmlGzipBytes / 1000).toFixed(0)} kB gzip); ${a.runs.length} loads, each followed by one of`,
		`  the same page with ${f.series} series (${f.path}, HTML ${(f.htmlRawBytes / 1000).toFixed(0)} kB, ${(f.htmlGzipBytes / 1000).toFixed(0)} kB gzip). ms:`,
		'                 hydrate    render   painted   nav→render  nav→painted',
		row(`median ${a.series}`, a.median),
		row(`median ${f.series}`, f.median),
		row('difference', {
			hydrateMs: a.median.hydrateMs - f.median.hydrateMs,
			renderMs: a.median.renderMs - f.median.renderMs,
			paintedMs: a.median.paintedMs - f.median.paintedMs,
			navToRenderMs: a.median.navToRenderMs - f.median.navToRenderMs,
			navToPaintedMs: a.median.navToPaintedMs - f.median.navToPaintedMs
		}),
		...a.runs.map((x, i) => row(`run ${i + 1} (${a.series})`, x)),
		'  (hydrate: component start → server HTML adopted; render: → redrawn for the measured width; painted: → next frame)',
		'',
		`Indicator page JS: ${(r.indicatorJsGzipBytes / 1000).toFixed(1)} kB gzip (target ≤ ${r.indicatorJsBudgetBytes / 1000} kB): ${r.indicatorJsWithinBudget ? 'OK' : 'OVER BUDGET'}`
	);
	return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const opt = (name: string) => {
		const at = args.indexOf(name);
		return at === -1 ? undefined : args[at + 1];
	};
	const port = Number(opt('--port') ?? process.env.BENCH_PORT ?? 4391);
	const server = await startServer(port);
	try {
		const result = await runClientBench(server.origin, { runs: Number(opt('--runs') ?? 5), allSeriesPath: opt('--path'), fewSeriesPath: opt('--few-path') });
		console.log(formatClientResult(result));
		if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
	} finally {
		await server.stop();
	}
}
