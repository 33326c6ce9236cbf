/**
 * The draft path of a statistics import: an official's upload becomes drafts (observation_draft), exactly as
 * if the values had been typed in the grid, and is published from "Granska och publicera" like any draft. The
 * public tables (observation, observation_latest) and the public pages' revision are not touched.
 *
 * The same interface as ObservationWriter (see ObservationSink), but row by row: uploads are hundreds to a
 * few thousand rows, and each row needs its published value and any existing draft anyway. Per row:
 * - equal to the published value, no draft: unchanged;
 * - equal to the published value, but a draft says otherwise: the draft is dropped (the file wins), changed;
 * - equal to the existing draft: unchanged (already drafted);
 * - otherwise: the draft is written (new when nothing is published, else changed), based on the published
 *   row's current version, so a later change to the published value makes publishing it a conflict.
 * With `replace`, a published value of a series in the file that the file lacks gets a removal draft.
 * Each draft written or dropped gets its own audit entry (channel import/cli), in the import's transaction.
 */
import type { Db } from '../db/client';
import type { Period, Sex } from '../../domain/types';
import type { Count, ExampleRow } from './types';
import { emptyCount } from './types';
import type { Issues } from './issues';
import type { Describe, MissingSymbol } from './observations';
import type { Actor } from '../auth/audit';

const MAX_EXAMPLES = 5;

/** What a statistics reader writes into: the published fast path (ObservationWriter) or drafts (DraftWriter). */
export interface ObservationSink {
	readonly count: Count;
	readonly examples: { new: ExampleRow[]; changed: ExampleRow[]; removed: ExampleRow[] };
	readonly indicators: Set<number>;
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
	): void;
	/** Writes what is left; returns the number of values of the file's series the file lacks (removed with replace). */
	finish(replace: boolean): number;
}

/** Who writes the audit entries, and the note that names the file and batch. Null: no audit (the seed). */
export interface ImportAudit {
	actor: Actor;
	note: string;
}

interface Fields {
	value: number | null;
	text_value: string | null;
	missing_symbol: string | null;
	printed: string | null;
	note: string | null;
}

interface Published extends Fields {
	version: number;
}

interface Draft extends Fields {
	remove: number;
}

const same = (a: Fields, b: Fields) =>
	a.value === b.value && a.text_value === b.text_value && a.missing_symbol === b.missing_symbol && (a.printed ?? null) === (b.printed ?? null) && (a.note ?? null) === (b.note ?? null);

/** The audit JSON of a value, as the editing module writes it (history-text reads it). */
const json = (f: Fields | null) => (f ? JSON.stringify({ value: f.value, text: f.text_value, missing: f.missing_symbol, note: f.note }) : null);
const draftJson = (d: Draft) => (d.remove ? JSON.stringify({ remove: true }) : json(d));

function show(f: Fields): string {
	const v = f.value !== null ? String(f.value).replace('.', ',') : (f.text_value ?? f.missing_symbol ?? '(tomt)');
	return f.note ? `${v} (${f.note})` : v;
}

export class DraftWriter implements ObservationSink {
	readonly count: Count = emptyCount();
	readonly examples: { new: ExampleRow[]; changed: ExampleRow[]; removed: ExampleRow[] } = { new: [], changed: [], removed: [] };
	readonly indicators = new Set<number>();
	private readonly seen = new Set<string>();
	private readonly series = new Map<string, [number, number, Sex]>();
	private readonly linked = new Map<number, boolean>();
	private readonly sqlite: Db['$client'];
	private readonly published;
	private readonly draft;
	private readonly upsert;
	private readonly drop;
	private readonly seriesRows;
	private readonly isLinked;
	private readonly indicatorName;
	private readonly audit;

	constructor(
		db: Db,
		private readonly batchId: number,
		private readonly issues: Issues,
		private readonly describe: Describe,
		private readonly who: ImportAudit | null
	) {
		const s = (this.sqlite = db.$client);
		const key = 'indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?';
		this.published = s.prepare(`SELECT value, text_value, missing_symbol, printed, note, version FROM observation WHERE ${key}`);
		this.draft = s.prepare(`SELECT value, text_value, missing_symbol, printed, note, remove FROM observation_draft WHERE ${key}`);
		this.upsert = s.prepare(
			`INSERT INTO observation_draft (indicator_id, geography_id, sex, period, period_kind, period_start, period_end, value, text_value, missing_symbol,
			   printed, note, remove, base_version, version, updated_by, updated_at, batch_id)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?)
			 ON CONFLICT (indicator_id, geography_id, sex, period) DO UPDATE SET value = excluded.value, text_value = excluded.text_value,
			   missing_symbol = excluded.missing_symbol, printed = excluded.printed, note = excluded.note, remove = excluded.remove,
			   base_version = excluded.base_version, version = observation_draft.version + 1, updated_by = excluded.updated_by,
			   updated_at = excluded.updated_at, batch_id = excluded.batch_id`
		);
		this.drop = s.prepare(`DELETE FROM observation_draft WHERE ${key}`);
		this.seriesRows = s.prepare(
			'SELECT period, period_kind, period_start, period_end, value, text_value, missing_symbol, printed, note, version FROM observation WHERE indicator_id = ? AND geography_id = ? AND sex = ?'
		);
		this.isLinked = s.prepare('SELECT 1 FROM goal_indicator WHERE indicator_id = ? LIMIT 1');
		this.indicatorName = s.prepare('SELECT name FROM indicator WHERE id = ?');
		this.audit = s.prepare("INSERT INTO audit_log (at, user_id, channel, action, entity, entity_id, old, new, note) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, ?, 'observation', ?, ?, ?, ?)");
	}

