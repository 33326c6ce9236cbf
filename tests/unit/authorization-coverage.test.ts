/**
 * Every way to change something must check the role on the server. This test finds every form action
 * (`actions` in +page.server.ts) and every mutating endpoint (POST/PUT/PATCH/DELETE in +server.ts) under
 * src/routes, parses them with the TypeScript compiler, and fails if one does not call a guard function
 * from src/lib/server/auth/guard.ts as a top-level statement of its body (not hidden in an `if`).
 * The few public actions are allowed explicitly below, each with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROUTES = 'src/routes';
const GUARD_MODULES = ['$lib/server/auth/guard'];
const GUARDS = ['requireUser', 'requireRole'];
const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** route file (relative to src/routes) + handler → why it needs no role. */
const PUBLIC: Record<string, string> = {
	'(public)/logga-in/+page.server.ts#default':
		'Sign-in itself: anyone may try; rate-limited per account and address, and it issues a new session token.',
	'(public)/logga-ut/+page.server.ts#signOut':
		'Sign-out: ends only the session in the cookie that is sent; nothing to protect.',
	'(public)/engangslank/[token]/+page.server.ts#default':
		'One-time link: the unguessable token in the URL (stored hashed, single use, 7 days) is the credential.'
};

interface Handler {
	id: string;
	guarded: boolean;
	problem?: string;
}

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]
	);
}

function unwrap(e: ts.Expression): ts.Expression {
	while (ts.isSatisfiesExpression(e) || ts.isAsExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
	return e;
}

/** Names under which guard functions are imported into this file. */
function guardNames(sf: ts.SourceFile): Set<string> {
	const names = new Set<string>();
	for (const st of sf.statements) {
		if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
		if (!GUARD_MODULES.includes(st.moduleSpecifier.text)) continue;
		const bindings = st.importClause?.namedBindings;
		if (bindings && ts.isNamedImports(bindings)) {
			for (const el of bindings.elements) {
				if (GUARDS.includes((el.propertyName ?? el.name).text)) names.add(el.name.text);
			}
		}
	}
	return names;
}

/** Does the function call a guard as one of its top-level statements? */
function callsGuard(fn: ts.Node, guards: Set<string>): boolean {
	let body: ts.Node | undefined;
	if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) {
		body = fn.body;
	}
	if (!body) return false;
	const isGuardCall = (e: ts.Node | undefined): boolean => {
		if (!e) return false;
		if (ts.isAwaitExpression(e)) return isGuardCall(e.expression);
		return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && guards.has(e.expression.text);
	};
	if (!ts.isBlock(body)) return isGuardCall(body);
	return body.statements.some(
		(st) =>
			(ts.isExpressionStatement(st) && isGuardCall(st.expression)) ||
			(ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => isGuardCall(d.initializer)))
	);
}

