/**
 * Writes observations and counts the diff (new / changed / unchanged / removed) as it goes.
 *
 * Speed (issue 4: ≥ 300 000 rows/s): the cost of a row is mostly what crosses from JavaScript into SQLite, about
 * a quarter of a microsecond per bound value. So a row is bound as three numbers, and SQL unpacks them:
 *
 *   key    = indicator_id · 2^20 + geography_id
 *   code   = period number · 16 + sex (0 T, 1 K, 2 M) · 4 + missing symbol (0 none, 1 "..", 2 "-", 3 ".")
 *   value  = the number, or null
 *
 * The period number points into the temp table `import_period`, which holds each distinct period's code, kind,
 * start and end once per import. Rows go in CHUNK at a time through one prepared multi-row INSERT (a shorter
 * tail at the end gets a statement of its own size). Rows with a text value, a printed form or a note are rare;
 * they take the same path with all their values bound (FULL_CHUNK at a time).
 *
 * The diff: a chunk is inserted with a plain INSERT. When every row is new (a fresh import, the common big
 * case) that is the whole cost. When a key exists already the statement fails as a whole (SQLite undoes it),
 * and that chunk is settled row by row: look the row up, then
 * - not there: insert it (new);
 * - written by this import (its batch_id is this batch: inserted or changed earlier in the file): a duplicate;
 * - an old row met before in this import (in the temp table `import_seen`): a duplicate;
 * - otherwise compare: update it if it differs (changed), else unchanged.
 * Duplicates are errors (which of two values is right?), found without keeping a key per row in memory.
 */
import type { Db } from '../db/client';
import type { Period, Sex } from '../../domain/types';
import type { Count, ExampleRow } from './types';
import { emptyCount } from './types';
import type { Issues } from './issues';
import { bumpRevision } from '../db/revision';
import { refreshLatestFromTemp } from '../db/observation-latest';
import type { ImportAudit } from './drafts';

/** Rows per multi-row statement. 128 × 3 values; larger chunks measured no faster. */
const CHUNK = 128;
/** Rows with a text, printed form or note: nine values each. */
const FULL_CHUNK = 32;
/** Plain rows gathered before writing, to write them in key order (see flushWindow). */
const WINDOW = 16384;
const MAX_EXAMPLES = 5;
/** geography_id must stay below this to be packed into `key`; larger ids (none exist) take the full path. */
const GEO_LIMIT = 1 << 20;
/** indicator_id · 2^20 + geography_id, times 4 (flushWindow), must stay an exact double. */
const INDICATOR_LIMIT = 2 ** 31;

export type MissingSymbol = '..' | '-' | '.';

/** Names for examples and messages: "Folkmängd · Jämtlands län · 2022 · kvinnor". */
export type Describe = (indicatorId: number, geographyId: number, period: string, sex: Sex) => string;

interface Existing {
	value: number | null;
	text_value: string | null;
	missing_symbol: string | null;
	printed: string | null;
	note: string | null;
	batch_id: number | null;
}

/** One row as the slow paths see it (settling a chunk, examples, messages). */
interface Row {
	indicatorId: number;
	geographyId: number;
	period: Period;
	sex: Sex;
	value: number | null;
	text: string | null;
	missing: string | null;
	printed: string | null;
	note: string | null;
	line: number;
}

const SEXES: Sex[] = ['T', 'K', 'M'];
const SEX_CODE: Record<Sex, number> = { T: 0, K: 1, M: 2 };
/** By SEX_CODE: the sex's place in the primary key's (text) order. */
const SEX_RANK = [2, 0, 1];
const MISSING: (MissingSymbol | null)[] = [null, '..', '-', '.'];
const MISSING_CODE: Record<MissingSymbol, number> = { '..': 1, '-': 2, '.': 3 };

const TARGET = 'INSERT INTO observation (indicator_id, geography_id, period, period_kind, period_start, period_end, sex, value, text_value, missing_symbol, printed, note, batch_id)';

/** A multi-row buffer and its statements, one per chunk size used (CHUNK, and the tail sizes). */
class Buffer {
	readonly values: unknown[];
	readonly lines: number[];
	n = 0;
	private readonly statements = new Map<number, { run(params: unknown[]): unknown }>();

	constructor(
		private readonly sqlite: Db['$client'],
		readonly width: number,
		readonly size: number,
		private readonly sql: (rows: number) => string
	) {
		this.values = new Array(size * width);
		this.lines = new Array(size);
	}

