/**
 * Plans of an organisation: list, create, edit (with optimistic locking), archive/restore, and delete while
 * nothing hangs on them. Each change writes its audit entry in the same transaction.
 */
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/sessions';
import { planTarget } from '../auth/guard';
import { slugify, uniqueSlug } from '../../domain/slug';
import { assertMay, assertMayCreatePlan, mayChange } from './access';
import { audit, changes, count, insert, pick, str, updateVersioned, type Row } from './common';
import { invalid, notFound, StructureError } from './errors';
import { PLAN_FIELDS, type PlanInput } from './schemas';

export interface PlanSummary {
	id: number;
	slug: string;
	name: string;
	kind: string;
	startYear: number | null;
	endYear: number | null;
	archived: boolean;
	goals: number;
	mayEdit: boolean;
}

export interface OrganisationPlans {
	id: number;
	slug: string;
	name: string;
	mayCreate: boolean;
	plans: PlanSummary[];
}

/** Every organisation with its plans (archived too, marked), and what this user may do with them. */
export function listPlans(db: Db, user: SessionUser): OrganisationPlans[] {
	const orgs = db.$client.prepare('SELECT id, slug, name FROM organisation ORDER BY sort_order, name').all() as Row[];
	const plans = db.$client
		.prepare(
			`SELECT p.id, p.organisation_id, p.slug, p.name, p.kind, p.start_year, p.end_year, p.archived,
			        (SELECT count(*) FROM goal g WHERE g.plan_id = p.id) AS goals
			 FROM plan p ORDER BY p.archived, p.sort_order, p.name`
		)
		.all() as Row[];
	return orgs.map((o) => ({
		id: o.id as number,
		slug: o.slug as string,
		name: o.name as string,
		mayCreate: mayChange(user, { organisationId: o.id as number }),
		plans: plans
			.filter((p) => p.organisation_id === o.id)
			.map((p) => ({
				id: p.id as number,
				slug: p.slug as string,
				name: p.name as string,
				kind: p.kind as string,
				startYear: (p.start_year as number) ?? null,
				endYear: (p.end_year as number) ?? null,
				archived: p.archived === 1,
				goals: p.goals as number,
				mayEdit: mayChange(user, { organisationId: o.id as number, planId: p.id as number })
			}))
	}));
}

export interface PlanRecord {
	id: number;
	organisationId: number;
	organisationSlug: string;
	organisationName: string;
	slug: string;
	archived: boolean;
	version: number;
	levelNames: string[];
	/** The editable fields as form strings. */
	values: Record<string, string>;
}

export function planForm(row: Row): Record<string, string> {
	const levels = typeof row.level_names === 'string' ? (JSON.parse(row.level_names) as string[]) : [];
	return {
		name: str(row.name),
		kind: str(row.kind),
		startYear: str(row.start_year),
		endYear: str(row.end_year),
		levelNames: levels.join('\n'),
		geographyId: str(row.geography_id),
		description: str(row.description),
		source: str(row.source)
	};
}

export function getPlan(db: Db, id: number): PlanRecord | null {
	const row = db.$client
		.prepare('SELECT p.*, o.slug AS org_slug, o.name AS org_name FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?')
		.get(id) as Row | undefined;
	if (!row) return null;
	return {
		id,
		organisationId: row.organisation_id as number,
		organisationSlug: row.org_slug as string,
		organisationName: row.org_name as string,
		slug: row.slug as string,
		archived: row.archived === 1,
		version: row.version as number,
		levelNames: JSON.parse(row.level_names as string) as string[],
		values: planForm(row)
	};
}

function checkGeography(db: Db, id: number | null) {
	if (id != null && !db.$client.prepare('SELECT 1 FROM geography WHERE id = ?').get(id)) {
		throw invalid({ geographyId: { sv: 'Välj en geografi i listan.', en: 'Choose a geography from the list.' } });
	}
}

