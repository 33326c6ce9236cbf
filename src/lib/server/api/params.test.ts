import { describe, expect, it } from 'vitest';
import {
	parseAssessmentsQuery,
	parseGeographiesQuery,
	parseId,
	parseIndicatorsQuery,
	parseObservationsQuery,
	parseOutputQuery,
	rawParams,
	type ParseResult
} from './params';
import type { ApiContext, ParamError } from './types';

const ctx: ApiContext = {
	geographies: [
		{ code: '00', koladaId: '0000', name: 'Riket', level: 'riket', parent: null },
		{ code: '18', koladaId: '0018', name: 'Örebro län', level: 'lan', parent: '00' },
		{ code: '23', koladaId: '0023', name: 'Jämtlands län', level: 'lan', parent: '00' },
		{ code: '1880', koladaId: '1880', name: 'Örebro', level: 'kommun', parent: '18' },
		{ code: '2309', koladaId: '2309', name: 'Krokom', level: 'kommun', parent: '23' },
		{ code: '2380', koladaId: '2380', name: 'Östersund', level: 'kommun', parent: '23' },
		{ code: 'EX', koladaId: 'EX00', name: 'Exempellänet (påhittat)', level: 'exempel', parent: '00' }
	],
	organisations: ['region-orebro-lan', 'region-jamtland-harjedalen', 'exempelregionen'],
	plans: [
		{ organisation: 'region-orebro-lan', slug: 'rtn-verksamhetsplan-2019', periods: ['helar-2019'] },
		{ organisation: 'region-jamtland-harjedalen', slug: 'rus-jamtlands-lan-2050', periods: ['helar-2022'] },
		{ organisation: 'exempelregionen', slug: 'verksamhetsplan-2025', periods: ['delar-2-2025', 'helar-2025'] },
		// Same plan slug in two organisations, and a plan without published periods.
		{ organisation: 'exempelregionen', slug: 'rus', periods: [] },
		{ organisation: 'region-orebro-lan', slug: 'rus', periods: [] }
	]
};

function value<T>(r: ParseResult<T>): T {
	if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
	return r.value;
}

function errors<T>(r: ParseResult<T>): ParamError[] {
	if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
	return r.errors;
}

const observations = (q: string, accept: string | null = null) => parseObservationsQuery(q, accept, ctx);

describe('rawParams', () => {
	it('groups repeated names and keeps "__proto__" as an ordinary name', () => {
		const raw = rawParams('sex=K&sex=M&__proto__=x');
		expect(raw.sex).toEqual(['K', 'M']);
		expect(Object.keys(raw)).toEqual(['sex', '__proto__']);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});
});

describe('parseObservationsQuery: good parameters', () => {
	it.each([
		['', { geographies: null, levels: null, parent: null, sexes: null, from: null, to: null }],
		['geography=23', { geographies: ['23'] }],
		['geography=23,00,2380', { geographies: ['23', '00', '2380'] }],
		['geography=23&geography=00', { geographies: ['23', '00'] }],
		['geography=23,,00,', { geographies: ['23', '00'] }],
		['geography=0023,2380', { geographies: ['23', '2380'] }], // Kolada ids map to SCB codes
		['geography=ex', { geographies: ['EX'] }],
		['geography=23,23', { geographies: ['23'] }],
		['level=kommun&parent=23', { levels: ['kommun'], parent: '23' }],
		['level=län,Kommun', { levels: ['lan', 'kommun'] }],
		['parent=00', { parent: '00' }],
		['sex=t', { sexes: ['T'] }],
		['sex=K,M', { sexes: ['K', 'M'] }],
		['sex=', { sexes: null }],
		['geography=', { geographies: null }]
	])('%s', (q, expected) => {
		expect(value(observations(q)).filter).toMatchObject(expected);
	});

	it('reads periods with parsePeriod and keeps them whole', () => {
		const { filter } = value(observations('from=2010&to=2022K2'));
		expect(filter.from).toEqual({ kind: 'year', code: '2010', start: '2010-01-01', end: '2010-12-31' });
		expect(filter.to).toMatchObject({ kind: 'quarter', code: '2022K2', end: '2022-06-30' });
		expect(value(observations('from=2019&to=2019')).filter.from?.code).toBe('2019');
		expect(value(observations('from=2015–2016')).filter.from?.code).toBe('2015-2016');
	});
});