	/** Inserts rows [0, n) in one statement. Throws SQLITE_CONSTRAINT_PRIMARYKEY if any key exists (nothing written). */
	insert(n: number, values: unknown[] = this.values): void {
		let st = this.statements.get(n);
		if (!st) this.statements.set(n, (st = this.sqlite.prepare(this.sql(n))));
		st.run(n === this.size || values !== this.values ? values : values.slice(0, n * this.width));
	}
}

export class ObservationWriter {
	readonly count: Count = emptyCount();
	readonly examples: { new: ExampleRow[]; changed: ExampleRow[]; removed: ExampleRow[] } = {
		new: [],
		changed: [],
		removed: []
	};
	readonly indicators = new Set<number>();
	/** Series (indicator × geography × sex) the file touches, as numbers: see `seriesKey`. */
	private readonly pairs = new Set<number>();
	/** Observations those series had before the import: what `removed` is counted against. */
	private preexisting = 0;
	private lastPair = -1;
	/**
	 * Per series, the latest period among the file's rows (its number in `periods`), for observation_latest: the
	 * series' latest row afterwards is this one or the one it had before. `bestPid` is the current series'.
	 */
	private readonly best = new Map<number, number>();
	private bestPid = -1;
	/** Period → its number in temp.import_period; `periods[number]` is the period. */
	private readonly periodIds = new Map<string, number>();
	private readonly periods: Period[] = [];
	private lastPeriod: Period | null = null;
	private lastPeriodId = -1;
	private readonly sqlite: Db['$client'];
	private readonly plain: Buffer;
	/** Plain rows not yet written, in file order (see flushWindow). */
	private readonly window = {
		n: 0,
		key: new Float64Array(WINDOW),
		code: new Float64Array(WINDOW),
		value: new Array<number | null>(WINDOW),
		line: new Float64Array(WINDOW),
		group: new Int32Array(WINDOW),
		order: new Int32Array(WINDOW)
	};
	private readonly full: Buffer;
	private readonly addPeriod;
	private readonly select;
	private readonly markSeen;
	private readonly update;
	private readonly countPair;

	constructor(
		db: Db,
		private readonly batchId: number,
		private readonly issues: Issues,
		private readonly describe: Describe
	) {
		this.sqlite = db.$client;
		bumpRevision(this.sqlite); // inside the import's transaction: cached pages go stale exactly when it commits
		const batch = Math.trunc(batchId);
		this.sqlite.exec(
			`CREATE TEMP TABLE IF NOT EXISTS import_period (id INTEGER PRIMARY KEY, code TEXT NOT NULL, kind TEXT NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL);
			 DELETE FROM temp.import_period;
			 CREATE TEMP TABLE IF NOT EXISTS import_seen (indicator_id INTEGER, geography_id INTEGER, sex TEXT, period TEXT,
			   PRIMARY KEY (indicator_id, geography_id, sex, period)) WITHOUT ROWID;
			 DELETE FROM temp.import_seen;`
		);
		this.addPeriod = this.sqlite.prepare('INSERT INTO temp.import_period (id, code, kind, first_day, last_day) VALUES (?, ?, ?, ?, ?)');
		// The VALUES list is the outer loop (CROSS JOIN keeps it so); each row finds its period by rowid.
		this.plain = new Buffer(this.sqlite, 3, CHUNK, (n) =>
			`${TARGET} SELECT v.column1 >> 20, v.column1 & ${GEO_LIMIT - 1}, p.code, p.kind, p.first_day, p.last_day,
			   substr('TKM', ((v.column2 >> 2) & 3) + 1, 1), v.column3, NULL,
			   CASE v.column2 & 3 WHEN 1 THEN '..' WHEN 2 THEN '-' WHEN 3 THEN '.' END, NULL, NULL, ${batch}
			 FROM (VALUES ${rows(n, 3)}) AS v CROSS JOIN temp.import_period AS p ON p.id = v.column2 >> 4`
		);
		this.full = new Buffer(this.sqlite, 9, FULL_CHUNK, (n) =>
			`${TARGET} SELECT v.column1, v.column2, p.code, p.kind, p.first_day, p.last_day, v.column4, v.column5, v.column6, v.column7,
			   v.column8, v.column9, ${batch}
			 FROM (VALUES ${rows(n, 9)}) AS v CROSS JOIN temp.import_period AS p ON p.id = v.column3`
		);
		this.select = this.sqlite.prepare(
			`SELECT value, text_value, missing_symbol, printed, note, batch_id FROM observation
			 WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?`
		);
		this.markSeen = this.sqlite.prepare('INSERT OR IGNORE INTO temp.import_seen (indicator_id, geography_id, sex, period) VALUES (?, ?, ?, ?)');
		this.update = this.sqlite.prepare(
			`UPDATE observation SET value = ?, text_value = ?, missing_symbol = ?, printed = ?, note = ?, batch_id = ?, version = version + 1
			 WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?`
		);
		this.countPair = this.sqlite.prepare('SELECT count(*) AS n FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ?');
	}

