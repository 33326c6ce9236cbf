import { describe, expect, it } from 'vitest';
import { financingSourcesNamed, normaliseNypsId, parseFigure, parseNypsIds } from './insats';

describe('parseNypsIds', () => {
	it.each([
		['Ärende ID Nyps: 2026 9854', ['20269854']],
		['Ärende ID i Nyps: 0020 7955', ['00207955']],
		['Ärende-id Nyps 00216758', ['00216758']],
		['Ärende-ID Nyps:  206 815', ['206815']],
		['ÄrendeID Nyps: 20224918', ['20224918']],
		['Ärende-ID NYPS: 00205135', ['00205135']],
		['Ärende id NYPS: 20202807', ['20202807']],
		['NYPS: 2020 2181; 0020 7622', ['20202181', '00207622']],
		['2020 2181 och 0020 7622', ['20202181', '00207622']],
		['', []],
		['Nyps: saknas', []]
	])('%s', (printed, ids) => {
		const got = parseNypsIds(printed);
		expect(got.map((g) => g.id)).toEqual(ids);
		for (const g of got) expect(g.printed).toBe(printed.trim());
	});
});

describe('normaliseNypsId', () => {
	it.each([
		['0020 7955', '00207955'],
		[' 00216758 ', '00216758'],
		['206\u00a0815', '206815'],
		['Nyps: 2026 9854', '20269854'],
		['20-26', null],
		['abc', null],
		['12', null]
	])('%s → %s', (typed, id) => expect(normaliseNypsId(typed)).toBe(id));
});

type Row = [string, Partial<ReturnType<typeof parseFigure>[number]>[]];

describe('parseFigure', () => {
	const rows: Row[] = [
		['ca 120', [{ value: 120, approx: 'ca', unit: null, sex: 'T' }]],
		['Ca 160 SME', [{ value: 160, approx: 'ca', unit: 'SME' }]],
		['drygt 40 företag', [{ value: 40, approx: 'drygt', unit: 'företag', qualifier: null }]],
		['cirka 50 000 besökare', [{ value: 50000, approx: 'cirka', unit: 'besökare' }]],
		['10–20', [{ value: null, rangeLow: 10, rangeHigh: 20, approx: null }]],
		['Ca 10-20 systemkritiska företag', [{ value: null, rangeLow: 10, rangeHigh: 20, approx: 'ca', unit: 'systemkritiska företag' }]],
		['40–60 företag', [{ rangeLow: 40, rangeHigh: 60, unit: 'företag' }]],
		['mer än 360 webutbildningar', [{ value: 360, qualifier: 'mer än', approx: null, unit: 'webutbildningar' }]],
		['minst fyra gånger/år', [{ value: 4, qualifier: 'minst', unit: 'gånger/år' }]],
		['två rapporter', [{ value: 2, unit: 'rapporter' }]],
		['Ca 35,8 miljoner', [{ value: 35_800_000, approx: 'ca', unit: 'kr' }]],
		['ca 78 mnkr per år', [{ value: 78_000_000, approx: 'ca', unit: 'kr/år' }]],
		['49 610 000 kr', [{ value: 49_610_000, unit: 'kr' }]],
		['2 miljoner kronor', [{ value: 2_000_000, unit: 'kr' }]],
		['12,5 %', [{ value: 12.5, unit: '%' }]],
		['10 000 MWh', [{ value: 10_000, unit: 'MWh' }]],
		[
			'189 jobb varav 86 kvinnor och 103 män',
			[
				{ printed: '189 jobb', value: 189, unit: 'jobb', sex: 'T' },
				{ printed: '86 kvinnor', value: 86, unit: 'jobb', sex: 'K' },
				{ printed: '103 män', value: 103, unit: 'jobb', sex: 'M' }
			]
		],
		[
			'189 personer, varav 86 kvinnor, 103 män',
			[
				{ value: 189, unit: 'personer', sex: 'T' },
				{ value: 86, unit: 'personer', sex: 'K' },
				{ value: 103, unit: 'personer', sex: 'M' }
			]
		],
		['inga siffror här', []],
		['', []]
	];
	it.each(rows)('%s', (printed, expected) => {
		const got = parseFigure(printed);
		expect(got).toHaveLength(expected.length);
		expected.forEach((e, i) => expect(got[i]).toMatchObject(e));
	});

	it('keeps the printed words of a single figure', () => {
		expect(parseFigure('  Ca 160  SME ')[0].printed).toBe('Ca 160 SME');
	});
});

describe('financingSourcesNamed', () => {
	it.each([
		['via Tillväxtverkets extrautlysning inom regionalfonden (ERUF)', ['eruf']],
		['Projekt SMICE (INTERREG)', ['interreg']],
		['Medel genom ERUF samt medfinansiering genom anslag 1:1 regionala tillväxtåtgärder', ['anslag-1-1', 'eruf']],
		['Socialfondsprojekt', ['esf-plus']],
		['Nätverk för energieffektivisering', []]
	])('%s', (text, sources) => expect(financingSourcesNamed(text)).toEqual(sources));
});
