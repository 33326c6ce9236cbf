import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { handle, notFound, preflight, respond, unwrap } from '$lib/server/api/http';
import { parseOutputQuery } from '$lib/server/api/params';
import { getInsats, organisationBySlug } from '$lib/server/queries/insatser';

/** One published insats: financing, goal links, results with figures, where it is reported. */
export const GET: RequestHandler = ({ url, request, params }) =>
	handle(() => {
		const { output } = unwrap(parseOutputQuery(url.searchParams, request.headers.get('accept'), { csv: false }));
		const db = getDb();
		const org = organisationBySlug(db, params.org);
		const id = /^[1-9]\d{0,14}$/.test(params.id) ? Number(params.id) : null;
		const insats = org && id ? getInsats(db, id, { publishedOnly: true }) : null;
		if (!org || !insats || insats.organisationId !== org.id) {
			notFound('id', `Insatsen '${params.id}' finns inte hos '${params.org}'. Se /api/v1/organisations/${params.org}/insatser.`, `The action '${params.id}' does not exist in '${params.org}'. See /api/v1/organisations/${params.org}/insatser.`);
		}
		// Internal fields (version, state, provenance ids) are left out: the API is for readers.
		const { version: _v, state: _s, updatedAt, ...data } = insats;
		return respond(output, { data: { ...data, updatedAt, url: `/${org.slug}/insatser/${insats.id}` } });
	});

export const OPTIONS: RequestHandler = preflight;
