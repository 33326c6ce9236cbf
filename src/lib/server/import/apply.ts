/**
 * The synchronous middle of an import, inside the transaction: builds the shared lookups, runs the reader of
 * the requested kind, settles the diff and re-assesses the follow-up periods whose indicators changed.
 */
import type { Db } from '../db/client';
import type { Sex } from '../../domain/types';
import type { Counts, ExampleRow, ImportRequest } from './types';
import type { Prepared } from './run';
import type { Issues } from './issues';
import type { StatsContext } from './stats-context';
import { ObservationWriter } from './observations';
import { DraftWriter, type ImportAudit, type ObservationSink } from './drafts';
import { Geographies, Indicators, Periods } from './resolve';
import { SeriesIndicators } from './series';
import { decodeChunks, type Encoding, type Source } from './source';
import { parseValues, parseError, type ParseMessage } from './values-parse';
import { readCsv } from './csv-stream';
import { valuesReader, type Cell } from './values';
import { importPxwebDocument } from './pxweb';
import { importKoladaDocument } from './kolada';
import { importKoladaDdf } from './kolada-ddf';
import { parsePlanRows } from './plan-rows';
import { importPlan } from './plan';
import { assessIndicatorsForPeriod } from '../assess/indicators';
import { reassessIndicators } from '../assess/reassess';
import { importReport } from './atterrapportering';
import { importTemplate } from './insats-template';

export interface Applied {
	source: string;
	counts: Counts;
	examples: { new: ExampleRow[]; changed: ExampleRow[]; removed: ExampleRow[] };
	/** What was written to, for the authorization hook: the indicators with rows, the plan, or the organisation. */
	touched: { indicators: number[]; planId?: number; organisationSlug?: string };
}

interface ApplyContext {
	db: Db;
	req: ImportRequest;
	prepared: Prepared;
	issues: Issues;
	batchId: number;
	now: string;
}

const SEX_TEXT: Record<Sex, string> = { T: 'totalt', K: 'kvinnor', M: 'män' };

export function applyKind(a: ApplyContext): Applied {
	if (a.req.options?.draft && (a.req.kind === 'plan' || a.req.kind === 'atterrapportering')) {
		a.issues.fatal({ code: 'draft-kind', message: 'bara värden och statistik kan läsas in som utkast; planer och återrapporteringar läses in direkt' });
	}
	if (a.req.kind === 'atterrapportering') return applyReport(a);
	return a.req.kind === 'plan' ? applyPlan(a) : applyStats(a);
}