	/**
	 * History per value (issue 5): each value this import changes or removes gets its own audit entry, old → new
	 * with the batches (so a value's history names the file it came from), in this same transaction. New values
	 * get none (the batch's one entry and the row's batch_id say where they came from), so the new-row path
	 * stays as fast as before. Without this call (the seed) nothing is audited.
	 */
	auditAs(audit: ImportAudit | null): void {
		if (!audit) return;
		this.audit = audit;
		this.auditChange = this.sqlite.prepare(
			`INSERT INTO audit_log (at, user_id, channel, action, entity, entity_id, old, new, note)
			 VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, 'import.change', 'observation', ?, ?, ?, ?)`
		);
	}
	private audit: ImportAudit | null = null;
	private auditChange: { run(...params: unknown[]): unknown } | null = null;

	/** One observation. At most one of value, text and missing is non-null. `line` locates it for errors. */
	add(
		indicatorId: number,
		geographyId: number,
		period: Period,
		sex: Sex,
		value: number | null,
		text: string | null,
		missing: MissingSymbol | null,
		printed: string | null,
		note: string | null,
		line: number
	): void {
		const pair = seriesKey(indicatorId, geographyId, sex);
		if (pair !== this.lastPair) this.enterPair(pair, indicatorId, geographyId, sex);
		let pid = this.lastPeriodId;
		if (period !== this.lastPeriod) pid = this.periodId(period);
		if (pid !== this.bestPid && this.later(pid, this.bestPid)) {
			this.bestPid = pid;
			this.best.set(pair, pid);
		}
		if (text === null && printed === null && note === null && geographyId < GEO_LIMIT && indicatorId < INDICATOR_LIMIT) {
			const w = this.window;
			const i = w.n;
			w.key[i] = indicatorId * GEO_LIMIT + geographyId;
			w.code[i] = pid * 16 + SEX_CODE[sex] * 4 + (missing === null ? 0 : MISSING_CODE[missing]);
			w.value[i] = value;
			w.line[i] = line;
			if (++w.n === WINDOW) this.flushWindow();
		} else {
			const b = this.full;
			let i = b.n * 9;
			b.values[i++] = indicatorId;
			b.values[i++] = geographyId;
			b.values[i++] = pid;
			b.values[i++] = sex;
			b.values[i++] = value;
			b.values[i++] = text;
			b.values[i++] = missing;
			b.values[i++] = printed;
			b.values[i] = note;
			b.lines[b.n] = line;
			if (++b.n === FULL_CHUNK) this.flushBuffer(b);
		}
	}

	private periodId(period: Period): number {
		let pid = this.periodIds.get(period.code);
		if (pid === undefined) {
			pid = this.periods.length;
			this.periods.push(period);
			this.periodIds.set(period.code, pid);
			this.addPeriod.run(pid, period.code, period.kind, period.start, period.end);
		}
		this.lastPeriod = period;
		this.lastPeriodId = pid;
		return pid;
	}

	/** First row of a series: note it, and count what it had before any of its rows is written. */
	private enterPair(pair: number, indicatorId: number, geographyId: number, sex: Sex): void {
		this.lastPair = pair;
		this.bestPid = this.best.get(pair) ?? -1;
		if (this.pairs.has(pair)) return;
		this.pairs.add(pair);
		this.indicators.add(indicatorId);
		this.preexisting += (this.countPair.get(indicatorId, geographyId, sex) as { n: number }).n;
	}

