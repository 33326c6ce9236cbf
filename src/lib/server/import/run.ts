/**
 * The import core: one entry point for the command line, the seed and the admin upload page.
 *
 *   const result = await runImport(db, { kind: 'pxweb', input: { path }, options: { dryRun: true }, user });
 *
 * Two phases. `prepare` does everything asynchronous (fetching URLs page by page, unzipping XLSX). `apply` is
 * synchronous and runs in ONE transaction: a batch row, the kind's reader, the diff, the re-assessment of
 * affected follow-up periods. Any error, a dry run, or a file that changes nothing rolls the transaction
 * back, so the database is exactly as before. Nothing awaits inside the transaction.
 */
import { existsSync } from 'node:fs';
import type { Db } from '../db/client';
import type { Counts, ImportIssue, ImportRequest, ImportResult, ImportTouched } from './types';
import { writeAudit } from '../auth/audit';
import { Source, InvalidUtf8 } from './source';
import { Issues, ImportAbort } from './issues';
import { CsvSyntaxError } from './csv-stream';
import { fetchBytes, FetchError } from './fetch';
import { fetchKolada } from './kolada-fetch';
import { fetchPxweb } from './pxweb-fetch';
import type { KpiMeta } from './kolada';
import { isXlsx, readXlsx, type SheetRows } from './xlsx';
import { applyKind, type Applied } from './apply';
import { TEMPLATE_SHEETS } from './insats-template';
import { summarise } from './summary';
import { ParseThread } from './parse-thread';

export interface Prepared {
	source: Source | null;
	sheet: SheetRows | null;
	/** Every sheet of a workbook, for kinds that read several (the insats template). */
	sheets?: SheetRows[];
	tableHint: string | null;
	kpiMeta: KpiMeta;
	/** A problem found before the transaction (a failed fetch, an unreadable workbook). */
	fatal: ImportIssue | null;
	/** A values CSV already being parsed in a worker thread (parse-thread.ts); else it is parsed in-thread. */
	parser?: ParseThread | null;
}

class Rollback extends Error {}

/** The kinds that write observations, and so may write them as drafts (ImportOptions.draft). */
const STATS_KINDS = new Set(['values', 'pxweb', 'kolada', 'kolada-ddf']);

/** Runs one import end to end. Never throws for bad input: problems come back in `errors`. */
export async function runImport(db: Db, req: ImportRequest): Promise<ImportResult> {
	const started = performance.now();
	return apply(db, req, await prepare(req), started);
}

/**
 * The same, synchronously, for inputs that need nothing asynchronous: a CSV or JSON file or bytes (not a
 * URL, not XLSX). The seed uses it inside its own transaction; the import then becomes a savepoint.
 */
export function runImportSync(db: Db, req: ImportRequest): ImportResult {
	const started = performance.now();
	if (req.input.url) throw new Error('runImportSync kan inte hämta URL:er; använd runImport');
	const source = openSource(req);
	const prepared: Prepared = { source, sheet: null, tableHint: req.options?.table ?? null, kpiMeta: new Map(), fatal: null };
	if ((req.kind === 'plan' || req.kind === 'values' || req.kind === 'atterrapportering') && isXlsx(source.peek(), source.fileName)) {
		throw new Error('runImportSync läser inte XLSX; använd runImport');
	}
	return apply(db, req, prepared, started);
}

function openSource(req: ImportRequest): Source {
	const { input } = req;
	if (input.path) {
		if (!existsSync(input.path)) throw new Error(`filen '${input.path}' finns inte`);
		return Source.file(input.path, input.fileName);
	}
	if (input.bytes) return Source.pages([input.bytes], input.fileName ?? 'uppladdad fil');
	throw new Error('ange en fil (path), bytes eller en URL');
}

