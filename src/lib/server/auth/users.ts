/**
 * Accounts: create, list, change role and scope, disable, set a password. Each change and its audit entry
 * are written in one transaction. Snapshots in the audit log never contain the password hash.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { goal, organisation, plan } from '../db/schema';
import { ROLES, user, userScope, type Role } from '../db/schema-auth';
import { writeAudit, type Actor } from './audit';
import { hashPassword } from './password';
import { deleteUserSessions, scopesOf, type Scope } from './sessions';

export { ROLES, type Role };

export const ROLE_LABELS: Record<Role, { sv: string; en: string }> = {
	admin: { sv: 'Administratör', en: 'Administrator' },
	editor: { sv: 'Redaktör', en: 'Editor' },
	reviewer: { sv: 'Granskare', en: 'Reviewer' }
};

export function isRole(x: unknown): x is Role {
	return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export class UserError extends Error {
	constructor(
		message: string,
		readonly field?: string
	) {
		super(message);
	}
}

export interface UserRow {
	id: number;
	email: string;
	name: string;
	role: Role;
	disabled: boolean;
	hasPassword: boolean;
	createdAt: string;
	scopes: Scope[];
}

type Raw = typeof user.$inferSelect;

function snapshot(u: Raw, scopes?: Scope[]) {
	return {
		email: u.email,
		name: u.name,
		role: u.role,
		disabled: u.disabled,
		...(scopes ? { scopes } : {})
	};
}

function toRow(db: Db, u: Raw): UserRow {
	return {
		id: u.id,
		email: u.email,
		name: u.name,
		role: u.role,
		disabled: u.disabled,
		hasPassword: u.passwordHash != null,
		createdAt: u.createdAt,
		scopes: scopesOf(db, u.id)
	};
}

export function listUsers(db: Db): UserRow[] {
	return db
		.select()
		.from(user)
		.orderBy(asc(user.email))
		.all()
		.map((u) => toRow(db, u));
}

export function getUserByEmail(db: Db, email: string): Raw | undefined {
	return db.select().from(user).where(eq(user.email, normaliseEmail(email))).get();
}

export function getUser(db: Db, id: number): UserRow | undefined {
	const u = db.select().from(user).where(eq(user.id, id)).get();
	return u && toRow(db, u);
}

export function countUsers(db: Db): number {
	return (db.$client.prepare('SELECT count(*) AS n FROM user').get() as { n: number }).n;
}

/** True when some enabled admin can sign in (has a password). */
export function hasUsableAdmin(db: Db): boolean {
	return !!db
		.select({ id: user.id })
		.from(user)
		.where(and(eq(user.role, 'admin'), eq(user.disabled, false), isNotNull(user.passwordHash)))
		.get();
}

/**
 * A scope as the CLI and the forms name it: `org-slug`, `org-slug/plan-slug`, or a goal id.
 * Throws a UserError with a Swedish message when it does not exist.
 */
export function resolveScope(db: Db, ref: { org?: string; plan?: string; goal?: number }): Scope {
	if (ref.goal != null) {
		const g = db.select({ id: goal.id }).from(goal).where(eq(goal.id, ref.goal)).get();
		if (!g) throw new UserError(`Målet ${ref.goal} finns inte.`, 'scope');
		return { kind: 'goal', id: g.id };
	}
	if (ref.plan) {
		const [orgSlug, planSlug] = ref.plan.split('/');
		const p = db
			.select({ id: plan.id })
			.from(plan)
			.innerJoin(organisation, eq(organisation.id, plan.organisationId))
			.where(and(eq(organisation.slug, orgSlug ?? ''), eq(plan.slug, planSlug ?? '')))
			.get();
		if (!p) throw new UserError(`Planen ${ref.plan} finns inte (skriv organisation/plan).`, 'scope');
		return { kind: 'plan', id: p.id };
	}
	if (ref.org) {
		const o = db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, ref.org)).get();
		if (!o) throw new UserError(`Organisationen ${ref.org} finns inte.`, 'scope');
		return { kind: 'organisation', id: o.id };
	}
	throw new UserError('Ange en organisation, en plan eller ett mål.', 'scope');
}

/** Human-readable names of scopes, for pages and the CLI. */
export function describeScope(db: Db, s: Scope): string {
	if (s.kind === 'organisation') {
		const o = db.select().from(organisation).where(eq(organisation.id, s.id)).get();
		return o ? `Organisation: ${o.name}` : `Organisation ${s.id}`;
	}
	if (s.kind === 'plan') {
		const p = db.select().from(plan).where(eq(plan.id, s.id)).get();
		return p ? `Plan: ${p.name}` : `Plan ${s.id}`;
	}
	const g = db.select().from(goal).where(eq(goal.id, s.id)).get();
	return g ? `Mål: ${[g.number, g.title].filter(Boolean).join(' ')}` : `Mål ${s.id}`;
}

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	scopes?: Scope[];
}

