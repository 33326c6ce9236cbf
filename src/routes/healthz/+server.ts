import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { databaseHealth, type Health } from '$lib/server/db/health';

const headers = { 'cache-control': 'no-store' };

/** Liveness and database check for load balancers and the e2e web server: 200 or 503 with a short reason. */
export const GET = () => {
	let health: Health;
	try {
		health = databaseHealth(getDb().$client);
	} catch (e) {
		console.error('healthz: databasen kunde inte öppnas', e);
		health = { ok: false, message: 'Databasen kan inte öppnas.' };
	}
	if (health.ok) return json({ status: 'ok', db: 'ok' }, { headers });
	console.error(`healthz: ${health.message}`);
	return json({ status: 'error', db: 'error', message: health.message }, { status: 503, headers });
};
