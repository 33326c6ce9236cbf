import { describe, expect, it } from 'vitest';
import { previewTarget } from './target-preview';

describe('previewTarget', () => {
	it.each([
		['Minst 58 %', 'min', 58, 'Målet är att värdet ska vara minst 58\u00a0%.'],
		['Öka jämfört med föregående år', 'increase', null, 'Målet är att värdet ska öka jämfört med föregående år.'],
		['Målvärde: 100%', 'exact', 100, 'Målet är att värdet ska vara 100\u00a0%.'],
		['Ska vara högre än snittet för riket', 'benchmark', null, 'Målet är att värdet ska vara högre än snittet för riket.']
	])('reads %s', (wording, kind, value, description) => {
		const p = previewTarget(wording);
		expect(p.understood).toBe(true);
		expect(p.target.kind).toBe(kind);
		expect(p.target.value ?? null).toBe(value);
		expect(p.target.wording).toBe(wording);
		expect(p.description).toBe(description);
	});

	it('keeps wording it cannot read as text, exactly as typed', () => {
		const p = previewTarget('  Alla ska känna sig välkomna i regionen  ');
		expect(p.understood).toBe(false);
		expect(p.target).toMatchObject({ kind: 'text', wording: 'Alla ska känna sig välkomna i regionen' });
		expect(p.description).toBe('Målet är formulerat i ord: ”Alla ska känna sig välkomna i regionen”.');
	});

	it('mentions secondary targets in the same wording', () => {
		const p = previewTarget('Andelen ska öka. Skillnader mellan män och kvinnor ska minska.');
		expect(p.target.kind).toBe('increase');
		expect(p.secondary).toEqual(['Skillnader mellan män och kvinnor ska minska.']);
	});

	it('describes in English', () => {
		expect(previewTarget('Minst 58 %', 'en').description).toBe('The goal is for the value to be at least 58%.');
	});
});
