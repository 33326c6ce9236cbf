/**
 * SCB PxWeb answers → observations. The dimensions are recognised by role or name: region ("00" riket,
 * "18" län, "1880" kommun, or names), kön ("1", "2", "1+2", "TotSa"), tid ("2019", "2026M01", "2019K1",
 * "2019T2") and ContentsCode. Every other dimension (ålder, inkomstklass …) becomes part of the series, so
 * "Folkmängd 0–9 år" and "Folkmängd 10–19 år" never overwrite each other in one indicator.
 */
import type { Sex, Period } from '../../domain/types';
import { isMissingSymbol } from '../../domain/number';
import { parsePeriod } from '../../domain/period';
import type { StatsContext } from './stats-context';
import type { Issues } from './issues';
import { readNumberCell } from './values-cell';
import { readPxwebDocument, NotData, type Dataset, type Dimension } from './pxweb-dataset';
import { decodeJson, JsonEncodingError } from './source';
import { resolveSex } from './resolve';
import type { SeriesInfo } from './series';

const TIME = /^(tid|time|år|ar|year|månad|manad|kvartal|period)$/i;
const METRIC = /^contentscode$/i;
const GEO = /^(region|regioner|län|lan|kommun|kommuner|geo|område|omrade)$/i;
const SEX = /^(kon|kön|sex|gender)$/i;

interface Roles {
	time: number;
	metric: number;
	geo: number;
	sex: number;
	others: number[];
}

function findRoles(ds: Dataset): Roles | string {
	const dims = ds.dimensions;
	const find = (role: Dimension['role'], names: RegExp) => {
		const byRole = dims.findIndex((d) => d.role === role);
		return byRole !== -1 ? byRole : dims.findIndex((d) => names.test(d.id) || names.test(d.label));
	};
	const time = find('time', TIME);
	const metric = find('metric', METRIC);
	const geo = find('geo', GEO);
	const sex = dims.findIndex((d) => SEX.test(d.id) || SEX.test(d.label));
	const listed = dims.map((d) => `'${d.id}'`).join(', ');
	if (time === -1) return `hittar ingen tidsdimension (väntade 'Tid' eller role.time); filens dimensioner är ${listed}`;
	if (metric === -1) return `hittar ingen innehållsdimension (väntade 'ContentsCode' eller role.metric); filens dimensioner är ${listed}`;
	const others = dims.map((_, i) => i).filter((i) => ![time, metric, geo, sex].includes(i));
	return { time, metric, geo, sex, others };
}

/** Parses and imports one PxWeb document (one page of an answer). */
export function importPxwebDocument(ctx: StatsContext, bytes: Uint8Array, page: number, tableHint: string | null): Dataset | null {
	const issues: Issues = ctx.issues;
	let ds: Dataset;
	try {
		ds = readPxwebDocument(JSON.parse(decodeJson(bytes)));
	} catch (e) {
		const known = e instanceof NotData || e instanceof JsonEncodingError;
		const why = known ? (e as Error).message : `filen är inte giltig JSON (avbruten eller trasig?): ${(e as Error).message}`;
		const code = e instanceof NotData ? 'not-data' : e instanceof JsonEncodingError ? 'encoding' : 'invalid-json';
		issues.fatal({ code, message: page > 0 ? `sida ${page + 1}: ${why}` : why });
	}
	const roles = findRoles(ds);
	if (typeof roles === 'string') issues.fatal({ code: 'dimensions', message: roles });
	const table = ds.table ?? tableHint;
	if (!table) {
		issues.fatal({ code: 'no-table', message: 'svaret säger inte vilken SCB-tabell det kommer från; ange tabellens id med --table' });
	}
	const dims = ds.dimensions;
	if (roles.geo === -1) {
		issues.warn({ code: 'no-region', message: `svaret har ingen regiondimension; värdena läses in för riket (SCB har summerat över regionerna)` });
	}

	const geoIds = roles.geo === -1 ? [ctx.riketId()] : dims[roles.geo].codes.map((c, i) => resolveGeo(ctx, c, dims[roles.geo].labels[i]));
	const periods = dims[roles.time].codes.map((c) => {
		const p = ctx.periods.parse(c);
		if ('error' in p) ctx.issues.unknownCode('period', c, undefined, dims[roles.time].id);
		return 'error' in p ? undefined : p;
	});
	const sexes: (Sex | undefined)[] =
		roles.sex === -1
			? ['T']
			: dims[roles.sex].codes.map((c, i) => {
					const s = resolveSex(c) ?? resolveSex(dims[roles.sex].labels[i]);
					if (!s) ctx.issues.unknownCode('sex', c, undefined, dims[roles.sex].id);
					return s;
				});
	const seriesOf = seriesResolver(ctx, ds, roles, table!);

	try {
		ds.forEachCell((idx, raw, status, ordinal) => {
			const geographyId = geoIds[roles.geo === -1 ? 0 : idx[roles.geo]];
			const period = periods[idx[roles.time]];
			const sex = sexes[roles.sex === -1 ? 0 : idx[roles.sex]];
			const indicatorId = seriesOf(idx, ordinal);
			if (geographyId === undefined || period === undefined || sex === undefined || indicatorId === undefined) return;
			write(ctx, { indicatorId, geographyId, period, sex, raw, status, row: ordinal + 1, column: dims[roles.metric].codes[idx[roles.metric]] });
		});
	} catch (e) {
		// A cell the reader finds damaged (a value that is not a number, a v1 row of the wrong length).
		if (e instanceof NotData) issues.fatal({ code: 'not-data', message: page > 0 ? `sida ${page + 1}: ${e.message}` : e.message });
		throw e;
	}
	return ds;
}

