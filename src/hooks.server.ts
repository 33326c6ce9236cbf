import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { isLocale } from '$lib/i18n';

/** Open, migrate and (when empty) seed the database before the first request is served. */
export const init: ServerInit = () => {
	getDb();
};

/** Swedish unless the reader chose English: `?lang=en` switches and is remembered for a year. */
export const handle: Handle = async ({ event, resolve }) => {
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

/** Log the real error with an id; show the user only the id and a plain message. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = crypto.randomUUID().slice(0, 8);
	if (status !== 404) console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'Sidan finns inte' : message, errorId };
};