describe('parseObservationsQuery: bad parameters give 400 messages', () => {
	it.each([
		['geography=99', 'geography', "Okänd geografi '99'. Använd SCB-koder, t.ex. 00 (riket), 23 (Jämtlands län), 2380 (Östersund)."],
		['geography=23,99', 'geography', "Okänd geografi '99'."],
		['geography=Östersund', 'geography', "Okänd geografi 'Östersund'. Menar du 2380 (Östersund)?"],
		['level=region', 'level', "Okänd nivå 'region'. Använd riket, lan (län) eller kommun"],
		['parent=2380', 'parent', '2380 (Östersund) har inga undergeografier.'],
		['parent=77', 'parent', "Okänd geografi '77'."],
		['parent=23&parent=18', 'parent', "Parametern parent får bara ha ett värde (fick '23' och '18')."],
		['sex=X', 'sex', "Okänt kön 'X'. Använd T (totalt), K (kvinnor) eller M (män), flera med komma: sex=K,M."],
		['sex=K,kvinnor', 'sex', "Okänt kön 'kvinnor'."],
		['from=20x', 'from', "Ogiltig period i from: '20x' är ingen period (exempel: 2019, 2019K1"],
		['to=2019K5', 'to', "Ogiltig period i to: '2019K5' är ingen period: kvartal måste vara 1–4."],
		['from=1700', 'from', 'året 1700 ligger utanför 1800–2200'],
		['from=2022&to=2010', 'from', 'from (2022) ligger efter to (2010).'],
		['from=2010&from=2011', 'from', "Parametern from får bara ha ett värde (fick '2010' och '2011')."],
		['geograpy=23', 'geograpy', "Okänd parameter 'geograpy'. Menar du 'geography'? Här går det att använda: geography, level, parent, sex, from, to, format, sep, decimal, pretty."],
		['Sex=K', 'Sex', "Okänd parameter 'Sex'. Menar du 'sex'?"],
		['x=1', 'x', "Okänd parameter 'x'. Här går det att använda:"],
		['format=xml', 'format', "Okänt format 'xml'. Använd json eller csv."],
		['format=csv&sep=pipe', 'sep', "Okänd separator 'pipe'. Använd sep=comma, sep=semicolon eller sep=tab."],
		['format=csv&decimal=komma', 'decimal', "Okänt decimaltecken 'komma'."],
		['sep=semicolon', 'sep', 'sep gäller bara CSV. Lägg till format=csv.'],
		['decimal=comma', 'decimal', 'decimal gäller bara CSV. Lägg till format=csv.'],
		['format=csv&sep=comma&decimal=comma', 'decimal', 'decimal=comma går inte ihop med sep=comma.'],
		['pretty=kanske', 'pretty', "pretty tar inget värde eller 1/0 (fick 'kanske')."]
	])('%s → %s', (q, parameter, message) => {
		const [first] = errors(observations(q));
		expect(first.parameter).toBe(parameter);
		expect(first.message).toContain(message);
		expect(first.message_en.length).toBeGreaterThan(10);
		expect(first.message_en).not.toBe(first.message);
	});

	it('gives English messages too', () => {
		expect(errors(observations('geography=99'))[0].message_en).toBe(
			"Unknown geography '99'. Use SCB codes, e.g. 00 (Sweden), 23 (Jämtland County), 2380 (Östersund)."
		);
		expect(errors(observations('from=20x'))[0].message_en).toBe(
			"Invalid period in from: '20x' is not a period (examples: 2019, 2019H1, 2019T2, 2019K1, 2026M01, 2015-2016)."
		);
	});

	it('reports every bad parameter, unknown names first', () => {
		const all = errors(observations('sex=X&from=20x&geograpy=1'));
		expect(all.map((e) => e.parameter)).toEqual(['geograpy', 'sex', 'from']);
	});
});

