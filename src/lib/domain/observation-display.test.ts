import { describe, expect, it } from 'vitest';
import { displayObservation, type ObservationLike } from './observation-display';

const obs = (o: Partial<ObservationLike>): ObservationLike => ({
	value: null,
	textValue: null,
	missingSymbol: null,
	printed: null,
	...o
});

describe('displayObservation', () => {
	it.each([
		[obs({ value: 58, printed: '58%' }), '%', 0, '58\u00a0%', 'number'],
		[obs({ value: 2588 }), null, 0, '2\u00a0588', 'number'],
		[obs({ value: 12.5 }), 'st', 1, '12,5\u00a0st', 'number'],
		[obs({ textValue: 'Helt', printed: 'Helt' }), null, 0, 'Helt', 'text'],
		[obs({ missingSymbol: '..' }), '%', 1, '..', 'missing'],
		[obs({ printed: 'ökat från 77 till 79' }), 'index', 0, 'ökat från 77 till 79', 'printed'],
		[null, '%', 0, '–', 'none']
	])('%o → %s', (o, unit, decimals, text, kind) => {
		const d = displayObservation(o, unit, decimals);
		expect(d.text).toBe(text);
		expect(d.kind).toBe(kind);
	});

	it('explains a missing symbol in plain words', () => {
		expect(displayObservation(obs({ missingSymbol: '..' }), null, 0).explanation).toMatch(/saknas/);
	});
});
