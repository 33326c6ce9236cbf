/**
 * The load shared by the indicator page, its embed version and its downloads: URL state → page data.
 * `indicatorView` also prepares the chart, bar and table props on the server, so the mapping code and
 * the raw series stay out of the browser bundle (the indicator page has an 80 kB JavaScript budget).
 */
import { error } from '@sveltejs/kit';
import { getDb } from './db';
import { getIndicatorPage, type IndicatorPage } from './queries/indicator-page';
import { parseViewState } from '../indicator-view/state';
import { barChartData, describeFocus, lineChartData, tableData } from '../indicator-view/chart-data';
import { describeTarget } from '../domain/target';
import type { Target } from '../domain/types';
import type { Locale } from '../i18n';

export function loadIndicator(slug: string, url: URL): IndicatorPage {
	const page = getIndicatorPage(getDb(), slug, parseViewState(url.searchParams));
	if (!page) error(404, 'Indikatorn finns inte');
	return page;
}

export function indicatorView(page: IndicatorPage, locale: Locale) {
	const { series, bars, ...rest } = page;
	return {
		...rest,
		focusLanName: bars.focusLan?.name ?? null,
		hasData: series.some((s) => s.points.length > 0),
		lead: describeFocus(page, locale),
		line: lineChartData(page, locale),
		table: tableData(page, locale),
		barsKommuner: barChartData(page, 'kommuner', locale),
		barsLan: barChartData(page, 'lan', locale),
		targetDescriptions: page.targets.map((t) => describeTarget(t as Target, locale))
	};
}

export type IndicatorView = ReturnType<typeof indicatorView>;
