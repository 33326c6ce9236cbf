/**
 * Writes observations and counts the diff (new / changed / unchanged / removed) as it goes.
 *
 * Speed: rows are inserted 32 at a time with `INSERT … ON CONFLICT DO NOTHING`. When all 32 go in (a fresh
 * import, the common big case) that is the whole cost. When some already existed, that chunk is settled row
 * by row: look the row up, compare, update if it differs. Timestamps are bound as parameters: the schema's
 * strftime() default costs more per row than the rest of the insert.
 *
 * Duplicates inside one file are errors (which of two values is right?). They are found without keeping a
 * key per row in memory: a row inserted by this import has a rowid above the starting one, and an existing
 * row this import already looked at is in the temp table `import_seen`.
 */
import type { Db } from '../db/client';
import type { Period, Sex } from '../../domain/types';
import type { Count, ExampleRow } from './types';
import { emptyCount } from './types';
import type { Issues } from './issues';

const CHUNK = 32;
const WIDTH = 15;
const MAX_EXAMPLES = 5;
const COLUMNS =
	'indicator_id, geography_id, period, period_kind, period_start, period_end, sex, value, text_value, missing_symbol, printed, note, batch_id, created_at, updated_at';

export type MissingSymbol = '..' | '-' | '.';

/** Names for examples and messages: "Folkmängd · Jämtlands län · 2022 · kvinnor". */
export type Describe = (indicatorId: number, geographyId: number, period: string, sex: Sex) => string;

interface Existing {
	id: number;
	value: number | null;
	text_value: string | null;
	missing_symbol: string | null;
	printed: string | null;
	note: string | null;
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
	private readonly startRowid: number;
	private maxId: number;
	private readonly buf: unknown[] = new Array(CHUNK * WIDTH);
	private readonly lines: number[] = new Array(CHUNK);
	private n = 0;
	private readonly sqlite: Db['$client'];
	private readonly insertChunk;
	private readonly insertOne;
	private readonly select;
	private readonly markSeen;
	private readonly update;
	private readonly countPair;

	constructor(
		db: Db,
		private readonly batchId: number,
		private readonly now: string,
		private readonly issues: Issues,
		private readonly describe: Describe
	) {
		this.sqlite = db.$client;
		const one = `(${new Array(WIDTH).fill('?').join(',')})`;
		this.insertChunk = this.sqlite.prepare(
			`INSERT INTO observation (${COLUMNS}) VALUES ${new Array(CHUNK).fill(one).join(',')} ON CONFLICT DO NOTHING`
		);
		this.insertOne = this.sqlite.prepare(`INSERT INTO observation (${COLUMNS}) VALUES ${one} ON CONFLICT DO NOTHING`);
		this.select = this.sqlite.prepare(
			`SELECT id, value, text_value, missing_symbol, printed, note FROM observation
			 WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?`
		);
		this.sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS import_seen (id INTEGER PRIMARY KEY); DELETE FROM temp.import_seen;');
		this.markSeen = this.sqlite.prepare('INSERT OR IGNORE INTO temp.import_seen (id) VALUES (?)');
		this.update = this.sqlite.prepare(
			`UPDATE observation SET value = ?, text_value = ?, missing_symbol = ?, printed = ?, note = ?, batch_id = ?,
			 version = version + 1, updated_at = ? WHERE id = ?`
		);
		this.countPair = this.sqlite.prepare('SELECT count(*) AS n FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ?');
		const max = this.sqlite.prepare('SELECT coalesce(max(id), 0) AS m FROM observation').get() as { m: number };
		this.startRowid = max.m;
		this.maxId = max.m;
	}

