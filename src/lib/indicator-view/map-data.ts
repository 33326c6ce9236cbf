/**
 * The indicator page's map tab: one year's values as `ChoroplethMapProps`, formatted for the reader's locale on the
 * server. Same year and values as the bar charts (`page.bars`); classes from `mapBins.ts`; geometry from
 * src/lib/server/geo/ (passed in, so this module stays free of server imports and easy to test).
 */
import type { ChoroplethMapProps, MapArea, MapLegendItem, MapSwitch, MapTableRow } from '../charts/types';
import { binValues, divergingBins, ranks, type Binning } from '../charts/mapBins';
import { displayObservation } from '../domain/observation-display';
import { formatNumber, formatValue } from '../domain/format';
import { formatPeriod } from '../domain/period';
import { isComparableAcrossAreas } from '../domain/units';
import type { Locale } from '../i18n';
import type { BarValue, IndicatorPage } from '../server/queries/indicator-page';
import type { MapGeometry } from '../server/geo/build';
import { viewQuery, type MapLevel, type MapMode } from './state';
import { sexWord } from './sex';

export interface MapSources {
	sweden: MapGeometry;
	/** "Källa: SCB (Digitala gränser)" in the reader's language. */
	attribution: string;
	lan(code: string): MapGeometry | null;
	name(code: string): string | null;
}

/** Swedish alphabetical order (å, ä, ö last); one collator, as `localeCompare(…, 'sv')` builds one per call. */
const swedish = new Intl.Collator('sv');

/** Kommun maps with at most this many kommuner name every kommun on the map (Jämtland 8, Örebro 12). */
const NAME_ALL_UP_TO = 16;

const text = {
	sv: {
		kommunerIn: (lan: string) => `kommunerna i ${lan}`,
		allLan: 'alla län',
		show: 'Visa',
		kommunerLink: 'Länets kommuner',
		allLanLink: 'Alla län',
		scale: 'Färgskala',
		byValue: 'Efter värde',
		vsRiket: 'Jämfört med riket',
		valueTitle: (period: string) => `Värde ${period}`,
		vsRiketTitle: (riket: string) => `Jämfört med riket (${riket})`,
		sequential: 'Mörkare färg betyder högre värde.',
		diverging: (riket: string) => `Orange betyder lägre än riket (${riket}), lila högre; ju mörkare, desto större skillnad.`,
		drill: 'Välj ett län för att se dess kommuner.',
		rank: (rank: number, of: number) => `plats ${rank} av ${of}`,
		has: (name: string, value: string, rank: string) => `${name} har ${value}, ${rank}.`,
		missing: 'Uppgift saknas',
		hatched: 'Randig yta: uppgift saknas',
		rankNote: { down: 'Plats 1 = lägst värde, det bästa för indikatorn.', up: 'Plats 1 = högst värde, det bästa för indikatorn.', none: 'Plats 1 = högst värde.' },
		hint: 'Peka på ett område, eller gå dit med tabbtangenten, för att se dess värde och placering.',
		kommun: ['kommun', 'kommuner'],
		lan: ['län', 'län'],
		areaHeader: { kommun: 'Kommun', lan: 'Län' },
		rankHeader: (of: number) => `Plats av ${of}`,
		riket: 'Riket',
		belowRiket: 'lägre än riket',
		aboveRiket: 'högre än riket',
		asRiket: 'som riket'
	},
	en: {
		kommunerIn: (lan: string) => `municipalities of ${lan}`,
		allLan: 'all counties',
		show: 'Show',
		kommunerLink: 'The county’s municipalities',
		allLanLink: 'All counties',
		scale: 'Colour scale',
		byValue: 'By value',
		vsRiket: 'Compared with Sweden',
		valueTitle: (period: string) => `Value ${period}`,
		vsRiketTitle: (riket: string) => `Compared with Sweden (${riket})`,
		sequential: 'A darker colour means a higher value.',
		diverging: (riket: string) => `Orange means lower than Sweden (${riket}), purple higher; the darker, the larger the difference.`,
		drill: 'Choose a county to see its municipalities.',
		rank: (rank: number, of: number) => `rank ${rank} of ${of}`,
		has: (name: string, value: string, rank: string) => `${name} has ${value}, ${rank}.`,
		missing: 'No data',
		hatched: 'Hatched area: no data',
		rankNote: { down: 'Rank 1 = lowest value, the best for this indicator.', up: 'Rank 1 = highest value, the best for this indicator.', none: 'Rank 1 = highest value.' },
		hint: 'Point at an area, or Tab to it, to see its value and rank.',
		kommun: ['municipality', 'municipalities'],
		lan: ['county', 'counties'],
		areaHeader: { kommun: 'Municipality', lan: 'County' },
		rankHeader: (of: number) => `Rank of ${of}`,
		riket: 'Sweden',
		belowRiket: 'lower than Sweden',
		aboveRiket: 'higher than Sweden',
		asRiket: 'as Sweden'
	}
};

