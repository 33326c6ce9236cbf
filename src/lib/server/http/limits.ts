/**
 * The largest request body the server accepts. adapter-node enforces BODY_SIZE_LIMIT while it reads a body
 * (default 512K, English message); the hook checks Content-Length against the same number first, so a too
 * large upload gets a clear Swedish answer before anything is read. `npm start` sets 21M (import files).
 */
export const DEFAULT_BODY_SIZE_LIMIT = '512K';

/** adapter-node's syntax: bytes, or a number with K, M or G; "Infinity" turns the limit off. */
export function parseBodySizeLimit(text: string | undefined): number {
	const value = (text ?? DEFAULT_BODY_SIZE_LIMIT).trim();
	if (value === 'Infinity') return Infinity;
	const m = /^(\d+)([KMG]?)$/i.exec(value);
	if (!m) throw new Error(`Ogiltig BODY_SIZE_LIMIT '${value}': ange byte eller ett tal med K, M eller G (t.ex. 20M)`);
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
	return Number(m[1]) * unit;
}

/** "20 MB", "512 kB": for messages. */
export function formatBytes(n: number): string {
	if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MB`.replace('.', ',');
	if (n >= 1024) return `${+(n / 1024).toFixed(1)} kB`.replace('.', ',');
	return `${n} byte`;
}

export function tooLargeMessage(limit: number): string {
	return `Filen eller formuläret är för stort. Servern tar emot högst ${formatBytes(limit)} per förfrågan.`;
}

/** The 413 answer: JSON under /api (like every API error), a short page otherwise. */
export function tooLargeResponse(pathname: string, limit: number, requestId: string): Response {
	const message = tooLargeMessage(limit);
	if (pathname.startsWith('/api/')) {
		const en = `The request body is too large: at most ${limit} bytes are accepted.`;
		return new Response(JSON.stringify({ error: { status: 413, message, message_en: en, parameter: null, issues: [] } }), {
			status: 413,
			headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': requestId }
		});
	}
	const html = `<!doctype html><html lang="sv"><meta charset="utf-8"><title>För stort – Lägesbild</title><h1>För stort</h1><p>${message}</p><p><a href="/">Lägesbild – startsidan</a></p></html>`;
	return new Response(html, {
		status: 413,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': requestId }
	});
}