	/** Period number a is later than b (-1: none yet) in the pages' order: period_end, then period_start. */
	private later(a: number, b: number): boolean {
		if (b === -1) return true;
		const p = this.periods[a];
		const q = this.periods[b];
		return p.end > q.end || (p.end === q.end && p.start > q.start);
	}

	/** Writes what is buffered. Call before reading counts. */
	flush(): void {
		this.flushWindow();
		this.flushBuffer(this.plain);
		this.flushBuffer(this.full);
	}

	/**
	 * Writes the window's rows grouped by series in primary-key order (indicator, geography, sex: K < M < T),
	 * each series' rows in file order. A file that interleaves series (T, K, M of one month, then the next month)
	 * would otherwise insert into the middle of B-tree pages, splitting them; grouped, the rows mostly append to
	 * the end of a run, which SQLite does about a third cheaper (bench/import.ts). Stable, so of two duplicate
	 * rows the later line is still the one reported.
	 */
	private flushWindow(): void {
		const w = this.window;
		const n = w.n;
		if (n === 0) return;
		w.n = 0;
		// A counting sort: number the window's series, order the (few) series, then place each row.
		const groupOf = w.group;
		const ids = new Map<number, number>();
		const sortKeys: number[] = [];
		const sizes: number[] = [];
		let lastKey = -1;
		let lastGroup = -1;
		for (let i = 0; i < n; i++) {
			// key · 4 + the sex's rank in text order (K 0, M 1, T 2); exact below INDICATOR_LIMIT.
			const k = w.key[i] * 4 + SEX_RANK[(w.code[i] >> 2) & 3];
			if (k !== lastKey) {
				let g = ids.get(k);
				if (g === undefined) {
					ids.set(k, (g = sortKeys.length));
					sortKeys.push(k);
					sizes.push(0);
				}
				lastKey = k;
				lastGroup = g;
			}
			groupOf[i] = lastGroup;
			sizes[lastGroup]++;
		}
		const order = sortKeys.map((_, g) => g).sort((a, b) => sortKeys[a] - sortKeys[b]);
		const start = new Array<number>(sizes.length);
		let at = 0;
		for (const g of order) {
			start[g] = at;
			at += sizes[g];
		}
		const place = w.order;
		for (let i = 0; i < n; i++) place[start[groupOf[i]]++] = i;
		const b = this.plain;
		for (let j = 0; j < n; j++) {
			const i = place[j];
			let v = b.n * 3;
			b.values[v++] = w.key[i];
			b.values[v++] = w.code[i];
			b.values[v] = w.value[i];
			b.lines[b.n] = w.line[i];
			if (++b.n === CHUNK) this.flushBuffer(b);
		}
	}

	private flushBuffer(b: Buffer): void {
		const n = b.n;
		if (n === 0) return;
		b.n = 0;
		try {
			b.insert(n);
		} catch (e) {
			if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e;
			this.settle(b, n);
			return;
		}
		this.count.new += n;
		if (this.examples.new.length < MAX_EXAMPLES) for (let r = 0; r < n && this.examples.new.length < MAX_EXAMPLES; r++) this.exampleNew(this.row(b, r));
	}

	/** A chunk where some key existed (the chunk's INSERT wrote nothing): decide row by row. */
	private settle(b: Buffer, n: number): void {
		const one = new Array(b.width);
		for (let r = 0; r < n; r++) {
			const row = this.row(b, r);
			const sex = row.sex;
			const code = row.period.code;
			const existing = this.select.get(row.indicatorId, row.geographyId, sex, code) as Existing | undefined;
			if (!existing) {
				for (let k = 0; k < b.width; k++) one[k] = b.values[r * b.width + k];
				b.insert(1, one);
				this.count.new++;
				this.exampleNew(row);
			} else if (existing.batch_id === this.batchId) {
				// Inserted or changed by this import already: the file has the key twice.
				this.duplicate(row);
			} else if (this.markSeen.run(row.indicatorId, row.geographyId, sex, code).changes === 0) {
				// An old row an earlier line of the file already matched.
				this.duplicate(row);
			} else if (differs(existing, row)) {
				this.update.run(row.value, row.text, row.missing, row.printed, row.note, this.batchId, row.indicatorId, row.geographyId, sex, code);
				this.count.changed++;
				if (this.auditChange) {
					this.auditChange.run(
						this.audit!.actor.userId,
						this.audit!.actor.channel,
						`${row.indicatorId}:${row.geographyId}:${sex}:${code}`,
						JSON.stringify({ value: existing.value, text: existing.text_value, missing: existing.missing_symbol, note: existing.note, batch: existing.batch_id }),
						JSON.stringify({ value: row.value, text: row.text, missing: row.missing, note: row.note, batch: this.batchId }),
						this.audit!.note
					);
				}
				if (this.examples.changed.length < MAX_EXAMPLES) {
					this.examples.changed.push({ what: this.what(row), before: show(existing), after: show(row) });
				}
			} else this.count.unchanged++;
		}
	}

