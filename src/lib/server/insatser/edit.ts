/**
 * Officials' changes to insatser and their results: create, save with optimistic locking (a stale version is a
 * conflict, never a silent overwrite), publish / back to draft, and results per year with their figures.
 * Every change writes its audit entry in the same transaction.
 */
import { z } from 'zod';
import type { Db } from '../db/client';
import type { Actor } from '../auth/audit';
import { writeAudit } from '../auth/audit';
import type { Target } from '../auth/guard';
import type { Locale } from '../../i18n';
import { EFFECT_TERMS, FINANCING_SOURCES, INSATS_STATUSES, RESULT_BASES, RESULT_TYPES } from '../db/schema-insatser';
import { normaliseNypsId, parseFigure } from '../../domain/insats';
import { getInsats, type InsatsDetail } from '../queries/insatser';
import { comparable, deleteDraftResult, editsGoToDraft, editingView, saveDraftFields, saveDraftResult, VersionConflict } from './drafts';
import { writeFields } from './write';

/** The scope target of an insats: its owner organisation. */
export function insatsTarget(db: Db, id: number): Target | null {
	const r = db.$client.prepare('SELECT organisation_id FROM insats WHERE id = ?').get(id) as { organisation_id: number } | undefined;
	return r ? { organisationId: r.organisation_id } : null;
}

const msg = {
	sv: {
		name: 'Skriv insatsens namn.',
		nyps: (v: string) => `'${v}' är inte ett NYPS-id: skriv bara siffror, till exempel 0020 7955.`,
		period: 'Skriv ett år (2020) eller ett datum (2020-03-01).',
		periodOrder: 'Perioden slutar före den börjar.',
		amount: (v: string) => `'${v}' är inte ett belopp i kronor, till exempel 1 500 000.`,
		year: 'Skriv ett år med fyra siffror, till exempel 2020.',
		text: 'Skriv resultatet.',
		type: 'Välj prestation eller effekt.',
		term: 'Välj kort sikt, lång sikt eller båda.',
		basis: 'Välj förväntad eller uppnådd.',
		long: (max: number) => `Texten är för lång: högst ${max.toLocaleString('sv-SE')} tecken.`,
		kommuner: 'Välj minst en kommun, eller hela länet.'
	},
	en: {
		name: 'Enter the name of the action.',
		nyps: (v: string) => `'${v}' is not a NYPS id: digits only, for example 0020 7955.`,
		period: 'Enter a year (2020) or a date (2020-03-01).',
		periodOrder: 'The period ends before it starts.',
		amount: (v: string) => `'${v}' is not an amount in kronor, for example 1 500 000.`,
		year: 'Enter a four-digit year, for example 2020.',
		text: 'Enter the result.',
		type: 'Choose output or effect.',
		term: 'Choose short term, long term or both.',
		basis: 'Choose expected or achieved.',
		long: (max: number) => `The text is too long: at most ${max.toLocaleString('en-GB')} characters.`,
		kommuner: 'Choose at least one municipality, or the whole county.'
	}
};

export interface InsatsForm {
	name: string;
	description: string | null;
	ownerName: string | null;
	periodFrom: string | null;
	periodTo: string | null;
	nypsIds: string[];
	nypsPrinted: string[];
	status: (typeof INSATS_STATUSES)[number] | null;
	wholeCounty: boolean | null;
	geographyIds: number[];
	financing: { source: (typeof FINANCING_SOURCES)[number]; amount: number | null; year: number | null; note: string | null }[];
	goalIds: number[];
	externalGoalIds: number[];
}

/** The raw form as strings (serialisable for fail()); repeated fields joined. */
export type InsatsValues = Record<string, string | string[]>;

const PERIOD = /^\d{4}(-\d{2}-\d{2})?$/;
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function readInsatsForm(fd: FormData): InsatsValues {
	const one = (k: string) => String(fd.get(k) ?? '');
	const all = (k: string) => fd.getAll(k).map(String);
	return {
		name: one('name'),
		description: one('description'),
		ownerName: one('ownerName'),
		periodFrom: one('periodFrom'),
		periodTo: one('periodTo'),
		nyps: one('nyps'),
		status: one('status'),
		where: one('where'),
		kommun: all('kommun'),
		finSource: all('finSource'),
		finAmount: all('finAmount'),
		finYear: all('finYear'),
		finNote: all('finNote'),
		goal: all('goal'),
		external: all('external'),
		version: one('version')
	};
}

