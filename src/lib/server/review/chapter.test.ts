import { describe, expect, it } from 'vitest';
import { seededDb } from '../../../../tests/helpers/db';
import { filterChapter, getChapter, goalHeading, sectionHeading, uppdragHeading } from './chapter';
import { countFilter, parseFilter } from '../../domain/chapter-filter';

describe('the chapter of Örebro helår 2019', () => {
	const db = seededDb();
	const ch = getChapter(db, 'region-orebro-lan', 'rtn-verksamhetsplan-2019', 'helar-2019', { publishedOnly: true })!;

	it('has the avsnitt 3.2 … 3.9 in printed order', () => {
		expect(ch.sections.map(sectionHeading)).toEqual([
			'3.2 Regional utvecklingsstrategi',
			'3.3 Hållbar utveckling',
			'3.4 Regional utveckling',
			'3.5 Regional tillväxt',
			'3.6 Samhällsbyggnad',
			'3.7 Digitalisering',
			'3.8 Attraktiv arbetsgivare',
			'3.9 Ekonomi'
		]);
	});

	it('keeps the printed Nr labels, the övergripande mål and the uppdrag', () => {
		const labels = ch.sections.flatMap((s) => s.goals.map(goalHeading));
		expect(labels).toHaveLength(16);
		expect(labels[0]).toMatch(/^Inriktningsmål: Nr \d+\.?$/);
		expect(labels.filter((l) => l.startsWith('Mål'))).toHaveLength(3);
		expect(ch.sections[0].overall[0].label).toBe('Övergripande mål:');
		expect(ch.sections.flatMap((s) => s.uppdrag)).toHaveLength(18);
		expect(uppdragHeading(ch.sections[0].uppdrag[0])).toMatch(/^Uppdrag \d+/);
	});

	it('counts goals and uppdrag per origin; without printed colours they are not assessed', () => {
		const rows = Object.fromEntries(ch.summary.map((r) => [r.category, [r.green, r.yellow, r.red, r.notAssessed]]));
		expect(rows.council_goals[3] + rows.committee_goals[3]).toBe(16);
		expect(rows.committee_goals).toEqual([0, 0, 0, 3]);
		expect(rows.council_uppdrag[3] + rows.committee_uppdrag[3]).toBe(18);
	});

	it('has the indicator rows with utfall, in order', () => {
		const first = ch.sections[0].goals[0].indicators[0];
		expect(first.name).toMatch(/^Andel organisationer inom partnerskapet/);
		expect(first.utfall).toMatch(/^20\s%$/);
		expect(ch.sections.flatMap((s) => s.goals.flatMap((g) => g.indicators))).toHaveLength(48);
	});

	it('finds a period by label or id too (for the command line), and not an unpublished one publicly', () => {
		expect(getChapter(db, 'region-orebro-lan', 'rtn-verksamhetsplan-2019', 'Helår 2019', { publishedOnly: true })?.period.slug).toBe('helar-2019');
		expect(getChapter(db, 'region-orebro-lan', 'rtn-verksamhetsplan-2019', 'nope', { publishedOnly: true })).toBeNull();
	});

	it('compares with the previous period (Exempelregionen: delår 2 before helår)', () => {
		const ex = db.$client.prepare(`SELECT o.slug AS org, p.slug AS plan FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE o.is_example = 1`).get() as { org: string; plan: string };
		const c = getChapter(db, ex.org, ex.plan, null, { publishedOnly: true })!;
		expect(c.previous).not.toBeNull();
		expect(c.previous!.endDate < c.period.endDate).toBe(true);
		expect(c.sections.flatMap((s) => s.goals).some((g) => g.changed)).toBe(true);
	});
});

describe('filterChapter', () => {
	const db = seededDb();
	const ex = db.$client.prepare(`SELECT o.slug AS org, p.slug AS plan FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE o.is_example = 1`).get() as { org: string; plan: string };
	const ch = getChapter(db, ex.org, ex.plan, null, { publishedOnly: true })!;

	it('keeps only gul and röd goals and uppdrag, and drops empty avsnitt', () => {
		const { sections, shown, total } = filterChapter(ch, parseFilter(new URLSearchParams('visa=gulrod')));
		const colours = sections.flatMap((s) => [...s.goals, ...s.uppdrag].map((x) => x.assessment?.colour));
		expect(colours.length).toBe(shown);
		expect(shown).toBeLessThan(total);
		expect(new Set(colours)).toEqual(new Set(['yellow', 'red']));
		expect(sections.every((s) => s.goals.length + s.uppdrag.length > 0)).toBe(true);
	});

	it('a summary count and its filtered list agree', () => {
		for (const row of ch.summary) {
			for (const colour of ['green', 'yellow', 'red', null] as const) {
				const { shown } = filterChapter(ch, countFilter(row.category, colour));
				expect(shown, `${row.category} ${colour}`).toBe(colour ? row[colour] : row.notAssessed);
			}
		}
	});
});
