/**
 * Drafts of published insatser (issue 9: "same roles, drafts, history and conflict rules as the rest").
 *
 * A never-published insats is itself a draft (state 'draft'): edits go straight to its rows, nobody outside sees
 * them. Once it is published, edits go to one insats_draft row holding the whole edited state (fields, results
 * with their figures) as JSON, validated by zod whenever it is read. The public pages, the API and the exports
 * keep reading the published rows. Publishing applies the draft to the rows in one transaction with its audit
 * entry; discarding drops it. Preview runs the same application inside a transaction that is rolled back.
 *
 * Versions: the draft continues the insats's counter (it starts at the insats's version + 1, and publishing or
 * discarding moves the insats past it), so every form carries one number, "the version I edited", checked
 * against the draft when there is one and against the insats otherwise. `baseVersion` is the insats's version
 * when the draft started: if an import changed the published insats meanwhile, publishing is a conflict.
 */
import { z } from 'zod';
import type { Db } from '../db/client';
import type { Actor } from '../auth/audit';
import { writeAudit } from '../auth/audit';
import { EFFECT_TERMS, FINANCING_SOURCES, INSATS_STATUSES, RESULT_BASES, RESULT_TYPES } from '../db/schema-insatser';
import { getInsats, type InsatsDetail, type ResultView } from '../queries/insatser';
import { parseFigure } from '../../domain/insats';
import { writeFields } from './write';
import type { InsatsForm, ResultForm } from './edit';

/** Only shown if a stored draft is damaged: the JSON is written by this module, never typed by a person. */
const STORED = 'Utkastet i databasen är skadat och kan inte läsas.';
const nullableText = z.string().nullable();
const figureSchema = z.object({
	id: z.number().int(),
	printed: z.string(),
	value: z.number().nullable(),
	rangeLow: z.number().nullable(),
	rangeHigh: z.number().nullable(),
	unit: nullableText,
	kind: nullableText,
	approx: nullableText,
	qualifier: nullableText,
	sex: z.enum(['T', 'K', 'M'], STORED),
	what: nullableText
});
const resultSchema = z.object({
	/** The published result's id; negative for a result added in the draft. */
	id: z.number().int(),
	year: z.number().int(),
	type: z.enum(RESULT_TYPES, STORED),
	term: z.enum(EFFECT_TERMS, STORED).nullable(),
	basis: z.enum(RESULT_BASES, STORED).nullable(),
	text: z.string(),
	version: z.number().int(),
	figures: z.array(figureSchema)
});
const fieldsSchema = z.object({
	name: z.string().min(1, STORED),
	description: nullableText,
	ownerName: nullableText,
	periodFrom: nullableText,
	periodTo: nullableText,
	nypsIds: z.array(z.string()),
	nypsPrinted: z.array(z.string()),
	status: z.enum(INSATS_STATUSES, STORED).nullable(),
	wholeCounty: z.boolean().nullable(),
	geographyIds: z.array(z.number().int()),
	financing: z.array(z.object({ source: z.enum(FINANCING_SOURCES, STORED), amount: z.number().nullable(), year: z.number().int().nullable(), note: nullableText })),
	goalIds: z.array(z.number().int()),
	externalGoalIds: z.array(z.number().int())
});
export const draftDataSchema = z.object({ fields: fieldsSchema, results: z.array(resultSchema) });
export type DraftData = z.infer<typeof draftDataSchema>;

export interface InsatsDraft {
	data: DraftData;
	baseVersion: number;
	version: number;
	updatedAt: string;
}

export class VersionConflict extends Error {
	constructor(readonly current: InsatsDetail) {
		super('version conflict');
	}
}

/** The published insats changed (an import) since the draft was started: publishing would overwrite that. */
export class PublishedChanged extends Error {
	constructor(readonly published: InsatsDetail) {
		super('published insats changed since the draft started');
	}
}

export function readDraft(db: Db, insatsId: number): InsatsDraft | null {
	const r = db.$client.prepare('SELECT data, base_version, version, updated_at FROM insats_draft WHERE insats_id = ?').get(insatsId) as
		| { data: string; base_version: number; version: number; updated_at: string }
		| undefined;
	if (!r) return null;
	return { data: draftDataSchema.parse(JSON.parse(r.data)), baseVersion: r.base_version, version: r.version, updatedAt: r.updated_at };
}