/** The levels a plan's goals already use must keep a name. */
function checkLevels(db: Db, planId: number, levels: string[]) {
	const deepest = (db.$client.prepare('SELECT max(depth) AS d FROM goal WHERE plan_id = ?').get(planId) as { d: number | null }).d;
	if (deepest != null && levels.length <= deepest) {
		throw invalid({
			levelNames: {
				sv: `Planens mål ligger på ${deepest + 1} nivåer; skriv minst ${deepest + 1} nivånamn.`,
				en: `The plan's goals use ${deepest + 1} levels; enter at least ${deepest + 1} level names.`
			}
		});
	}
}

export function createPlan(db: Db, user: SessionUser, organisationId: number, input: PlanInput): number {
	return db.transaction(() => {
		if (!db.$client.prepare('SELECT 1 FROM organisation WHERE id = ?').get(organisationId)) {
			throw invalid({ organisationId: { sv: 'Välj en organisation i listan.', en: 'Choose an organisation from the list.' } });
		}
		assertMayCreatePlan(user, organisationId);
		checkGeography(db, input.geographyId);
		const taken = new Set(
			(db.$client.prepare('SELECT slug FROM plan WHERE organisation_id = ?').all(organisationId) as { slug: string }[]).map((r) => r.slug)
		);
		const slug = uniqueSlug(slugify(input.name) || 'plan', taken);
		const sortOrder = count(db, 'SELECT count(*) AS n FROM plan WHERE organisation_id = ?', organisationId);
		const id = insert(db, 'plan', { organisationId, slug, sortOrder, ...input });
		audit(db, user, 'create', 'plan', id, null, { organisationId, slug, ...input });
		return id;
	});
}

export function updatePlan(db: Db, user: SessionUser, id: number, version: number, input: PlanInput): number {
	return db.transaction(() => {
		assertMay(user, planTarget(db, id));
		checkGeography(db, input.geographyId);
		checkLevels(db, id, input.levelNames);
		const before = db.$client.prepare('SELECT * FROM plan WHERE id = ?').get(id) as Row;
		const next = updateVersioned(db, 'plan', id, version, input, planForm);
		const diff = changes(pick(before, PLAN_FIELDS, ['levelNames']), input);
		if (diff) audit(db, user, 'update', 'plan', id, diff.old, diff.new);
		return next;
	});
}

export function setPlanArchived(db: Db, user: SessionUser, id: number, archived: boolean): void {
	db.transaction(() => {
		assertMay(user, planTarget(db, id));
		const info = db.$client
			.prepare("UPDATE plan SET archived = ?, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND archived = ?")
			.run(Number(archived), id, Number(!archived));
		if (info.changes) audit(db, user, archived ? 'archive' : 'restore', 'plan', id, { archived: !archived }, { archived });
	});
}

/** What hangs on a plan: goals, uppdrag, follow-up periods and editor scopes. */
export function planAttachments(db: Db, id: number): number {
	return (
		count(db, 'SELECT count(*) AS n FROM goal WHERE plan_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM uppdrag WHERE plan_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM follow_up_period WHERE plan_id = ?', id) +
		count(db, 'SELECT count(*) AS n FROM user_scope WHERE plan_id = ?', id)
	);
}

export function deletePlan(db: Db, user: SessionUser, id: number): void {
	db.transaction(() => {
		assertMay(user, planTarget(db, id));
		if (planAttachments(db, id) > 0) {
			throw new StructureError('in_use', {
				sv: 'Planen har mål, uppdrag, perioder eller redaktörer kopplade till sig och kan inte tas bort. Arkivera den i stället.',
				en: 'The plan has goals, assignments, periods or editors attached and cannot be deleted. Archive it instead.'
			});
		}
		const before = db.$client.prepare('SELECT * FROM plan WHERE id = ?').get(id) as Row;
		db.$client.prepare('DELETE FROM plan WHERE id = ?').run(id);
		audit(db, user, 'delete', 'plan', id, { slug: before.slug, ...pick(before, PLAN_FIELDS, ['levelNames']) }, null);
	});
}

export const planNotFound = () => notFound({ sv: 'Planen finns inte.', en: 'The plan does not exist.' });