/** Validates the form; errors are keyed by field id (financing rows: finAmount-0 …). */
export function parseInsatsForm(v: InsatsValues, l: Locale): { form: InsatsForm | null; errors: Record<string, string> } {
	const m = msg[l];
	const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
	const list = (k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : []);
	const errors: Record<string, string> = {};
	const name = s('name').trim();
	if (!name) errors.name = m.name;
	const periodFrom = orNull(s('periodFrom'));
	const periodTo = orNull(s('periodTo'));
	if (periodFrom && !PERIOD.test(periodFrom)) errors.periodFrom = m.period;
	if (periodTo && !PERIOD.test(periodTo)) errors.periodTo = m.period;
	if (periodFrom && periodTo && !errors.periodFrom && !errors.periodTo && periodTo.slice(0, periodFrom.length) < periodFrom.slice(0, periodTo.length)) {
		errors.periodTo = m.periodOrder;
	}
	const nypsIds: string[] = [];
	const nypsPrinted: string[] = [];
	for (const typed of s('nyps').split(/[\n;,]/).map((x) => x.trim()).filter(Boolean)) {
		const id = normaliseNypsId(typed);
		if (!id) errors.nyps ??= m.nyps(typed);
		else if (!nypsIds.includes(id)) {
			nypsIds.push(id);
			nypsPrinted.push(typed);
		}
	}
	const status = s('status');
	const where = s('where');
	const geographyIds = list('kommun').map(Number).filter((n) => Number.isInteger(n) && n > 0);
	if (where === 'kommuner' && geographyIds.length === 0) errors.where = m.kommuner;
	const financing: InsatsForm['financing'] = [];
	list('finSource').forEach((src, i) => {
		const amountText = (list('finAmount')[i] ?? '').trim();
		const yearText = (list('finYear')[i] ?? '').trim();
		const note = orNull(list('finNote')[i] ?? '');
		if (!src) return;
		if (!(FINANCING_SOURCES as readonly string[]).includes(src)) return;
		let amount: number | null = null;
		if (amountText) {
			const n = Number(amountText.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '').replace(',', '.'));
			if (!Number.isFinite(n) || n < 0) errors[`finAmount-${i}`] = m.amount(amountText);
			else amount = n;
		}
		let year: number | null = null;
		if (yearText) {
			if (!/^\d{4}$/.test(yearText)) errors[`finYear-${i}`] = m.year;
			else year = Number(yearText);
		}
		financing.push({ source: src as InsatsForm['financing'][number]['source'], amount, year, note });
	});
	if (Object.keys(errors).length) return { form: null, errors };
	return {
		form: {
			name,
			description: orNull(s('description')),
			ownerName: orNull(s('ownerName')),
			periodFrom,
			periodTo,
			nypsIds,
			nypsPrinted,
			status: (INSATS_STATUSES as readonly string[]).includes(status) ? (status as InsatsForm['status']) : null,
			wholeCounty: where === 'lan' ? true : where === 'kommuner' ? false : null,
			geographyIds: where === 'kommuner' ? geographyIds : [],
			financing,
			goalIds: [...new Set(list('goal').map(Number).filter((n) => Number.isInteger(n) && n > 0))],
			externalGoalIds: [...new Set(list('external').map(Number).filter((n) => Number.isInteger(n) && n > 0))]
		},
		errors
	};
}

export { VersionConflict, comparable };

/** Creates a draft insats; returns its id. */
export function createInsats(db: Db, actor: Actor, organisationId: number, form: InsatsForm): number {
	return db.transaction((tx) => {
		const now = new Date().toISOString();
		const id = Number(
			db.$client
				.prepare("INSERT INTO insats (organisation_id, name, state, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?)")
				.run(organisationId, form.name, now, now).lastInsertRowid
		);
		writeFields(db.$client, id, form, now, false);
		writeAudit(tx, actor, { action: 'create', entity: 'insats', entityId: id, new: form });
		return id;
	}) as number;
}

