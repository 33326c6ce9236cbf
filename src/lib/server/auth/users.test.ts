import { describe, expect, it } from 'vitest';
import { emptyDb, seededDb } from '../../../../tests/helpers/db';
import { auditLog, user } from '../db/schema-auth';
import { createLink, findLink, firstAdminToken, FIRST_ADMIN_EMAIL, useLink } from './links';
import { signIn } from './signin';
import { createSession, validateSession } from './sessions';
import {
	createUser,
	describeScope,
	hasUsableAdmin,
	listUsers,
	resolveScope,
	setDisabled,
	setPassword,
	setRole,
	setScopes,
	UserError
} from './users';
import { MAX_FAILURES } from './rate-limit';

const cli = { userId: null, channel: 'cli' as const };

describe('users', { timeout: 30_000 }, () => {
	it('creates a user with a lower-cased e-mail and writes an audit entry without secrets', async () => {
		const db = emptyDb();
		const u = createUser(db, { email: '  Anna.Andersson@Region.SE ', name: 'Anna', role: 'admin' }, cli);
		expect(u.email).toBe('anna.andersson@region.se');
		await setPassword(db, u.id, 'ett långt lösenord', { userId: u.id, channel: 'form' });
		const log = db.select().from(auditLog).all();
		expect(log.map((e) => [e.channel, e.action])).toEqual([
			['cli', 'create'],
			['form', 'set-password']
		]);
		expect(JSON.stringify(log)).not.toContain('scrypt');
		expect(() => createUser(db, { email: 'anna.andersson@region.se', name: 'A', role: 'reviewer' }, cli)).toThrow(UserError);
	});

	it('gives editors a scope, changes role and scope, and lists them', () => {
		const db = seededDb();
		const scope = resolveScope(db, { org: 'region-orebro-lan' });
		expect(() => createUser(db, { email: 'e0@x.se', name: 'E', role: 'editor' }, cli)).toThrow(/ansvarsområde/);
		const e = createUser(db, { email: 'e1@x.se', name: 'E', role: 'editor', scopes: [scope] }, cli);
		expect(describeScope(db, scope)).toBe('Organisation: Region Örebro län');
		const planScope = resolveScope(db, { plan: 'region-orebro-lan/rtn-verksamhetsplan-2019' });
		setScopes(db, e.id, [planScope], cli);
		setRole(db, e.id, 'reviewer', cli);
		expect(listUsers(db).find((x) => x.id === e.id)).toMatchObject({ role: 'reviewer', scopes: [planScope], hasPassword: false });
		expect(() => resolveScope(db, { org: 'finns-inte' })).toThrow(/finns inte/);
		expect(() => resolveScope(db, { plan: 'region-orebro-lan' })).toThrow(/organisation\/plan/);
	});

	it('keeps at least one active admin', () => {
		const db = emptyDb();
		const a = createUser(db, { email: 'a@x.se', name: 'A', role: 'admin' }, cli);
		expect(() => setRole(db, a.id, 'editor', cli)).toThrow(/minst en aktiv administratör/);
		expect(() => setDisabled(db, a.id, true, cli)).toThrow(/minst en aktiv administratör/);
		const b = createUser(db, { email: 'b@x.se', name: 'B', role: 'admin' }, cli);
		setDisabled(db, a.id, true, { userId: b.id, channel: 'form' });
		expect(listUsers(db).find((x) => x.id === a.id)!.disabled).toBe(true);
	});

	it('the audit log refuses updates and deletes', () => {
		const db = emptyDb();
		createUser(db, { email: 'a@x.se', name: 'A', role: 'admin' }, cli);
		expect(() => db.update(auditLog).set({ note: 'x' }).run()).toThrow(/append-only/);
		expect(() => db.delete(auditLog).run()).toThrow(/append-only/);
		expect(db.select().from(auditLog).all()).toHaveLength(1);
	});
});

