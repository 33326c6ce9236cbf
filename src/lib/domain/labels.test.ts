import { describe, expect, it } from 'vitest';
import {
	colourLabel,
	directionLabel,
	LABELS,
	legend,
	LEGEND_HEADINGS,
	movementLabel,
	originLabel,
	progressLabel,
	statusLabel,
	summaryCategoryLabel,
	trendLabel,
	type Label,
	type LabelEntry,
	type Locale
} from './labels';

const NBSP = '\u00a0';

describe('vocabularies', () => {
	const vocabularies = Object.entries(LABELS) as [string, Record<string, LabelEntry>][];

	it.each(vocabularies.filter(([name]) => name !== 'summaryCategory'))(
		'%s: every symbol has its own shape',
		(_name, vocabulary) => {
			const symbols = Object.values(vocabulary).map((e) => e.symbol);
			expect(new Set(symbols).size).toBe(symbols.length);
		}
	);

	it.each(vocabularies)('%s: every entry has symbol, names and meanings in both languages', (_name, vocabulary) => {
		for (const entry of Object.values(vocabulary)) {
			for (const text of [entry.symbol, entry.sv, entry.en, entry.meaning.sv, entry.meaning.en]) {
				expect(text.trim().length).toBeGreaterThan(0);
			}
		}
	});

	it('colour and indicator status never share a symbol, since an indicator row can show both', () => {
		const colourSymbols = Object.values(LABELS.colour).map((e) => e.symbol);
		const statusSymbols = Object.values(LABELS.indicatorStatus).map((e) => e.symbol);
		expect(colourSymbols.filter((s) => statusSymbols.includes(s))).toEqual([]);
	});
});

type Case = [string, () => Label, Label];

const cases: Case[] = [
	['green sv', () => colourLabel('green'), { symbol: '●', text: 'Grön', meaning: 'Uppnått eller överträffat målnivån' }],
	['green en', () => colourLabel('green', 'en'), { symbol: '●', text: 'Green', meaning: 'Target level reached or exceeded' }],
	['yellow sv', () => colourLabel('yellow'), { symbol: '▲', text: 'Gul', meaning: 'Mindre, acceptabel avvikelse från målnivån' }],
	['red sv', () => colourLabel('red'), { symbol: '■', text: 'Röd', meaning: 'Större negativ avvikelse från målnivån' }],
	['red en', () => colourLabel('red', 'en'), { symbol: '■', text: 'Red', meaning: 'Major negative deviation from the target level' }],
	['not assessed sv', () => colourLabel(null), { symbol: '–', text: 'Ej bedömd', meaning: 'Ingen bedömning är gjord för perioden' }],
	['not assessed en', () => colourLabel(null, 'en'), { symbol: '–', text: 'Not assessed', meaning: 'No assessment has been made for the period' }],
	['improved', () => trendLabel('improved'), { symbol: '↗', text: 'Förbättrats', meaning: 'Resultatet har förbättrats' }],
	['unchanged', () => trendLabel('unchanged'), { symbol: '→', text: 'Oförändrat', meaning: 'Resultatet är oförändrat' }],
	['worsened', () => trendLabel('worsened'), { symbol: '↘', text: 'Försämrats', meaning: 'Resultatet har försämrats' }],
	['worsened en', () => trendLabel('worsened', 'en'), { symbol: '↘', text: 'Worsened', meaning: 'The result has worsened' }],
	[
		'no trend',
		() => trendLabel(null),
		{ symbol: '–', text: 'Ingen jämförelse', meaning: 'Utvecklingen kan inte bedömas eftersom värden saknas' }
	],
	['movement up', () => movementLabel('up'), { symbol: '↑', text: 'Ökat', meaning: 'Värdet har ökat' }],
	['movement down en', () => movementLabel('down', 'en'), { symbol: '↓', text: 'Decreased', meaning: 'The value has decreased' }],
	['full', () => statusLabel('full'), { symbol: '✓', text: 'Helt', meaning: 'Målvärdet är helt uppnått för perioden' }],
	['partial', () => statusLabel('partial'), { symbol: '◐', text: 'Delvis', meaning: 'Målvärdet är delvis uppnått för perioden' }],
	['none', () => statusLabel('none'), { symbol: '✕', text: 'Inte alls', meaning: 'Målvärdet är inte uppnått för perioden' }],
	['missing', () => statusLabel('missing'), { symbol: '..', text: 'Värde saknas för perioden', meaning: 'Det finns inget utfall för perioden' }],
	['status unknown', () => statusLabel(null), { symbol: '–', text: 'Ej bedömd', meaning: 'Status kan inte bedömas för perioden' }],
	['council', () => originLabel('council'), { symbol: 'RF', text: 'Regionfullmäktige', meaning: 'Beslutat av regionfullmäktige' }],
	['committee', () => originLabel('committee'), { symbol: 'N', text: 'Nämnden', meaning: 'Beslutat av nämnden' }],
	['other', () => originLabel('other'), { symbol: '–', text: 'Annan', meaning: 'Annat ursprung' }],
	['direction up', () => directionLabel('up'), { symbol: '↑', text: 'Högre värde är bättre', meaning: 'Målet är att värdet ska öka' }],
	['direction down', () => directionLabel('down'), { symbol: '↓', text: 'Lägre värde är bättre', meaning: 'Målet är att värdet ska minska' }],
	[
		'direction none',
		() => directionLabel('none'),
		{ symbol: '↕', text: 'Ingen riktning', meaning: 'Indikatorn visas som bakgrund utan att bedömas' }
	],
	['progress achieved', () => progressLabel('target_achieved'), { symbol: '●●●●', text: 'Målet är nått', meaning: 'Det senaste värdet når målet' }],
	['progress deterioration en', () => progressLabel('deterioration', 'en'), { symbol: '○○○○', text: 'Deterioration', meaning: 'The indicator is moving away from the target' }],
	[
		'progress unknown',
		() => progressLabel(null),
		{ symbol: '–', text: 'Kan inte beräknas', meaning: 'Det finns inte tillräckligt med data för att beräkna framstegen' }
	],
	[
		'summary row',
		() => summaryCategoryLabel('council_uppdrag', 'en'),
		{ symbol: 'RF', text: 'Assignments from the regional council', meaning: 'Assignments decided by the regional council' }
	]
];

