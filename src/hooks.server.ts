import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/db';
import { isLocale } from '$lib/i18n';
import { firstAdminToken, linkUrl } from '$lib/server/auth/links';
import { SESSION_COOKIE, pruneSessions, validateSession } from '$lib/server/auth/sessions';

/**
 * Open, migrate and (when empty) seed the database before the first request is served. When no admin can
 * sign in yet, print a one-time link for the first admin (once per start).
 */
export const init: ServerInit = () => {
	const db = getDb();
	if (building) return;
	pruneSessions(db);
	const token = firstAdminToken(db);
	if (token) {
		const origin = env.ORIGIN || `http://${env.HOST || '127.0.0.1'}:${env.PORT || '3000'}`;
		console.log(
			`Lägesbild: ingen administratör har loggat in ännu. Engångslänk för den första administratören (giltig i 7 dagar):\n  ${linkUrl(origin, token)}`
		);
	}
};

/** Swedish unless the reader chose English: `?lang=en` switches and is remembered for a year. */
const locale: Handle = async ({ event, resolve }) => {
	const asked = event.url.searchParams.get('lang');
	if (isLocale(asked)) {
		event.cookies.set('lang', asked, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax' });
	}
	const chosen = isLocale(asked) ? asked : event.cookies.get('lang');
	event.locals.locale = isLocale(chosen) ? chosen : 'sv';
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

/** Who is signed in: the `lagesbild_session` cookie → `event.locals.user` (null when absent or expired). */
const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = token ? validateSession(getDb(), token) : null;
	if (token && !event.locals.user) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	return resolve(event);
};

export const handle = sequence(locale, session);

/** Log the real error with an id; show the user only the id and a plain message. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = crypto.randomUUID().slice(0, 8);
	if (status !== 404) console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'Sidan finns inte' : message, errorId };
};