/** The map levels this view can show: kommuner when the focus län's kommuner have values, län when two or more do. */
export function mapLevels(page: IndicatorPage): MapLevel[] {
	const levels: MapLevel[] = [];
	if (page.bars.focusLan && page.bars.kommuner.some((b) => b.value !== null)) levels.push('kommun');
	if (page.bars.lan.filter((b) => b.value !== null).length >= 2) levels.push('lan');
	return levels;
}

/** Whether the indicator has data for a map at all (the tab is offered then). */
export function hasMap(page: IndicatorPage): boolean {
	return page.bars.lan.length >= 2 || page.bars.kommuner.length >= 2;
}

/**
 * Whether the map can be coloured against riket: riket needs a value that year, and the unit must compare across
 * areas of different size (a share or a rate, not a count: every län has fewer invånare than riket).
 */
export function canCompareWithRiket(page: IndicatorPage): boolean {
	return (page.bars.riket?.value ?? null) !== null && isComparableAcrossAreas(page.indicator.unit);
}

export function resolveMapView(page: IndicatorPage): { level: MapLevel; mode: MapMode } | null {
	const levels = mapLevels(page);
	if (levels.length === 0) return null;
	const level = page.state.level && levels.includes(page.state.level) ? page.state.level : levels[0];
	const mode: MapMode = page.state.mapmode === 'riket' && canCompareWithRiket(page) ? 'riket' : 'value';
	return { level, mode };
}

