/**
 * SCB PxWeb answers → observations. The dimensions are recognised by role or name: region ("00" riket,
 * "18" län, "1880" kommun, or names), kön ("1", "2", "1+2", "TotSa"), tid ("2019", "2026M01", "2019K1",
 * "2019T2") and ContentsCode, and when a dimension's name is unknown, by its codes (with a warning). SCB's
 * known breakdowns (ålder, inkomstklass …) become part of the series, so "Folkmängd 0–9 år" and
 * "Folkmängd 10–19 år" never overwrite each other in one indicator; any other dimension with several codes
 * is refused unless --map names its series.
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
const METRIC = /^(contentscode|tabellinnehåll|tabellinnehall)$/i;
const GEO = /^(region|regioner|län|lan|kommun|kommuner|geo|område|omrade)$/i;
const SEX = /^(kon|kön|sex|gender)$/i;
/**
 * SCB's usual breakdowns (ålder, inkomstklass, utbildningsnivå …): each of their codes becomes its own series.
 * A dimension outside this list with more than one code is refused unless --map names its series: guessing
 * wrongly would spread one table over hundreds of made-up indicators.
 */
const BREAKDOWN =
	/^(ålder|alder|age|inkomst|utbildn|utbniv|sun20|födelse|fodelse|hushåll|hushall|civilst|sni|näringsgren|naringsgren|bransch|sektor|yrke|ssyk|bakgrund|utlbakgrund|utländsk|utlandsk|medborg|familj|boende|hustyp|upplåt|upplat|storleksklass|fordon|drivmedel|diagnos|sysselsättning|sysselsattning|anställning|anstallning|arbetsställe|arbetsstalle)/i;
/** SCB's sex codes (kön): män, kvinnor, totalt. */
const SEX_CODES = new Set(['1', '2', '1+2', 'totsa']);
/** SCB content codes ("000007SF", "HE0110J8", "BE0101N1"): letters and digits, both present. */
const CONTENT_CODE = /^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{6,12}$/;
/** Share of codes that must resolve as geographies for an unnamed dimension to be taken for the region. */
const GEO_SHARE = 0.8;

interface Roles {
	time: number;
	metric: number;
	geo: number;
	sex: number;
	others: number[];
}

type Role = 'time' | 'metric' | 'geo' | 'sex';
const ROLE_TEXT: Record<Role, string> = { time: 'tid', metric: 'innehåll (ContentsCode)', geo: 'region', sex: 'kön' };

const codeList = (d: Dimension, n = 5): string =>
	d.codes.slice(0, n).map((c) => `'${c}'`).join(', ') + (d.codes.length > n ? ` … (${d.codes.length} koder)` : '');

/**
 * Which dimension is which: by JSON-stat role, then by name (id or label), then by the codes themselves for a
 * dimension whose name is not recognised (a warning says so). Returns an error message when the file cannot
 * be read without guessing.
 */
