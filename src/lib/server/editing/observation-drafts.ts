/**
 * Drafted values: saving, discarding and reading one observation's published value and draft together.
 *
 * No lost update: the form sends back the versions it showed (`seen`): the draft's version (0: there was no
 * draft) and the published row's (0: nothing published). If either moved since, the save is refused as a
 * conflict with the current state, so the user can compare and choose; saving again with the new versions
 * (after they have seen them) is how they choose their own value.
 */
import type { Db } from '../db/client';
import type { Sex, MissingSymbol } from '../../domain/types';
import { parseEnteredValue } from '../../domain/entered-value';
import { parsePeriod, isPeriod } from '../../domain/period';
import { writeAudit, type Actor } from '../auth/audit';

export interface ObservationKey {
	indicatorId: number;
	geographyId: number;
	sex: Sex;
	period: string;
}

export interface ValueFields {
	value: number | null;
	textValue: string | null;
	missingSymbol: MissingSymbol | null;
	note: string | null;
}

export interface PublishedValue extends ValueFields {
	version: number;
}

export interface DraftValue extends ValueFields {
	remove: boolean;
	version: number;
	baseVersion: number;
	updatedBy: string | null;
	updatedAt: string;
}

export interface ObservationState {
	published: PublishedValue | null;
	draft: DraftValue | null;
}

export interface Seen {
	draftVersion: number;
	publishedVersion: number;
}

export type Bilingual = { sv: string; en: string };

export type SaveResult =
	| { ok: true; state: ObservationState; unchanged?: boolean }
	| { ok: false; kind: 'invalid'; field: 'value' | 'period' | 'note'; message: Bilingual }
	| { ok: false; kind: 'conflict'; state: ObservationState };

export const keyId = (k: ObservationKey) => `${k.indicatorId}:${k.geographyId}:${k.sex}:${k.period}`;

const NOTE_MAX = 2000;

export function observationState(db: Db, key: ObservationKey): ObservationState {
	const args = [key.indicatorId, key.geographyId, key.sex, key.period];
	const p = db.$client
		.prepare(
			`SELECT value, text_value, missing_symbol, note, version FROM observation
			 WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?`
		)
		.get(...args) as Record<string, never> | undefined;
	const d = db.$client
		.prepare(
			`SELECT d.value, d.text_value, d.missing_symbol, d.note, d.remove, d.version, d.base_version, d.updated_at, u.name AS updated_by
			 FROM observation_draft d LEFT JOIN user u ON u.id = d.updated_by
			 WHERE d.indicator_id = ? AND d.geography_id = ? AND d.sex = ? AND d.period = ?`
		)
		.get(...args) as Record<string, never> | undefined;
	return {
		published: p ? { value: p.value, textValue: p.text_value, missingSymbol: p.missing_symbol, note: p.note, version: p.version } : null,
		draft: d
			? {
					value: d.value,
					textValue: d.text_value,
					missingSymbol: d.missing_symbol,
					note: d.note,
					remove: !!d.remove,
					version: d.version,
					baseVersion: d.base_version,
					updatedBy: d.updated_by,
					updatedAt: d.updated_at
				}
			: null
	};
}

/** Reads what was typed into the fields a draft stores, or says what is wrong with it. */
export function readValueInput(raw: string, note: string): { ok: true; fields: ValueFields | null } | { ok: false; field: 'value' | 'note'; message: Bilingual } {
	const trimmedNote = note.trim();
	if (trimmedNote.length > NOTE_MAX) {
		return { ok: false, field: 'note', message: { sv: `Anteckningen är för lång (högst ${NOTE_MAX} tecken).`, en: `The note is too long (at most ${NOTE_MAX} characters).` } };
	}
	const v = parseEnteredValue(raw);
	if (v.kind === 'invalid') return { ok: false, field: 'value', message: v.message };
	if (v.kind === 'empty') return { ok: true, fields: null };
	return {
		ok: true,
		fields: {
			value: v.kind === 'number' ? v.value : null,
			textValue: v.kind === 'text' ? v.text : null,
			missingSymbol: v.kind === 'missing' ? v.symbol : null,
			note: trimmedNote || null
		}
	};
}

