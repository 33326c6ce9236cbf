import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Target } from './types';
import { describeTarget, parseTargetWording } from './target';

// ---------------------------------------------------------------------------------------------
// (1) All 48 indicator texts of the Örebro verksamhetsberättelse 2019 against the hand extraction.
// ---------------------------------------------------------------------------------------------

interface Malvarde {
	in_indicator_text: string | null;
	kind: string;
	value: number | null;
	direction: string | null;
	reference: string | null;
	secondary?: string[];
}
interface Indicator {
	text: string;
	malvarde: Malvarde;
}
interface Report {
	areas: { goals: { indicators: Indicator[] }[] }[];
}

const report = JSON.parse(
	fs.readFileSync(new URL('../../../scripts/demo-data/orebro-rtn-vb2019.json', import.meta.url), 'utf8')
) as Report;
const indicators = report.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators));

const directionKind = (d: string | null): 'increase' | 'decrease' | 'improve' =>
	d === 'minska' ? 'decrease' : d === 'förbättras' ? 'improve' : 'increase';

/** What the hand extraction (`malvarde`) says the primary target is, in `Target` terms. */
function expectedFromHand(m: Malvarde): Partial<Target> | null {
	switch (m.kind) {
		case 'riktning':
			return { kind: directionKind(m.direction), reference: null, basePeriod: null };
		case 'riktning_mot_basår':
			return { kind: directionKind(m.direction), reference: 'base', basePeriod: m.reference?.replace(/\D/g, '') };
		case 'riktning_mot_föregående':
			return { kind: directionKind(m.direction), reference: 'previous' };
		case 'jämförelse_riket':
			return { kind: 'benchmark', benchmark: 'riket', benchmarkSide: 'above', benchmarkMeasure: 'level' };
		case 'jämförelse_län':
			return { kind: 'benchmark', benchmark: 'comparable', benchmarkSide: 'above', benchmarkMeasure: 'change' };
		case 'numeriskt_minimum':
			return { kind: 'min', value: m.value };
		case 'numeriskt_värde':
			return { kind: 'exact', value: m.value };
		case 'redovisningskrav':
			return { kind: 'report' };
		case 'implicit_riktning':
			return { kind: directionKind(m.direction), reference: null };
		case 'saknas':
			return null;
		default:
			throw new Error(`unknown malvarde.kind ${m.kind}`);
	}
}

/**
 * Indicators (1-based, in file order) where the parser is right and the hand extraction is not.
 * Empty: after reading all 48 texts, the parser and the hand extraction agree on every one.
 * (No. 41 "ska öka (2016 = 19,5 miljarder, …)" was checked: the bracket gives a starting value,
 * but the target sentence itself is a plain "ska öka", as the hand extraction says.)
 */
const EXCEPTIONS: Record<number, Partial<Target> | null> = {};

const rows = indicators.map((ind, i) => ({ no: i + 1, ind }));