function findRoles(ds: Dataset, ctx: StatsContext): Roles | string {
	const dims = ds.dimensions;
	const byName: Record<Role, RegExp> = { time: TIME, metric: METRIC, geo: GEO, sex: SEX };
	const found: Record<Role, number> = { time: -1, metric: -1, geo: -1, sex: -1 };
	for (const role of ['time', 'metric', 'geo'] as const) found[role] = dims.findIndex((d) => d.role === role);
	for (const role of ['time', 'metric', 'geo', 'sex'] as const) {
		if (found[role] !== -1) continue;
		found[role] = dims.findIndex((d, i) => !Object.values(found).includes(i) && (byName[role].test(d.id) || byName[role].test(d.label)));
	}
	const taken = () => Object.values(found);
	const unnamed = dims.map((_, i) => i).filter((i) => !taken().includes(i) && !BREAKDOWN.test(dims[i].id) && !BREAKDOWN.test(dims[i].label));

	// Recognised by their codes: region first (kommun codes such as "1880" also read as years), then time, kön, innehåll.
	const guess = (role: Role, test: (d: Dimension) => boolean) => {
		if (found[role] !== -1) return;
		const i = unnamed.find((i) => !taken().includes(i) && dims[i].codes.length > 0 && test(dims[i]));
		if (i === undefined) return;
		found[role] = i;
		ctx.issues.warn({
			code: 'dimension-by-codes',
			column: dims[i].id,
			message: `dimensionen '${dims[i].id}' (${dims[i].label}) har inget känt namn men koderna ${codeList(dims[i])} ser ut som ${ROLE_TEXT[role]}; den läses som ${ROLE_TEXT[role]}. Kontrollera resultatet.`
		});
	};
	guess('geo', (d) => d.codes.filter((c, k) => ctx.geos.resolve(c) !== undefined || ctx.geos.resolve(d.labels[k]) !== undefined).length >= GEO_SHARE * d.codes.length);
	guess('time', (d) => d.codes.every((c) => !('error' in ctx.periods.parse(c))));
	guess('sex', (d) => d.codes.every((c) => SEX_CODES.has(c.toLowerCase())) && !(d.codes.length === 1 && /^[12]$/.test(d.codes[0])));
	guess('metric', (d) => d.codes.every((c) => CONTENT_CODE.test(c)));

	const listed = dims.map((d) => `'${d.id}'`).join(', ');
	if (found.time === -1) return `hittar ingen tidsdimension (väntade 'Tid' eller role.time); filens dimensioner är ${listed}`;
	if (found.metric === -1) return `hittar ingen innehållsdimension (väntade 'ContentsCode' eller role.metric); filens dimensioner är ${listed}`;
	const others = dims.map((_, i) => i).filter((i) => !taken().includes(i));
	// An unknown dimension with one code is a constant of the table (kept in the series code); with several,
	// only a mapping may say what its series are.
	const unknown = others.filter((i) => unnamed.includes(i) && dims[i].codes.length > 1);
	if (unknown.length && !ctx.options.map) {
		const d = dims[unknown[0]];
		return (
			`dimensionen '${d.id}' (${d.label}) med koderna ${codeList(d)} känns inte igen: väntade region (t.ex. '00', '18', '1880'), ` +
			`kön ('1', '2', '1+2', 'TotSa'), tid ('2019', '2026M01', '2019K1'), innehåll (ContentsCode) eller en känd uppdelning ` +
			`(t.ex. 'Alder'); filens dimensioner är ${listed}. Ge dimensionen ett känt namn, eller ange med --map vilken indikator ` +
			`varje serie ska till (koder som '${dims[found.metric].codes[0]}|${d.id}=${d.codes[0]}')`
		);
	}
	return { ...found, others };
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
	const roles = findRoles(ds, ctx);
	if (typeof roles === 'string') issues.fatal({ code: 'dimensions', message: roles });
	const table = ds.table ?? tableHint;
	if (!table) {
		issues.fatal({ code: 'no-table', message: 'svaret säger inte vilken SCB-tabell det kommer från; ange tabellens id med --table' });
	}
	const dims = ds.dimensions;
	if (roles.geo === -1) {
		issues.warn({ code: 'no-region', message: `svaret har ingen regiondimension; värdena läses in för riket (SCB har summerat över regionerna)` });
	}

	const geoIds = roles.geo === -1 ? [ctx.riketId()] : dims[roles.geo].codes.map((c, i) => resolveGeo(ctx, c, dims[roles.geo].labels[i], dims[roles.geo].id));
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

function resolveGeo(ctx: StatsContext, code: string, label: string, dimension: string): number | undefined {
	const id = ctx.geos.resolve(code) ?? ctx.geos.resolve(label);
	if (id === undefined) ctx.issues.unknownCode('geography', label && label !== code ? `${code} (${label})` : code, undefined, dimension);
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
