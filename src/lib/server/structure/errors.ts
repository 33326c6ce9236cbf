/**
 * What a structure change can run into, as values the routes turn into pages: a refused scope (403), a
 * missing row (404), invalid fields (400 with a message per field), an item that still has data hanging on
 * it (delete refused: archive instead), and a stale version (the conflict view).
 */
import type { Locale } from '../../i18n';

export type Message = Record<Locale, string>;

export class StructureError extends Error {
	constructor(
		readonly kind: 'forbidden' | 'not_found' | 'invalid' | 'in_use',
		readonly text: Message,
		/** field name → message, for `invalid`. */
		readonly fields: Record<string, Message> = {}
	) {
		super(text.sv);
	}
}

/** The row changed since the form was loaded: `current` holds what is stored now (as form strings). */
export class VersionConflict extends Error {
	constructor(
		readonly current: Record<string, string>,
		readonly version: number
	) {
		super('Versionskonflikt');
	}
}

export const forbidden = () =>
	new StructureError('forbidden', {
		sv: 'Du har inte behörighet att ändra här.',
		en: 'You are not allowed to change this.'
	});

export const notFound = (what: Message) => new StructureError('not_found', what);

export const invalid = (fields: Record<string, Message>) =>
	new StructureError('invalid', { sv: 'Kontrollera fälten.', en: 'Check the fields.' }, fields);

/** Field messages for one locale. */
export function fieldMessages(e: StructureError, locale: Locale): Record<string, string> {
	return Object.fromEntries(Object.entries(e.fields).map(([k, m]) => [k, m[locale]]));
}