async function prepare(req: ImportRequest): Promise<Prepared> {
	const { input, kind } = req;
	const opts = req.options ?? {};
	const fetchFn = opts.fetch ?? fetch;
	const prepared: Prepared = { source: null, sheet: null, tableHint: opts.table ?? null, kpiMeta: new Map(), fatal: null };
	try {
		if (input.url) {
			const name = input.fileName ?? new URL(input.url).pathname.split('/').filter(Boolean).pop() ?? input.url;
			if (kind === 'pxweb') {
				const got = await fetchPxweb(input.url, { query: opts.query, maxCells: opts.maxCells }, fetchFn);
				prepared.source = Source.pages(got.pages, name, input.url);
				prepared.tableHint = opts.table ?? got.table;
			} else if (kind === 'kolada') {
				const got = await fetchKolada(input.url, fetchFn);
				prepared.source = Source.pages(got.pages, name, input.url);
				prepared.kpiMeta = got.meta;
			} else {
				prepared.source = Source.pages([await fetchBytes(input.url, fetchFn)], name, input.url);
			}
		} else {
			prepared.source = openSource(req);
		}
		if (kind === 'plan' || kind === 'values') {
			if (isXlsx(prepared.source.peek(), prepared.source.fileName)) {
				const bytes = prepared.source.documents()[0];
				prepared.sheet = await readXlsx(bytes, kind === 'plan' ? ['Rader', 'Plan'] : ['Värden', 'Data']);
			} else if (kind === 'values') {
				prepared.parser = await ParseThread.start(prepared.source, opts.parseThreadMinBytes);
			}
		}
		if (kind === 'atterrapportering' && isXlsx(prepared.source.peek(), prepared.source.fileName)) {
			prepared.sheets = await Promise.all(
				Object.values(TEMPLATE_SHEETS).map((name) => readXlsx(prepared.source!.documents()[0], [name]))
			);
		}
	} catch (e) {
		prepared.fatal = { code: e instanceof FetchError ? 'fetch' : 'read', file: input.fileName ?? input.path ?? input.url, message: (e as Error).message };
	}
	return prepared;
}

function apply(db: Db, req: ImportRequest, p: Prepared, started: number): ImportResult {
	const opts = req.options ?? {};
	const fileName = p.source?.fileName ?? req.input.fileName ?? req.input.path ?? req.input.url ?? '';
	const issues = new Issues(fileName);
	const result: ImportResult = {
		ok: false,
		kind: req.kind,
		dryRun: !!opts.dryRun,
		draft: !!opts.draft && STATS_KINDS.has(req.kind),
		batchId: null,
		fileName,
		sha256: null,
		source: '',
		counts: {},
		examples: { new: [], changed: [], removed: [] },
		errors: issues.errors,
		warnings: issues.warnings,
		unchanged: false,
		sameAsBatch: null,
		summary: '',
		durationMs: 0
	};
	if (p.fatal || !p.source) {
		issues.errors.push(p.fatal ?? { code: 'read', message: 'ingen indata' });
		return finish(result, started);
	}
	const sqlite = db.$client;
	const now = new Date().toISOString();
	const fkOff = skipForeignKeyChecks(req, sqlite);
	try {
		sqlite.transaction(() => {
			const before = highestIds(sqlite);
			const batchId = Number(
				sqlite
					.prepare('INSERT INTO import_batch (source, kind, file_name, url, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)')
					.run(opts.source ?? fileName, req.kind, fileName, p.source!.url, now, req.user ?? null).lastInsertRowid
			);
			const applied: Applied = applyKind({ db, req, prepared: p, issues, batchId, now });
			issues.flushUnknown();
			if (issues.hasErrors) throw new Rollback();
			if (req.authorize) {
				const refused = req.authorize(touchedBy(sqlite, req, applied, before));
				for (const message of refused) issues.errors.push({ file: fileName, code: 'forbidden', message });
				if (refused.length) throw new Rollback();
			}
			result.sha256 = p.source!.sha256();
			result.source = opts.source ?? applied.source;
			result.counts = applied.counts;
			result.examples = applied.examples;
			const same = sqlite
				.prepare('SELECT id, imported_at FROM import_batch WHERE sha256 = ? AND id <> ? ORDER BY id DESC LIMIT 1')
				.get(result.sha256, batchId) as { id: number; imported_at: string } | undefined;
			result.sameAsBatch = same ? { id: same.id, importedAt: same.imported_at } : null;
			result.unchanged = changes(applied.counts) === 0;
			sqlite
				.prepare('UPDATE import_batch SET source = ?, sha256 = ?, counts = ? WHERE id = ?')
				.run(result.source, result.sha256, JSON.stringify(flatCounts(applied.counts)), batchId);
			result.ok = true;
			if (opts.dryRun || result.unchanged) throw new Rollback();
			result.batchId = batchId;
			if (req.actor) {
				writeAudit(db, req.actor, {
					action: 'import',
					entity: 'import_batch',
					entityId: batchId,
					new: result.counts,
					note: `${fileName}, SHA-256 ${result.sha256}${result.draft ? ', som utkast' : ''}`
				});
			}
		})();
	} catch (e) {
		if (!(e instanceof Rollback)) {
			result.ok = false;
			recordError(issues, e);
		}
	} finally {
		if (fkOff) sqlite.pragma('foreign_keys = ON');
		p.parser?.stop();
	}
	return finish(result, started);
}