function applyStats(a: ApplyContext): Applied {
	const { db, req, prepared, issues } = a;
	const opts = req.options ?? {};
	const source = prepared.source!;
	const geos = new Geographies(db);
	const nameStmt = db.$client.prepare('SELECT name FROM indicator WHERE id = ?');
	const names = new Map<number, string>();
	const indicatorName = (id: number) => {
		let n = names.get(id);
		if (n === undefined) names.set(id, (n = (nameStmt.get(id) as { name: string } | undefined)?.name ?? String(id)));
		return n;
	};
	const describe = (i: number, g: number, period: string, sex: Sex) => `${indicatorName(i)} · ${geos.name(g)} · ${period} · ${SEX_TEXT[sex]}`;
	// Per-value audit entries name the file and batch; the seed (no actor) writes none.
	const audit: ImportAudit | null = req.actor ? { actor: req.actor, note: `${source.fileName}, batch ${a.batchId}` } : null;
	let writer: ObservationSink;
	if (opts.draft) writer = new DraftWriter(db, a.batchId, issues, describe, audit);
	else {
		const published = new ObservationWriter(db, a.batchId, issues, describe);
		published.auditAs(audit);
		writer = published;
	}
	const ctx: StatsContext = {
		db,
		options: opts,
		issues,
		writer,
		geos,
		periods: new Periods(),
		series: new SeriesIndicators(db, issues, { indicator: req.kind === 'values' ? undefined : opts.indicator, map: req.kind === 'values' ? undefined : opts.map }),
		riketId: () => geos.resolve('00') ?? issues.fatal({ code: 'no-riket', message: 'databasen saknar geografin riket (00)' }),
		progress: (done, total) => opts.onProgress?.(done, total)
	};
	if (geos.size === 0) issues.fatal({ code: 'no-geographies', message: 'databasen har inga geografier (riket, län, kommuner); läs in dem först' });

	let label = source.fileName;
	switch (req.kind) {
		case 'values':
			readValues(ctx, source, prepared);
			label = `Värdefil ${source.fileName}`;
			break;
		case 'pxweb': {
			const docs = source.documents();
			let table: string | null = prepared.tableHint;
			let title = '';
			for (let i = 0; i < docs.length; i++) {
				const ds = importPxwebDocument(ctx, docs[i], i, prepared.tableHint);
				if (i === 0 && ds) [table, title] = [ds.table ?? table, ds.label];
				ctx.progress(i + 1, docs.length);
			}
			label = `SCB, tabell ${table ?? '?'}${title ? `: ${title}` : ''}`;
			break;
		}
		case 'kolada': {
			const docs = source.documents();
			let offset = 0;
			docs.forEach((doc, i) => {
				const page = importKoladaDocument(ctx, doc, i, offset, prepared.kpiMeta);
				offset += page.entries;
				// A saved first page of several: say so, since the rest is not in the file.
				if (page.next && !source.url) {
					issues.warn({ code: 'more-pages', value: page.next, message: `svaret har fler sidor (${page.next}); läs in URL:en i stället för filen för att få med alla` });
				}
				ctx.progress(i + 1, docs.length);
			});
			label = `Kolada (${source.url ?? source.fileName})`;
			break;
		}
		case 'kolada-ddf': {
			const kpi = importKoladaDdf(ctx, source);
			label = `Kolada, nyckeltal ${kpi} (DDF-fil ${source.fileName})`;
			break;
		}
	}
	const missing = writer.finish(!!opts.replace && !issues.hasErrors);
	if (missing > 0 && !opts.replace) {
		issues.warn({
			code: 'not-in-file',
			message: `${missing} observationer i samma serier (indikator, geografi och kön) finns i databasen men inte i filen; de behålls (--replace tar bort dem)`
		});
	}
	const counts: Counts = { observations: writer.count };
	if (req.kind !== 'values') counts.indicators = ctx.series.count;
	const obs = writer.count;
	// Drafts change nothing public: the colours are computed again when they are published.
	if (!opts.draft && obs.new + obs.changed + obs.removed > 0 && !issues.hasErrors) {
		const { kept } = reassessIndicators(db, [...writer.indicators]);
		if (kept.length > 0) {
			issues.warn({
				code: 'period-locked',
				message: `godkända och därmed låsta perioder behåller sina bedömningar (färger och pilar räknas inte om): ${kept.join(', ')}. En administratör kan öppna en period igen under Granskning`
			});
		}
	}
	return {
		source: label,
		counts,
		examples: { new: [...ctx.series.examples, ...writer.examples.new], changed: writer.examples.changed, removed: writer.examples.removed },
		touched: { indicators: [...writer.indicators] }
	};
}

/** How often (in rows) an Excel sheet's import reports progress. */
const XLSX_PROGRESS_ROWS = 1000;

function readValues(ctx: StatsContext, source: Source, prepared: Prepared): void {
	const reader = valuesReader(ctx, new Indicators(ctx.db));
	if (prepared.sheet) {
		const [head, ...rows] = prepared.sheet.rows;
		if (!head) ctx.issues.fatal({ code: 'empty', message: `bladet '${prepared.sheet.sheet}' är tomt` });
		reader.header(head.cells);
		// Progress in rows: the sheet is already in memory, so bytes read say nothing.
		for (let i = 0; i < rows.length; i++) {
			reader.row(rows[i].cells, rows[i].line);
			if ((i + 1) % XLSX_PROGRESS_ROWS === 0 || i + 1 === rows.length) ctx.progress(i + 1, rows.length);
		}
		return;
	}
	let sawHeader = false;
	const handle = (m: ParseMessage) => {
		switch (m.type) {
			case 'encoding':
				return reportEncoding(ctx.issues, m.encoding, m.sample, m.fromByte);
			case 'header':
				sawHeader = true;
				return reader.header(m.fields);
			case 'rows':
				reader.chunk(m.chunk);
				return ctx.progress(m.chunk.bytes, source.size);
			case 'end':
				return source.useDigest(m.sha256);
			case 'error':
				throw parseError(m);
		}
	};
	// In a worker thread when prepare() started one (a big file), else here: the same messages either way.
	if (prepared.parser) prepared.parser.drain(handle);
	else parseValues(source, handle);
	if (!sawHeader) ctx.issues.fatal({ code: 'empty', message: 'filen är tom' });
}

