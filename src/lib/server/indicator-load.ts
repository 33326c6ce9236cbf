/**
 * The load shared by the indicator page, its embed version and its downloads: URL state → page data.
 * `indicatorView` also prepares the chart, bar, table and map props on the server, so the mapping code and
 * the raw series stay out of the browser bundle (the indicator page has an 80 kB JavaScript budget). The bar
 * charts and the map arrive as finished HTML (see src/lib/server/geo/render.ts), and only on their own tab.
 */
import { error } from '@sveltejs/kit';
import { getDb } from './db';
import { getIndicatorPage, type IndicatorPage } from './queries/indicator-page';
import { parseViewState, type Tab } from '../indicator-view/state';
import { barChartData, describeFocus, lineChartData, tableData } from '../indicator-view/chart-data';
import { choroplethData, hasMap } from '../indicator-view/map-data';
import { MAP_ATTRIBUTION, MAP_FOOTER, geoName, lanMap, swedenMap } from './geo/maps';
import { renderAbout, renderBars, renderMap, renderTable } from './geo/render';
import { describeTarget } from '../domain/target';
import type { Target } from '../domain/types';
import type { Locale } from '../i18n';

export function loadIndicator(slug: string, url: URL): IndicatorPage {
	const page = getIndicatorPage(getDb(), slug, parseViewState(url.searchParams));
	if (!page) error(404, 'Indikatorn finns inte');
	return page;
}

/** The map tab's HTML: the choropleth, or a sentence when this view has no values to map. */
function mapHtml(page: IndicatorPage, locale: Locale): string {
	const props = choroplethData(page, locale, { sweden: swedenMap(), lan: (code) => lanMap(code), name: geoName, attribution: MAP_ATTRIBUTION[locale] });
	if (props) return renderMap(props);
	return `<p>${locale === 'sv' ? 'Det finns inga värden för län eller kommuner att visa på kartan för det här urvalet.' : 'There are no county or municipality values to map for this selection.'}</p>`;
}

const html = <P>(props: P | null, render: (p: P) => string) => (props ? render(props) : null);

const TABLE_CAPTION = {
	tab: { sv: 'Tabell med samma data som diagrammet', en: 'Table with the same data as the chart' },
	always: { sv: 'Samma data som diagrammet', en: 'The same data as the chart' }
};

/**
 * `table: 'tab'` (the indicator page): the table only on the table tab, as the bars and the map; with all 312
 * geographies it would otherwise add a large table to every tab. The embed shows its table under every chart
 * (`'always'`). Either way it is server-rendered HTML (see render.ts).
 */
export function indicatorView(page: IndicatorPage, locale: Locale, options: { table: 'tab' | 'always' } = { table: 'always' }) {
	const { series, bars, ...rest } = page;
	const map = hasMap(page);
	const tabs: Tab[] = map ? ['chart', 'bar', 'map', 'table'] : ['chart', 'bar', 'table'];
	const line = lineChartData(page, locale);
	return {
		...rest,
		focusLanName: bars.focusLan?.name ?? null,
		hasData: series.some((s) => s.points.length > 0),
		lead: describeFocus(page, locale),
		line,
		/** "Om indikatorn" as server-rendered HTML (see render.ts). */
		aboutHtml: renderAbout({ page, locale }),
		tableHtml:
			options.table === 'always' || page.state.tab === 'table'
				? renderTable({ table: tableData(page, locale), caption: `${TABLE_CAPTION[options.table][locale]}: ${line.title}`, locale })
				: null,
		/** The bar charts as server-rendered HTML, only on the bar tab (see render.ts). */
		barsKommunerHtml: page.state.tab === 'bar' ? html(barChartData(page, 'kommuner', locale), (p) => renderBars({ ...p, id: 'bars-kommuner' })) : null,
		barsLanHtml: page.state.tab === 'bar' ? html(barChartData(page, 'lan', locale), (p) => renderBars({ ...p, id: 'bars-lan' })) : null,
		tabs,
		/** Server-rendered map (HTML), only on the map tab. */
		mapHtml: page.state.tab === 'map' ? mapHtml(page, locale) : null,
		/** Set on views that draw a map, for the attribution in the footer. */
		mapSource: page.state.tab === 'map' && map ? MAP_FOOTER[locale] : null,
		targetDescriptions: page.targets.map((t) => describeTarget(t as Target, locale))
	};
}

export type IndicatorView = ReturnType<typeof indicatorView>;
