import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { closeDb, getDb } from '$lib/server/db';
import { isLocale } from '$lib/i18n';
import { firstAdminToken, linkUrl } from '$lib/server/auth/links';
import { SESSION_COOKIE, pruneSessions, validateSession } from '$lib/server/auth/sessions';
import { withSecurityHeaders } from '$lib/server/http/security';
import { httpCache } from '$lib/server/http/cache-handle';
import { parseBodySizeLimit, tooLargeMessage, tooLargeResponse } from '$lib/server/http/limits';

/**
 * Open, migrate and (when empty) seed the database before the first request is served. When no admin can
 * sign in yet, print a one-time link for the first admin (once per start).
 */
export const init: ServerInit = () => {
	const db = getDb();
	if (building) return;
	// adapter-node emits this on SIGTERM/SIGINT once the server has stopped accepting connections and the
	// requests in flight have finished: close the database last (checkpoints the WAL).
	process.once('sveltekit:shutdown', (reason: string) => {
		closeDb();
		console.log(`Lägesbild: stängd (${reason}); databasen är stängd.`);
	});
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

/** Same number adapter-node enforces while reading a body (BODY_SIZE_LIMIT), so the two limits agree. */
const bodyLimit = parseBodySizeLimit(env.BODY_SIZE_LIMIT);

/**
 * Every request gets an id (the `x-request-id` header, and the error page shows it); a body larger than the
 * limit is refused in Swedish before it is read; every response gets the security headers.
 */
const guard: Handle = async ({ event, resolve }) => {
	event.locals.requestId = crypto.randomUUID().replaceAll('-', '').slice(0, 12);
	const length = Number(event.request.headers.get('content-length'));
	const response =
		Number.isFinite(length) && length > bodyLimit
			? tooLargeResponse(event.url.pathname, bodyLimit, event.locals.requestId)
			: await resolve(event);
	const secured = withSecurityHeaders(response, event.url.pathname);
	secured.headers.set('x-request-id', event.locals.requestId);
	return secured;
};

// The cache comes last: it needs the language and who is signed in, and a hit skips rendering entirely.
export const handle = sequence(guard, locale, session, httpCache);

/**
 * Log the real error with the request's id; show the user only the id and a plain message, never the error
 * itself (it can name files, SQL or internals).
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = event.locals.requestId ?? crypto.randomUUID().replaceAll('-', '').slice(0, 12);
	if (status === 404) return { message: 'Sidan finns inte', errorId };
	// A body that grew past the limit while being read (no Content-Length up front).
	if (status === 413) return { message: tooLargeMessage(bodyLimit), errorId };
	console.error(`[${errorId}] ${status} ${event.request.method} ${event.url.pathname}`, error);
	return { message: status >= 500 ? 'Internt fel' : message, errorId };
};
