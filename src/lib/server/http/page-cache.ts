/**
 * The in-process cache of rendered public responses: a least-recently-used map bounded by bytes. Each entry
 * belongs to one data revision; a lookup with another revision is a miss and drops the entry, so nothing
 * needs purging and several instances (each with its own cache, all reading the same database) stay correct.
 */
import type { Encoding } from './encoding';

export interface CachedResponse {
	revision: number;
	/** Headers as the route set them (no length, coding, validators or cache policy). */
	headers: [string, string][];
	contentType: string;
	cacheControl: string;
	vary: string;
	/** The body per content coding; only identity when it is too small or not text. */
	bodies: Partial<Record<Encoding, Buffer>>;
	bytes: number;
}

export class PageCache {
	private readonly entries = new Map<string, CachedResponse>();
	private used = 0;
	hits = 0;
	misses = 0;

	constructor(readonly maxBytes: number) {}

	get size(): number {
		return this.entries.size;
	}

	get bytes(): number {
		return this.used;
	}

	get(key: string, revision: number): CachedResponse | undefined {
		const e = this.entries.get(key);
		if (!e || e.revision !== revision) {
			if (e) this.delete(key);
			this.misses++;
			return undefined;
		}
		// Most recently used goes last (Map keeps insertion order).
		this.entries.delete(key);
		this.entries.set(key, e);
		this.hits++;
		return e;
	}

	set(key: string, entry: CachedResponse): void {
		this.delete(key);
		// One response larger than a quarter of the cache would push out everything else: serve it uncached.
		if (entry.bytes > this.maxBytes / 4) return;
		this.entries.set(key, entry);
		this.used += entry.bytes;
		for (const [k] of this.entries) {
			if (this.used <= this.maxBytes) break;
			this.delete(k);
		}
	}

	delete(key: string): void {
		const e = this.entries.get(key);
		if (!e) return;
		this.entries.delete(key);
		this.used -= e.bytes;
	}
}