describe('output options', () => {
	it.each([
		['', null, { format: 'json', pretty: false, sep: ',', decimal: '.' }],
		['pretty', null, { format: 'json', pretty: true }],
		['pretty=1', null, { pretty: true }],
		['pretty=0', null, { pretty: false }],
		['format=csv', null, { format: 'csv', sep: ',', decimal: '.' }],
		['format=CSV', null, { format: 'csv' }],
		['format=csv&decimal=comma', null, { format: 'csv', sep: ';', decimal: ',' }],
		['format=csv&sep=semicolon&decimal=comma', null, { sep: ';', decimal: ',' }],
		['format=csv&sep=tab&decimal=comma', null, { sep: '\t', decimal: ',' }],
		['format=csv&sep=semicolon', null, { sep: ';', decimal: '.' }],
		['', 'text/csv', { format: 'csv' }],
		['', 'text/csv;q=0.9, */*;q=0.1', { format: 'csv' }],
		['', 'application/json, text/csv', { format: 'json' }],
		['', 'text/html,application/xhtml+xml,*/*;q=0.8', { format: 'json' }],
		['format=json', 'text/csv', { format: 'json' }],
		['lang=en&_=123', null, { format: 'json' }]
	])('%s (Accept: %s)', (q, accept, expected) => {
		expect(value(observations(q, accept)).output).toMatchObject(expected);
	});

	it('refuses CSV where a resource has no CSV form, but lets Accept fall back to JSON', () => {
		const [e] = errors(parseOutputQuery('format=csv', null, { csv: false }));
		expect(e.parameter).toBe('format');
		expect(e.message).toMatch(/^CSV finns inte för den här resursen, bara JSON\./);
		expect(value(parseOutputQuery('', 'text/csv', { csv: false })).output.format).toBe('json');
		expect(errors(parseOutputQuery('format=csv&sep=tab', null, { csv: false }))[0].parameter).toBe('format');
	});

	it('lists only the output parameters for endpoints without filters', () => {
		const [e] = errors(parseOutputQuery('geography=23', null, { csv: false }));
		expect(e.message).toBe("Okänd parameter 'geography'. Här går det att använda: format, pretty.");
	});
});

describe('parseIndicatorsQuery', () => {
	const indicators = (q: string) => parseIndicatorsQuery(q, null, ctx);
	it.each([
		['', { organisation: null, q: null }],
		['organisation=region-jamtland-harjedalen', { organisation: 'region-jamtland-harjedalen', q: null }],
		['organisation=Region-Orebro-Lan', { organisation: 'region-orebro-lan' }],
		['q=  arbetslöshet ', { q: 'arbetslöshet' }]
	])('%s', (q, expected) => {
		expect(value(indicators(q)).filter).toMatchObject(expected);
	});

	it.each([
		['organisation=region-skane', 'organisation', "Okänd organisation 'region-skane'. Finns: region-orebro-lan, region-jamtland-harjedalen, exempelregionen."],
		[`q=${'a'.repeat(201)}`, 'q', 'q är för lång (201 tecken, högst 200).'],
		['geography=23', 'geography', "Okänd parameter 'geography'. Här går det att använda: organisation, q, format, sep, decimal, pretty."]
	])('%s → %s', (q, parameter, message) => {
		const [e] = errors(indicators(q));
		expect(e).toMatchObject({ parameter, message });
	});
});

