/**
 * Looking up what files call geographies, sexes, periods and indicators, with a cache per distinct text so a
 * million rows cost a million Map lookups and not a million parses. Unknown texts return undefined; the
 * caller reports them together (Issues.unknownCode).
 */
import type { Db } from '../db/client';
import type { Period, Sex } from '../../domain/types';
import { parsePeriod } from '../../domain/period';

/** Lower case, single spaces, no surrounding space: how names are compared. */
export const normalise = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

const RIKET_NAMES = ['riket', 'hela riket', 'sverige', 'hela sverige', 'totalt riket', 'riket totalt'];

export class Geographies {
	private readonly exact = new Map<string, number>();
	private readonly names = new Map<string, number>();
	private readonly nameById = new Map<number, string>();
	private readonly cache = new Map<string, number | undefined>();

	constructor(db: Db) {
		const rows = db.$client.prepare('SELECT id, code, kolada_id, name, level FROM geography').all() as {
			id: number;
			code: string;
			kolada_id: string;
			name: string;
			level: string;
		}[];
		for (const r of rows) {
			this.exact.set(r.code, r.id);
			// Kolada ids of riket and län ("0000", "0018") never collide with SCB kommun codes ("0114").
			if (!this.exact.has(r.kolada_id)) this.exact.set(r.kolada_id, r.id);
			this.names.set(normalise(r.name), r.id);
			this.nameById.set(r.id, r.name);
			if (r.level === 'riket') for (const n of RIKET_NAMES) this.names.set(n, r.id);
		}
	}

	get size(): number {
		return this.nameById.size;
	}

	name(id: number): string {
		return this.nameById.get(id) ?? String(id);
	}

	private lastText: string | null = null;
	private lastId: number | undefined;

	/** By SCB code ("00", "18", "1880"), Kolada id ("0018"), name ("Örebro län", "Riket"), or "1880 Örebro". */
	resolve(text: string): number | undefined {
		// Files repeat a geography on many rows in a row: comparing with the last text is cheaper than hashing it.
		if (text === this.lastText) return this.lastId;
		let id = this.cache.get(text);
		if (id === undefined && !this.cache.has(text)) {
			id = this.lookup(text.trim());
			this.cache.set(text, id);
		}
		this.lastText = text;
		this.lastId = id;
		return id;
	}

	private lookup(t: string): number | undefined {
		const byCode = this.exact.get(t);
		if (byCode !== undefined) return byCode;
		// Excel turns "0114" into the number 114 and "01" into 1: put the leading zero back.
		if (/^\d$|^\d{3}$/.test(t)) return this.exact.get(`0${t}`);
		const withName = /^(\d{2}|\d{4})\s+(.+)$/.exec(t);
		if (withName) {
			// "1880 Örebro": the code decides, and the name must agree with it.
			const id = this.exact.get(withName[1]);
			return id !== undefined && this.byName(withName[2]) === id ? id : undefined;
		}
		return this.byName(t);
	}

	private byName(name: string): number | undefined {
		const n = normalise(name);
		return this.names.get(n) ?? this.names.get(n.replace(/^region /, '')) ?? this.names.get(n.replace(/ kommun$/, ''));
	}
}

const SEX_CODES = new Map<string, Sex>([
	['', 'T'],
	['t', 'T'],
	['k', 'K'],
	['m', 'M'],
	// SCB
	['1', 'M'],
	['2', 'K'],
	['1+2', 'T'],
	['totsa', 'T'],
	['tot', 'T'],
	// Words in files and SCB labels
	['totalt', 'T'],
	['samtliga', 'T'],
	['alla', 'T'],
	['båda könen', 'T'],
	['totalt, samtliga män och kvinnor', 'T'],
	['kvinnor', 'K'],
	['kvinna', 'K'],
	['flickor', 'K'],
	['män', 'M'],
	['man', 'M'],
	['pojkar', 'M']
]);

/** Texts already resolved, as written ("T", "Kvinnor", "1+2"): most files use two or three, on every row. */
const sexSeen = new Map<string, Sex | undefined>();

/** T/K/M from the ways files write sex; undefined when unknown. */
export function resolveSex(text: string): Sex | undefined {
	let sex = sexSeen.get(text);
	if (sex !== undefined || sexSeen.has(text)) return sex;
	sex = SEX_CODES.get(normalise(text));
	if (sexSeen.size < 1000) sexSeen.set(text, sex);
	return sex;
}

export class Periods {
	private readonly cache = new Map<string, Period | { error: string }>();
	private lastText: string | null = null;
	private last: Period | { error: string } = { error: '' };

	parse(text: string): Period | { error: string } {
		if (text === this.lastText) return this.last;
		let p = this.cache.get(text);
		if (!p) this.cache.set(text, (p = parsePeriod(text)));
		this.lastText = text;
		this.last = p;
		return p;
	}
}

export interface IndicatorRow {
	id: number;
	slug: string;
	name: string;
	external_source: string | null;
	external_table: string | null;
	external_code: string | null;
}

/** Indicators by slug, external code ("N01951") or exact name, for values files. */
export class Indicators {
	private readonly keys = new Map<string, number | 'ambiguous'>();
	private readonly cache = new Map<string, number | 'ambiguous' | undefined>();
	readonly byId = new Map<number, IndicatorRow>();

	constructor(db: Db) {
		const rows = db.$client
			.prepare('SELECT id, slug, name, external_source, external_table, external_code FROM indicator')
			.all() as IndicatorRow[];
		const others = new Map<string, number | 'ambiguous'>();
		const add = (key: string, id: number) => {
			const had = others.get(key);
			others.set(key, had !== undefined && had !== id ? 'ambiguous' : id);
		};
		for (const r of rows) {
			this.byId.set(r.id, r);
			if (r.external_code) add(r.external_code, r.id);
			add(normalise(r.name), r.id);
		}
		for (const [k, v] of others) this.keys.set(k, v);
		// Slugs win: they are unique, and they are what the export writes.
		for (const r of rows) this.keys.set(r.slug, r.id);
	}

	private lastText: string | null = null;
	private lastId: number | 'ambiguous' | undefined;

	resolve(text: string): number | 'ambiguous' | undefined {
		if (text === this.lastText) return this.lastId;
		let id = this.cache.get(text);
		if (id === undefined && !this.cache.has(text)) {
			const t = text.trim();
			id = this.keys.get(t) ?? this.keys.get(normalise(t));
			this.cache.set(text, id);
		}
		this.lastText = text;
		this.lastId = id;
		return id;
	}

	slug(id: number): string {
		return this.byId.get(id)?.slug ?? String(id);
	}
}
