/**
 * The public shapes of the import core, shared by the command line (scripts/import.ts), the seed and the
 * admin upload page. Everything a caller sees is plain data, so it can be printed, sent as JSON or shown.
 */

export const IMPORT_KINDS = ['plan', 'values', 'pxweb', 'kolada', 'kolada-ddf', 'atterrapportering'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Exactly one of `path`, `url` or `bytes`. `fileName` names uploaded bytes in messages and provenance. */
export interface ImportInput {
	path?: string;
	url?: string;
	bytes?: Uint8Array;
	fileName?: string;
}

export interface ImportOptions {
	/** Organisation slug: the owner of the plan (plan imports). */
	org?: string;
	/** Plan slug (plan imports). */
	plan?: string;
	/** Put every row of a statistics file on this indicator (slug). */
	indicator?: string;
	/** Mapping from the file's codes (ContentsCode, KPI, indicator column) to indicator slugs: a path or the map itself. */
	map?: string | Record<string, string>;
	/**
	 * Statistics imports (values, pxweb, kolada, kolada-ddf): write drafts (observation_draft) instead of the
	 * published values, to be published from a plan's "Granska och publicera" like typed drafts. The admin
	 * import page sets it for editors; the command line with --draft.
	 */
	draft?: boolean;
	/** Run everything, report the diff, write nothing. */
	dryRun?: boolean;
	/** Remove what the file no longer has: observations of the imported indicators, goals/uppdrag/links of the plan. */
	replace?: boolean;
	/** SCB table id when the response does not name it (PxWeb v1 `json` format). */
	table?: string;
	/** PxWeb v1: the POST body (a path or the object). */
	query?: string | object;
	/** PxWeb: most cells one request may ask for; larger queries are split. Default: the server's /config or 150 000. */
	maxCells?: number;
	/** Label for the batch's `source` instead of the one derived from the file. */
	source?: string;
	/** Called while rows are written; `total` is 0 when unknown. */
	onProgress?: (done: number, total: number) => void;
	/** Values CSV from this many bytes up are parsed in a worker thread (parse-thread.ts); for tests. */
	parseThreadMinBytes?: number;
	/** Injected for tests; defaults to the global fetch. */
	fetch?: typeof fetch;
}

export interface ImportRequest {
	kind: ImportKind;
	input: ImportInput;
	options?: ImportOptions;
	/** Who imports (user name or "seed"); stored on the batch. */
	user?: string;
	/**
	 * Who imports, for the audit log: an import that writes adds one entry (action 'import', entity
	 * 'import_batch') in its own transaction. Without it (the seed) nothing is audited.
	 */
	actor?: ImportActor;
	/**
	 * Called inside the transaction, after the file is read and before anything is kept (dry runs too), with
	 * what the import touches. Any message returned refuses the whole import, with the messages as errors.
	 */
	authorize?: (touched: ImportTouched) => string[];
}

/** Who imports, through which channel; `userId` is null when there is no account (the CLI without --user). */
export interface ImportActor {
	userId: number | null;
	channel: 'import' | 'cli' | 'system';
}

/** What an import wrote, or would write: the subject of an authorization check. */
export interface ImportTouched {
	kind: ImportKind;
	/** Plan imports: the organisation and plan the file goes to (possibly created by it). */
	plan?: { organisationId: number; planId: number; slug: string; created: boolean };
	/** Återrapportering imports: the reporting organisation (its insatser and report). */
	organisation?: { id: number; slug: string };
	/** Statistics imports: the indicators the file has rows for. `created`: made by this import. */
	indicators: { id: number; slug: string; name: string; created: boolean }[];
}

export interface Count {
	new: number;
	changed: number;
	unchanged: number;
	removed: number;
}

export const emptyCount = (): Count => ({ new: 0, changed: 0, unchanged: 0, removed: 0 });

/** What an import counts. Only the entries an import touches are present. */
export interface Counts {
	observations?: Count;
	/** Organisation and plan rows of a plan import. */
	plans?: Count;
	indicators?: Count;
	goals?: Count;
	uppdrag?: Count;
	links?: Count;
	targets?: Count;
	/** Återrapportering imports: insatser, their results, the report's sections and rows, 5.1 analyses, external goals. */
	insatser?: Count;
	results?: Count;
	reportSections?: Count;
	reportRows?: Count;
	analyses?: Count;
	externalGoals?: Count;
}

/** A problem with the input, located as precisely as the format allows. Messages are Swedish. */
export interface ImportIssue {
	/** Machine-readable kind, e.g. "not-a-number", "unknown-geography", "duplicate", "broken-font". */
	code: string;
	message: string;
	file?: string;
	/** 1-based row in the file (the header is row 1 in CSV/XLSX); for JSON the value's index + 1. */
	row?: number;
	column?: string;
	value?: string;
	/** broken-font: the proposed repair (the raw text is `value`). */
	proposal?: string;
}

/** One example row of the diff, for people to read. */
export interface ExampleRow {
	what: string;
	before?: string;
	after?: string;
}

export type ExampleKind = 'new' | 'changed' | 'removed';

export interface ImportResult {
	ok: boolean;
	kind: ImportKind;
	dryRun: boolean;
	/** The values were (or would be) written as drafts: nothing public changes until they are published. */
	draft: boolean;
	/** The batch written, or null (dry run, error, or nothing to change). */
	batchId: number | null;
	fileName: string;
	sha256: string | null;
	source: string;
	counts: Counts;
	/** A few rows per kind of change, for the diff. */
	examples: Record<ExampleKind, ExampleRow[]>;
	errors: ImportIssue[];
	warnings: ImportIssue[];
	/** True when the file changed nothing (a repeated import). */
	unchanged: boolean;
	/** An earlier batch with the same SHA-256, if any. */
	sameAsBatch: { id: number; importedAt: string } | null;
	/** One Swedish sentence saying what happened. */
	summary: string;
	durationMs: number;
}
