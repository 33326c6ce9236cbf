/**
 * Responses of the open data API: JSON (`{ data, meta }`) or CSV, open CORS for GET, five minutes of
 * public caching, and errors as `{ error: { status, message, message_en, parameter, issues } }`.
 * Routes wrap their work in `handle()`, which turns an `ApiError` into its response and anything else
 * into a logged 500, so every answer under /api/ is JSON with CORS headers, never an HTML error page.
 */
import { toCsv, type CsvTable } from './csv';
import type { ParseResult } from './params';
import type { OutputOptions, ParamError } from './types';

const COMMON_HEADERS = {
	'access-control-allow-origin': '*',
	'access-control-expose-headers': 'Content-Disposition',
	'x-content-type-options': 'nosniff',
	// The format can follow the Accept header, so caches must keep JSON and CSV apart.
	vary: 'Accept'
} as const;

export const CACHE_OK = 'public, max-age=300';
export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly errors: ParamError[]
	) {
		super(errors[0]?.message ?? `HTTP ${status}`);
	}
}

/** Throws the 400 for a failed parse, or returns the parsed value. */
export function unwrap<T>(result: ParseResult<T>): T {
	if (!result.ok) throw new ApiError(400, result.errors);
	return result.value;
}

export function notFound(parameter: string | null, message: string, message_en: string): never {
	throw new ApiError(404, [{ parameter, message, message_en }]);
}

export interface ApiBody {
	data: unknown;
	meta?: Record<string, unknown>;
}

export interface CsvDownload {
	/** Without extension; "lagesbild-" is prefixed. ASCII only (slugs are). */
	name: string;
	table: () => CsvTable;
}

/** The answer in the format the query asked for. `csv` is required when the endpoint offers CSV. */
export function respond(output: OutputOptions, body: ApiBody, csv?: CsvDownload): Response {
	if (output.format === 'csv') {
		if (!csv) throw new Error('CSV requested from an endpoint without a CSV form');
		return new Response(toCsv(csv.table(), output), {
			headers: {
				...COMMON_HEADERS,
				'content-type': 'text/csv; charset=utf-8; header=present',
				'content-disposition': `attachment; filename="lagesbild-${csv.name}.csv"`,
				'cache-control': CACHE_OK
			}
		});
	}
	const text = output.pretty ? JSON.stringify(body, null, '\t') : JSON.stringify(body);
	return new Response(text + (output.pretty ? '\n' : ''), {
		headers: { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': CACHE_OK }
	});
}

export function errorResponse(status: number, errors: ParamError[]): Response {
	const first = errors[0] ?? { parameter: null, message: `HTTP ${status}`, message_en: `HTTP ${status}` };
	const body = { error: { status, message: first.message, message_en: first.message_en, parameter: first.parameter, issues: errors } };
	return new Response(JSON.stringify(body), {
		status,
		headers: { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/** Runs a route's work; ApiError → its status, anything else → 500 (logged with an id). */
export function handle(work: () => Response): Response {
	try {
		return work();
	} catch (e) {
		if (e instanceof ApiError) return errorResponse(e.status, e.errors);
		const errorId = crypto.randomUUID().slice(0, 8);
		console.error(`[${errorId}] API`, e);
		return errorResponse(500, [
			{
				parameter: null,
				message: `Något gick fel i servern (fel-id ${errorId}).`,
				message_en: `Something went wrong on the server (error id ${errorId}).`
			}
		]);
	}
}

/** CORS preflight: GET is open to every origin. */
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...COMMON_HEADERS,
			allow: ALLOWED_METHODS,
			'access-control-allow-methods': ALLOWED_METHODS,
			'access-control-allow-headers': 'Accept, Accept-Language, Content-Type',
			'access-control-max-age': '86400',
			'cache-control': CACHE_OK
		}
	});
}
