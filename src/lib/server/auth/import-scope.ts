/**
 * Who may import what. Admins may import anything. An editor may import only into their scope:
 * - a plan import needs a scope that covers the plan it writes (an organisation scope covers the
 *   organisation's plans, new ones too; a plan scope that plan; a goal subtree never a whole plan);
 * - a statistics import may only touch indicators linked to at least one goal inside their scope, or
 *   indicators the import itself creates. Observations belong to the indicator, so an indicator shared by
 *   several plans may be updated by the editors of any of them; one linked to no goal, by admins only.
 * - an återrapportering (insatser) needs an organisation scope for the reporting organisation.
 * Otherwise the whole import is refused with the list of indicators out of scope. The rule runs inside the
 * import's transaction (ImportRequest.authorize), so a refused import leaves the database as it was.
 */
import type { Db } from '../db/client';
import type { ImportTouched } from '../import/types';
import { allowed, goalTarget } from './guard';
import type { SessionUser } from './sessions';

const MAX_LISTED = 20;

/** The import hook for a user, or undefined when the user may import anything (admins). */
export function importAuthorizer(db: Db, user: SessionUser): ((touched: ImportTouched) => string[]) | undefined {
	if (user.role === 'admin') return undefined;
	return (touched) => importRefusals(db, user, touched);
}

/** Swedish messages, one per reason the user may not make this import; empty when allowed. */
export function importRefusals(db: Db, user: SessionUser, touched: ImportTouched): string[] {
	if (user.role !== 'editor') return ['Bara administratörer och redaktörer får läsa in filer.'];
	if (touched.plan) {
		const target = { organisationId: touched.plan.organisationId, planId: touched.plan.planId };
		if (allowed(user, 'editor', target)) return [];
		const what = touched.plan.created ? `en ny plan '${touched.plan.slug}' i en organisation` : `planen '${touched.plan.slug}'`;
		return [`Du får inte läsa in ${what} utanför ditt ansvarsområde; inget lästes in.`];
	}
	if (touched.kind === 'atterrapportering') {
		// Insatser and the report belong to the organisation as a whole: an organisation scope is needed.
		if (touched.organisation && allowed(user, 'editor', { organisationId: touched.organisation.id })) return [];
		return [`Du får bara läsa in återrapporteringen för en organisation som hela är ditt ansvarsområde; inget lästes in.`];
	}
	const outside = touched.indicators.filter((i) => !i.created && !indicatorInScope(db, user, i.id));
	if (outside.length === 0) return [];
	const listed = outside.slice(0, MAX_LISTED).map((i) => `'${i.slug}' (${i.name})`);
	const more = outside.length > MAX_LISTED ? ` och ${outside.length - MAX_LISTED} till` : '';
	return [
		`Filen har värden för ${outside.length === 1 ? 'en indikator' : `${outside.length} indikatorer`} utanför ditt ansvarsområde ` +
			`(de hör inte till något mål du ansvarar för): ${listed.join(', ')}${more}. Inget lästes in.`
	];
}

function indicatorInScope(db: Db, user: SessionUser, indicatorId: number): boolean {
	const goals = db.$client.prepare('SELECT goal_id FROM goal_indicator WHERE indicator_id = ?').all(indicatorId) as { goal_id: number }[];
	return goals.some((g) => {
		const target = goalTarget(db, g.goal_id);
		return target !== null && allowed(user, 'editor', target);
	});
}