describe('parseGeographiesQuery', () => {
	it('takes level and parent', () => {
		expect(value(parseGeographiesQuery('level=lan', null, ctx)).filter).toEqual({ levels: ['lan'], parent: null });
		expect(value(parseGeographiesQuery('parent=23', null, ctx)).filter).toEqual({ levels: null, parent: '23' });
		expect(errors(parseGeographiesQuery('parent=1880', null, ctx))[0].parameter).toBe('parent');
	});
});

describe('parseAssessmentsQuery', () => {
	const assessments = (q: string) => parseAssessmentsQuery(q, null, ctx);
	it.each([
		['', { organisation: null, plan: null, period: null, subjects: null }],
		[
			'plan=rtn-verksamhetsplan-2019',
			{ organisation: 'region-orebro-lan', plan: { organisation: 'region-orebro-lan', slug: 'rtn-verksamhetsplan-2019' } }
		],
		['plan=exempelregionen/rus', { plan: { organisation: 'exempelregionen', slug: 'rus' } }],
		['organisation=region-orebro-lan&plan=rus', { plan: { organisation: 'region-orebro-lan', slug: 'rus' } }],
		['plan=verksamhetsplan-2025&period=delar-2-2025', { period: 'delar-2-2025' }],
		['period=helar-2019', { period: 'helar-2019', plan: null }],
		['organisation=exempelregionen&period=HELAR-2025', { period: 'helar-2025' }],
		['subject=goal,uppdrag', { subjects: ['goal', 'uppdrag'] }],
		['subject=mål&subject=indikator', { subjects: ['goal', 'indicator'] }]
	])('%s', (q, expected) => {
		expect(value(assessments(q)).filter).toMatchObject(expected);
	});

	it.each([
		['plan=finns-inte', 'plan', "Okänd plan 'finns-inte'. Finns: region-orebro-lan/rtn-verksamhetsplan-2019,"],
		['plan=rus', 'plan', "Planen 'rus' finns hos flera organisationer (exempelregionen, region-orebro-lan). Skriv organisationen framför, t.ex. plan=exempelregionen/rus."],
		['organisation=exempelregionen&plan=region-orebro-lan/rus', 'plan', 'plan=region-orebro-lan/rus hör inte till organisation=exempelregionen.'],
		['plan=rtn-verksamhetsplan-2019&period=helar-2025', 'period', "Ingen publicerad uppföljningsperiod 'helar-2025' för region-orebro-lan/rtn-verksamhetsplan-2019. Publicerade: helar-2019."],
		['plan=exempelregionen/rus&period=helar-2025', 'period', 'Publicerade: (inga).'],
		['period=delar-1-2019', 'period', "Ingen publicerad uppföljningsperiod 'delar-1-2019'. Publicerade: helar-2019, helar-2022, delar-2-2025, helar-2025."],
		['subject=avsnitt', 'subject', "Okänd sorts bedömning 'avsnitt'. Använd goal (mål), uppdrag eller indicator (indikator)."],
		['organisation=x', 'organisation', "Okänd organisation 'x'."]
	])('%s → %s', (q, parameter, message) => {
		const [e] = errors(assessments(q));
		expect(e.parameter).toBe(parameter);
		expect(e.message).toContain(message);
	});
});

describe('parseId', () => {
	it.each([
		['1', 1],
		['42', 42],
		['999999999999999', 999999999999999]
	])('%s → %d', (raw, id) => {
		expect(value(parseId(raw, 'goal'))).toBe(id);
	});

	it.each(['0', '-1', '1.5', 'abc', '01', '1e3', '', '9999999999999999'])('%s is not an id', (raw) => {
		const [e] = errors(parseId(raw, 'goal'));
		expect(e.parameter).toBe('id');
		expect(e.message).toBe(`'${raw}' är inget id för mål: ange ett positivt heltal, t.ex. /api/v1/goals/1.`);
	});

	it('names the kind of resource', () => {
		expect(errors(parseId('x', 'uppdrag'))[0].message_en).toBe("'x' is not an uppdrag id: give a positive integer, e.g. /api/v1/uppdrag/1.");
	});
});