	/** Row r of a buffer, unpacked. */
	private row(b: Buffer, r: number): Row {
		const v = b.values;
		const o = r * b.width;
		if (b === this.plain) {
			const key = v[o] as number;
			const code = v[o + 1] as number;
			const geographyId = key % GEO_LIMIT;
			return {
				indicatorId: (key - geographyId) / GEO_LIMIT,
				geographyId,
				period: this.periods[Math.floor(code / 16)],
				sex: SEXES[(code >> 2) & 3],
				value: v[o + 2] as number | null,
				text: null,
				missing: MISSING[code & 3],
				printed: null,
				note: null,
				line: b.lines[r]
			};
		}
		return {
			indicatorId: v[o] as number,
			geographyId: v[o + 1] as number,
			period: this.periods[v[o + 2] as number],
			sex: v[o + 3] as Sex,
			value: v[o + 4] as number | null,
			text: v[o + 5] as string | null,
			missing: v[o + 6] as string | null,
			printed: v[o + 7] as string | null,
			note: v[o + 8] as string | null,
			line: b.lines[r]
		};
	}

	private duplicate(row: Row): void {
		this.issues.error({
			code: 'duplicate',
			row: row.line,
			value: this.what(row),
			message: `dubblett: ${this.what(row)} förekommer mer än en gång i filen`
		});
	}

	private what(row: Row): string {
		return this.describe(row.indicatorId, row.geographyId, row.period.code, row.sex);
	}

	private exampleNew(row: Row): void {
		if (this.examples.new.length >= MAX_EXAMPLES) return;
		this.examples.new.push({ what: this.what(row), after: show(row) });
	}

	/**
	 * Observations of the same series (indicator × geography × sex) that the file does not have. With `replace` they
	 * are deleted; otherwise only counted, for a warning. Every old row of those series that the file has was
	 * counted once as changed or unchanged (a second time is a duplicate error), so the rest is the difference.
	 * Those rows are the series' rows that this import neither wrote (batch_id) nor found unchanged (import_seen).
	 */
	finish(replace: boolean): number {
		this.flush();
		const missing = this.preexisting - this.count.changed - this.count.unchanged;
		if (missing <= 0 || !replace) {
			this.updateLatest();
			return Math.max(missing, 0);
		}
		this.fillSeries();
		const gone = `(indicator_id, geography_id, sex) IN (SELECT indicator_id, geography_id, sex FROM temp.import_series)
			AND batch_id IS NOT ?
			AND NOT EXISTS (SELECT 1 FROM temp.import_seen s WHERE s.indicator_id = observation.indicator_id
			  AND s.geography_id = observation.geography_id AND s.sex = observation.sex AND s.period = observation.period)`;
		const examples = this.sqlite
			.prepare(
				`SELECT indicator_id, geography_id, period, sex, value, text_value, missing_symbol, printed, note
				 FROM observation WHERE ${gone} LIMIT ${MAX_EXAMPLES}`
			)
			.all(this.batchId) as (Existing & { indicator_id: number; geography_id: number; period: string; sex: Sex })[];
		for (const g of examples) {
			this.examples.removed.push({ what: this.describe(g.indicator_id, g.geography_id, g.period, g.sex), before: show(g) });
		}
		if (this.audit) {
			// One entry per removed value, written set-based before the rows go.
			this.sqlite
				.prepare(
					`INSERT INTO audit_log (at, user_id, channel, action, entity, entity_id, old, new, note)
					 SELECT strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, 'import.remove', 'observation',
					   indicator_id || ':' || geography_id || ':' || sex || ':' || period,
					   json_object('value', value, 'text', text_value, 'missing', missing_symbol, 'note', note, 'batch', batch_id), NULL, ?
					 FROM observation WHERE ${gone}`
				)
				.run(this.audit.actor.userId, this.audit.actor.channel, this.audit.note, this.batchId);
		}
		this.count.removed = this.sqlite.prepare(`DELETE FROM observation WHERE ${gone}`).run(this.batchId).changes;
		// Rows went away, perhaps a series' latest: those series are looked up again in full.
		refreshLatestFromTemp(this.sqlite, 'import_series');
		return this.count.removed;
	}