	add(indicatorId: number, geographyId: number, period: Period, sex: Sex, value: number | null, text: string | null, missing: MissingSymbol | null, printed: string | null, note: string | null, line: number): void {
		const id = `${indicatorId}:${geographyId}:${sex}:${period.code}`;
		const what = () => this.describe(indicatorId, geographyId, period.code, sex);
		if (this.seen.has(id)) {
			this.issues.error({ code: 'duplicate', row: line, value: what(), message: `dubblett: ${what()} förekommer mer än en gång i filen` });
			return;
		}
		this.seen.add(id);
		if (!this.checkLinked(indicatorId, line)) return;
		this.indicators.add(indicatorId);
		this.series.set(`${indicatorId}:${geographyId}:${sex}`, [indicatorId, geographyId, sex]);
		const key = [indicatorId, geographyId, sex, period.code] as const;
		const pub = this.published.get(...key) as Published | undefined;
		const draft = this.draft.get(...key) as Draft | undefined;
		const row: Fields = { value, text_value: text, missing_symbol: missing, printed, note };
		if (pub && same(pub, row)) {
			if (!draft) {
				this.count.unchanged++;
				return;
			}
			// The file agrees with what is published: a draft that says otherwise would undo it when published.
			this.drop.run(...key);
			this.count.changed++;
			this.log('draft.discard', id, draftJson(draft), null);
			this.example('changed', { what: what(), before: `${show(pub)} (utkast: ${draft.remove ? 'tas bort' : show(draft)})`, after: show(row) });
			return;
		}
		if (draft && !draft.remove && same(draft, row)) {
			this.count.unchanged++;
			return;
		}
		this.upsert.run(...key, period.kind, period.start, period.end, value, text, missing, printed, note, 0, pub?.version ?? 0, this.who?.actor.userId ?? null, this.batchId);
		this.log('draft.save', id, draft ? draftJson(draft) : json(pub ?? null), json(row));
		if (pub) {
			this.count.changed++;
			this.example('changed', { what: what(), before: draft ? `${show(pub)} (utkast: ${draft.remove ? 'tas bort' : show(draft)})` : show(pub), after: show(row) });
		} else {
			this.count.new++;
			this.example('new', { what: what(), after: show(row) });
		}
	}

	/** A draft can only be published from a plan's "Granska och publicera": its indicator must belong to a goal. */
	private checkLinked(indicatorId: number, line: number): boolean {
		let ok = this.linked.get(indicatorId);
		if (ok === undefined) {
			this.linked.set(indicatorId, (ok = this.isLinked.get(indicatorId) !== undefined));
			if (!ok) {
				const name = (this.indicatorName.get(indicatorId) as { name: string } | undefined)?.name ?? String(indicatorId);
				this.issues.error({
					code: 'not-linked',
					row: line,
					value: name,
					message: `indikatorn '${name}' hör inte till något mål, så ett utkast kan inte publiceras under Granska och publicera; koppla den till ett mål först (eller låt en administratör publicera direkt)`
				});
			}
		}
		return ok;
	}

	finish(replace: boolean): number {
		let missing = 0;
		for (const [indicatorId, geographyId, sex] of this.series.values()) {
			const rows = this.seriesRows.all(indicatorId, geographyId, sex) as (Published & { period: string; period_kind: string; period_start: string; period_end: string })[];
			for (const r of rows) {
				const id = `${indicatorId}:${geographyId}:${sex}:${r.period}`;
				if (this.seen.has(id)) continue;
				missing++;
				if (!replace) continue;
				const key = [indicatorId, geographyId, sex, r.period] as const;
				const draft = this.draft.get(...key) as Draft | undefined;
				if (draft?.remove) continue;
				this.upsert.run(...key, r.period_kind, r.period_start, r.period_end, null, null, null, null, null, 1, r.version, this.who?.actor.userId ?? null, this.batchId);
				this.log('draft.save', id, draft ? draftJson(draft) : json(r), JSON.stringify({ remove: true }));
				this.count.removed++;
				this.example('removed', { what: this.describe(indicatorId, geographyId, r.period, sex), before: show(r) });
			}
		}
		return replace ? this.count.removed : missing;
	}

	private log(action: string, id: string, old: string | null, next: string | null): void {
		if (this.who) this.audit.run(this.who.actor.userId, this.who.actor.channel, action, id, old, next, this.who.note);
	}

	private example(kind: 'new' | 'changed' | 'removed', row: ExampleRow): void {
		if (this.examples[kind].length < MAX_EXAMPLES) this.examples[kind].push(row);
	}
}
