/**
 * External goal systems (stored as data in goal_system / external_goal): the national strategy's priorities,
 * EU programme objectives (ERUF, Interreg, ESF+) and Agenda 2030. Imports and the seed create them as found;
 * nothing in the pages depends on a particular system.
 */
import type { Db } from '../db/client';
import type { Count } from '../import/types';
import { slugify } from '../../domain/slug';

export interface SystemSpec {
	slug: string;
	name: string;
	shortName: string;
	kind: 'national-strategy' | 'eu-programme' | 'agenda-2030' | 'other';
	description?: string | null;
	source?: string | null;
	sortOrder: number;
}

export const SYSTEMS = {
	/** The strategy named in the report, e.g. "nationella strategin för hållbar regional tillväxt och attraktionskraft 2015–2020 (N2015/05297/RTL)". */
	nationalStrategy(printed?: string): SystemSpec {
		const name = printed ? printed.charAt(0).toUpperCase() + printed.slice(1) : 'Nationella strategin för hållbar regional tillväxt och attraktionskraft';
		const years = /(\d{4})\s*[–-]\s*(\d{4})/.exec(name);
		return {
			slug: years ? `nationell-strategi-${years[1]}-${years[2]}` : slugify(name.split(' (')[0]),
			name: name.split(' (')[0],
			shortName: 'Nationell prioritering',
			kind: 'national-strategy',
			source: name,
			sortOrder: 0
		};
	},
	eruf: {
		slug: 'eruf',
		name: 'Europeiska regionala utvecklingsfonden (ERUF)',
		shortName: 'ERUF',
		kind: 'eu-programme',
		description: 'Mål i regionalfondsprogrammen som insatserna hänvisar till.',
		sortOrder: 1
	} satisfies SystemSpec,
	interreg: {
		slug: 'interreg',
		name: 'Interreg (europeiskt territoriellt samarbete)',
		shortName: 'Interreg',
		kind: 'eu-programme',
		description: 'Insatsområden och specifika mål i Interregprogrammen som insatserna hänvisar till.',
		sortOrder: 2
	} satisfies SystemSpec,
	agenda2030: {
		slug: 'agenda-2030',
		name: 'Agenda 2030: de globala målen för hållbar utveckling',
		shortName: 'Agenda 2030',
		kind: 'agenda-2030',
		source: 'FN:s resolution A/RES/70/1 (2015); svenska namn enligt globalamalen.se',
		sortOrder: 3
	} satisfies SystemSpec
};

/** The 17 goals of Agenda 2030 with their Swedish short names. */
export const AGENDA_2030 = [
	'Ingen fattigdom',
	'Ingen hunger',
	'Hälsa och välbefinnande',
	'God utbildning för alla',
	'Jämställdhet',
	'Rent vatten och sanitet för alla',
	'Hållbar energi för alla',
	'Anständiga arbetsvillkor och ekonomisk tillväxt',
	'Hållbar industri, innovationer och infrastruktur',
	'Minskad ojämlikhet',
	'Hållbara städer och samhällen',
	'Hållbar konsumtion och produktion',
	'Bekämpa klimatförändringarna',
	'Hav och marina resurser',
	'Ekosystem och biologisk mångfald',
	'Fredliga och inkluderande samhällen',
	'Genomförande och globalt partnerskap'
];

export function ensureGoalSystem(db: Db, spec: SystemSpec, now: string, count?: Count): number {
	const sqlite = db.$client;
	const found = sqlite.prepare('SELECT id FROM goal_system WHERE slug = ?').get(spec.slug) as { id: number } | undefined;
	if (found) return found.id;
	if (count) count.new++;
	return Number(
		sqlite
			.prepare(
				'INSERT INTO goal_system (slug, name, short_name, kind, description, source, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
			)
			.run(spec.slug, spec.name, spec.shortName, spec.kind, spec.description ?? null, spec.source ?? null, spec.sortOrder, now, now).lastInsertRowid
	);
}

/** Finds a goal of a system by title (case and spacing aside) or creates it; `sortOrder` null: after the last. */
export function ensureExternalGoal(
	db: Db,
	systemId: number,
	title: string,
	code: string | null,
	sortOrder: number | null,
	now: string,
	count?: Count
): number {
	const sqlite = db.$client;
	const found = sqlite
		.prepare("SELECT id FROM external_goal WHERE system_id = ? AND lower(trim(title)) = lower(trim(?))")
		.get(systemId, title) as { id: number } | undefined;
	if (found) return found.id;
	if (count) count.new++;
	const order =
		sortOrder ?? (sqlite.prepare('SELECT coalesce(max(sort_order) + 1, 0) AS n FROM external_goal WHERE system_id = ?').get(systemId) as { n: number }).n;
	return Number(
		sqlite
			.prepare('INSERT INTO external_goal (system_id, code, title, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
			.run(systemId, code, title.trim(), order, now, now).lastInsertRowid
	);
}

/** Agenda 2030's 17 goals, numbered. */
export function ensureAgenda2030(db: Db, now = new Date().toISOString()): number {
	const id = ensureGoalSystem(db, SYSTEMS.agenda2030, now);
	AGENDA_2030.forEach((title, i) => ensureExternalGoal(db, id, title, String(i + 1), i, now));
	return id;
}
