import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';

/** Open, migrate and (when empty) seed the database before the first request is served. */
export const init: ServerInit = () => {
	getDb();
};

export const handle: Handle = async ({ event, resolve }) => {
	const lang = event.url.searchParams.get('lang') ?? event.cookies.get('lang');
	event.locals.locale = lang === 'en' ? 'en' : 'sv';
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
