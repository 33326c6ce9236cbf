/**
 * `?utkast=1` on a public plan or goal page: for signed-in editors and reviewers of the plan and admins, the page as it will
 * look when the plan's drafts are published (preview.ts); for everyone else the parameter changes nothing. A
 * preview is private to the person and never cached.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { withDraftsApplied } from './preview';
import { maySeeDrafts } from './scope';

export function readMaybePreview<T>(
	db: Db,
	user: SessionUser | null | undefined,
	url: URL,
	setHeaders: (h: Record<string, string>) => void,
	orgSlug: string,
	planSlug: string,
	read: () => T
): { page: T; preview: boolean } {
	if (!url.searchParams.has('utkast') || !user) return { page: read(), preview: false };
	const plan = db.$client
		.prepare('SELECT p.id FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = ? AND p.slug = ?')
		.get(orgSlug, planSlug) as { id: number } | undefined;
	if (!plan || !maySeeDrafts(db, user, plan.id)) return { page: read(), preview: false };
	setHeaders({ 'cache-control': 'private, no-store' });
	return { page: withDraftsApplied(db, plan.id, read), preview: true };
}
