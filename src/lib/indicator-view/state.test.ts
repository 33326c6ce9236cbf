import { describe, expect, it } from 'vitest';
import { parseViewState, viewQuery, type IndicatorViewState } from './state';

const DEFAULT: IndicatorViewState = { focus: null, compare: null, sex: 'T', from: null, to: null, tab: 'chart', year: null, level: null, mapmode: null, context: null };

describe('parseViewState', () => {
	it.each([
		['', DEFAULT],
		['?focus=23', { ...DEFAULT, focus: '23' }],
		['?focus=2380&compare=00,23,2380', { ...DEFAULT, focus: '2380', compare: ['00', '23', '2380'] }],
		['?compare=', { ...DEFAULT, compare: [] }],
		['?compare=00,00,<script>,999', { ...DEFAULT, compare: ['00'] }],
		['?sex=K', { ...DEFAULT, sex: 'K' }],
		['?sex=x', DEFAULT],
		['?from=2022&to=2010', { ...DEFAULT, from: 2010, to: 2022 }],
		['?from=abc&to=99999', DEFAULT],
		['?tab=table&year=2021', { ...DEFAULT, tab: 'table', year: 2021 }],
		['?tab=unknown', DEFAULT],
		['?focus=EX', { ...DEFAULT, focus: 'EX' }],
		['?compare=&compare=00&compare=2380', { ...DEFAULT, compare: ['00', '2380'] }],
		['?tab=map', { ...DEFAULT, tab: 'map' }],
		['?tab=map&level=lan&mapmode=riket', { ...DEFAULT, tab: 'map', level: 'lan', mapmode: 'riket' }],
		['?tab=map&level=kommun&mapmode=value', { ...DEFAULT, tab: 'map', level: 'kommun', mapmode: 'value' }],
		['?level=region&mapmode=diverging', DEFAULT],
		['?level=&mapmode=', DEFAULT],
		['?context=all', { ...DEFAULT, context: 'all' }],
		['?context=&context=all', { ...DEFAULT, context: 'all' }],
		['?context=&context=some', DEFAULT]
	] as const)('%s', (query, expected) => {
		expect(parseViewState(new URLSearchParams(query))).toEqual(expected);
	});

	it('caps the number of comparison geographies', () => {
		const codes = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
		expect(parseViewState(new URLSearchParams(`?compare=${codes.join(',')}`)).compare).toHaveLength(12);
	});
});

describe('viewQuery', () => {
	it('leaves out defaults and round-trips', () => {
		expect(viewQuery(DEFAULT)).toBe('');
		const s: IndicatorViewState = { focus: '23', compare: ['00', '2380'], sex: 'K', from: 2010, to: 2020, tab: 'bar', year: 2020, level: null, mapmode: null, context: null };
		const q = viewQuery(s);
		expect(q).toBe('?focus=23&compare=00,2380&sex=K&from=2010&to=2020&tab=bar&year=2020');
		expect(parseViewState(new URLSearchParams(q))).toEqual(s);
		const map: IndicatorViewState = { ...s, tab: 'map', level: 'lan', mapmode: 'riket' };
		expect(viewQuery(map)).toBe('?focus=23&compare=00,2380&sex=K&from=2010&to=2020&tab=map&year=2020&level=lan&mapmode=riket');
		expect(parseViewState(new URLSearchParams(viewQuery(map)))).toEqual(map);
		const all: IndicatorViewState = { ...s, tab: 'chart', year: null, context: 'all' };
		expect(viewQuery(all)).toBe('?focus=23&compare=00,2380&sex=K&from=2010&to=2020&context=all');
		expect(parseViewState(new URLSearchParams(viewQuery(all)))).toEqual(all);
	});

	it('applies a change without touching the rest', () => {
		expect(viewQuery({ ...DEFAULT, focus: '23' }, { tab: 'table' })).toBe('?focus=23&tab=table');
	});
});