describe('one-time links', { timeout: 30_000 }, () => {
	it('work once, and a newer link voids the older', () => {
		const db = emptyDb();
		const u = createUser(db, { email: 'a@x.se', name: 'A', role: 'admin' }, cli);
		const old = createLink(db, u.id, 'reset', cli);
		const token = createLink(db, u.id, 'reset', cli);
		expect(findLink(db, old)).toBeNull();
		const link = findLink(db, token)!;
		expect(link).toMatchObject({ userId: u.id, purpose: 'reset', email: 'a@x.se' });
		expect(useLink(db, link.linkId)).toBe(true);
		expect(useLink(db, link.linkId)).toBe(false);
		expect(findLink(db, token)).toBeNull();
	});

	it('expire after a week', () => {
		const db = emptyDb();
		const u = createUser(db, { email: 'a@x.se', name: 'A', role: 'admin' }, cli);
		const t0 = new Date('2026-01-01T00:00:00Z');
		const token = createLink(db, u.id, 'reset', cli, t0);
		expect(findLink(db, token, new Date('2026-01-07T23:59:00Z'))).not.toBeNull();
		expect(findLink(db, token, new Date('2026-01-08T00:00:00Z'))).toBeNull();
	});

	it('the first start makes a first-admin link until an admin has a password', async () => {
		const db = emptyDb();
		const token = firstAdminToken(db)!;
		expect(findLink(db, token)).toMatchObject({ purpose: 'first-admin', email: FIRST_ADMIN_EMAIL });
		expect(firstAdminToken(db)).not.toBeNull(); // restart: a new link, the same placeholder
		expect(db.select().from(user).all()).toHaveLength(1);
		const placeholder = db.select().from(user).get()!;
		await setPassword(db, placeholder.id, 'ett långt lösenord', cli);
		expect(hasUsableAdmin(db)).toBe(true);
		expect(firstAdminToken(db)).toBeNull();
	});
});

describe('sign-in', { timeout: 30_000 }, () => {
	it('signs in with the right password, a new token each time, and rate-limits wrong ones', async () => {
		const db = emptyDb();
		const u = createUser(db, { email: 'a@x.se', name: 'A', role: 'admin' }, cli);
		await setPassword(db, u.id, 'ett långt lösenord', cli);
		const first = await signIn(db, 'A@x.se', 'ett långt lösenord', '10.0.0.1');
		const second = await signIn(db, 'a@x.se', 'ett långt lösenord', '10.0.0.1');
		expect(first.ok && second.ok && first.token !== second.token).toBe(true);
		for (let i = 0; i < MAX_FAILURES; i++) {
			const r = await signIn(db, 'a@x.se', 'fel lösenord ' + i, '10.0.0.1');
			expect(r).toMatchObject({ ok: false, reason: 'invalid' });
		}
		const limited = await signIn(db, 'a@x.se', 'ett långt lösenord', '10.0.0.2');
		expect(limited).toMatchObject({ ok: false, reason: 'limited' });
		expect(!limited.ok && limited.message.sv).toBe('För många inloggningsförsök. Försök igen om 15 minuter.');
		// The address is limited for other accounts too.
		expect(await signIn(db, 'b@x.se', 'x', '10.0.0.1')).toMatchObject({ reason: 'limited' });
	});

	it('refuses unknown and disabled accounts with the same message', async () => {
		const db = emptyDb();
		const a = createUser(db, { email: 'a@x.se', name: 'A', role: 'admin' }, cli);
		const b = createUser(db, { email: 'b@x.se', name: 'B', role: 'reviewer' }, cli);
		await setPassword(db, b.id, 'ett långt lösenord', cli);
		setDisabled(db, b.id, true, { userId: a.id, channel: 'form' });
		const unknown = await signIn(db, 'nobody@x.se', 'ett långt lösenord', '1.1.1.1');
		const disabled = await signIn(db, 'b@x.se', 'ett långt lösenord', '1.1.1.2');
		expect(unknown).toEqual(disabled);
		const s = createSession(db, a.id);
		expect(validateSession(db, s.token)?.email).toBe('a@x.se');
	});
});
