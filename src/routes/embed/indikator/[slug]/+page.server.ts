import { loadIndicator } from '$lib/server/indicator-load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => loadIndicator(params.slug, url);
