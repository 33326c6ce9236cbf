import { getDb } from '$lib/server/db';
import { listOrganisations } from '$lib/server/queries/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ organisations: listOrganisations(getDb()) });