/** The form of a stored insats: what a new draft starts from. */
export function formOf(i: InsatsDetail): InsatsForm {
	return {
		name: i.name,
		description: i.description,
		ownerName: i.ownerName,
		periodFrom: i.periodFrom,
		periodTo: i.periodTo,
		nypsIds: i.nypsIds,
		nypsPrinted: i.nypsPrinted,
		status: i.status,
		wholeCounty: i.wholeCounty,
		geographyIds: i.geographies.map((g) => g.id),
		financing: i.financing.map((f) => ({ source: f.source, amount: f.amount, year: f.year, note: f.note })),
		goalIds: i.goals.filter((g) => g.goal).map((g) => g.goal!.id),
		externalGoalIds: i.goals.filter((g) => g.external).map((g) => g.external!.id)
	};
}

/** Writes a draft's state to the published rows (inside the caller's transaction). */
function applyDraft(sqlite: Db['$client'], insatsId: number, data: DraftData, now: string): void {
	writeFields(sqlite, insatsId, data.fields, now, false);
	const live = (sqlite.prepare('SELECT id FROM insats_result WHERE insats_id = ?').all(insatsId) as { id: number }[]).map((r) => r.id);
	const kept = new Set(data.results.map((r) => r.id));
	for (const id of live) {
		if (kept.has(id)) continue;
		sqlite.prepare('DELETE FROM insats_figure WHERE result_id = ?').run(id);
		sqlite.prepare('DELETE FROM insats_result WHERE id = ?').run(id);
	}
	const figure = sqlite.prepare(
		`INSERT INTO insats_figure (insats_id, result_id, year, printed, value, range_low, range_high, unit, kind, approx, qualifier, sex, what, sort_order)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	data.results.forEach((r, order) => {
		let id = r.id;
		if (live.includes(id)) {
			sqlite
				.prepare('UPDATE insats_result SET year = ?, type = ?, term = ?, basis = ?, text = ?, sort_order = ?, version = ?, updated_at = ? WHERE id = ?')
				.run(r.year, r.type, r.term, r.basis, r.text, order, r.version, now, id);
			sqlite.prepare('DELETE FROM insats_figure WHERE result_id = ?').run(id);
		} else {
			id = Number(
				sqlite
					.prepare('INSERT INTO insats_result (insats_id, year, type, term, basis, text, sort_order, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
					.run(insatsId, r.year, r.type, r.term, r.basis, r.text, order, r.version, now, now).lastInsertRowid
			);
		}
		r.figures.forEach((f, n) =>
			figure.run(insatsId, id, r.year, f.printed, f.value, f.rangeLow, f.rangeHigh, f.unit, f.kind, f.approx, f.qualifier, f.sex, f.what, 1000 + n)
		);
	});
}

class Rollback extends Error {}

/**
 * Runs `read` with the insats's draft applied (and, for `asPublished`, the insats shown as published), then
 * rolls everything back: a preview is exactly what publishing would give and nothing of it is stored.
 */
export function withInsatsDraftApplied<T>(db: Db, insatsId: number, read: () => T, opts: { asPublished: boolean }): T {
	const sqlite = db.$client;
	let out!: T;
	try {
		sqlite.transaction(() => {
			const draft = readDraft(db, insatsId);
			if (draft) applyDraft(sqlite, insatsId, draft.data, new Date().toISOString());
			if (opts.asPublished) sqlite.prepare("UPDATE insats SET state = 'published' WHERE id = ?").run(insatsId);
			out = read();
			throw new Rollback();
		})();
	} catch (e) {
		if (!(e instanceof Rollback)) throw e;
	}
	return out;
}

export interface EditingView {
	/** The insats as officials edit it: the draft's state when there is one; `version` is the one to send back. */
	insats: InsatsDetail;
	draft: { updatedAt: string; baseVersion: number; stale: boolean } | null;
}

export function editingView(db: Db, insatsId: number): EditingView | null {
	const live = getInsats(db, insatsId, { publishedOnly: false });
	if (!live) return null;
	const draft = readDraft(db, insatsId);
	if (!draft) return { insats: live, draft: null };
	const applied = withInsatsDraftApplied(db, insatsId, () => getInsats(db, insatsId, { publishedOnly: false })!, { asPublished: false });
	return {
		insats: { ...applied, state: live.state, results: draft.data.results as ResultView[], version: draft.version, updatedAt: draft.updatedAt },
		draft: { updatedAt: draft.updatedAt, baseVersion: draft.baseVersion, stale: live.version !== draft.baseVersion }
	};
}

/** True when edits of the insats go to a draft (it is published, or a draft already exists). */
export function editsGoToDraft(db: Db, insatsId: number): boolean {
	const r = db.$client
		.prepare('SELECT i.state, d.insats_id AS draft FROM insats i LEFT JOIN insats_draft d ON d.insats_id = i.id WHERE i.id = ?')
		.get(insatsId) as { state: string; draft: number | null } | undefined;
	return !!r && (r.state === 'published' || r.draft !== null);
}

/** The draft to change (started from the published insats if there is none yet), after the version check. */
function draftToChange(db: Db, insatsId: number, baseVersion: number): { draft: InsatsDraft; isNew: boolean } {
	const existing = readDraft(db, insatsId);
	const live = getInsats(db, insatsId, { publishedOnly: false });
	if (!live) throw new Error('insatsen finns inte');
	const version = existing?.version ?? live.version;
	if (version !== baseVersion) throw new VersionConflict(editingView(db, insatsId)!.insats);
	if (existing) return { draft: existing, isNew: false };
	return {
		draft: { data: { fields: formOf(live), results: live.results }, baseVersion: live.version, version: live.version, updatedAt: '' },
		isNew: true
	};
}

function storeDraft(db: Db, insatsId: number, draft: InsatsDraft, isNew: boolean, actor: Actor): number {
	const now = new Date().toISOString();
	const version = draft.version + 1;
	const data = JSON.stringify(draftDataSchema.parse(draft.data));
	if (isNew) {
		db.$client
			.prepare('INSERT INTO insats_draft (insats_id, data, base_version, version, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
			.run(insatsId, data, draft.baseVersion, version, actor.userId, now, now);
	} else {
		db.$client.prepare('UPDATE insats_draft SET data = ?, version = ?, updated_by = ?, updated_at = ? WHERE insats_id = ?').run(data, version, actor.userId, now, insatsId);
	}
	return version;
}

export function saveDraftFields(db: Db, actor: Actor, insatsId: number, baseVersion: number, form: InsatsForm, old: unknown): void {
	db.transaction((tx) => {
		const { draft, isNew } = draftToChange(db, insatsId, baseVersion);
		draft.data.fields = form;
		storeDraft(db, insatsId, draft, isNew, actor);
		writeAudit(tx, actor, { action: 'update', entity: 'insats', entityId: insatsId, old, new: { ...form, draft: true } });
	});
}

/**
 * Adds (resultId null) or changes a result in the draft. `baseVersion` is the version of the insats the page
 * showed; `resultVersion` the result's. Returns the result's id in the draft.
 */
export function saveDraftResult(db: Db, actor: Actor, insatsId: number, resultId: number | null, baseVersion: number, r: ResultForm): number {
	return db.transaction((tx) => {
		const existing = readDraft(db, insatsId);
		const live = getInsats(db, insatsId, { publishedOnly: false });
		if (!live) throw new Error('insatsen finns inte');
		const draft: InsatsDraft = existing ?? {
			data: { fields: formOf(live), results: live.results },
			baseVersion: live.version,
			version: live.version,
			updatedAt: ''
		};
		const results = draft.data.results;
		const figures = r.figures
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean)
			.flatMap((line) => parseFigure(line))
			.map((f) => ({ ...f, id: 0, kind: null, what: null }));
		const values = { year: r.year, type: r.type, term: r.type === 'effekt' ? r.term : null, basis: r.basis, text: r.text };
		let id: number;
		let old: unknown = null;
		if (resultId === null) {
			id = Math.min(0, ...results.map((x) => x.id)) - 1;
			results.push({ id, ...values, version: 1, figures });
		} else {
			const at = results.findIndex((x) => x.id === resultId);
			// A result edited from a page that showed another version (or one since removed) is a conflict.
			if (at < 0 || results[at].version !== baseVersion) throw new VersionConflict(editingView(db, insatsId)!.insats);
			old = { ...results[at], figures: undefined };
			results[at] = { id: resultId, ...values, version: results[at].version + 1, figures };
			id = resultId;
		}
		storeDraft(db, insatsId, draft, !existing, actor);
		writeAudit(tx, actor, { action: resultId === null ? 'create' : 'update', entity: 'insats_result', entityId: id, old, new: { insatsId, ...r, draft: true } });
		return id;
	}) as number;
}

export function deleteDraftResult(db: Db, actor: Actor, insatsId: number, resultId: number): void {
	db.transaction((tx) => {
		const existing = readDraft(db, insatsId);
		const live = getInsats(db, insatsId, { publishedOnly: false });
		if (!live) return;
		const draft: InsatsDraft = existing ?? { data: { fields: formOf(live), results: live.results }, baseVersion: live.version, version: live.version, updatedAt: '' };
		const gone = draft.data.results.find((x) => x.id === resultId);
		if (!gone) return;
		draft.data.results = draft.data.results.filter((x) => x.id !== resultId);
		storeDraft(db, insatsId, draft, !existing, actor);
		writeAudit(tx, actor, { action: 'delete', entity: 'insats_result', entityId: resultId, old: { insatsId, ...gone, figures: undefined, draft: true } });
	});
}

/** The fields a person compares (conflicts, history): as text. */
export function comparable(i: InsatsDetail) {
	return {
		name: i.name,
		description: i.description ?? '',
		ownerName: i.ownerName ?? '',
		period: [i.periodFrom ?? '', i.periodTo ?? ''].join('–'),
		nyps: i.nypsIds.join(', '),
		status: i.status ?? '',
		where: i.wholeCounty ? 'hela länet' : i.geographies.map((g) => g.name).join(', '),
		financing: i.financing.map((f) => `${f.source}${f.amount !== null ? ` ${f.amount} kr` : ''}${f.year ? ` ${f.year}` : ''}`).join('; '),
		goals: i.goals.map((g) => g.goal?.title ?? g.external?.title ?? g.printed ?? '').join('; '),
		results: String(i.results.length)
	};
}

/**
 * Publishes: a never-published insats becomes public; a published one with a draft gets the draft applied.
 * `force`: publish even though the published insats changed since the draft started (the person saw that).
 */
export function publishInsats(db: Db, actor: Actor, insatsId: number, baseVersion: number, force = false): void {
	db.transaction((tx) => {
		const live = getInsats(db, insatsId, { publishedOnly: false });
		if (!live) throw new Error('insatsen finns inte');
		const draft = readDraft(db, insatsId);
		if ((draft?.version ?? live.version) !== baseVersion) throw new VersionConflict(editingView(db, insatsId)!.insats);
		const now = new Date().toISOString();
		if (!draft) {
			if (live.state === 'published') return;
			db.$client.prepare("UPDATE insats SET state = 'published', version = version + 1, updated_at = ? WHERE id = ?").run(now, insatsId);
			writeAudit(tx, actor, { action: 'publish', entity: 'insats', entityId: insatsId, old: { state: live.state }, new: { state: 'published' } });
			return;
		}
		if (live.version !== draft.baseVersion && !force) throw new PublishedChanged(live);
		applyDraft(db.$client, insatsId, draft.data, now);
		db.$client.prepare('DELETE FROM insats_draft WHERE insats_id = ?').run(insatsId);
		db.$client
			.prepare("UPDATE insats SET state = 'published', version = ?, updated_at = ? WHERE id = ?")
			.run(Math.max(live.version, draft.version) + 1, now, insatsId);
		const after = getInsats(db, insatsId, { publishedOnly: false })!;
		writeAudit(tx, actor, { action: 'publish', entity: 'insats', entityId: insatsId, old: comparable(live), new: { ...comparable(after), draft: true } });
	});
}

/** Drops the draft: the published insats stays as it is. */
export function discardDraft(db: Db, actor: Actor, insatsId: number, baseVersion: number): void {
	db.transaction((tx) => {
		const draft = readDraft(db, insatsId);
		if (!draft) return;
		if (draft.version !== baseVersion) throw new VersionConflict(editingView(db, insatsId)!.insats);
		const dropped = editingView(db, insatsId)!.insats;
		db.$client.prepare('DELETE FROM insats_draft WHERE insats_id = ?').run(insatsId);
		db.$client.prepare('UPDATE insats SET version = max(version, ?) + 1 WHERE id = ?').run(draft.version, insatsId);
		writeAudit(tx, actor, { action: 'discard', entity: 'insats', entityId: insatsId, old: { ...comparable(dropped), draft: true } });
	});
}

/** Takes a published insats off the public site. Refused while a draft exists (publish or discard it first). */
export function unpublishInsats(db: Db, actor: Actor, insatsId: number, baseVersion: number): 'done' | 'has-draft' {
	return db.transaction((tx) => {
		const live = getInsats(db, insatsId, { publishedOnly: false });
		if (!live) throw new Error('insatsen finns inte');
		const draft = readDraft(db, insatsId);
		if ((draft?.version ?? live.version) !== baseVersion) throw new VersionConflict(editingView(db, insatsId)!.insats);
		if (draft) return 'has-draft';
		if (live.state === 'draft') return 'done';
		db.$client.prepare("UPDATE insats SET state = 'draft', version = version + 1, updated_at = ? WHERE id = ?").run(new Date().toISOString(), insatsId);
		writeAudit(tx, actor, { action: 'unpublish', entity: 'insats', entityId: insatsId, old: { state: 'published' }, new: { state: 'draft' } });
		return 'done';
	}) as 'done' | 'has-draft';
}