/** The text of a CSV source, with the encoding reported (a Windows-1252 file is read, with a warning). */
function textOf(issues: Issues, source: Source, onBytes?: (n: number) => void): Iterable<string> {
	const chunks = (function* () {
		for (const c of source.chunks()) {
			yield c;
			onBytes?.(c.byteLength);
		}
	})();
	return decodeChunks(chunks, (encoding, sample, fromByte) => reportEncoding(issues, encoding, sample, fromByte));
}

function reportEncoding(issues: Issues, encoding: Encoding, sample: string, fromByte?: number): void {
	if (encoding === 'windows-1252') {
		// fromByte: the file was plain ASCII up to there, so all of it reads as Windows-1252.
		const where = fromByte ? ` (början av filen är ren ASCII; första tecknet utanför ASCII efter byte ${fromByte.toLocaleString('sv-SE')})` : '';
		issues.warn({
			code: 'encoding',
			value: sample,
			message: `filen är inte UTF-8; den lästes som Windows-1252${sample ? ` (t.ex. '${sample}')` : ''}${where}. Kontrollera å, ä och ö, och spara gärna som UTF-8`
		});
	} else if (encoding === 'utf-16le') {
		issues.warn({ code: 'encoding', message: 'filen är UTF-16 (Excels "Unicode-text"); den lästes som sådan' });
	}
}

function applyPlan(a: ApplyContext): Applied {
	const { db, req, prepared, issues } = a;
	const opts = req.options ?? {};
	let header: Cell[] = [];
	let rows: { cells: Cell[]; line: number }[] = [];
	if (prepared.sheet) {
		[{ cells: header } = { cells: [] }, ...rows] = prepared.sheet.rows;
	} else {
		readCsv(textOf(issues, prepared.source!), {
			header: (f) => (header = f),
			row: (f, line) => rows.push({ cells: f, line })
		});
	}
	if (header.length === 0) issues.fatal({ code: 'empty', message: 'filen är tom' });
	const parsed = parsePlanRows(header, rows, issues);
	if (issues.hasErrors) return { source: '', counts: {}, examples: { new: [], changed: [], removed: [] }, touched: { indicators: [] } };
	const out = importPlan(db, issues, parsed, { org: opts.org, plan: opts.plan, replace: opts.replace, now: a.now });
	const periods = db.$client.prepare('SELECT id FROM follow_up_period WHERE plan_id = ?').all(out.planId) as { id: number }[];
	if (!issues.hasErrors) for (const p of periods) assessIndicatorsForPeriod(db, p.id);
	const slug = (db.$client.prepare('SELECT slug FROM plan WHERE id = ?').get(out.planId) as { slug: string }).slug;
	return {
		source: `Plan ${slug} (${prepared.source!.fileName})`,
		counts: out.counts,
		examples: out.examples,
		touched: { indicators: [], planId: out.planId }
	};
}

/** An återrapportering (JSON): insatser, results, the report's tables and the 5.1 analyses. */
function applyReport(a: ApplyContext): Applied {
	if (a.prepared.sheets) {
		const t = importTemplate(a.db, a.issues, a.prepared.sheets, a.req.options?.org, a.now);
		return { source: t.label, counts: t.counts, examples: t.examples, touched: { indicators: [], organisationSlug: a.req.options?.org } };
	}
	const text = [...textOf(a.issues, a.prepared.source!)].join('');
	const out = importReport(a.db, a.issues, text, a.req.options ?? {}, a.now);
	return { source: out.label, counts: out.counts, examples: out.examples, touched: { indicators: [], organisationSlug: a.req.options?.org } };
}