export function choroplethData(page: IndicatorPage, locale: Locale, geo: MapSources): ChoroplethMapProps | null {
	const view = resolveMapView(page);
	if (!view || !page.bars.period) return null;
	const x = text[locale];
	const { level, mode } = view;
	const lan = page.bars.focusLan;
	const geometry = level === 'kommun' && lan ? geo.lan(lan.code) : geo.sweden;
	if (!geometry) return null;

	const unit = page.indicator.unit;
	const decimals = page.indicator.decimals;
	const period = formatPeriod(page.bars.period, locale);
	const fmt = (v: number) => formatValue(v, unit, { decimals, locale });
	const list = level === 'kommun' ? page.bars.kommuner : page.bars.lan;
	const byCode = new Map(list.map((b) => [b.geo.code, b]));
	const codes = Object.keys(geometry.areas);
	const values = codes.map((c) => byCode.get(c)?.value ?? null);
	const riket = page.bars.riket?.value ?? null;
	const binning: Binning = mode === 'riket' && riket !== null ? divergingBins(values, riket, decimals) : binValues(values, decimals);
	const direction = page.indicator.direction === 'down' ? 'down' : page.indicator.direction === 'up' ? 'up' : 'none';
	const rankOf = ranks(values, direction, decimals);
	const ranked = values.filter((v) => v !== null).length;
	const focusCode = level === 'kommun' ? (page.focus.level === 'kommun' ? page.focus.code : null) : (lan?.code ?? null);
	const noun = (n: number) => `${n} ${x[level][n === 1 ? 0 : 1]}`;

	const areas: MapArea[] = codes.map((code, i) => {
		const bar: BarValue | undefined = byCode.get(code);
		const name = bar?.geo.name ?? geo.name(code) ?? code;
		const shown = displayObservation(bar ? { value: bar.value, textValue: null, missingSymbol: bar.missingSymbol, printed: null } : null, unit, decimals, locale);
		const rank = rankOf[i];
		const label =
			rank !== null
				? `${name}: ${shown.text}, ${x.rank(rank, ranked)}`
				: `${name}: ${(shown.explanation ?? x.missing).replace(/^./, (c) => c.toLowerCase())}`;
		const cls = binning.classOf(values[i]);
		return {
			code,
			name,
			d: geometry.areas[code],
			fill: cls >= 0 ? binning.classes[cls].colour : null,
			label,
			href: level === 'kommun' ? `/kommun/${code}` : `/indikator/${page.indicator.slug}${viewQuery(page.state, { focus: code, compare: null, tab: 'map', level: null })}`,
			focus: code === focusCode,
			at: geometry.labels[code] ?? null
		};
	});

	const title = `${page.indicator.name}${page.state.sex !== 'T' ? `, ${sexWord(page.state.sex, locale)}` : ''}: ${level === 'kommun' && lan ? x.kommunerIn(lan.name) : x.allLan}, ${period}`;
	const focusArea = areas.find((a) => a.focus);
	const focusIndex = focusArea ? areas.indexOf(focusArea) : -1;
	const focusSentence =
		focusArea && rankOf[focusIndex] !== null ? x.has(focusArea.name, fmt(values[focusIndex]!), x.rank(rankOf[focusIndex]!, ranked)) : '';
	const scaleSentence = binning.method === 'diverging' ? x.diverging(fmt(riket!)) : x.sequential;
	const description = [scaleSentence, focusSentence, level === 'lan' ? x.drill : ''].filter(Boolean).join(' ');

	const legendItems: MapLegendItem[] = binning.classes.map((c) => ({
		colour: c.colour,
		label: rangeLabel(c.lower, c.upper, unit, decimals, locale) + (c.side ? ` (${c.side === 'below' ? x.belowRiket : c.side === 'above' ? x.aboveRiket : x.asRiket})` : ''),
		count: noun(c.count)
	}));
	const missing = areas.filter((a) => a.fill === null);
	if (missing.length > 0) legendItems.push({ colour: null, label: x.missing, count: noun(missing.length) });

	const symbols = [...new Set(codes.map((c) => byCode.get(c)?.missingSymbol).filter((s): s is NonNullable<typeof s> => !!s))];
	const notes = [
		...(missing.length > 0
			? [
					`${x.hatched}${symbols.length > 0 ? ` (${symbols.map((s) => `${s} = ${displayObservation({ value: null, textValue: null, missingSymbol: s, printed: null }, unit, decimals, locale).explanation?.toLowerCase()}`).join('; ')})` : ''}.`
				]
			: []),
		...(riket !== null ? [`${x.riket}: ${fmt(riket)}`] : []),
		...(level === 'kommun' && lan && page.bars.lanValue?.value != null ? [`${lan.name}: ${fmt(page.bars.lanValue.value)}`] : []),
		x.rankNote[direction]
	];

	const switches: MapSwitch[] = [];
	const levels = mapLevels(page);
	if (levels.length > 1 && lan) {
		switches.push({
			label: x.show,
			links: levels.map((l) => ({
				text: l === 'kommun' ? x.kommunerLink : x.allLanLink,
				href: viewQuery(page.state, { tab: 'map', level: l }),
				current: l === level
			}))
		});
	}
	if (canCompareWithRiket(page)) {
		switches.push({
			label: x.scale,
			links: (['value', 'riket'] as const).map((m) => ({
				text: m === 'value' ? x.byValue : x.vsRiket,
				href: viewQuery(page.state, { tab: 'map', mapmode: m }),
				current: m === mode
			}))
		});
	}

	const rows: MapTableRow[] = areas
		.map((a, i) => ({ a, i }))
		.sort((p, q) => (rankOf[p.i] ?? Infinity) - (rankOf[q.i] ?? Infinity) || swedish.compare(p.a.name, q.a.name))
		.map(({ a, i }) => {
			const bar = byCode.get(a.code);
			const shown = displayObservation(bar ? { value: bar.value, textValue: null, missingSymbol: bar.missingSymbol, printed: null } : null, unit, decimals, locale);
			return { code: a.code, name: a.name, href: a.href, value: shown.text, explanation: shown.explanation, rank: rankOf[i] === null ? '–' : String(rankOf[i]) };
		});

	return {
		id: `map-${level}`,
		title,
		description,
		width: geometry.width,
		height: geometry.height,
		areas,
		context: Object.entries(geometry.context).map(([code, d]) => ({ code, d, name: geo.name(code) ?? code, at: geometry.labels[code] ?? null })),
		legend: { title: binning.method === 'diverging' ? x.vsRiketTitle(fmt(riket!)) : x.valueTitle(period), items: legendItems, notes },
		names: level === 'kommun' && areas.length <= NAME_ALL_UP_TO ? 'all' : 'focus',
		readout: focusArea?.label ?? x.hint,
		table: { caption: title, areaHeader: x.areaHeader[level], valueHeader: x.valueTitle(period), rankHeader: x.rankHeader(ranked), rows },
		switches,
		attribution: geo.attribution,
		locale
	};
}

/** "2,9–3,9 %", "−2,0 – −1,1 %" (spaced when a limit is negative), or "4,1 %" for a one-value class. */
export function rangeLabel(lower: number, upper: number, unit: string | null, decimals: number, locale: Locale): string {
	if (lower === upper) return formatValue(lower, unit, { decimals, locale });
	const dash = lower < 0 || upper < 0 ? ' – ' : '–';
	return `${formatNumber(lower, { decimals, locale })}${dash}${formatValue(upper, unit, { decimals, locale })}`;
}
