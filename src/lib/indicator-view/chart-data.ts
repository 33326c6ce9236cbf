/**
 * Turns an indicator page's data into what the chart, the table and the downloads show, formatted for the
 * reader's locale. The table and the CSV are built from the same rows as the chart, so they always agree.
 */
import type { BarChartProps, ChartSeries, ContextLines, LineChartProps, TargetMark, Bar } from '../charts/types';
import { periodToX } from '../charts/scales';
import { displayObservation } from '../domain/observation-display';
import { formatPeriod } from '../domain/period';
import { formatValue } from '../domain/format';
import type { Locale } from '../i18n';
import type { IndicatorPage, GeoSeries, BarValue } from '../server/queries/indicator-page';

import { sexWord } from './sex';

function pointLabel(page: IndicatorPage, p: GeoSeries['points'][number], locale: Locale): string {
	return displayObservation(p, page.indicator.unit, page.indicator.decimals, locale).text;
}

/** The numeric target drawn on the chart, if the primary target has a number. */
export function targetMark(page: IndicatorPage, locale: Locale): TargetMark | null {
	const t = page.targets.find((x) => x.rank === 0 && x.value !== null && ['min', 'max', 'exact', 'range'].includes(x.kind));
	if (!t || t.value === null) return null;
	const word = locale === 'sv' ? 'Målvärde' : 'Target';
	const year = t.targetPeriod ? ` (${formatPeriod(t.targetPeriod, locale)})` : '';
	return {
		value: t.value,
		valueHigh: t.kind === 'range' ? t.valueHigh : null,
		targetX: t.targetPeriod ? periodToX(t.targetPeriod) : null,
		label: `${word}: ${t.wording}${year}`
	};
}

export function lineChartData(page: IndicatorPage, locale: Locale): LineChartProps {
	const named = page.series.filter((s): s is GeoSeries & { role: ChartSeries['role'] } => s.role !== 'context');
	const series: ChartSeries[] = named.map((s) => ({
		id: s.geo.code,
		name: s.geo.name,
		role: s.role,
		points: s.points.flatMap((p) => {
			const x = periodToX(p.period);
			return x === null ? [] : [{ period: p.period, x, value: p.value, label: pointLabel(page, p, locale) }];
		})
	}));
	const context = page.series.length - named.length;
	const names = named.map((s) => s.geo.name).join(', ');
	const all = context > 0 ? (locale === 'sv' ? ` och alla ${context} övriga län och kommuner` : ` and all ${context} other counties and municipalities`) : '';
	const span = page.state.from !== null && page.state.to !== null ? `, ${page.state.from}–${page.state.to}` : '';
	const sex = page.state.sex !== 'T' ? `, ${sexWord(page.state.sex, locale)}` : '';
	const spread =
		context > 0
			? locale === 'sv'
				? ` De tunna grå linjerna visar alla ${context} övriga geografier med värden, för att visa spridningen; de har inga namn i diagrammet, men tabellen har alla värden.`
				: ` The thin grey lines show all ${context} other areas with values, to show the spread; they are not named in the chart, but the table has every value.`
			: '';
	return {
		series,
		context: contextLines(page),
		target: targetMark(page, locale),
		title: `${page.indicator.name}${sex}: ${names}${all}${span}`,
		description: describeFocus(page, locale) + spread,
		unit: page.indicator.unit,
		decimals: page.indicator.decimals,
		locale
	};
}

/** The `context` series as compact lines (xs in order, one value per x and line), or null when there are none. */
export function contextLines(page: IndicatorPage): ContextLines | null {
	const context = page.series.filter((s) => s.role === 'context');
	if (context.length === 0) return null;
	const xOf = new Map<string, number>();
	for (const s of context) {
		for (const p of s.points) {
			const x = xOf.has(p.period) ? null : periodToX(p.period);
			if (x !== null) xOf.set(p.period, x);
		}
	}
	const xs = [...new Set(xOf.values())].sort((a, b) => a - b);
	const column = new Map(xs.map((x, j) => [x, j]));
	return {
		xs,
		values: context.map((s) => {
			const row: (number | null)[] = new Array(xs.length).fill(null);
			for (const p of s.points) {
				const x = xOf.get(p.period);
				if (x !== undefined && p.value !== null && Number.isFinite(p.value)) row[column.get(x)!] = p.value;
			}
			return row;
		})
	};
}

/** One sentence on the focus series: latest value and change since the first shown value. */
export function describeFocus(page: IndicatorPage, locale: Locale): string {
	const focus = page.series.find((s) => s.role === 'focus');
	const numeric = focus?.points.filter((p) => p.value !== null) ?? [];
	if (!focus || numeric.length === 0) {
		return locale === 'sv' ? 'Det finns inga värden att visa för det valda urvalet.' : 'There are no values to show for this selection.';
	}
	const last = numeric[numeric.length - 1];
	const first = numeric[0];
	const fmt = (v: number) => formatValue(v, page.indicator.unit, { decimals: page.indicator.decimals, locale });
	const lastText = `${focus.geo.name} ${formatPeriod(last.period, locale)}: ${fmt(last.value!)}`;
	if (numeric.length === 1) return `${lastText}.`;
	const word =
		last.value! > first.value! ? (locale === 'sv' ? 'upp från' : 'up from') : last.value! < first.value! ? (locale === 'sv' ? 'ned från' : 'down from') : locale === 'sv' ? 'samma som' : 'same as';
	return `${lastText}, ${word} ${fmt(first.value!)} (${formatPeriod(first.period, locale)}).`;
}

