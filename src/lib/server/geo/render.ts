/**
 * Server-rendered figures: the maps and the bar charts are rendered here to plain HTML (their CSS included), and the
 * pages insert it with `{@html}`. The browser gets a finished SVG and downloads no component code for it, nor
 * geometry or d3-geo; nothing in these figures needs JavaScript. Hydration comments are dropped, since nothing in
 * the HTML is ever hydrated.
 */
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import BarChart from '../../charts/BarChart.svelte';
import ChoroplethMap from '../../charts/ChoroplethMap.svelte';
import LocatorMap from '../../charts/LocatorMap.svelte';
import DataTable from '../../components/DataTable.svelte';
import AboutIndicator from '../../components/AboutIndicator.svelte';
import type { IndicatorPage } from '../queries/indicator-page';
import type { TableData } from '../../indicator-view/chart-data';
import type { Locale } from '../../i18n';
import type { BarChartProps, ChoroplethMapProps, LocatorMapProps } from '../../charts/types';

function toHtml<P extends Record<string, unknown>>(component: Component<P>, props: P): string {
	const { head, body } = render(component, { props });
	// `head` is the component's injected <style>: drop its indentation and line breaks, and its id, which would
	// repeat when a page shows two figures of one kind.
	return head.replace(/\s*\n\s*/g, '').replace(/<style id="[^"]*">/g, '<style>') + body.replace(/<!--[^]*?-->/g, '');
}

export function renderMap(props: ChoroplethMapProps): string {
	return toHtml(ChoroplethMap, props as ChoroplethMapProps & Record<string, unknown>);
}

export function renderLocator(props: LocatorMapProps): string {
	return toHtml(LocatorMap, props as LocatorMapProps & Record<string, unknown>);
}

export function renderBars(props: BarChartProps): string {
	return toHtml(BarChart, props as BarChartProps & Record<string, unknown>);
}

/** The line chart's data as a table (the chart's accessible alternative): no JavaScript needed either. */
export function renderTable(props: { table: TableData; caption: string; locale: Locale }): string {
	return toHtml(DataTable, props);
}

/** The indicator's metadata section ("Om indikatorn"): plain HTML as well. */
export function renderAbout(props: {
	page: Pick<IndicatorPage, 'indicator' | 'provenance' | 'focusLatest' | 'lastUpdated' | 'latestPeriod' | 'focus'>;
	locale: Locale;
}): string {
	return toHtml(AboutIndicator, props);
}