/** Saves an edit made from `baseVersion`; throws VersionConflict when someone saved in between. */
export function saveInsats(db: Db, actor: Actor, id: number, baseVersion: number, form: InsatsForm): void {
	if (editsGoToDraft(db, id)) {
		const current = editingView(db, id);
		if (!current) throw new Error('insatsen finns inte');
		return saveDraftFields(db, actor, id, baseVersion, form, comparable(current.insats));
	}
	db.transaction((tx) => {
		const current = getInsats(db, id, { publishedOnly: false });
		if (!current) throw new Error('insatsen finns inte');
		if (current.version !== baseVersion) throw new VersionConflict(current);
		const now = new Date().toISOString();
		writeFields(db.$client, id, form, now, true);
		writeAudit(tx, actor, { action: 'update', entity: 'insats', entityId: id, old: comparable(current), new: form });
	});
}

export const resultSchema = (l: Locale) =>
	z.object({
		year: z.string().trim().regex(/^\d{4}$/, msg[l].year).transform(Number),
		type: z.enum(RESULT_TYPES, msg[l].type),
		term: z.union([z.enum(EFFECT_TERMS, msg[l].term), z.literal('', msg[l].term)], msg[l].term).transform((x) => (x === '' ? null : x)),
		basis: z.union([z.enum(RESULT_BASES, msg[l].basis), z.literal('', msg[l].basis)], msg[l].basis).transform((x) => (x === '' ? null : x)),
		text: z.string().trim().min(1, msg[l].text).max(20000, msg[l].long(20000)),
		figures: z.string().max(5000, msg[l].long(5000))
	});

export type ResultForm = z.output<ReturnType<typeof resultSchema>>;

/**
 * Adds a result (resultId null) or changes one, with its figures written one per line as printed
 * ("ca 120 företag", "189 jobb varav 86 kvinnor och 103 män"). The insats's version moves too, so an open
 * edit form of the insats sees that something changed.
 */