describe('label helpers', () => {
	it.each(cases)('%s', (_name, get, expected) => {
		expect(get()).toEqual(expected);
	});
});

describe('legends', () => {
	it.each([
		['colour', 'Färgindikatorer, måluppfyllelse och genomförande av uppdrag'],
		[
			'trend',
			'Förändringspilar, utveckling under året, resultat jämfört med föregående år alternativt årets början'
		],
		['indicatorStatus', 'Indikatorer, status för perioden']
	] as const)('%s heading is printed word for word', (kind, heading) => {
		expect(LEGEND_HEADINGS[kind].sv).toBe(heading);
		expect(legend(kind).heading).toBe(heading);
	});

	it.each([
		['colour', 'sv', ['● Grön', '▲ Gul', '■ Röd', '– Ej bedömd']],
		['trend', 'sv', ['↗ Förbättrats', '→ Oförändrat', '↘ Försämrats']],
		['indicatorStatus', 'sv', ['✓ Helt', '◐ Delvis', '✕ Inte alls', '.. Värde saknas för perioden']],
		['indicatorStatus', 'en', ['✓ Fully', '◐ Partly', '✕ Not at all', '.. No value for the period']],
		[
			'progress',
			'sv',
			['●●●● Målet är nått', '●●●○ Betydande framsteg', '●●○○ Måttliga framsteg', '●○○○ Begränsade framsteg', '○○○○ Försämring']
		]
	] as const)('%s legend (%s) lists entries in printed order', (kind, locale, expected) => {
		const items = legend(kind, locale as Locale).items;
		expect(items.map((i) => `${i.symbol} ${i.text}`)).toEqual(expected);
	});

	it('legend items carry their stable keys', () => {
		expect(legend('colour').items.map((i) => i.key)).toEqual(['green', 'yellow', 'red', 'notAssessed']);
	});
});
