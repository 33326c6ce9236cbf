import { describe, expect, it } from 'vitest';
import { countFilter, filterQuery, isFiltered, matchesFilter, NO_FILTER, parseFilter, type FilterItem } from './chapter-filter';

const item = (over: Partial<FilterItem>): FilterItem => ({ type: 'goal', origin: 'council', colour: 'green', changed: false, ...over });

describe('parseFilter', () => {
	it.each([
		['', NO_FILTER],
		['visa=gulrod', { show: 'gulrod', category: null, colour: null }],
		['visa=andrade', { show: 'andrade', category: null, colour: null }],
		['visa=ejbedomda', { show: 'ejbedomda', category: null, colour: null }],
		['visa=allt&kategori=x&farg=lila', NO_FILTER],
		['kategori=committee_uppdrag&farg=ejbedomd', { show: null, category: 'committee_uppdrag', colour: 'ejbedomd' }]
	])('%s', (qs, expected) => expect(parseFilter(new URLSearchParams(qs))).toEqual(expected));
});

describe('matchesFilter', () => {
	it.each([
		['no filter keeps everything', item({}), NO_FILTER, true],
		['gul passes gul/röd', item({ colour: 'yellow' }), { ...NO_FILTER, show: 'gulrod' }, true],
		['röd passes gul/röd', item({ colour: 'red' }), { ...NO_FILTER, show: 'gulrod' }, true],
		['grön fails gul/röd', item({ colour: 'green' }), { ...NO_FILTER, show: 'gulrod' }, false],
		['not assessed fails gul/röd', item({ colour: null }), { ...NO_FILTER, show: 'gulrod' }, false],
		['not assessed passes ej bedömda', item({ colour: null }), { ...NO_FILTER, show: 'ejbedomda' }, true],
		['changed passes ändrade', item({ changed: true }), { ...NO_FILTER, show: 'andrade' }, true],
		['unchanged fails ändrade', item({}), { ...NO_FILTER, show: 'andrade' }, false],
		['category and colour of a count', item({ type: 'uppdrag', origin: 'committee', colour: null }), countFilter('committee_uppdrag', null), true],
		['other origin counts with the nämnd', item({ origin: 'other' }), countFilter('committee_goals', 'green'), true],
		['wrong category', item({}), countFilter('council_uppdrag', 'green'), false],
		['wrong colour', item({}), countFilter('council_goals', 'red'), false]
	] as const)('%s', (_, it_, f, ok) => expect(matchesFilter(it_, f)).toBe(ok));
});

describe('filterQuery', () => {
	it('keeps the period and writes only what is set', () => {
		expect(filterQuery(NO_FILTER)).toBe('');
		expect(filterQuery({ show: 'gulrod' }, { period: 'helar-2019' })).toBe('?period=helar-2019&visa=gulrod');
		expect(filterQuery(countFilter('council_goals', 'yellow'))).toBe('?kategori=council_goals&farg=yellow');
		expect(isFiltered(parseFilter(new URLSearchParams('farg=red')))).toBe(true);
	});
});
