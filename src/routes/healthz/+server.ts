import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';

/** Liveness and database check for load balancers and the e2e web server. */
export const GET = () => {
	try {
		getDb().$client.prepare('SELECT 1 FROM organisation LIMIT 1').get();
		return json({ status: 'ok', db: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'error', db: 'error' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
