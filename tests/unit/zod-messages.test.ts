/**
 * Every message a form shows comes from us, in Swedish (or English for English readers), never zod's English
 * default ("Too big: expected string to have <=300 characters"). This test scans the schema files of the admin
 * and sign-in forms for validators without a message, and checks the cases that once slipped through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldErrors, profileSchema, signInSchema, userSchema } from '../../src/lib/server/auth/forms';
import { resultSchema } from '../../src/lib/server/insatser/edit';

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/** The open data API's parameters carry their own Swedish and English messages (src/lib/server/api/params.ts). */
const NOT_FORMS = new Set(['src/lib/server/api/params.ts']);

const schemaFiles = [...walk('src/lib/server'), ...walk('src/routes')].filter(
	(f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_FORMS.has(f) && /from 'zod'/.test(readFileSync(f, 'utf8'))
);

/** A validator call with no message: one argument where a second (the message) belongs, or none at all. */
const BARE = [
	/\.(?:min|max|length)\(\s*[^,()]+\)/, // .max(200)
	/\.regex\(\s*\/(?:[^/\\]|\\.)+\/[a-z]*\s*\)/, // .regex(/…/)
	/z\.enum\(\s*[\w.]+\s*\)/ // z.enum(VALUES)
];

describe('zod messages on the forms', () => {
	it('finds the form schema files', () => {
		expect(schemaFiles).toEqual(expect.arrayContaining(['src/lib/server/auth/forms.ts', 'src/lib/server/structure/schemas.ts', 'src/lib/server/insatser/edit.ts']));
	});

	it.each(schemaFiles.map((f) => [f]))('%s: every min, max, length, regex and enum has a message', (file) => {
		const lines = readFileSync(file, 'utf8').split('\n');
		const bare = lines
			.map((line, i) => ({ line: line.trim(), n: i + 1 }))
			.filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && BARE.some((re) => re.test(line)))
			.filter(({ line }) => !/Math\.(min|max)|\.length\)/.test(line));
		expect(bare.map((b) => `${file}:${b.n}: ${b.line}`)).toEqual([]);
	});

	const long = 'x'.repeat(301);
	const swedish = (r: { success: boolean; error?: import('zod').ZodError }) => Object.values(fieldErrors(r.error!));
	const cases: [string, () => { success: boolean; error?: import('zod').ZodError }, RegExp][] = [
		['a password longer than the limit at sign-in', () => signInSchema('sv').safeParse({ email: 'a@b.se', password: long }), /Lösenordet är för långt/],
		['a name of 201 characters', () => userSchema('sv').safeParse({ email: 'a@b.se', name: 'n'.repeat(201), role: 'editor', scope: '' }), /Namnet är för långt/],
		['a scope not in the list', () => userSchema('sv').safeParse({ email: 'a@b.se', name: 'N', role: 'editor', scope: 'kommun:1' }), /ansvarsområde/],
		['a profile name of 201 characters', () => profileSchema('sv').safeParse({ email: 'a@b.se', name: 'n'.repeat(201) }), /Namnet är för långt/],
		['an insats result of 20 001 characters', () => resultSchema('sv').safeParse({ year: '2020', type: 'prestation', term: '', basis: '', text: 't'.repeat(20001), figures: '' }), /Texten är för lång/],
		['an unknown term', () => resultSchema('sv').safeParse({ year: '2020', type: 'prestation', term: 'evig', basis: '', text: 't', figures: '' }), /kort sikt/]
	];
	it.each(cases)('%s gets a Swedish message', (_, parse, message) => {
		const r = parse();
		expect(r.success).toBe(false);
		const messages = swedish(r);
		expect(messages.join(' ')).toMatch(message);
		for (const m of messages) expect(m).not.toMatch(/Too big|Too small|Invalid|expected/);
	});
});
