/**
 * Which indicator a statistics series (an SCB ContentsCode, a Kolada KPI) goes to:
 * 1. `--indicator SLUG`: everything to that one indicator (only when the file holds one series);
 * 2. `--map FILE`: the file's code → indicator slug, for every series;
 * 3. neither: the indicator with the same source, table and code, created on first import with the
 *    dataset's own label, unit and source, so an official can import first and link it to goals later.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../db/client';
import type { PeriodKind } from '../../domain/types';
import type { Count, ExampleRow } from './types';
import { uniqueSlug } from '../../domain/slug';
import type { Issues } from './issues';
import { parseCsv } from './csv';
import { detectSeparator } from './csv-stream';

export interface SeriesInfo {
	source: 'scb' | 'kolada';
	/** SCB table id ("TAB6471"); null for Kolada. */
	table: string | null;
	/** The identity within the table: "000007SF", "000007SF|Alder=0-9", "N01951". */
	code: string;
	/** Other keys a mapping file may use for this series (the bare ContentsCode). */
	mapKeys?: string[];
	name: string;
	unit: string | null;
	decimals: number;
	definition?: string | null;
	/** Text for indicator.source, e.g. "SCB, tabell TAB6471: Folkmängden per månad …". */
	sourceText: string;
	attribution: string;
	periodKind: PeriodKind;
	/** Row to blame in messages (JSON: the value's position). */
	row?: number;
}

const FREQUENCY: Record<PeriodKind, string> = {
	year: 'year',
	half: 'half',
	tertial: 'tertial',
	quarter: 'quarter',
	month: 'month',
	range: 'irregular'
};

/** Reads a mapping: JSON `{ "code": "indicator-slug" }`, or CSV with the code first and the slug second. */
export function loadMap(map: string | Record<string, string>): Record<string, string> {
	if (typeof map !== 'string') return map;
	return parseMap(readFileSync(map, 'utf8'));
}

/** The text of a mapping file (JSON or CSV, as `loadMap` reads), e.g. one uploaded on the admin page. */
export function parseMap(raw: string): Record<string, string> {
	const text = raw.replace(/^\uFEFF/, '');
	if (text.trimStart().startsWith('{')) return JSON.parse(text) as Record<string, string>;
	const firstLine = text.split(/\r?\n/, 1)[0];
	const { header, rows } = parseCsv(text, detectSeparator(firstLine));
	const out: Record<string, string> = {};
	// The header row may itself be a mapping when the file has none; accept both.
	if (header.length >= 2 && !/^(kod|code|contentscode|kpi)$/i.test(header[0])) out[header[0]] = header[1];
	for (const r of rows) {
		const [code, slug] = [r[header[0]], r[header[1]]];
		if (code?.trim() && slug?.trim()) out[code.trim()] = slug.trim();
	}
	return out;
}

export class SeriesIndicators {
	readonly count: Count = { new: 0, changed: 0, unchanged: 0, removed: 0 };
	readonly examples: ExampleRow[] = [];
	private readonly cache = new Map<string, number | undefined>();
	private readonly slugs: Set<string>;
	private readonly fixed: number | undefined;
	private readonly map: Record<string, string> | null;
	private firstSeries: string | null = null;

	constructor(
		private readonly db: Db,
		private readonly issues: Issues,
		options: { indicator?: string; map?: string | Record<string, string> }
	) {
		const rows = db.$client.prepare('SELECT slug FROM indicator').all() as { slug: string }[];
		this.slugs = new Set(rows.map((r) => r.slug));
		this.map = options.map ? loadMap(options.map) : null;
		if (options.indicator) {
			this.fixed = this.bySlug(options.indicator);
			if (this.fixed === undefined) {
				issues.fatal({ code: 'unknown-indicator', value: options.indicator, message: `indikatorn '${options.indicator}' finns inte` });
			}
		}
	}

	private bySlug(slug: string): number | undefined {
		const row = this.db.$client.prepare('SELECT id FROM indicator WHERE slug = ?').get(slug) as { id: number } | undefined;
		return row?.id;
	}

	/** The indicator id for a series, or undefined (the problem is recorded in `issues`). */
	resolve(s: SeriesInfo): number | undefined {
		const key = `${s.source}|${s.table ?? ''}|${s.code}`;
		if (this.cache.has(key)) return this.cache.get(key);
		const id = this.lookup(s);
		this.cache.set(key, id);
		return id;
	}

	private lookup(s: SeriesInfo): number | undefined {
		if (this.fixed !== undefined) {
			if (this.firstSeries !== null && this.firstSeries !== s.code) {
				this.issues.fatal({
					code: 'several-series',
					value: `${this.firstSeries}, ${s.code}`,
					message: `filen har flera serier ('${this.firstSeries}', '${s.code}' …); --indicator gäller bara en serie, ange en mappning med --map`
				});
			}
			this.firstSeries = s.code;
			return this.fixed;
		}
		if (this.map) {
			const mapped = [s.code, ...(s.mapKeys ?? [])].map((k) => this.map![k]).find((v) => v !== undefined);
			if (mapped === undefined) {
				this.issues.unknownCode('mapping', s.code, s.row);
				return undefined;
			}
			const id = this.bySlug(mapped);
			if (id === undefined) this.issues.unknownCode('indicator', mapped, s.row);
			return id;
		}
		return this.findOrCreate(s);
	}

	private findOrCreate(s: SeriesInfo): number {
		const sqlite = this.db.$client;
		const existing = (
			s.table === null
				? sqlite.prepare('SELECT id FROM indicator WHERE external_source = ? AND external_table IS NULL AND external_code = ?').get(s.source, s.code)
				: sqlite
						.prepare('SELECT id FROM indicator WHERE external_source = ? AND external_table = ? AND external_code = ?')
						.get(s.source, s.table, s.code)
		) as { id: number } | undefined;
		if (existing) {
			this.count.unchanged++;
			return existing.id;
		}
		this.issues.checkText(s.name, s.row, 'namn');
		const slug = uniqueSlug(s.name, this.slugs);
		const id = Number(
			sqlite
				.prepare(
					`INSERT INTO indicator (slug, name, definition, unit, decimals, direction, source, attribution, frequency, external_source, external_table, external_code)
					 VALUES (?, ?, ?, ?, ?, 'none', ?, ?, ?, ?, ?, ?)`
				)
				.run(slug, s.name, s.definition ?? null, s.unit, s.decimals, s.sourceText, s.attribution, FREQUENCY[s.periodKind], s.source, s.table, s.code)
				.lastInsertRowid
		);
		this.count.new++;
		if (this.examples.length < 5) this.examples.push({ what: `indikator ${slug}`, after: `${s.name} (${s.code})` });
		return id;
	}
}