describe('parseTargetWording: the 48 Örebro indicators', () => {
	it('has all 48 indicators', () => {
		expect(indicators).toHaveLength(48);
	});

	it.each(rows)('no. $no: primary kind matches the hand extraction', ({ no, ind }) => {
		const expected = no in EXCEPTIONS ? EXCEPTIONS[no] : expectedFromHand(ind.malvarde);
		const { primary } = parseTargetWording(ind.text);
		if (expected === null) expect(primary).toBeNull();
		else expect(primary).toMatchObject(expected);
	});

	it.each(rows)('no. $no: wording is exactly as printed', ({ ind }) => {
		const { primary, secondary } = parseTargetWording(ind.text);
		for (const t of [primary, ...secondary]) if (t) expect(ind.text).toContain(t.wording);
		if (!primary) {
			expect(ind.malvarde.in_indicator_text).toBeNull();
			return;
		}
		// Implied targets ("Fler företag …") keep the whole text; the hand extraction noted only the cue word.
		if (ind.malvarde.kind === 'implicit_riktning') expect(primary.wording).toBe(ind.text.trim());
		else expect(primary.wording).toBe(ind.malvarde.in_indicator_text);
	});

	it.each(rows)('no. $no: secondary targets match the hand extraction', ({ ind }) => {
		const { secondary } = parseTargetWording(ind.text);
		const hand = ind.malvarde.secondary ?? [];
		expect(secondary).toHaveLength(hand.length);
		secondary.forEach((t, i) => {
			// The hand extraction writes the whole sentence without its full stop ("Det ska minska …");
			// the parser keeps "ska minska …" for the indicator itself and the full sentence for a gap.
			expect(hand[i]).toContain(t.wording.replace(/\.$/, ''));
			expect(t.kind).toBe('decrease');
		});
	});

	it('no. 45: reporting first, then a decrease against the previous year', () => {
		const { primary, secondary } = parseTargetWording(indicators[44].text);
		expect(primary).toMatchObject({ kind: 'report', wording: 'ska redovisas' });
		expect(secondary).toEqual([
			expect.objectContaining({
				kind: 'decrease',
				reference: 'previous',
				wording: 'ska minska i jämförelse med föregående år'
			})
		]);
	});

	it('no. 24: the gap sentence is a secondary target kept as the whole sentence', () => {
		const { primary, secondary } = parseTargetWording(indicators[23].text);
		expect(primary).toMatchObject({ kind: 'increase', reference: null, wording: 'ska öka' });
		expect(secondary).toEqual([
			expect.objectContaining({ kind: 'decrease', wording: 'Skillnader mellan män och kvinnor ska minska.' })
		]);
	});

	it('no. 48: minimum zero to be met during 2019', () => {
		expect(parseTargetWording(indicators[47].text).primary).toMatchObject({
			kind: 'min',
			value: 0,
			targetPeriod: '2019',
			wording: 'ska under 2019 uppgå till minst noll'
		});
	});
});

// ---------------------------------------------------------------------------------------------
// (2) Hand-written cases for every form.
// ---------------------------------------------------------------------------------------------

interface Case {
	input: string;
	primary: Partial<Target> | null;
	secondary?: Partial<Target>[];
}

