import { describe, expect, it } from 'vitest';
import { sexOf, vbIndicatorValues, type VbIndicator, type VbValue } from './vb-values';

const v = (o: Partial<VbValue>): VbValue => ({ printed: '', value: null, unit: null, period: 2019, label: null, role: 'utfall', ...o });
const ind = (o: Partial<VbIndicator>): VbIndicator => ({
	text: 'Test',
	utfall: { printed: null, value: null, unit: null, kind: 'tom' },
	comment: null,
	values_in_comment: [],
	...o
});

describe('sexOf', () => {
	it.each([
		[{ printed: '79,5 procent av flickorna', label: 'flickor' }, 'K'],
		[{ printed: '71,3 procent av männen', label: null }, 'M'],
		[{ printed: '78,0 procent', label: 'kvinnor' }, 'K'],
		[{ printed: '66,7 procent 2015', label: 'män' }, 'M'],
		[{ printed: '18 st', label: 'mikrobidrag … till kvinnor som driver företag' }, 'T'],
		[{ printed: '84,5 procent 2012', label: 'alla elever' }, 'T']
	])('%o → %s', (value, sex) => {
		expect(sexOf(value)).toBe(sex);
	});
});

describe('vbIndicatorValues', () => {
	it('takes the printed Utfall column and ignores the comment then', () => {
		const r = vbIndicatorValues(
			ind({
				utfall: { printed: '58%', value: 58, unit: '%', kind: 'procent' },
				values_in_comment: [v({ printed: 'sju (58 %)', value: 7, unit: 'st' })]
			}),
			2019
		);
		expect(r.observations).toEqual([{ year: 2019, sex: 'T', value: 58, textValue: null, printed: '58%', note: null }]);
		expect(r.unit).toBe('%');
	});

	it('keeps the status text "Helt" as a text value', () => {
		const r = vbIndicatorValues(ind({ utfall: { printed: 'Helt', value: null, unit: null, kind: 'statustext' } }), 2019);
		expect(r.observations[0]).toMatchObject({ value: null, textValue: 'Helt', printed: 'Helt' });
	});

	it('splits "från 125 till 155 mellan åren 2017 och 2018" into one value per year', () => {
		const r = vbIndicatorValues(
			ind({ values_in_comment: [v({ printed: 'från 125 till 155 mellan åren 2017 och 2018', value: [125, 155], unit: 'index', period: '2017 → 2018' })] }),
			2019
		);
		expect(r.observations.map((o) => [o.year, o.value])).toEqual([
			[2017, 125],
			[2018, 155]
		]);
	});

	it('keeps values without a stated year, or several for one year, as printed text only', () => {
		const r = vbIndicatorValues(
			ind({
				values_in_comment: [
					v({ printed: 'Cyklister ca. 12 000', value: 12000, unit: 'st (ca)', period: '2019 (mätare fr.o.m. 190501)' }),
					v({ printed: 'Vandrare ca. 50 000', value: 50000, unit: 'st (ca)', period: '2019 (mätare fr.o.m. 190501)' })
				]
			}),
			2019
		);
		expect(r.observations).toHaveLength(1);
		expect(r.observations[0]).toMatchObject({ year: 2019, value: null, printed: 'Cyklister ca. 12 000; Vandrare ca. 50 000' });
		const hme = vbIndicatorValues(
			ind({ values_in_comment: [v({ printed: 'ökat från 77 till 79', value: [77, 79], unit: 'index', period: 'tidigare enkät → senaste enkät' })] }),
			2019
		);
		expect(hme.observations[0]).toMatchObject({ year: 2019, value: null, note: expect.stringMatching(/Året anges inte/) });
	});

	it('adds earlier values in the same unit, split "kvinnor respektive män"', () => {
		const r = vbIndicatorValues(
			ind({
				values_in_comment: [
					v({ printed: '43,8 procent av kvinnorna', value: 43.8, unit: '%', period: '2018 (sista december)' }),
					v({ printed: '30,7 procent av männen', value: 30.7, unit: '%', period: '2018 (sista december)' }),
					v({ printed: '43,0 procent respektive 30,1 procent', value: [43.0, 30.1], unit: '%', period: 2017, label: 'kvinnor respektive män', role: 'tidigare' }),
					v({ printed: '5 mnkr 2016', value: 5, unit: 'mnkr', period: 2016, role: 'tidigare' })
				]
			}),
			2019
		);
		expect(r.observations.map((o) => [o.year, o.sex, o.value])).toEqual([
			[2017, 'K', 43.0],
			[2017, 'M', 30.1],
			[2018, 'K', 43.8],
			[2018, 'M', 30.7]
		]);
		expect(r.decimals).toBe(1);
	});
});
