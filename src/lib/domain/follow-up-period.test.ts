import { describe, expect, it } from 'vitest';
import { followUpIdentity, isIsoDate, periodDateProblem } from './follow-up-period';

describe('followUpIdentity', () => {
	it.each([
		['helar', 2026, null, 'helar-2026', 'Helår 2026', '2026-12-31'],
		['delar', 2026, 1, 'delar-1-2026', 'Delår 1 2026', '2026-04-30'],
		['delar', 2025, 2, 'delar-2-2025', 'Delår 2 2025', '2025-08-31'],
		['delar', 2026, 3, 'delar-3-2026', 'Delår 3 2026', null],
		['delar', 2026, null, 'delar-1-2026', 'Delår 1 2026', '2026-04-30']
	] as const)('%s %i part %s → %s, %s, ends %s', (kind, year, part, slug, label, end) => {
		expect(followUpIdentity(kind, year, part)).toEqual({ slug, label, defaultEnd: end });
	});
});

describe('isIsoDate', () => {
	it.each([
		['2026-04-30', true],
		['2024-02-29', true],
		['2026-02-29', false],
		['2026-02-30', false],
		['2026-13-01', false],
		['2026-4-30', false],
		['30/4 2026', false],
		['', false]
	])('%s → %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});

describe('periodDateProblem', () => {
	it.each([
		[2026, '2026-04-30', '2026-05-15', null],
		[2026, '2026-04-30', null, null],
		[2026, '2026-04-30', '2026-04-30', null],
		[2026, '2025-12-31', null, 'end_outside_year'],
		[2026, '2026-08-31', '2026-08-15', 'deadline_before_end']
	] as const)('%i ending %s, deadline %s → %s', (year, end, deadline, problem) => {
		expect(periodDateProblem(year, end, deadline)).toBe(problem);
	});
});