const cases: Case[] = [
	// Plain directions: compare with the previous value (reference null).
	{ input: 'Andelen ska öka.', primary: { kind: 'increase', reference: null, basePeriod: null, wording: 'ska öka' } },
	{ input: 'Andelen ska minska.', primary: { kind: 'decrease', reference: null, wording: 'ska minska' } },
	{ input: 'Taxan ska höjas.', primary: { kind: 'increase', reference: null, wording: 'ska höjas' } },
	{ input: 'Väntetiden ska sänkas', primary: { kind: 'decrease', reference: null, wording: 'ska sänkas' } },
	{ input: 'Andelen ska fortsätta att öka.', primary: { kind: 'increase', wording: 'ska fortsätta att öka' } },
	{
		input: 'Omsättning inom bioekonomi ska öka (2016 = 19,5 miljarder, vilket utgör 12 procent av länets ekonomi).',
		primary: { kind: 'increase', reference: null, wording: 'ska öka' }
	},
	// Against a base year.
	{
		input: 'Andel svenska och utländska företagsetableringar i länet ska öka jämfört med år 2016.',
		primary: { kind: 'increase', reference: 'base', basePeriod: '2016', wording: 'ska öka jämfört med år 2016' }
	},
	{
		input: 'Andel barn i ekonomiskt utsatta familjer ska minska jämfört med år 2015.',
		primary: { kind: 'decrease', reference: 'base', basePeriod: '2015', wording: 'ska minska jämfört med år 2015' }
	},
	{
		input: 'Antal beviljade företagsstöd ska öka jämfört med 2018',
		primary: { kind: 'increase', reference: 'base', basePeriod: '2018', wording: 'ska öka jämfört med 2018' }
	},
	{
		input: 'Andelen ska minska jämfört med 2015 års nivå till år 2030.',
		primary: { kind: 'decrease', reference: 'base', basePeriod: '2015', targetPeriod: '2030' }
	},
	{
		// "minst 20 procent" describes the indicator, not the target: only what follows "ska" counts.
		input: 'Andel företag där minst 20 procent av omsättningen går till export ska öka jämfört med år 2016.',
		primary: { kind: 'increase', value: null, reference: 'base', basePeriod: '2016' }
	},
	// Against the previous period.
	{
		input: 'AVI – Attraktiv arbetsgivarindex ska öka i jämförelse med föregående år.',
		primary: { kind: 'increase', reference: 'previous', wording: 'ska öka i jämförelse med föregående år' }
	},
	{
		input: 'Kostnaden ska minska jämfört med föregående år.',
		primary: { kind: 'decrease', reference: 'previous', wording: 'ska minska jämfört med föregående år' }
	},
	{
		input: 'HME ska öka i jämförelse med tidigare medarbetarenkät.',
		primary: { kind: 'increase', reference: 'previous', wording: 'ska öka i jämförelse med tidigare medarbetarenkät' }
	},
	{
		input: 'Nöjdheten ska öka i jämförelse med tidigare mätning.',
		primary: { kind: 'increase', reference: 'previous', wording: 'ska öka i jämförelse med tidigare mätning' }
	},
	{ input: 'Antalet ska öka årligen.', primary: { kind: 'increase', reference: 'previous' } },
	// Improve: the direction comes from the indicator.
	{
		input: 'Frisktalet ska förbättras i jämförelse med föregående år.',
		primary: { kind: 'improve', reference: 'previous', wording: 'ska förbättras i jämförelse med föregående år' }
	},
	{ input: 'Frisktalet ska förbättras.', primary: { kind: 'improve', reference: null, wording: 'ska förbättras' } },
	// Numeric minimum / maximum / exact / range.
	{
		input: 'Andel som bedömer att samverkan har stärkts. Målvärde: Minst 75%',
		primary: { kind: 'min', value: 75, wording: 'Målvärde: Minst 75%' }
	},
	{
		input: 'Andel som bedömer att samverkan har stärkts. Målvärde: Minst 75%.',
		primary: { kind: 'min', value: 75, wording: 'Målvärde: Minst 75%.' }
	},
	{
		input: 'Andelen ska vara minst 75 procent.',
		primary: { kind: 'min', value: 75, wording: 'ska vara minst 75 procent' }
	},
	{
		input: 'Resultatet ska under 2019 uppgå till minst noll.',
		primary: { kind: 'min', value: 0, targetPeriod: '2019', wording: 'ska under 2019 uppgå till minst noll' }
	},
	{ input: 'Antalet ska uppgå till minst tre.', primary: { kind: 'min', value: 3 } },
	{ input: 'Antalet avvikelser ska vara högst en per månad.', primary: { kind: 'max', value: 1 } },
	{
		input: 'Sjukfrånvaron ska vara högst 5 %.',
		primary: { kind: 'max', value: 5, wording: 'ska vara högst 5 %' }
	},
	{ input: 'Sjukfrånvaron ska understiga 5,5 procent.', primary: { kind: 'max', value: 5.5 } },
	{ input: 'Nyttjande av deltagarveckor. Målvärde: 100%', primary: { kind: 'exact', value: 100, wording: 'Målvärde: 100%' } },
	{ input: 'Andelen ska vara 100 procent.', primary: { kind: 'exact', value: 100, wording: 'ska vara 100 procent' } },
	{
		input: 'Målvärde: mellan 10 och 20',
		primary: { kind: 'range', value: 10, valueHigh: 20, wording: 'Målvärde: mellan 10 och 20' }
	},
	{ input: 'Målvärde: 10–20 %', primary: { kind: 'range', value: 10, valueHigh: 20, wording: 'Målvärde: 10–20 %' } },
	{ input: 'Andelen ska ligga mellan 80 och 90 procent.', primary: { kind: 'range', value: 80, valueHigh: 90 } },
	{ input: 'Beläggningen ska ligga på 85-95 %.', primary: { kind: 'range', value: 85, valueHigh: 95 } },
	// Target periods attached to numeric targets.
	{
		input: 'Andelen ska vara minst 75 % till år 2030.',
		primary: { kind: 'min', value: 75, targetPeriod: '2030', wording: 'ska vara minst 75 % till år 2030' }
	},
	{ input: 'Målvärde: Minst 80 % år 2030', primary: { kind: 'min', value: 80, targetPeriod: '2030' } },
	{ input: 'Målvärde 2030: 75 %', primary: { kind: 'exact', value: 75, targetPeriod: '2030' } },
	{ input: 'Andelen ska öka till minst 80 % senast 2025.', primary: { kind: 'min', value: 80, targetPeriod: '2025' } },
	{ input: 'Andelen ska öka till 80 procent.', primary: { kind: 'min', value: 80 } },
	{ input: 'Andelen ska minska till 5 procent.', primary: { kind: 'max', value: 5 } },
	{ input: 'Väntetiden ska vara kortare än 30 dagar.', primary: { kind: 'max', value: 30 } },
	// Benchmarks.
	{
		input: 'Antal nystartade företag per 1000 invånare ska vara högre än snittet för riket.',
		primary: {
			kind: 'benchmark',
			benchmark: 'riket',
			benchmarkSide: 'above',
			benchmarkMeasure: 'level',
			wording: 'ska vara högre än snittet för riket'
		}
	},
	{
		input: 'Kostnaden per invånare ska vara lägre än riket.',
		primary: { kind: 'benchmark', benchmark: 'riket', benchmarkSide: 'below', benchmarkMeasure: 'level' }
	},
	{
		input: 'Andel investering i FoU av BRP ska öka mer procentuellt än i jämförbara län.',
		primary: {
			kind: 'benchmark',
			benchmark: 'comparable',
			benchmarkSide: 'above',
			benchmarkMeasure: 'change',
			wording: 'ska öka mer procentuellt än i jämförbara län'
		}
	},
	{
		input: 'Andelen ska öka mer än i jämförbara län.',
		primary: { kind: 'benchmark', benchmark: 'comparable', benchmarkSide: 'above', benchmarkMeasure: 'change' }
	},
	{
		input: 'Sjuktalet ska minska mer än i riket.',
		primary: { kind: 'benchmark', benchmark: 'riket', benchmarkSide: 'below', benchmarkMeasure: 'change' }
	},
	// Reporting.
	{ input: 'Tillgängligheten ska redovisas.', primary: { kind: 'report', wording: 'ska redovisas' } },
	{
		input: 'Resultat av avslutningssamtal ska redovisas systematiskt i temaområden.',
		primary: { kind: 'report', wording: 'ska redovisas systematiskt i temaområden' }
	},
	// Implied directions keep the whole text.
	{
		input: 'Fler företag i branscher kopplade till kultur- och besöksnäring.',
		primary: {
			kind: 'increase',
			reference: null,
			wording: 'Fler företag i branscher kopplade till kultur- och besöksnäring.'
		}
	},
	{ input: 'Ökat antal gästnätter.', primary: { kind: 'increase', reference: null, wording: 'Ökat antal gästnätter.' } },
	{ input: 'Ökad andel förnybar energi', primary: { kind: 'increase', wording: 'Ökad andel förnybar energi' } },
	{ input: 'Ökade exportintäkter.', primary: { kind: 'increase' } },
	{ input: 'Minskat antal vårdskador.', primary: { kind: 'decrease', wording: 'Minskat antal vårdskador.' } },
	{ input: 'Minskad sjukfrånvaro', primary: { kind: 'decrease' } },
	{ input: 'Färre trafikolyckor.', primary: { kind: 'decrease' } },
	{ input: 'Fler unga ska välja yrkesprogram.', primary: { kind: 'increase' } },
	// "Fler än 50 %" is a number, not an implied direction.
	{ input: 'Fler än 50 % av eleverna', primary: { kind: 'min', value: 50 } },
	// Secondary targets.
	{
		input: 'Personalomsättning, externt och intern, ska redovisas. Det ska minska i jämförelse med föregående år.',
		primary: { kind: 'report', wording: 'ska redovisas' },
		secondary: [{ kind: 'decrease', reference: 'previous', wording: 'ska minska i jämförelse med föregående år' }]
	},
	{
		input: 'Sysselsättningsgrad, andelen förvärvsarbetande, 20-64 år ska öka. Skillnader mellan olika grupper ska minska.',
		primary: { kind: 'increase', wording: 'ska öka' },
		secondary: [{ kind: 'decrease', wording: 'Skillnader mellan olika grupper ska minska.' }]
	},
	{
		input: 'Andelen ska öka och skillnaderna mellan könen ska minska.',
		primary: { kind: 'increase', wording: 'ska öka' },
		secondary: [{ kind: 'decrease', wording: 'skillnaderna mellan könen ska minska' }]
	},
	{
		// An indicator that measures the gap itself: then the gap is its own (primary) target.
		input: 'Skillnaden i medellivslängd mellan kvinnor och män ska minska.',
		primary: { kind: 'decrease', wording: 'Skillnaden i medellivslängd mellan kvinnor och män ska minska.' }
	},
	{
		// An explicit Målvärde wins over a direction sentence before it.
		input: 'Andelen ska öka. Målvärde: Minst 75 %',
		primary: { kind: 'min', value: 75, wording: 'Målvärde: Minst 75 %' },
		secondary: [{ kind: 'increase', wording: 'ska öka' }]
	},
	// No target words at all.
	{ input: 'NKI (SKL:s mätning, Insikt)', primary: null },
	{
		input: 'Antal remissvar, konsultationer och andra insatser som regionen spelat in för att påverka EU:s politiska agenda.',
		primary: null
	},
	{ input: 'Utbildningsnivå, andelen i befolkningen 25-64 år med minst tvåårig eftergymnasial utbildning', primary: null },
	{ input: 'Uppföljning av aktivitetsplaner utifrån genomförd hållbarhetsredovisning 2018', primary: null },
	// "ska" + something that cannot be computed.
	{ input: 'En ny strategi ska tas fram.', primary: { kind: 'text', wording: 'ska tas fram' } },
	{ input: 'Andelen ska öka med 5 procent.', primary: { kind: 'text', wording: 'ska öka med 5 procent' } },
	{ input: 'Antalet ska minska med hälften.', primary: { kind: 'text', wording: 'ska minska med hälften' } },
	{ input: 'Regionen ska vara en förebild.', primary: { kind: 'text', wording: 'ska vara en förebild' } },
	{ input: 'Andelen ska ligga i nivå med riket.', primary: { kind: 'text', wording: 'ska ligga i nivå med riket' } },
	{ input: 'Målvärde: Gott', primary: { kind: 'text', wording: 'Målvärde: Gott' } },
	// A relative clause's "ska" is not the target; the main verb's is.
	{
		input: 'Andel elever som ska läsa vidare och som har behörighet ska öka.',
		primary: { kind: 'increase', wording: 'ska öka' },
		secondary: []
	},
	// Målvärde-cell forms.
	{ input: 'Minst 75 %', primary: { kind: 'min', value: 75, wording: 'Minst 75 %' } },
	{ input: 'minst 75 procent', primary: { kind: 'min', value: 75 } },
	{ input: '75', primary: { kind: 'exact', value: 75, wording: '75' } },
	{ input: '≥ 75 %', primary: { kind: 'min', value: 75, wording: '≥ 75 %' } },
	{ input: '>= 75', primary: { kind: 'min', value: 75 } },
	{ input: '> 80', primary: { kind: 'min', value: 80, wording: '> 80' } },
	{ input: '≤ 5', primary: { kind: 'max', value: 5, wording: '≤ 5' } },
	{ input: '< 10', primary: { kind: 'max', value: 10 } },
	{ input: 'Högst 3,5', primary: { kind: 'max', value: 3.5, wording: 'Högst 3,5' } },
	{ input: 'högst 5 %', primary: { kind: 'max', value: 5 } },
	{ input: 'max 5', primary: { kind: 'max', value: 5, wording: 'max 5' } },
	// An abbreviation's full stop does not end the sentence.
	{ input: 'min. 75 %', primary: { kind: 'min', value: 75, wording: 'min. 75 %' } },
	{ input: '10 000', primary: { kind: 'exact', value: 10000 } },
	{ input: '75 % eller mer', primary: { kind: 'min', value: 75 } },
	{ input: '10–20 %', primary: { kind: 'range', value: 10, valueHigh: 20 } },
	{ input: 'mellan 10 och 20', primary: { kind: 'range', value: 10, valueHigh: 20 } },
	{ input: 'Öka', primary: { kind: 'increase', reference: null, wording: 'Öka' } },
	{ input: 'Minska', primary: { kind: 'decrease', reference: null, wording: 'Minska' } },
	{ input: 'Förbättras', primary: { kind: 'improve', wording: 'Förbättras' } },
	{
		input: 'Ska öka jämfört med 2016',
		primary: { kind: 'increase', reference: 'base', basePeriod: '2016', wording: 'Ska öka jämfört med 2016' }
	},
	{ input: 'Öka jämfört med föregående år', primary: { kind: 'increase', reference: 'previous' } },
	{ input: 'Lägre än riket', primary: { kind: 'benchmark', benchmark: 'riket', benchmarkSide: 'below' } }
];