export interface TableData {
	columns: { code: string; name: string }[];
	rows: { period: string; label: string; cells: { text: string; explanation: string | null; kind: string }[] }[];
}

/** The data of the line chart as a table: one row per period, one column per geography. */
export function tableData(page: IndicatorPage, locale: Locale): TableData {
	const periods = [...new Set(page.series.flatMap((s) => s.points.map((p) => p.period)))];
	const order = new Map(page.series.flatMap((s) => s.points.map((p, i) => [p.period, i] as const)));
	periods.sort((a, b) => (periodToX(a) ?? order.get(a)!) - (periodToX(b) ?? order.get(b)!));
	const byPeriod = page.series.map((s) => new Map(s.points.map((p) => [p.period, p])));
	return {
		columns: page.series.map((s) => ({ code: s.geo.code, name: s.geo.name })),
		rows: periods.map((period) => ({
			period,
			label: formatPeriod(period, locale),
			cells: page.series.map((s, i) => {
				const p = byPeriod[i].get(period) ?? null;
				const d = displayObservation(p, page.indicator.unit, page.indicator.decimals, locale);
				return { text: d.text, explanation: d.explanation, kind: d.kind };
			})
		}))
	};
}

function bar(page: IndicatorPage, b: BarValue, role: Bar['role'], locale: Locale, href: boolean): Bar {
	return {
		id: b.geo.code,
		name: b.geo.name,
		value: b.value,
		label: displayObservation(
			{ value: b.value, textValue: null, missingSymbol: b.missingSymbol, printed: null },
			page.indicator.unit,
			page.indicator.decimals,
			locale
		).text,
		role,
		href: href && b.geo.level === 'kommun' ? `/kommun/${b.geo.code}` : null
	};
}

/** Bars for one period: the kommuner of the focus län, or all län, with riket (and the län) as references. */
export function barChartData(page: IndicatorPage, which: 'kommuner' | 'lan', locale: Locale): BarChartProps | null {
	const list = which === 'kommuner' ? page.bars.kommuner : page.bars.lan;
	if (list.length === 0 || !page.bars.period) return null;
	const period = formatPeriod(page.bars.period, locale);
	const refs = [page.bars.riket, which === 'kommuner' ? page.bars.lanValue : null].filter((r): r is BarValue => !!r && r.value !== null);
	const title =
		which === 'kommuner'
			? locale === 'sv'
				? `${page.indicator.name}: kommunerna i ${page.bars.focusLan?.name ?? ''}, ${period}`
				: `${page.indicator.name}: municipalities of ${page.bars.focusLan?.name ?? ''}, ${period}`
			: locale === 'sv'
				? `${page.indicator.name}: alla län, ${period}`
				: `${page.indicator.name}: all counties, ${period}`;
	return {
		bars: list.map((b) => bar(page, b, b.geo.code === page.focus.code ? 'focus' : b.geo.level === 'lan' && which === 'kommuner' ? 'lan' : 'other', locale, true)),
		references: refs.map((r) => ({ name: r.geo.name, value: r.value!, label: `${r.geo.name} ${bar(page, r, 'riket', locale, false).label}` })),
		title,
		description: rankSentence(page, list, locale),
		unit: page.indicator.unit,
		decimals: page.indicator.decimals,
		locale
	};
}

/** "Östersund har 3:e högsta värdet av 8 kommuner." — rank by value, highest first. */
export function rankSentence(page: IndicatorPage, list: BarValue[], locale: Locale): string {
	const sorted = list.filter((b) => b.value !== null).sort((a, b) => b.value! - a.value!);
	const pos = sorted.findIndex((b) => b.geo.code === page.focus.code);
	if (pos < 0) return locale === 'sv' ? `${sorted.length} med värden.` : `${sorted.length} with values.`;
	return locale === 'sv'
		? `${page.focus.name} har ${pos + 1}:${pos === 0 || pos === 1 ? 'a' : 'e'} högsta värdet av ${sorted.length}.`
		: `${page.focus.name} has the ${ordinal(pos + 1)} highest value of ${sorted.length}.`;
}

function ordinal(n: number): string {
	const s = ['th', 'st', 'nd', 'rd'];
	const v = n % 100;
	return n + (s[(v - 20) % 10] || s[v] || s[0]);
}

/** The rows of the CSV download: exactly the chart's data, long format. */
export function csvRows(page: IndicatorPage): (string | number | null)[][] {
	const header = ['indikator', 'geografikod', 'geografi', 'period', 'kön', 'värde', 'symbol', 'enhet'];
	const rows = page.series.flatMap((s) =>
		s.points.map((p) => [page.indicator.slug, s.geo.code, s.geo.name, p.period, page.state.sex, p.value, p.missingSymbol ?? p.textValue ?? null, page.indicator.unit])
	);
	return [header, ...rows];
}