	/** temp.import_series: every series the file touched. */
	private fillSeries(): void {
		this.sqlite.exec(
			`CREATE TEMP TABLE IF NOT EXISTS import_series (indicator_id INTEGER, geography_id INTEGER, sex TEXT,
			   PRIMARY KEY (indicator_id, geography_id, sex)) WITHOUT ROWID;
			 DELETE FROM temp.import_series;`
		);
		const addSeries = this.sqlite.prepare('INSERT INTO temp.import_series VALUES (?, ?, ?)');
		for (const p of this.pairs) addSeries.run(...fromSeriesKey(p));
	}

	/**
	 * observation_latest after an import that removed nothing: a series' latest row is now either the one it had,
	 * or the file's latest row of that series (as stored: new, changed or unchanged). One set-based upsert, with
	 * the file's latest period per series in a temp table (cheaper than ranking each series again, issue 7).
	 */
	private updateLatest(): void {
		if (this.best.size === 0) return;
		this.sqlite.exec(
			`CREATE TEMP TABLE IF NOT EXISTS import_latest (indicator_id INTEGER, geography_id INTEGER, sex TEXT, period_id INTEGER,
			   PRIMARY KEY (indicator_id, geography_id, sex)) WITHOUT ROWID;
			 DELETE FROM temp.import_latest;`
		);
		const add = this.sqlite.prepare('INSERT INTO temp.import_latest VALUES (?, ?, ?, ?)');
		for (const [pair, pid] of this.best) add.run(...fromSeriesKey(pair), pid);
		this.sqlite
			.prepare(
				`INSERT INTO observation_latest (indicator_id, geography_id, sex, period, period_start, period_end, value, text_value, missing_symbol, printed, note)
				 SELECT o.indicator_id, o.geography_id, o.sex, o.period, o.period_start, o.period_end, o.value, o.text_value, o.missing_symbol, o.printed, o.note
				 FROM temp.import_latest s CROSS JOIN temp.import_period p ON p.id = s.period_id
				 JOIN observation o ON o.indicator_id = s.indicator_id AND o.geography_id = s.geography_id AND o.sex = s.sex AND o.period = p.code
				 WHERE true
				 ON CONFLICT (indicator_id, geography_id, sex) DO UPDATE SET
				   period = excluded.period, period_start = excluded.period_start, period_end = excluded.period_end, value = excluded.value,
				   text_value = excluded.text_value, missing_symbol = excluded.missing_symbol, printed = excluded.printed, note = excluded.note
				 WHERE excluded.period_end > observation_latest.period_end
				    OR (excluded.period_end = observation_latest.period_end AND excluded.period_start >= observation_latest.period_start)`
			)
			.run();
	}
}

/** "(?,?,?),(?,?,?),…": n rows of w parameters. */
function rows(n: number, w: number): string {
	const one = `(${new Array(w).fill('?').join(',')})`;
	return new Array(n).fill(one).join(',');
}

function differs(e: Existing, r: Row): boolean {
	return e.value !== r.value || e.text_value !== r.text || e.missing_symbol !== r.missing || e.printed !== r.printed || e.note !== r.note;
}

/** One number per series: geography ids stay below 2^22 and sex takes the last two bits. */
function seriesKey(indicatorId: number, geographyId: number, sex: Sex): number {
	return (indicatorId * 4194304 + geographyId) * 4 + SEX_CODE[sex];
}

function fromSeriesKey(key: number): [number, number, Sex] {
	const pair = Math.floor(key / 4);
	return [Math.floor(pair / 4194304), pair % 4194304, SEXES[key % 4]];
}

function show(o: { value: number | null; text_value?: string | null; text?: string | null; missing_symbol?: string | null; missing?: string | null; note: string | null }): string {
	const v = o.value !== null ? String(o.value).replace('.', ',') : (o.text_value ?? o.text ?? o.missing_symbol ?? o.missing ?? '(tomt)');
	return o.note ? `${v} (${o.note})` : v;
}