export function createUser(db: Db, input: NewUser, actor: Actor): UserRow {
	const email = normaliseEmail(input.email);
	if (getUserByEmail(db, email)) throw new UserError(`Det finns redan ett konto för ${email}.`, 'email');
	if (input.role === 'editor' && !input.scopes?.length)
		throw new UserError('En redaktör behöver ett ansvarsområde (organisation, plan eller mål).', 'scope');
	return db.transaction((tx) => {
		const u = tx.insert(user).values({ email, name: input.name.trim(), role: input.role }).returning().get();
		const scopes = input.role === 'admin' ? [] : (input.scopes ?? []);
		for (const s of scopes) tx.insert(userScope).values(scopeValues(u.id, s)).run();
		writeAudit(tx, actor, { action: 'create', entity: 'user', entityId: u.id, new: snapshot(u, scopes) });
		return { ...toRow(db, u), scopes };
	});
}

function scopeValues(userId: number, s: Scope) {
	return {
		userId,
		organisationId: s.kind === 'organisation' ? s.id : null,
		planId: s.kind === 'plan' ? s.id : null,
		goalId: s.kind === 'goal' ? s.id : null
	};
}

function mustGet(db: Db, id: number): Raw {
	const u = db.select().from(user).where(eq(user.id, id)).get();
	if (!u) throw new UserError(`Användaren ${id} finns inte.`);
	return u;
}

/** Refuse changes that would leave nobody who can administer accounts. */
function assertNotLastAdmin(db: Db, u: Raw) {
	if (u.role !== 'admin' || u.disabled) return;
	const admins = db
		.select({ id: user.id })
		.from(user)
		.where(and(eq(user.role, 'admin'), eq(user.disabled, false)))
		.all();
	if (admins.length <= 1) throw new UserError('Det måste finnas minst en aktiv administratör.', 'role');
}

export function setRole(db: Db, id: number, role: Role, actor: Actor): void {
	const u = mustGet(db, id);
	if (u.role === role) return;
	if (role !== 'admin') assertNotLastAdmin(db, u);
	db.transaction((tx) => {
		tx.update(user).set({ role, updatedAt: new Date().toISOString() }).where(eq(user.id, id)).run();
		writeAudit(tx, actor, { action: 'set-role', entity: 'user', entityId: id, old: { role: u.role }, new: { role } });
	});
}

export function setScopes(db: Db, id: number, scopes: Scope[], actor: Actor): void {
	mustGet(db, id);
	const old = scopesOf(db, id);
	db.transaction((tx) => {
		tx.delete(userScope).where(eq(userScope.userId, id)).run();
		for (const s of scopes) tx.insert(userScope).values(scopeValues(id, s)).run();
		writeAudit(tx, actor, { action: 'set-scope', entity: 'user', entityId: id, old: { scopes: old }, new: { scopes } });
	});
}

/** Disable (or enable again). Disabling signs the user out everywhere. */
export function setDisabled(db: Db, id: number, disabled: boolean, actor: Actor): void {
	const u = mustGet(db, id);
	if (u.disabled === disabled) return;
	if (disabled) assertNotLastAdmin(db, u);
	db.transaction((tx) => {
		tx.update(user).set({ disabled, updatedAt: new Date().toISOString() }).where(eq(user.id, id)).run();
		writeAudit(tx, actor, {
			action: disabled ? 'disable' : 'enable',
			entity: 'user',
			entityId: id,
			old: { disabled: u.disabled },
			new: { disabled }
		});
	});
	if (disabled) deleteUserSessions(db, id);
}

/** Set a password (policy already checked by the caller) and sign out the user's other sessions. */
export async function setPassword(db: Db, id: number, password: string, actor: Actor): Promise<void> {
	mustGet(db, id);
	const passwordHash = await hashPassword(password);
	db.transaction((tx) => {
		tx.update(user).set({ passwordHash, updatedAt: new Date().toISOString() }).where(eq(user.id, id)).run();
		writeAudit(tx, actor, { action: 'set-password', entity: 'user', entityId: id });
	});
	deleteUserSessions(db, id);
}

/** The first admin's placeholder fills in their own e-mail and name when they use the link. */
export function updateProfile(db: Db, id: number, input: { email: string; name: string }, actor: Actor): void {
	const u = mustGet(db, id);
	const email = normaliseEmail(input.email);
	const other = getUserByEmail(db, email);
	if (other && other.id !== id) throw new UserError(`Det finns redan ett konto för ${email}.`, 'email');
	db.transaction((tx) => {
		tx.update(user)
			.set({ email, name: input.name.trim(), updatedAt: new Date().toISOString() })
			.where(eq(user.id, id))
			.run();
		writeAudit(tx, actor, {
			action: 'update',
			entity: 'user',
			entityId: id,
			old: { email: u.email, name: u.name },
			new: { email, name: input.name.trim() }
		});
	});
}

/** Organisations and their plans, for the scope picker on the users page. */
export function scopeOptions(db: Db): { id: number; name: string; plans: { id: number; name: string }[] }[] {
	const orgs = db.select({ id: organisation.id, name: organisation.name }).from(organisation).orderBy(asc(organisation.name)).all();
	const plans = db.select({ id: plan.id, name: plan.name, org: plan.organisationId }).from(plan).orderBy(asc(plan.name)).all();
	return orgs.map((o) => ({ ...o, plans: plans.filter((p) => p.org === o.id).map(({ id, name }) => ({ id, name })) }));
}

/** `organisation:3`, `plan:7`, `goal:12` (the form's value) → a scope; '' → none. */
export function parseScopeValue(value: string): Scope | null {
	const m = /^(organisation|plan|goal):(\d+)$/.exec(value);
	return m ? { kind: m[1] as Scope['kind'], id: Number(m[2]) } : null;
}