const same = (a: ValueFields | null, b: ValueFields | null) =>
	a === b || (!!a && !!b && a.value === b.value && a.textValue === b.textValue && a.missingSymbol === b.missingSymbol && (a.note ?? null) === (b.note ?? null));

/**
 * Saves the draft of one value. An empty value field means "no value": it drops the draft, or, when a value is
 * published, drafts its removal. A draft equal to the published value is dropped (nothing to publish).
 */
export function saveObservationDraft(db: Db, actor: Actor, key: ObservationKey, input: { raw: string; note: string }, seen: Seen): SaveResult {
	const period = parsePeriod(key.period);
	if (!isPeriod(period)) return { ok: false, kind: 'invalid', field: 'period', message: { sv: `Perioden '${key.period}' går inte att läsa: ${period.error}.`, en: `The period '${key.period}' cannot be read.` } };
	const read = readValueInput(input.raw, input.note);
	if (!read.ok) return { ok: false, kind: 'invalid', field: read.field, message: read.message };
	const k = { ...key, period: period.code };
	return db.$client.transaction((): SaveResult => {
		const before = observationState(db, k);
		if ((before.draft?.version ?? 0) !== seen.draftVersion || (before.published?.version ?? 0) !== seen.publishedVersion) {
			return { ok: false, kind: 'conflict', state: before };
		}
		const fields = read.fields;
		const args = [k.indicatorId, k.geographyId, k.sex, k.period];
		const wantsRemoval = fields === null && before.published !== null;
		const equalsPublished = fields !== null && same(fields, before.published);
		if ((fields === null && !wantsRemoval) || equalsPublished) {
			if (!before.draft) return { ok: true, state: before, unchanged: true };
			db.$client.prepare('DELETE FROM observation_draft WHERE indicator_id = ? AND geography_id = ? AND sex = ? AND period = ?').run(...args);
			writeAudit(db, actor, { action: 'draft.discard', entity: 'observation', entityId: keyId(k), old: draftJson(before.draft), new: null });
			return { ok: true, state: observationState(db, k) };
		}
		if (before.draft && !before.draft.remove === !wantsRemoval && same(fields ?? emptyFields(), before.draft.remove ? emptyFields() : before.draft)) {
			return { ok: true, state: before, unchanged: true };
		}
		const f = fields ?? emptyFields();
		db.$client
			.prepare(
				`INSERT INTO observation_draft (indicator_id, geography_id, sex, period, period_kind, period_start, period_end, value, text_value, missing_symbol, note, remove, base_version, version, updated_by, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
				 ON CONFLICT (indicator_id, geography_id, sex, period) DO UPDATE SET value = excluded.value, text_value = excluded.text_value,
				   missing_symbol = excluded.missing_symbol, note = excluded.note, remove = excluded.remove, base_version = excluded.base_version,
				   version = observation_draft.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at`
			)
			.run(...args, period.kind, period.start, period.end, f.value, f.textValue, f.missingSymbol, f.note, wantsRemoval ? 1 : 0, seen.publishedVersion, actor.userId);
		const after = observationState(db, k);
		writeAudit(db, actor, {
			action: 'draft.save',
			entity: 'observation',
			entityId: keyId(k),
			old: before.draft ? draftJson(before.draft) : publishedJson(before.published),
			new: draftJson(after.draft!)
		});
		return { ok: true, state: after };
	})();
}

const emptyFields = (): ValueFields => ({ value: null, textValue: null, missingSymbol: null, note: null });

export function publishedJson(p: ValueFields | null) {
	return p ? { value: p.value, text: p.textValue, missing: p.missingSymbol, note: p.note } : null;
}

export function draftJson(d: DraftValue) {
	return d.remove ? { remove: true } : publishedJson(d);
}