function resolveGeo(ctx: StatsContext, code: string, label: string): number | undefined {
	const id = ctx.geos.resolve(code) ?? ctx.geos.resolve(label);
	if (id === undefined) ctx.issues.unknownCode('geography', label && label !== code ? `${code} (${label})` : code, undefined, 'Region');
	return id;
}

/** Series (ContentsCode + other dimensions) → indicator id, resolved once per combination. */
function seriesResolver(ctx: StatsContext, ds: Dataset, roles: Roles, table: string) {
	const dims = ds.dimensions;
	const parts = [roles.metric, ...roles.others];
	const cache = new Map<number, number | undefined>();
	return (idx: number[], ordinal: number): number | undefined => {
		let key = 0;
		for (const d of parts) key = key * dims[d].codes.length + idx[d];
		if (cache.has(key)) return cache.get(key);
		const m = dims[roles.metric];
		const content = m.codes[idx[roles.metric]];
		const unit = m.units?.[content];
		const extra = roles.others.map((d) => ({ id: dims[d].id, code: dims[d].codes[idx[d]], label: dims[d].labels[idx[d]] }));
		const info: SeriesInfo = {
			source: 'scb',
			table,
			code: [content, ...extra.map((e) => `${e.id}=${e.code}`)].join('|'),
			mapKeys: [content],
			name: [m.labels[idx[roles.metric]], ...extra.map((e) => e.label)].join(', '),
			unit: unit?.base ?? null,
			decimals: unit?.decimals ?? ds.decimals ?? 0,
			definition: ds.label || null,
			sourceText: `SCB, tabell ${table}${ds.label ? `: ${ds.label}` : ''}`,
			attribution: 'Källa: SCB',
			periodKind: periodKindOf(ds, roles),
			row: ordinal + 1
		};
		const id = ctx.series.resolve(info);
		cache.set(key, id);
		return id;
	};
}

function periodKindOf(ds: Dataset, roles: Roles): Period['kind'] {
	const first = ds.dimensions[roles.time].codes[0];
	const p = first ? parsePeriod(first) : null;
	return p && !('error' in p) ? p.kind : 'year';
}

/** One cell: a number, or null/a status symbol kept as a missing symbol (never 0). */
function write(
	ctx: StatsContext,
	c: { indicatorId: number; geographyId: number; period: Period; sex: Sex; raw: number | string | null; status: string | null; row: number; column: string }
): void {
	const { raw, status } = c;
	let value: number | null = null;
	let missing: '..' | '-' | '.' | null = null;
	let note: string | null = null;
	if (typeof raw === 'number') {
		value = raw;
		if (status) note = `SCB-status: ${status}`;
	} else if (raw === null || raw === '') {
		missing = status && isMissingSymbol(status) ? status : '..';
	} else {
		const cell = readNumberCell(raw);
		if (cell.kind === 'invalid') {
			ctx.issues.error({ code: 'not-a-number', row: c.row, column: c.column, value: raw, message: cell.reason });
			return;
		}
		if (cell.kind === 'missing') missing = cell.symbol;
		else value = cell.value;
	}
	ctx.writer.add(c.indicatorId, c.geographyId, c.period, c.sex, value, null, missing, null, note, c.row);
}
