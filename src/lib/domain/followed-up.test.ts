import { describe, expect, it } from 'vitest';
import { isFollowedUp } from './followed-up';

// Örebro's plan: Avsnitt (0) › Övergripande mål (1) › Inriktningsmål (2).
const DEEPEST = 2;

describe('isFollowedUp: the goals the summary counts', () => {
	it.each([
		['an avsnitt', { depth: 0, hasChildren: true, hasIndicators: false }, false],
		['an avsnitt with indicators and nothing under it', { depth: 0, hasChildren: false, hasIndicators: true }, false],
		['an inriktningsmål (deepest level)', { depth: 2, hasChildren: false, hasIndicators: true }, true],
		['an inriktningsmål without indicators', { depth: 2, hasChildren: false, hasIndicators: false }, true],
		['an övergripande mål with goals under it', { depth: 1, hasChildren: true, hasIndicators: false }, false],
		['an övergripande mål with goals under it and indicators', { depth: 1, hasChildren: true, hasIndicators: true }, false],
		// Örebro 2019, 3.7 Digitalisering: the övergripande mål is text before its uppdrag, not a counted goal.
		['a childless övergripande mål without indicators', { depth: 1, hasChildren: false, hasIndicators: false }, false],
		['a childless middle-level goal followed up with its own indicators', { depth: 1, hasChildren: false, hasIndicators: true }, true]
	])('%s → %s', (_, g, expected) => {
		expect(isFollowedUp(g, DEEPEST)).toBe(expected);
	});

	it('in a two-level plan every goal below the avsnitt is followed up', () => {
		expect(isFollowedUp({ depth: 1, hasChildren: false, hasIndicators: false }, 1)).toBe(true);
	});
});
