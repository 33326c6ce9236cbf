/** The load shared by the indicator page, its embed version and its downloads: URL state → page data. */
import { error } from '@sveltejs/kit';
import { getDb } from './db';
import { getIndicatorPage } from './queries/indicator-page';
import { parseViewState } from '../indicator-view/state';

export function loadIndicator(slug: string, url: URL) {
	const page = getIndicatorPage(getDb(), slug, parseViewState(url.searchParams));
	if (!page) error(404, 'Indikatorn finns inte');
	return page;
}