describe('parseTargetWording: hand-written forms', () => {
	it.each(cases)('$input', ({ input, primary, secondary }) => {
		const parsed = parseTargetWording(input);
		if (primary === null) expect(parsed.primary).toBeNull();
		else expect(parsed.primary).toMatchObject(primary);
		if (secondary) {
			expect(parsed.secondary).toHaveLength(secondary.length);
			secondary.forEach((s, i) => expect(parsed.secondary[i]).toMatchObject(s));
		} else if (primary === null) {
			expect(parsed.secondary).toEqual([]);
		}
		// Wording is always an exact piece of the input.
		for (const t of [parsed.primary, ...parsed.secondary]) if (t) expect(input).toContain(t.wording);
	});

	it('fills every field, with null where it does not apply', () => {
		expect(parseTargetWording('Andelen ska öka jämfört med år 2016.').primary).toEqual({
			kind: 'increase',
			value: null,
			valueHigh: null,
			reference: 'base',
			basePeriod: '2016',
			targetPeriod: null,
			benchmark: null,
			benchmarkSide: null,
			benchmarkMeasure: null,
			wording: 'ska öka jämfört med år 2016'
		});
	});

	it('never throws and returns no target for empty or non-text input', () => {
		const empty = { primary: null, secondary: [] };
		expect(parseTargetWording(null)).toEqual(empty);
		expect(parseTargetWording(undefined)).toEqual(empty);
		expect(parseTargetWording('')).toEqual(empty);
		expect(parseTargetWording('   \n ')).toEqual(empty);
		expect(parseTargetWording(42 as unknown as string)).toEqual(empty);
		expect(() => parseTargetWording('ska '.repeat(2000) + '('.repeat(500) + '.'.repeat(500))).not.toThrow();
		expect(() => parseTargetWording('Målvärde:')).not.toThrow();
	});

	it('stays fast on pathological input', () => {
		const started = Date.now();
		parseTargetWording('Andelen ska '.repeat(3000) + '1 '.repeat(3000));
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

// ---------------------------------------------------------------------------------------------
// (3) Plain-language descriptions.
// ---------------------------------------------------------------------------------------------

const first = (text: string): Target => {
	const t = parseTargetWording(text).primary;
	if (!t) throw new Error(`no target in ${text}`);
	return t;
};

describe('describeTarget', () => {
	const sv: [string, string][] = [
		['Andelen ska öka.', 'Målet är att värdet ska öka.'],
		['Andelen ska minska.', 'Målet är att värdet ska minska.'],
		['Andelen ska öka jämfört med år 2016.', 'Målet är att värdet ska öka jämfört med 2016.'],
		['Andelen ska minska jämfört med år 2015.', 'Målet är att värdet ska minska jämfört med 2015.'],
		['AVI ska öka i jämförelse med föregående år.', 'Målet är att värdet ska öka jämfört med föregående år.'],
		[
			'HME ska öka i jämförelse med tidigare medarbetarenkät.',
			'Målet är att värdet ska öka jämfört med föregående mätning.'
		],
		[
			'Frisktalet ska förbättras i jämförelse med föregående år.',
			'Målet är att värdet ska förbättras jämfört med föregående år.'
		],
		['Fler företag i besöksnäringen.', 'Målet är att värdet ska öka.'],
		['Målvärde: Minst 75%', 'Målet är att värdet ska vara minst 75\u00a0%.'],
		['Resultatet ska under 2019 uppgå till minst noll.', 'Målet är att värdet år 2019 ska vara minst 0.'],
		['Högst 3,5', 'Målet är att värdet ska vara högst 3,5.'],
		['Målvärde: 100%', 'Målet är att värdet ska vara 100\u00a0%.'],
		['10 000', 'Målet är att värdet ska vara 10\u00a0000.'],
		['Målvärde: mellan 10 och 20 %', 'Målet är att värdet ska ligga mellan 10 och 20\u00a0%.'],
		['Andelen ska vara högre än snittet för riket.', 'Målet är att värdet ska vara högre än snittet för riket.'],
		['Kostnaden ska vara lägre än riket.', 'Målet är att värdet ska vara lägre än snittet för riket.'],
		['Andelen ska vara bättre än riket.', 'Målet är att värdet ska vara bättre än snittet för riket.'],
		[
			'Andelen ska öka mer procentuellt än i jämförbara län.',
			'Målet är att värdet ska öka mer än i jämförbara län.'
		],
		['Tillgängligheten ska redovisas.', 'Målet är att resultatet ska redovisas.'],
		['En ny strategi ska tas fram.', 'Målet är formulerat i ord: ”ska tas fram”.'],
		[
			'Skillnader mellan män och kvinnor ska minska.',
			'Målet är att skillnader mellan män och kvinnor ska minska.'
		]
	];
	it.each(sv)('sv: %s', (input, expected) => {
		expect(describeTarget(first(input))).toBe(expected);
	});

	it('describes the secondary gap target by its subject, not as "värdet"', () => {
		const { secondary } = parseTargetWording('Andelen ska öka. Skillnader mellan olika grupper ska minska.');
		expect(describeTarget(secondary[0])).toBe('Målet är att skillnader mellan olika grupper ska minska.');
	});

	it('describes a target period on a direction target', () => {
		expect(describeTarget(first('Andelen ska minska jämfört med 2015 till år 2030.'))).toBe(
			'Målet är att värdet ska minska jämfört med 2015 till år 2030.'
		);
	});

	const en: [string, string][] = [
		['Andelen ska öka jämfört med år 2016.', 'The goal is for the value to increase compared with 2016.'],
		['Frisktalet ska förbättras.', 'The goal is for the value to improve.'],
		['Målvärde: Minst 75%', 'The goal is for the value to be at least 75%.'],
		['Högst 3,5', 'The goal is for the value to be at most 3.5.'],
		['Andelen ska vara högre än snittet för riket.', 'The goal is for the value to be higher than the national average.'],
		['Andelen ska öka mer än i jämförbara län.', 'The goal is for the value to increase more than in comparable counties.'],
		['Tillgängligheten ska redovisas.', 'The goal is for the results to be reported.'],
		['En ny strategi ska tas fram.', 'The goal is stated in words: “ska tas fram”.']
	];
	it.each(en)('en: %s', (input, expected) => {
		expect(describeTarget(first(input), 'en')).toBe(expected);
	});

	it('falls back to the wording when a numeric target has no value', () => {
		const t: Target = { kind: 'min', value: null, wording: 'Minst ett gott betyg' };
		expect(describeTarget(t)).toBe('Målet är formulerat i ord: ”Minst ett gott betyg”.');
	});
});
