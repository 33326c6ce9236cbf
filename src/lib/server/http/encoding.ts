/**
 * Content negotiation for compressing dynamic responses (pages, API, CSV): brotli or gzip by the client's
 * Accept-Encoding, only for text types and only above a size where it pays. Static files under /_app are
 * precompressed at build time by adapter-node (`precompress` in svelte.config.js) and never come here.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Below this the headers and the compressor's framing eat most of the gain. */
export const MIN_COMPRESS_BYTES = 1024;

/**
 * The encoding to send for an Accept-Encoding header: br before gzip when both are equally welcome, honouring
 * q-values (q=0 refuses) and `*`. No header, or nothing acceptable: identity.
 */
export function negotiateEncoding(header: string | null | undefined): Encoding {
	if (!header) return 'identity';
	const q = new Map<string, number>();
	for (const part of header.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (!name) continue;
		const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const value = qp ? Number(qp.slice(2)) : 1;
		q.set(name.trim(), Number.isFinite(value) ? value : 0);
	}
	const weight = (name: string) => q.get(name) ?? q.get('*') ?? 0;
	const br = weight('br');
	const gz = Math.max(weight('gzip'), q.get('x-gzip') ?? 0);
	if (br > 0 && br >= gz) return 'br';
	if (gz > 0) return 'gzip';
	return 'identity';
}

/** Text formats compress well; images, XLSX, DOCX and PDF are compressed already. */
export function isCompressible(contentType: string | null | undefined): boolean {
	if (!contentType) return false;
	const type = contentType.split(';')[0].trim().toLowerCase();
	// A stream of events must reach the client as it is written, not when it ends.
	if (type === 'text/event-stream') return false;
	return (
		type.startsWith('text/') ||
		type === 'application/json' ||
		type.endsWith('+json') ||
		type === 'application/javascript' ||
		type === 'application/xml' ||
		type.endsWith('+xml') ||
		type === 'image/svg+xml'
	);
}

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Compress on libuv's thread pool (the event loop keeps serving). Brotli at quality 5: about gzip's speed with
 * a clearly smaller result; the maximum (11) costs tens of milliseconds per page for a few per cent more.
 */
export function compress(body: Uint8Array, encoding: Exclude<Encoding, 'identity'>): Promise<Buffer> {
	if (encoding === 'br') {
		return br(body, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: 5,
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
			}
		});
	}
	return gz(body, { level: 6 });
}

/** Adds a token to a Vary header value unless it is there already. */
export function addVary(current: string | null, ...tokens: string[]): string {
	const have = (current ?? '').split(',').map((t) => t.trim()).filter(Boolean);
	const lower = new Set(have.map((t) => t.toLowerCase()));
	for (const t of tokens) if (!lower.has(t.toLowerCase())) (have.push(t), lower.add(t.toLowerCase()));
	return have.join(', ');
}
