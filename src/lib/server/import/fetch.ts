/** HTTP for URL imports: one place for timeouts and for turning failures into Swedish messages. */

export type FetchFn = typeof fetch;

const TIMEOUT_MS = 60_000;

export class FetchError extends Error {}

/** Fetches a URL and returns its body; a non-2xx answer or a network failure throws FetchError. */
export async function fetchBytes(
	url: string,
	fetchFn: FetchFn = fetch,
	init: { method?: string; body?: string } = {}
): Promise<Uint8Array> {
	let res: Response;
	try {
		res = await fetchFn(url, {
			method: init.method ?? 'GET',
			body: init.body,
			headers: init.body ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
	} catch (e) {
		throw new FetchError(`kunde inte hämta ${url}: ${(e as Error).message}`);
	}
	const body = new Uint8Array(await res.arrayBuffer());
	if (!res.ok) {
		const text = new TextDecoder().decode(body.subarray(0, 300)).trim();
		throw new FetchError(`${url} svarade HTTP ${res.status}${text ? `: ${text}` : ''}`);
	}
	return body;
}

/** Fetches and parses JSON (for metadata and paging links). */
export async function fetchJson(url: string, fetchFn: FetchFn = fetch, init: { method?: string; body?: string } = {}): Promise<unknown> {
	const bytes = await fetchBytes(url, fetchFn, init);
	try {
		return JSON.parse(new TextDecoder().decode(bytes));
	} catch (e) {
		throw new FetchError(`${url} gav inte giltig JSON: ${(e as Error).message}`);
	}
}
