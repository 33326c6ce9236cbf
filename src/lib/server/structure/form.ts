/**
 * Turning structure mutations into form results: parse the posted strings with a schema (400 with a
 * message per field and the typed values), run the change, and map what it throws — a stale version
 * (409 with the current values, for the conflict view), invalid fields or an item in use (400), a refused
 * scope (403) or a missing row (404). Every result names its form, since a page can hold several.
 */
import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Locale } from '../../i18n';
import { fieldErrors, formStrings } from '../auth/forms';
import { fieldMessages, StructureError, VersionConflict } from './errors';

export interface FormFailure {
	form: string;
	values: Record<string, string>;
	errors: Record<string, string>;
	message?: string;
	conflict?: { current: Record<string, string>; version: number };
}

type Parsed<T> = { ok: true; data: T; values: Record<string, string> } | { ok: false; failure: ReturnType<typeof fail<FormFailure>> };

/** Reads `fields` (plus `version`) from the form and checks them with `schema`. */
export function parseForm<S extends z.ZodType>(fd: FormData, fields: string[], schema: S, form: string): Parsed<z.output<S>> {
	const values = formStrings(fd, [...fields, 'version']);
	const parsed = schema.safeParse(values);
	if (!parsed.success) return { ok: false, failure: fail(400, { form, values, errors: fieldErrors(parsed.error) }) };
	return { ok: true, data: parsed.data, values };
}

/** Runs a change; known refusals become form failures or HTTP errors. */
export function attempt<T>(locale: Locale, form: string, values: Record<string, string>, fn: () => T): T | ReturnType<typeof fail<FormFailure>> {
	try {
		return fn();
	} catch (e) {
		if (e instanceof VersionConflict) {
			return fail(409, { form, values, errors: {}, conflict: { current: e.current, version: e.version } });
		}
		if (e instanceof StructureError) {
			if (e.kind === 'forbidden') error(403, e.text[locale]);
			if (e.kind === 'not_found') error(404, e.text[locale]);
			return fail(400, { form, values, errors: fieldMessages(e, locale), message: e.kind === 'in_use' ? e.text[locale] : undefined });
		}
		throw e;
	}
}

/** A positive integer route or form id, else 404. */
export function idParam(value: string | null | undefined): number {
	const id = Number(value);
	if (!Number.isInteger(id) || id <= 0) error(404, 'Finns inte.');
	return id;
}

/** The version a form was based on. */
export function versionOf(values: Record<string, string>): number {
	return Number(values.version) || 0;
}
