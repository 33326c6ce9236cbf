/**
 * Saving the grid: every changed cell becomes a draft through saveObservationDraft, all or nothing. A cell is
 * changed when its text differs from the text it was loaded with; each carries the versions it was based on,
 * so a value someone else changed meanwhile is a conflict (shown with the current value), never overwritten.
 * Any typo, conflict or cell outside the user's scope and nothing is saved: the caller re-shows what was typed.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { observationState, saveObservationDraft, type Bilingual, type ObservationState } from '../editing/observation-drafts';
import { isLocked, LOCKED_MESSAGE, type ReportingPeriod } from '../editing/period';
import { editText, formatSeen, parseCellField, parseSeen, seenField, wasField } from '../../domain/grid-cell';
import { formatPeriod } from '../../domain/period';
import type { Sex } from '../../domain/types';
import { buildGrid, type GridCell, type GridRow } from './grid';

export interface CellProblem {
	message: Bilingual;
	/** A conflict: the value as it is now, to show beside the typed one. */
	current?: string;
}

/** What the form showed and sent, per cell name: the re-shown page needs all three. */
export interface PostedCells {
	values: Record<string, string>;
	was: Record<string, string>;
	seen: Record<string, string>;
}

export type GridSaveResult =
	| { ok: true; saved: number }
	| ({ ok: false; status: 400 | 403 | 409; errors: Record<string, CellProblem>; message?: Bilingual } & PostedCells);

class Rollback extends Error {}

/** Reads the cells out of the posted form fields. */
export function readPostedCells(fields: Iterable<[string, FormDataEntryValue]>): PostedCells {
	const all = new Map<string, string>();
	for (const [k, v] of fields) if (typeof v === 'string') all.set(k, v);
	const out: PostedCells = { values: {}, was: {}, seen: {} };
	for (const [name, value] of all) {
		if (!parseCellField(name)) continue;
		out.values[name] = value;
		out.was[name] = all.get(wasField(name)) ?? '';
		out.seen[name] = all.get(seenField(name)) ?? '';
	}
	return out;
}

const cellLabel = (row: GridRow, cell: GridCell, locale: 'sv' | 'en') => `${row.name} (${formatPeriod(cell.key.period, locale)})`;
const both = (f: (l: 'sv' | 'en') => string): Bilingual => ({ sv: f('sv'), en: f('en') });

function describeCurrent(state: ObservationState): { text: string; message: Bilingual } {
	const shown = state.draft ? (state.draft.remove ? null : state.draft) : state.published;
	const text = editText(shown);
	const by = state.draft?.updatedBy;
	return {
		text,
		message: {
			sv: `Någon annan har ändrat värdet medan du skrev. Nu: ${text === '' ? 'inget värde' : text}${state.draft ? ` (utkast${by ? ` sparat av ${by}` : ''})` : ' (publicerat)'}. Spara igen för att ersätta det med ditt värde, eller skriv in det nuvarande.`,
			en: `Someone else changed the value while you were typing. Now: ${text === '' ? 'no value' : text}${state.draft ? ` (draft${by ? ` saved by ${by}` : ''})` : ' (published)'}. Save again to replace it with your value, or type in the current one.`
		}
	};
}

export function saveGrid(db: Db, user: SessionUser, period: ReportingPeriod, sex: Sex, posted: PostedCells): GridSaveResult {
	const refuse = (status: 400 | 403 | 409, message: Bilingual, errors: Record<string, CellProblem> = {}): GridSaveResult => ({ ok: false, status, errors, message, ...posted });
	if (isLocked(db, period)) return refuse(409, LOCKED_MESSAGE);

	const cells = new Map<string, { row: GridRow; cell: GridCell }>();
	for (const s of buildGrid(db, user, period, sex)) for (const g of s.groups) for (const row of g.rows) for (const cell of row.cells) cells.set(cell.name, { row, cell });

	const changed: { name: string; row: GridRow; cell: GridCell; seen: { draftVersion: number; publishedVersion: number } }[] = [];
	const unknown: string[] = [];
	const outOfScope: string[] = [];
	for (const [name, typed] of Object.entries(posted.values)) {
		if (typed.trim() === (posted.was[name] ?? '').trim()) continue;
		const found = cells.get(name);
		const seen = parseSeen(posted.seen[name] ?? '');
		if (!found || !seen) {
			unknown.push(name);
			continue;
		}
		if (!found.row.editable) outOfScope.push(name);
		changed.push({ name, ...found, seen });
	}
	if (unknown.length) {
		return refuse(400, both((l) => (l === 'sv' ? `Formuläret innehöll celler som inte finns i tabellen (${unknown.join(', ')}). Ladda om sidan och försök igen. Inget sparades.` : `The form held cells that are not in the grid (${unknown.join(', ')}). Reload the page and try again. Nothing was saved.`)));
	}
	if (outOfScope.length) {
		const names = (l: 'sv' | 'en') => outOfScope.map((n) => cellLabel(cells.get(n)!.row, cells.get(n)!.cell, l)).join('; ');
		return refuse(403, both((l) => (l === 'sv' ? `Du har inte behörighet att ändra: ${names(l)}. Inget sparades.` : `You may not change: ${names(l)}. Nothing was saved.`)));
	}

	const errors: Record<string, CellProblem> = {};
	const actor = { userId: user.id, channel: 'grid' as const };
	let saved = 0;
	try {
		// One transaction round all cells; saveObservationDraft's own transactions become savepoints inside it.
		db.$client.transaction(() => {
			for (const c of changed) {
				// The grid edits values only: a note already written through the form is kept as it is.
				const now = observationState(db, c.cell.key);
				const note = (now.draft && !now.draft.remove ? now.draft.note : now.published?.note) ?? '';
				const r = saveObservationDraft(db, actor, c.cell.key, { raw: posted.values[c.name], note }, c.seen);
				if (r.ok) {
					if (!r.unchanged) saved++;
				} else if (r.kind === 'conflict') {
					const current = describeCurrent(r.state);
					errors[c.name] = { message: current.message, current: current.text };
					// Shown the current value, the user may now choose: saving again with these versions keeps theirs.
					posted.was[c.name] = current.text;
					posted.seen[c.name] = formatSeen({ draftVersion: r.state.draft?.version ?? 0, publishedVersion: r.state.published?.version ?? 0 });
				} else {
					errors[c.name] = { message: r.message };
				}
			}
			if (Object.keys(errors).length) throw new Rollback();
		})();
	} catch (e) {
		if (!(e instanceof Rollback)) throw e;
		return { ok: false, status: 400, errors, ...posted };
	}
	return { ok: true, saved };
}
