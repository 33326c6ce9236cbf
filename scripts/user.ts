/**
 * `npm run user -- <kommando> [flaggor]`: accounts from the command line. Every change is written to the
 * audit log with channel `cli`. One-time links use ORIGIN (default http://127.0.0.1:3000).
 *
 *   npm run user -- create --email anna@region.se --name "Anna A" --role editor --plan region-orebro-lan/rtn-verksamhetsplan-2019
 *   npm run user -- list
 *   npm run user -- set-role --email anna@region.se --role reviewer
 *   npm run user -- set-scope --email anna@region.se --org region-orebro-lan
 *   npm run user -- disable --email anna@region.se        (--enable to undo)
 *   npm run user -- reset-link --email anna@region.se
 *
 * Exit code 0 on success (and for --help), 1 when the change was refused (message on stderr), 2 for a usage error.
 */
import { createDb } from '../src/lib/server/db/client';
import { createLink, FIRST_ADMIN_EMAIL, linkUrl } from '../src/lib/server/auth/links';
import {
	createUser,
	describeScope,
	getUserByEmail,
	isRole,
	listUsers,
	resolveScope,
	ROLE_LABELS,
	setDisabled,
	setRole,
	setScopes,
	UserError
} from '../src/lib/server/auth/users';
import type { Actor } from '../src/lib/server/auth/audit';

const USAGE = `Användning:
  npm run user -- create --email E-POST --name NAMN --role admin|editor|reviewer [--org SLUG | --plan ORG/PLAN | --goal ID]
  npm run user -- list
  npm run user -- set-role --email E-POST --role admin|editor|reviewer
  npm run user -- set-scope --email E-POST (--org SLUG | --plan ORG/PLAN | --goal ID)
  npm run user -- disable --email E-POST [--enable]
  npm run user -- reset-link --email E-POST
Redaktörer (editor) behöver ett ansvarsområde: en organisation, en plan eller ett delträd av mål.
Databas: DATABASE_URL (standard data/lagesbild.db). Länkar: ORIGIN (standard http://127.0.0.1:3000).`;

const VALUED = new Set(['email', 'name', 'role', 'org', 'plan', 'goal']);

function usage(problem?: string): never {
	if (problem) console.error(`Fel: ${problem}\n`);
	console.error(USAGE);
	process.exit(2);
}

function parseArgs(argv: string[]) {
	const positional: string[] = [];
	const flags: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) {
			positional.push(a);
			continue;
		}
		const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
		if (VALUED.has(name)) {
			const v = inline ?? argv[++i];
			if (v === undefined) usage(`--${name} behöver ett värde`);
			flags[name] = v;
		} else if (name === 'enable' || name === 'help') flags[name] = true;
		else usage(`okänd flagga --${name}`);
	}
	return { positional, flags };
}

const { positional, flags } = parseArgs(process.argv.slice(2));
const command = positional[0];
if (flags.help) {
	// Help that was asked for is a success, on standard output.
	console.log(USAGE);
	process.exit(0);
}
if (!command) usage();

const str = (name: string): string | undefined => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
const need = (name: string): string => str(name) ?? usage(`--${name} saknas`);

const db = createDb(process.env.DATABASE_URL || 'data/lagesbild.db');
const origin = process.env.ORIGIN || 'http://127.0.0.1:3000';
const actor: Actor = { userId: null, channel: 'cli' };

function scopeFromFlags() {
	const goal = str('goal');
	if (!str('org') && !str('plan') && goal === undefined) return null;
	if (goal !== undefined && !/^\d+$/.test(goal)) usage('--goal ska vara ett måls id (ett heltal)');
	return resolveScope(db, { org: str('org'), plan: str('plan'), goal: goal === undefined ? undefined : Number(goal) });
}

function userOrFail(email: string) {
	const u = getUserByEmail(db, email);
	if (!u) throw new UserError(`Det finns inget konto för ${email.trim().toLowerCase()}.`);
	return u;
}

try {
	switch (command) {
		case 'create': {
			const role = need('role');
			if (!isRole(role)) usage(`okänd roll ${role}`);
			const scope = scopeFromFlags();
			const u = createUser(db, { email: need('email'), name: need('name'), role, scopes: scope ? [scope] : [] }, actor);
			const token = createLink(db, u.id, 'reset', actor);
			console.log(`Skapade ${u.email} (${ROLE_LABELS[role].sv.toLowerCase()}). Engångslänk för att välja lösenord (giltig i 7 dagar):`);
			console.log(linkUrl(origin, token));
			break;
		}
		case 'list': {
			const users = listUsers(db);
			if (!users.length) console.log('Inga konton ännu.');
			for (const u of users) {
				const scopes = u.role === 'admin' ? 'allt' : u.scopes.map((s) => describeScope(db, s)).join('; ') || '–';
				const state = u.disabled ? 'inaktiverad' : u.hasPassword ? 'aktiv' : 'inget lösenord ännu';
				console.log(`${u.email}\t${u.name}\t${u.role}\t${state}\t${scopes}`);
			}
			break;
		}
		case 'set-role': {
			const role = need('role');
			if (!isRole(role)) usage(`okänd roll ${role}`);
			const u = userOrFail(need('email'));
			setRole(db, u.id, role, actor);
			console.log(`${u.email} är nu ${ROLE_LABELS[role].sv.toLowerCase()}.`);
			break;
		}
		case 'set-scope': {
			const u = userOrFail(need('email'));
			const scope = scopeFromFlags() ?? usage('ange --org, --plan eller --goal');
			setScopes(db, u.id, [scope], actor);
			console.log(`${u.email}: ${describeScope(db, scope)}.`);
			break;
		}
		case 'disable': {
			const u = userOrFail(need('email'));
			const enable = flags.enable === true;
			setDisabled(db, u.id, !enable, actor);
			console.log(enable ? `${u.email} är aktiverad igen.` : `${u.email} är inaktiverad och utloggad överallt.`);
			break;
		}
		case 'reset-link': {
			const u = userOrFail(need('email'));
			const token = createLink(db, u.id, u.email === FIRST_ADMIN_EMAIL ? 'first-admin' : 'reset', actor);
			console.log(`Engångslänk för ${u.email} (giltig i 7 dagar; äldre länkar slutar gälla):`);
			console.log(linkUrl(origin, token));
			break;
		}
		default:
			usage(`okänt kommando ${command}`);
	}
} catch (e) {
	if (e instanceof UserError) {
		console.error(`Fel: ${e.message}`);
		process.exit(1);
	}
	throw e;
}