/** The handlers in one route file's source text. */
export function handlersIn(file: string, source: string): Handler[] {
	const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const guards = guardNames(sf);
	const isPage = file.endsWith('+page.server.ts');
	const out: Handler[] = [];
	const local = new Map<string, ts.Node>();
	for (const st of sf.statements) {
		if (ts.isFunctionDeclaration(st) && st.name) local.set(st.name.text, st);
		if (ts.isVariableStatement(st))
			for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) local.set(d.name.text, unwrap(d.initializer));
	}
	const exported = (st: ts.Statement) => ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
	const check = (id: string, fn: ts.Node | undefined) => {
		if (fn && ts.isIdentifier(fn)) fn = local.get(fn.text);
		if (!fn) out.push({ id, guarded: false, problem: 'could not find the handler function' });
		else out.push({ id, guarded: callsGuard(fn, guards) });
	};
	for (const st of sf.statements) {
		if (!exported(st)) {
			if (ts.isExportDeclaration(st)) out.push({ id: `${file}#export-list`, guarded: false, problem: 're-exports are not analysed; export handlers directly' });
			continue;
		}
		if (ts.isVariableStatement(st)) {
			for (const d of st.declarationList.declarations) {
				if (!ts.isIdentifier(d.name)) continue;
				const name = d.name.text;
				if (isPage && name === 'actions') {
					const init = d.initializer && unwrap(d.initializer);
					if (!init || !ts.isObjectLiteralExpression(init)) {
						out.push({ id: `${file}#actions`, guarded: false, problem: 'actions is not an object literal' });
						continue;
					}
					for (const p of init.properties) {
						const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '?';
						if (ts.isPropertyAssignment(p)) check(`${file}#${key}`, unwrap(p.initializer));
						else if (ts.isMethodDeclaration(p)) check(`${file}#${key}`, p);
						else if (ts.isShorthandPropertyAssignment(p)) check(`${file}#${key}`, p.name);
						else out.push({ id: `${file}#${key}`, guarded: false, problem: 'unsupported action form' });
					}
				} else if (!isPage && MUTATING.includes(name)) {
					check(`${file}#${name}`, d.initializer && unwrap(d.initializer));
				}
			}
		} else if (ts.isFunctionDeclaration(st) && st.name && !isPage && MUTATING.includes(st.name.text)) {
			check(`${file}#${st.name.text}`, st);
		}
	}
	return out;
}

function allHandlers(): Handler[] {
	return walk(ROUTES)
		.filter((f) => f.endsWith(`${sep}+page.server.ts`) || f.endsWith(`${sep}+server.ts`))
		.flatMap((f) => handlersIn(relative(ROUTES, f).split(sep).join('/'), readFileSync(f, 'utf8')));
}

describe('authorization coverage', () => {
	const handlers = allHandlers();

	it('finds the form actions', () => {
		expect(handlers.map((h) => h.id)).toEqual(expect.arrayContaining(['admin/anvandare/+page.server.ts#create', ...Object.keys(PUBLIC)]));
	});

	it('every form action and mutating endpoint calls a guard (or is allow-listed with a reason)', () => {
		const missing = handlers
			.filter((h) => !h.guarded && !PUBLIC[h.id])
			.map((h) => `${h.id}${h.problem ? ` (${h.problem})` : ''}: call requireUser/requireRole from $lib/server/auth/guard first`);
		expect(missing).toEqual([]);
	});

	it('the allow-list has no stale or unnecessary entries', () => {
		const byId = new Map(handlers.map((h) => [h.id, h]));
		const stale = Object.keys(PUBLIC).filter((id) => !byId.has(id));
		expect(stale).toEqual([]);
	});

	it.each([
		['unguarded action', `export const actions = { save: async () => { return 1; } };`, false],
		['guard hidden in an if', `import { requireRole } from '$lib/server/auth/guard';\nexport const actions = { save: async ({ locals }) => { if (x) requireRole(locals, 'admin'); } };`, false],
		['guard from the wrong module', `import { requireRole } from './guard';\nexport const actions = { save: async ({ locals }) => { requireRole(locals, 'admin'); } };`, false],
		['guarded action', `import { requireRole } from '$lib/server/auth/guard';\nexport const actions = { save: async ({ locals }) => { const u = requireRole(locals, 'admin'); } } satisfies Actions;`, true],
		['aliased guard, method syntax', `import { requireUser as must } from '$lib/server/auth/guard';\nexport const actions = { async save({ locals }) { must(locals); } };`, true]
	])('the analysis sees a %s', (_, source, guarded) => {
		expect(handlersIn('x/+page.server.ts', source).map((h) => h.guarded)).toEqual([guarded]);
	});

	it.each([
		['unguarded POST', `export const POST = async () => new Response();`, [false]],
		['guarded DELETE function', `import { requireRole } from '$lib/server/auth/guard';\nexport async function DELETE({ locals }) { requireRole(locals, 'admin'); }`, [true]],
		['GET is not mutating', `export const GET = () => new Response();`, []]
	])('endpoints: %s', (_, source, expected) => {
		expect(handlersIn('api/+server.ts', source).map((h) => h.guarded)).toEqual(expected);
	});
});
