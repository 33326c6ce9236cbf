/**
 * Kolada URL mode: follows `next_page` (v2) or `next_url` (v3) until the last page, and fetches the KPIs'
 * titles from the same API version's /kpi endpoint so new indicators get Kolada's own names.
 */
import { fetchBytes, fetchJson, FetchError, type FetchFn } from './fetch';
import { nextPage, type KpiMeta } from './kolada';

const MAX_PAGES = 1000;

export async function fetchKolada(url: string, fetchFn: FetchFn): Promise<{ pages: Uint8Array[]; meta: KpiMeta }> {
	const pages: Uint8Array[] = [];
	const seen = new Set<string>();
	for (let next: string | null = url; next; ) {
		if (seen.has(next)) throw new FetchError(`Kolada pekar tillbaka på en sida som redan hämtats: ${next}`);
		if (pages.length >= MAX_PAGES) throw new FetchError(`fler än ${MAX_PAGES} sidor; dela upp frågan`);
		seen.add(next);
		const bytes = await fetchBytes(next, fetchFn);
		pages.push(bytes);
		let doc: unknown;
		try {
			doc = JSON.parse(new TextDecoder().decode(bytes));
		} catch {
			break; // The importer reports the broken page with its position.
		}
		const link = nextPage(doc);
		next = link ? new URL(link, next).href : null;
	}
	return { pages, meta: await kpiMeta(url, fetchFn) };
}

/** Titles of the KPIs named in a data URL (".../v2/data/kpi/N01951,N00914/..."), best effort. */
async function kpiMeta(url: string, fetchFn: FetchFn): Promise<KpiMeta> {
	const meta: KpiMeta = new Map();
	const m = /^(.*\/v\d+)\/data\/kpi\/([^/?]+)/.exec(url);
	if (!m) return meta;
	try {
		const doc = (await fetchJson(`${m[1]}/kpi/${m[2]}`, fetchFn)) as { values?: { id: string; title: string; unit?: string; description?: string }[] };
		for (const k of doc.values ?? []) meta.set(k.id, { title: k.title, unit: k.unit ?? null, description: k.description ?? null });
	} catch {
		// Without titles the indicators are named after their KPI id; the import says so.
	}
	return meta;
}
