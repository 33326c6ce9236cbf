/** The gate of the reporting pages: unpublished work is shown only to those who work with the plan. */
import { error } from '@sveltejs/kit';
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { maySeeDrafts } from './scope';

export const OUTSIDE_SCOPE = 'Planen ligger utanför ditt ansvarsområde: dess utkast och historik visas bara för dem som arbetar med den.';

/** 403 unless the user may see the plan's drafts (editing/scope.ts maySeeDrafts). */
export function requireDraftAccess(db: Db, user: SessionUser, planId: number): void {
	if (!maySeeDrafts(db, user, planId)) error(403, OUTSIDE_SCOPE);
}
