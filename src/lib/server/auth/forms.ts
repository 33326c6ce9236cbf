/**
 * The zod schemas for the account forms, with Swedish and English messages. Shared by the page actions
 * (and, for the user fields, matching what the CLI accepts).
 */
import { z } from 'zod';
import type { Locale } from '../../i18n';
import { PASSWORD_MAX } from './password';
import { ROLES } from '../db/schema-auth';

const m = {
	sv: {
		email: 'Skriv en giltig e-postadress, till exempel namn@region.se.',
		emailEmpty: 'Skriv din e-postadress.',
		password: 'Skriv ditt lösenord.',
		name: 'Skriv namnet.',
		role: 'Välj en roll.',
		repeat: 'Lösenorden är inte likadana.',
		passwordLong: `Lösenordet är för långt: högst ${PASSWORD_MAX} tecken.`,
		nameLong: 'Namnet är för långt: högst 200 tecken.',
		scope: 'Välj ett ansvarsområde i listan.',
		text: 'Fyll i fältet.'
	},
	en: {
		email: 'Enter a valid e-mail address, for example name@region.se.',
		emailEmpty: 'Enter your e-mail address.',
		password: 'Enter your password.',
		name: 'Enter the name.',
		role: 'Choose a role.',
		repeat: 'The passwords do not match.',
		passwordLong: `The password is too long: at most ${PASSWORD_MAX} characters.`,
		nameLong: 'The name is too long: at most 200 characters.',
		scope: 'Choose a scope from the list.',
		text: 'Fill in the field.'
	}
};

const email = (l: Locale) =>
	z
		.string(m[l].emailEmpty)
		.trim()
		.min(1, m[l].emailEmpty)
		.max(254, m[l].email)
		.pipe(z.email(m[l].email))
		.transform((s) => s.toLowerCase());

export const signInSchema = (l: Locale) =>
	z.object({ email: email(l), password: z.string(m[l].password).min(1, m[l].password).max(PASSWORD_MAX + 100, m[l].passwordLong) });

export const userSchema = (l: Locale) =>
	z.object({
		email: email(l),
		name: z.string(m[l].name).trim().min(1, m[l].name).max(200, m[l].nameLong),
		role: z.enum(ROLES, m[l].role),
		scope: z.string(m[l].scope).regex(/^(|organisation:\d+|plan:\d+|goal:\d+)$/, m[l].scope)
	});

export const setPasswordSchema = (l: Locale) =>
	z
		.object({ password: z.string(m[l].text), repeat: z.string(m[l].text) })
		.refine((v) => v.password === v.repeat, { message: m[l].repeat, path: ['repeat'] });

export const profileSchema = (l: Locale) =>
	z.object({ email: email(l), name: z.string(m[l].name).trim().min(1, m[l].name).max(200, m[l].nameLong) });

/** FormData as plain strings (serialisable for `fail()`). */
export function formStrings(fd: FormData, names: string[]): Record<string, string> {
	return Object.fromEntries(names.map((n) => [n, String(fd.get(n) ?? '')]));
}

/** The first message per field, for showing beside the fields and in the error summary. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const flat = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
	return Object.fromEntries(Object.entries(flat).flatMap(([k, v]) => (v?.length ? [[k, v[0]]] : [])));
}

/** Only same-site paths: `/x` yes, `//evil`, `/\\evil` and full URLs no. */
export function safeNext(next: string | null, fallback = '/admin'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	return next;
}
