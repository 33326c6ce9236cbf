import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../auth/forms';
import { indicatorSchema, planSchema, targetSchema } from './schemas';

const plan = { name: 'Plan', kind: 'rus', startYear: '2019', endYear: '2030', levelNames: 'Avsnitt\r\n\r\n Mål ', geographyId: '', description: '', source: '' };
const indicator = {
	name: 'Andel',
	definition: '',
	unit: '%',
	decimals: '1',
	direction: 'up',
	source: '',
	attribution: '',
	frequency: 'year',
	externalSource: '',
	externalTable: '',
	externalCode: '',
	tolerance: '5',
	neutralBand: '1',
	organisationId: '3'
};

describe('structure form schemas', () => {
	it('reads level names one per line and empty fields as null', () => {
		expect(planSchema('sv').parse(plan)).toMatchObject({ levelNames: ['Avsnitt', 'Mål'], geographyId: null, description: null, startYear: 2019 });
	});

	it.each([
		[{ name: ' ' }, 'name', 'Skriv ett namn.'],
		[{ startYear: '19' }, 'startYear', 'Skriv ett årtal med fyra siffror, till exempel 2030, eller lämna tomt.'],
		[{ endYear: '2018' }, 'endYear', 'Slutåret kan inte vara före startåret.'],
		[{ levelNames: '\n \n' }, 'levelNames', 'Skriv minst ett nivånamn, ett per rad (till exempel Avsnitt, Övergripande mål, Inriktningsmål).'],
		[{ kind: 'budget' }, 'kind', 'Välj typ av plan.']
	])('plan: %o gives a Swedish message on %s', (change, field, message) => {
		const r = planSchema('sv').safeParse({ ...plan, ...change });
		expect(r.success).toBe(false);
		expect(fieldErrors(r.error!)[field]).toBe(message);
	});

	it.each([
		['5', 0.05],
		['2,5', 0.025],
		['2.5 %', 0.025],
		['0', 0]
	])('tolerance %s %% is stored as the share %s', (text, share) => {
		expect(indicatorSchema('sv').parse({ ...indicator, tolerance: text }).tolerance).toBe(share);
	});

	it.each(['-1', '150', 'fem', '5,5,5'])('tolerance %s is refused', (text) => {
		const r = indicatorSchema('sv').safeParse({ ...indicator, tolerance: text });
		expect(fieldErrors(r.error!).tolerance).toBe('Skriv en andel i procent mellan 0 och 100, till exempel 5 eller 2,5.');
	});

	it('refuses an empty target wording, in English too', () => {
		expect(fieldErrors(targetSchema('en').safeParse({ wording: '  ', rank: '0' }).error!).wording).toBe('Enter the target as printed in the (Swedish) document, e.g. "Minst 58 %".');
	});
});