export function saveResult(db: Db, actor: Actor, insatsId: number, resultId: number | null, baseVersion: number, r: ResultForm): number {
	if (editsGoToDraft(db, insatsId)) return saveDraftResult(db, actor, insatsId, resultId, baseVersion, r);
	return db.transaction((tx) => {
		const s = db.$client;
		const now = new Date().toISOString();
		let id = resultId;
		let old: unknown = null;
		if (id === null) {
			const order = (s.prepare('SELECT coalesce(max(sort_order) + 1, 0) AS n FROM insats_result WHERE insats_id = ?').get(insatsId) as { n: number }).n;
			id = Number(
				s
					.prepare('INSERT INTO insats_result (insats_id, year, type, term, basis, text, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
					.run(insatsId, r.year, r.type, r.type === 'effekt' ? r.term : null, r.basis, r.text, order, now, now).lastInsertRowid
			);
		} else {
			const cur = s.prepare('SELECT year, type, term, basis, text, version FROM insats_result WHERE id = ? AND insats_id = ?').get(id, insatsId) as
				| { version: number }
				| undefined;
			if (!cur) throw new Error('resultatet finns inte');
			if (cur.version !== baseVersion) {
				throw new VersionConflict(getInsats(db, insatsId, { publishedOnly: false })!);
			}
			old = cur;
			s.prepare('UPDATE insats_result SET year = ?, type = ?, term = ?, basis = ?, text = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
				r.year,
				r.type,
				r.type === 'effekt' ? r.term : null,
				r.basis,
				r.text,
				now,
				id
			);
			s.prepare('DELETE FROM insats_figure WHERE result_id = ?').run(id);
		}
		const figs = r.figures
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean)
			.flatMap((line) => parseFigure(line));
		figs.forEach((f, i) =>
			s
				.prepare(
					`INSERT INTO insats_figure (insats_id, result_id, year, printed, value, range_low, range_high, unit, approx, qualifier, sex, sort_order)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(insatsId, id, r.year, f.printed, f.value, f.rangeLow, f.rangeHigh, f.unit, f.approx, f.qualifier, f.sex, 1000 + i)
		);
		s.prepare('UPDATE insats SET version = version + 1, updated_at = ? WHERE id = ?').run(now, insatsId);
		writeAudit(tx, actor, { action: resultId === null ? 'create' : 'update', entity: 'insats_result', entityId: id, old, new: { insatsId, ...r } });
		return id;
	}) as number;
}

export function deleteResult(db: Db, actor: Actor, insatsId: number, resultId: number): void {
	if (editsGoToDraft(db, insatsId)) return deleteDraftResult(db, actor, insatsId, resultId);
	db.transaction((tx) => {
		const s = db.$client;
		const cur = s.prepare('SELECT year, type, term, basis, text FROM insats_result WHERE id = ? AND insats_id = ?').get(resultId, insatsId);
		if (!cur) return;
		s.prepare('DELETE FROM insats_result WHERE id = ?').run(resultId);
		s.prepare('UPDATE insats SET version = version + 1, updated_at = ? WHERE id = ?').run(new Date().toISOString(), insatsId);
		writeAudit(tx, actor, { action: 'delete', entity: 'insats_result', entityId: resultId, old: { insatsId, ...(cur as object) } });
	});
}

/** The audit entries of an insats and its results, newest first. */
export function insatsHistory(db: Db, id: number) {
	return db.$client
		.prepare(
			`SELECT a.id, a.at, a.action, a.entity, a.channel, a.old, a.new, u.name AS user FROM audit_log a LEFT JOIN user u ON u.id = a.user_id
			 WHERE (a.entity = 'insats' AND a.entity_id = ?) OR (a.entity = 'insats_result' AND json_extract(coalesce(a.new, a.old), '$.insatsId') = ?)
			 ORDER BY a.at DESC, a.id DESC LIMIT 50`
		)
		.all(String(id), id) as { id: number; at: string; action: string; entity: string; channel: string; old: string | null; new: string | null; user: string | null }[];
}

/** What the edit form offers: goals of the organisation's plans and the external goal systems. */
export function editOptions(db: Db, organisationId: number) {
	const s = db.$client;
	const goals = s
		.prepare(
			`SELECT g.id, g.title, g.number, g.depth, p.name AS plan FROM goal g JOIN plan p ON p.id = g.plan_id
			 WHERE p.organisation_id = ? AND g.archived = 0 ORDER BY p.sort_order, p.id, g.depth, g.sort_order`
		)
		.all(organisationId) as { id: number; title: string; number: string | null; depth: number; plan: string }[];
	const external = s
		.prepare(
			`SELECT e.id, e.title, e.code, s.short_name AS system FROM external_goal e JOIN goal_system s ON s.id = e.system_id ORDER BY s.sort_order, s.id, e.sort_order`
		)
		.all() as { id: number; title: string; code: string | null; system: string }[];
	const org = s.prepare('SELECT geography_id FROM organisation WHERE id = ?').get(organisationId) as { geography_id: number | null };
	const kommuner = org.geography_id
		? (s.prepare("SELECT id, name FROM geography WHERE parent_id = ? AND level = 'kommun' ORDER BY name").all(org.geography_id) as { id: number; name: string }[])
		: [];
	return { goals, external, kommuner };
}

/** The form values of a stored insats (what the edit form starts from). */
export function insatsValues(i: InsatsDetail): InsatsValues {
	return {
		name: i.name,
		description: i.description ?? '',
		ownerName: i.ownerName ?? '',
		periodFrom: i.periodFrom ?? '',
		periodTo: i.periodTo ?? '',
		nyps: i.nypsPrinted.length === i.nypsIds.length && i.nypsPrinted.length ? i.nypsIds.join('\n') : i.nypsIds.join('\n'),
		status: i.status ?? '',
		where: i.wholeCounty === true ? 'lan' : i.wholeCounty === false ? 'kommuner' : '',
		kommun: i.geographies.map((g) => String(g.id)),
		finSource: i.financing.map((f) => f.source),
		finAmount: i.financing.map((f) => (f.amount === null ? '' : String(f.amount))),
		finYear: i.financing.map((f) => (f.year === null ? '' : String(f.year))),
		finNote: i.financing.map((f) => f.note ?? ''),
		goal: i.goals.filter((g) => g.goal).map((g) => String(g.goal!.id)),
		external: i.goals.filter((g) => g.external).map((g) => String(g.external!.id)),
		version: String(i.version)
	};
}

/** Organisations whose insatser the user may see in admin (`edit`: may change). */
export function organisationsFor(db: Db, user: { role: string; scopes: { kind: string; id: number }[] }): { id: number; slug: string; name: string }[] {
	const all = db.$client.prepare('SELECT id, slug, name FROM organisation ORDER BY sort_order, name').all() as { id: number; slug: string; name: string }[];
	if (user.role === 'admin') return all;
	return all.filter((o) => user.scopes.some((s) => s.kind === 'organisation' && s.id === o.id));
}
