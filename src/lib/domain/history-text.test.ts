import { describe, expect, it } from 'vitest';
import { actionLabel, channelLabel, describeAssessmentJson, describeValueJson } from './history-text';

describe('channel and action in words', () => {
	it.each([
		['form', 'formulär', 'form'],
		['grid', 'tabell', 'grid'],
		['import', 'import', 'import'],
		['cli', 'kommandorad', 'command line'],
		['system', 'system', 'system'],
		['fax', 'fax', 'fax']
	])('channel %s → %s / %s', (c, sv, en) => {
		expect(channelLabel(c)).toBe(sv);
		expect(channelLabel(c, 'en')).toBe(en);
	});

	it.each([
		['draft.save', 'utkast sparat'],
		['draft.discard', 'utkast borttaget'],
		['publish', 'publicerat'],
		['publish.remove', 'borttaget vid publicering'],
		['something-new', 'something-new']
	])('action %s → %s', (a, sv) => {
		expect(actionLabel(a)).toBe(sv);
	});
});

describe('describeValueJson', () => {
	const cases = [
		{ json: null, unit: '%', expected: 'inget värde' },
		{ json: { value: 81.4, text: null, missing: null, note: null }, unit: '%', expected: '81,4\u00a0%' },
		{ json: { value: 2588, text: null, missing: null, note: null }, unit: 'besök', expected: '2\u00a0588\u00a0besök' },
		{ json: { value: null, text: 'Helt', missing: null, note: null }, unit: null, expected: 'Helt' },
		{ json: { value: null, text: null, missing: '..', note: null }, unit: '%', expected: '..' },
		{ json: { value: 3, text: null, missing: null, note: 'preliminärt' }, unit: null, expected: '3 (anteckning: preliminärt)' },
		{ json: { remove: true }, unit: '%', expected: 'tas bort' }
	];
	it.each(cases)('$json → $expected', ({ json, unit, expected }) => {
		expect(describeValueJson(json, unit)).toBe(expected);
	});

	it('speaks English too', () => {
		expect(describeValueJson({ value: 2588.5 }, null, 'en')).toBe('2,588.5');
		expect(describeValueJson({ remove: true }, null, 'en')).toBe('to be removed');
	});
});

describe('describeAssessmentJson', () => {
	it('gives the colour, the comment and a reason when there is one', () => {
		expect(describeAssessmentJson({ colour: 'yellow', comment: 'Nästan där.', overrideReason: null })).toBe('färg: gul · kommentar: Nästan där.');
		expect(describeAssessmentJson({ colour: 'red', comment: null, overrideReason: 'Preliminära siffror.' })).toBe('färg: röd · ingen kommentar · motivering: Preliminära siffror.');
		expect(describeAssessmentJson({ colour: null, comment: 'Text' })).toBe('färg: beräknad färg · kommentar: Text');
		expect(describeAssessmentJson(null)).toBe('inget värde');
	});
});
