import { indicatorView, loadIndicator } from '$lib/server/indicator-load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => indicatorView(loadIndicator(params.slug, url), locals.locale, { table: 'tab' });
