/**
 * Kolada time series in Gapminder DDF layout (`geo,[gender,]year,<kpi>`), as saved from Kolada's API by
 * open-numbers/ddf--kolada--dump. Geo "0" is riket, two digits a län, four a kommun; gender "k"/"m"; the
 * last column is named after the KPI in lower case ("n01951") and holds numbers with a decimal point.
 * The KPI goes to the indicator with external source "kolada" and that code (created if missing), unless
 * --indicator or --map says otherwise.
 */
import type { Sex } from '../../domain/types';
import type { StatsContext } from './stats-context';
import type { Issues } from './issues';
import { decodeChunks } from './source';
import type { Source } from './source';
import { readCsv } from './csv-stream';
import { resolveSex } from './resolve';
import { readNumberCell } from './values-cell';

/** The DDF geo code as an SCB code: "0" is riket ("00"); län and kommun codes are the same. */
export function ddfGeoToScbCode(geo: string): string {
	return geo === '0' ? '00' : geo;
}

/** Imports one DDF datapoints file; returns the KPI id. */
export function importKoladaDdf(ctx: StatsContext, source: Source): string {
	const { writer } = ctx;
	const issues: Issues = ctx.issues;
	let kpi = '';
	let geoAt = -1;
	let genderAt = -1;
	let yearAt = -1;
	let valueAt = -1;
	let indicatorId: number | undefined;
	let done = 0;
	const chunks = (function* () {
		for (const c of source.chunks()) {
			yield c;
			ctx.progress((done += c.byteLength), source.size);
		}
	})();
	const texts = decodeChunks(chunks, (encoding) => {
		if (encoding !== 'utf-8') issues.warn({ code: 'encoding', message: `filen är inte UTF-8; läst som ${encoding}` });
	});
	readCsv(
		texts,
		{
			header(fields) {
				const names = fields.map((f) => f.trim());
				geoAt = names.indexOf('geo');
				genderAt = names.indexOf('gender');
				yearAt = names.indexOf('year');
				valueAt = names.findIndex((n) => n !== 'geo' && n !== 'gender' && n !== 'year' && n !== '');
				if (geoAt === -1 || yearAt === -1 || valueAt === -1) {
					issues.fatal({ code: 'missing-columns', message: `väntade kolumnerna geo, year och ett KPI-id (t.ex. n01951), fick ${names.join(', ')}` });
				}
				kpi = names[valueAt].toUpperCase();
				indicatorId = ctx.series.resolve({
					source: 'kolada',
					table: null,
					code: kpi,
					name: `Kolada ${kpi}`,
					unit: null,
					decimals: 0,
					sourceText: `Kolada, nyckeltal ${kpi}`,
					attribution: 'Källa: Kolada',
					periodKind: 'year',
					row: 1
				});
			},
			row(f, line) {
				const geo = f[geoAt] ?? '';
				const geographyId = ctx.geos.resolve(ddfGeoToScbCode(geo));
				if (geographyId === undefined) issues.unknownCode('geography', geo, line, 'geo');
				const year = f[yearAt] ?? '';
				const period = ctx.periods.parse(year);
				if ('error' in period) issues.error({ code: 'period', row: line, column: 'year', value: year, message: period.error });
				let sex: Sex | undefined = 'T';
				if (genderAt !== -1) {
					sex = resolveSex(f[genderAt] ?? '');
					if (!sex) issues.unknownCode('sex', f[genderAt] ?? '', line, 'gender');
				}
				const raw = f[valueAt] ?? '';
				const cell = readNumberCell(raw);
				if (cell.kind !== 'number') {
					// DDF files leave out missing values; an empty or odd cell is a broken file, never a 0.
					const reason = raw.trim() === '' ? 'värdet saknas (tomt fält)' : cell.kind === 'invalid' ? cell.reason : `'${raw}' är inte ett tal`;
					issues.error({ code: 'not-a-number', row: line, column: kpi.toLowerCase(), value: raw, message: reason });
					return;
				}
				if (indicatorId === undefined || geographyId === undefined || 'error' in period || !sex) return;
				writer.add(indicatorId, geographyId, period, sex, cell.value, null, null, null, null, line);
			}
		},
		','
	);
	return kpi;
}