	/** One observation. Exactly one of value, text and missing is non-null. `line` locates it for errors. */
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
		const b = this.buf;
		let i = this.n * WIDTH;
		b[i++] = indicatorId;
		b[i++] = geographyId;
		b[i++] = period.code;
		b[i++] = period.kind;
		b[i++] = period.start;
		b[i++] = period.end;
		b[i++] = sex;
		b[i++] = value;
		b[i++] = text;
		b[i++] = missing;
		b[i++] = printed;
		b[i++] = note;
		b[i++] = this.batchId;
		b[i++] = this.now;
		b[i] = this.now;
		this.lines[this.n] = line;
		const pair = seriesKey(indicatorId, geographyId, sex);
		if (pair !== this.lastPair) this.enterPair(pair, indicatorId, geographyId, sex);
		if (++this.n === CHUNK) this.flush();
	}

	/** First row of a series: note it, and count what it had before any of its rows is written. */
	private enterPair(pair: number, indicatorId: number, geographyId: number, sex: Sex): void {
		this.lastPair = pair;
		if (this.pairs.has(pair)) return;
		this.pairs.add(pair);
		this.indicators.add(indicatorId);
		this.preexisting += (this.countPair.get(indicatorId, geographyId, sex) as { n: number }).n;
	}

	/** Writes what is buffered. Call before reading counts. */
	flush(): void {
		const n = this.n;
		if (n === 0) return;
		this.n = 0;
		const before = this.maxId;
		let inserted = 0;
		const note = (res: { changes: number; lastInsertRowid: number | bigint }) => {
			// lastInsertRowid is stale when nothing was inserted, so only trust it after a change.
			if (res.changes > 0) this.maxId = Number(res.lastInsertRowid);
			inserted += res.changes;
		};
		if (n === CHUNK) note(this.insertChunk.run(this.buf));
		else for (let r = 0; r < n; r++) note(this.insertOne.run(this.buf.slice(r * WIDTH, (r + 1) * WIDTH)));
		if (inserted === n) {
			this.count.new += n;
			if (this.examples.new.length < MAX_EXAMPLES) for (let r = 0; r < n; r++) this.exampleNew(r);
			return;
		}
		this.settle(n, before);
	}

	/** A chunk where some rows existed: decide row by row. */
	private settle(n: number, before: number): void {
		const insertedHere = new Set<number>();
		const b = this.buf;
		for (let r = 0; r < n; r++) {
			const o = r * WIDTH;
			const row = this.select.get(b[o], b[o + 1], b[o + 6], b[o + 2]) as Existing;
			// Inserted by this very chunk: new, unless an earlier row of the chunk already inserted it.
			if (row.id > before) {
				if (insertedHere.has(row.id)) this.duplicate(r);
				else {
					insertedHere.add(row.id);
					this.count.new++;
					this.exampleNew(r);
				}
			} else if (row.id > this.startRowid || this.markSeen.run(row.id).changes === 0) {
				// Inserted by an earlier chunk, or an old row an earlier line already matched.
				this.duplicate(r);
			} else if (this.differs(row, o)) {
				this.update.run(b[o + 7], b[o + 8], b[o + 9], b[o + 10], b[o + 11], this.batchId, this.now, row.id);
				this.count.changed++;
				if (this.examples.changed.length < MAX_EXAMPLES) {
					this.examples.changed.push({ what: this.what(o), before: show(row), after: showBuf(b, o) });
				}
			} else this.count.unchanged++;
		}
	}

	private differs(row: Existing, o: number): boolean {
		const b = this.buf;
		return (
			row.value !== b[o + 7] ||
			row.text_value !== b[o + 8] ||
			row.missing_symbol !== b[o + 9] ||
			row.printed !== b[o + 10] ||
			row.note !== b[o + 11]
		);
	}

	private duplicate(r: number): void {
		const o = r * WIDTH;
		this.issues.error({
			code: 'duplicate',
			row: this.lines[r],
			value: this.what(o),
			message: `dubblett: ${this.what(o)} förekommer mer än en gång i filen`
		});
	}

	private what(o: number): string {
		const b = this.buf;
		return this.describe(b[o] as number, b[o + 1] as number, b[o + 2] as string, b[o + 6] as Sex);
	}

	private exampleNew(r: number): void {
		if (this.examples.new.length >= MAX_EXAMPLES) return;
		const o = r * WIDTH;
		this.examples.new.push({ what: this.what(o), after: showBuf(this.buf, o) });
	}

	/**
	 * Observations of the same series (indicator × geography × sex) that the file does not have. With `replace` they
	 * are deleted; otherwise only counted, for a warning. Every old row of those series that the file has was
	 * counted once as changed or unchanged (a second time is a duplicate error), so the rest is the difference.
	 */
	finish(replace: boolean): number {
		this.flush();
		const missing = this.preexisting - this.count.changed - this.count.unchanged;
		if (missing <= 0 || !replace) return Math.max(missing, 0);
		this.sqlite.exec(
			'CREATE TEMP TABLE IF NOT EXISTS import_series (indicator_id INTEGER, geography_id INTEGER, sex TEXT, PRIMARY KEY (indicator_id, geography_id, sex)); DELETE FROM temp.import_series;'
		);
		const addSeries = this.sqlite.prepare('INSERT INTO temp.import_series VALUES (?, ?, ?)');
		for (const p of this.pairs) addSeries.run(...fromSeriesKey(p));
		const gone = `SELECT o.id FROM temp.import_series p JOIN observation o
			ON o.indicator_id = p.indicator_id AND o.geography_id = p.geography_id AND o.sex = p.sex
			WHERE o.id <= ? AND o.id NOT IN (SELECT id FROM temp.import_seen)`;
		const examples = this.sqlite
			.prepare(
				`SELECT id, indicator_id, geography_id, period, sex, value, text_value, missing_symbol, printed, note
				 FROM observation WHERE id IN (${gone}) ORDER BY id LIMIT ${MAX_EXAMPLES}`
			)
			.all(this.startRowid) as (Existing & { indicator_id: number; geography_id: number; period: string; sex: Sex })[];
		for (const g of examples) {
			this.examples.removed.push({ what: this.describe(g.indicator_id, g.geography_id, g.period, g.sex), before: show(g) });
		}
		this.count.removed = this.sqlite.prepare(`DELETE FROM observation WHERE id IN (${gone})`).run(this.startRowid).changes;
		return this.count.removed;
	}
}

const SEXES: Sex[] = ['T', 'K', 'M'];

/** One number per series: geography ids stay below 2^22 and sex takes the last two bits. */
function seriesKey(indicatorId: number, geographyId: number, sex: Sex): number {
	return (indicatorId * 4194304 + geographyId) * 4 + SEXES.indexOf(sex);
}

function fromSeriesKey(key: number): [number, number, Sex] {
	const pair = Math.floor(key / 4);
	return [Math.floor(pair / 4194304), pair % 4194304, SEXES[key % 4]];
}

function show(o: { value: number | null; text_value: string | null; missing_symbol: string | null; note: string | null }): string {
	const v = o.value !== null ? String(o.value).replace('.', ',') : (o.text_value ?? o.missing_symbol ?? '(tomt)');
	return o.note ? `${v} (${o.note})` : v;
}

function showBuf(b: unknown[], o: number): string {
	return show({
		value: b[o + 7] as number | null,
		text_value: b[o + 8] as string | null,
		missing_symbol: b[o + 9] as string | null,
		note: b[o + 11] as string | null
	});
}