/** The highest plan and indicator ids before the import: anything above was created by it. */
function highestIds(sqlite: Db['$client']): { plan: number; indicator: number } {
	const max = (table: string) => (sqlite.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;
	return { plan: max('plan'), indicator: max('indicator') };
}

function touchedBy(sqlite: Db['$client'], req: ImportRequest, applied: Applied, before: { plan: number; indicator: number }): ImportTouched {
	const out: ImportTouched = { kind: req.kind, indicators: [] };
	const planId = applied.touched.planId;
	if (planId !== undefined) {
		const p = sqlite.prepare('SELECT organisation_id, slug FROM plan WHERE id = ?').get(planId) as { organisation_id: number; slug: string };
		out.plan = { organisationId: p.organisation_id, planId, slug: p.slug, created: planId > before.plan };
	}
	const orgSlug = applied.touched.organisationSlug;
	if (orgSlug !== undefined) {
		const o = sqlite.prepare('SELECT id FROM organisation WHERE slug = ?').get(orgSlug) as { id: number } | undefined;
		if (o) out.organisation = { id: o.id, slug: orgSlug };
	}
	const ind = sqlite.prepare('SELECT slug, name FROM indicator WHERE id = ?');
	for (const id of applied.touched.indicators) {
		const r = ind.get(id) as { slug: string; name: string };
		out.indicators.push({ id, slug: r.slug, name: r.name, created: id > before.indicator });
	}
	return out;
}

/**
 * Statistics imports only insert and update observations (and add indicators), with every indicator and geography
 * id looked up in this same transaction and the batch row written by it: SQLite's per-row foreign-key lookups
 * (three parent tables) can find nothing the import has not already checked, yet cost about a fifth of the
 * insert time (bench/import.ts). So they are off for that transaction. Not for plan imports, which delete rows
 * whose children cascade; not inside a caller's transaction (the seed), where the pragma cannot change anyway.
 * The connection is synchronous, so no other statement runs while it is off.
 */
function skipForeignKeyChecks(req: ImportRequest, sqlite: Db['$client']): boolean {
	if (req.kind === 'plan' || req.kind === 'atterrapportering' || sqlite.inTransaction) return false;
	if (!sqlite.pragma('foreign_keys', { simple: true })) return false;
	sqlite.pragma('foreign_keys = OFF');
	return true;
}

function recordError(issues: Issues, e: unknown): void {
	if (e instanceof ImportAbort) {
		// Its issue is already recorded, unless it was the "too many errors" stop.
		if (!issues.errors.some((i) => i.message === e.message)) issues.errors.push({ file: issues.file, code: 'aborted', message: e.message });
		return;
	}
	if (e instanceof CsvSyntaxError) issues.errors.push({ file: issues.file, code: 'csv', row: e.line, message: e.message });
	else if (e instanceof InvalidUtf8) issues.errors.push({ file: issues.file, code: 'encoding', message: e.message });
	else issues.errors.push({ file: issues.file, code: 'error', message: (e as Error).message ?? String(e) });
}

export function changes(counts: Counts): number {
	return Object.values(counts).reduce((n, c) => n + c.new + c.changed + c.removed, 0);
}

function flatCounts(counts: Counts): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [kind, c] of Object.entries(counts)) for (const [k, v] of Object.entries(c)) out[`${kind}_${k}`] = v as number;
	return out;
}

function finish(result: ImportResult, started: number): ImportResult {
	if (result.errors.length) result.ok = false;
	result.durationMs = Math.round(performance.now() - started);
	result.summary = summarise(result);
	return result;
}
