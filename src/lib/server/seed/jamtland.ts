/**
 * Region Jämtland Härjedalen: the goal tree of RUS "Jämtlands län 2050" (demo-data/jamtland-rus2050.json)
 * and the Kolada series for riket, every län and every kommun (demo-data/kolada-ddf/).
 * The RUS gives no indicators of its own; the links below are Lägesbild's suggestion and say so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/client';
import { runImportSync } from '../import/run';
import { formatIssue } from '../import/issues';
import { insertGoal, insertRow, insertTarget } from './common';

interface RusGoal {
	level: string;
	nr?: string;
	text: string;
	alt_text?: string;
	description?: string;
	former_name?: string;
	children?: RusGoal[];
}
interface RusFile {
	source: { documents: string[] };
	plan: {
		name: string;
		period: { start: number; end: number };
		vision: string;
		motto: string;
		malbild_excerpt: string[];
		level_names: string[];
		goals: RusGoal[];
	};
}

export const JAMTLAND = {
	orgSlug: 'region-jamtland-harjedalen',
	planSlug: 'rus-jamtlands-lan-2050',
	periodSlug: 'helar-2022',
	lanCode: '23'
};

/** The Kolada KPIs in demo-data, with what SOURCES.md says about them. */
export const KOLADA_KPIS = [
	{
		kpi: 'N01951',
		slug: 'invanare-totalt',
		name: 'Invånare totalt, antal',
		definition: 'Antal invånare totalt den 31 december, totalt och för kvinnor och män.',
		unit: 'invånare',
		decimals: 0,
		direction: 'up',
		files: ['ddf--datapoints--n01951--by--geo--year.csv', 'ddf--datapoints--n01951--by--geo--gender--year.csv']
	},
	{
		kpi: 'N02243',
		slug: 'sysselsatta-invanare-20-65-ar',
		name: 'Sysselsatta invånare 20–65 år, andel (%)',
		definition: 'Andel sysselsatta invånare 20–65 år. Bygger på SCB:s BAS-statistik och ersätter N00914 från 2020.',
		unit: '%',
		decimals: 1,
		direction: 'up',
		files: ['ddf--datapoints--n02243--by--geo--year.csv']
	},
	{
		kpi: 'N00914',
		slug: 'forvarvsarbetande-invanare-20-64-ar',
		name: 'Förvärvsarbetande invånare 20–64 år, andel (%) (t.o.m. 2021)',
		definition: 'Andel förvärvsarbetande invånare 20–64 år enligt SCB:s RAMS. Serien upphörde 2021; efterföljare är N02243.',
		unit: '%',
		decimals: 1,
		direction: 'up',
		files: ['ddf--datapoints--n00914--by--geo--year.csv']
	},
	{
		kpi: 'N01982',
		slug: 'invanare-25-64-ar-med-eftergymnasial-utbildning',
		name: 'Invånare 25–64 år med eftergymnasial utbildning, andel (%)',
		definition: 'Andel invånare 25–64 år med eftergymnasial utbildning.',
		unit: '%',
		decimals: 1,
		direction: 'up',
		files: ['ddf--datapoints--n01982--by--geo--year.csv']
	},
	{
		kpi: 'N03920',
		slug: 'arbetsloshet-18-65-ar',
		name: 'Arbetslöshet 18–65 år, årsmedelvärde, andel (%) av befolkningen',
		definition: 'Arbetslösa 18–65 år som årsmedelvärde, andel av befolkningen i samma ålder.',
		unit: '%',
		decimals: 1,
		direction: 'down',
		files: ['ddf--datapoints--n03920--by--geo--year.csv']
	}
] as const;

type KpiId = (typeof KOLADA_KPIS)[number]['kpi'];

/** Which KPI follows which part of the tree (by level and number). */
const LINKS: { goal: 'mal' | '1' | '2' | '3'; kpis: KpiId[] }[] = [
	{ goal: 'mal', kpis: ['N02243', 'N00914', 'N03920'] },
	{ goal: '1', kpis: ['N01951', 'N01982'] }
];

/**
 * Load the Kolada indicators and all their observations. The indicators are created here with their Swedish
 * names; the import core's kolada-ddf reader then finds them by KPI id, one batch per file.
 */
export function seedKoladaIndicators(db: Db, dataDir: string, _geo: Map<string, number>, slugs: Set<string>) {
	const ids = new Map<KpiId, number>();
	for (const k of KOLADA_KPIS) {
		slugs.add(k.slug);
		const id = insertRow(db, 'indicator', {
			slug: k.slug,
			name: k.name,
			definition: k.definition,
			unit: k.unit,
			decimals: k.decimals,
			direction: k.direction,
			source: `Kolada, nyckeltal ${k.kpi}`,
			attribution: 'Källa: Kolada',
			frequency: 'year',
			external_source: 'kolada',
			external_code: k.kpi
		});
		ids.set(k.kpi, id);
		for (const f of k.files) {
			const result = runImportSync(db, {
				kind: 'kolada-ddf',
				input: { path: join(dataDir, 'kolada-ddf', f) },
				options: { source: `Kolada, nyckeltal ${k.kpi} (via open-numbers/ddf--kolada--dump, hösten 2024)` },
				user: 'seed'
			});
			if (!result.ok) throw new Error(`Demodatan ${f} kunde inte läsas in: ${result.errors.map(formatIssue).join('; ')}`);
		}
	}
	return ids;
}

export function seedJamtland(db: Db, dataDir: string, geo: Map<string, number>, kpis: Map<KpiId, number>): void {
	const rus = JSON.parse(readFileSync(join(dataDir, 'jamtland-rus2050.json'), 'utf8')) as RusFile;
	const lanId = geo.get(JAMTLAND.lanCode)!;
	const orgId = insertRow(db, 'organisation', {
		slug: JAMTLAND.orgSlug,
		name: 'Region Jämtland Härjedalen',
		kind: 'region',
		geography_id: lanId,
		description:
			'Regionalt utvecklingsansvar för Jämtlands län. Här: den regionala utvecklingsstrategin Jämtlands län 2050 och statistik om länet och dess kommuner.',
		sort_order: 2
	});
	const p = rus.plan;
	const planId = insertRow(db, 'plan', {
		organisation_id: orgId,
		slug: JAMTLAND.planSlug,
		name: `Regional utvecklingsstrategi ${p.name}`,
		kind: 'rus',
		start_year: p.period.start,
		end_year: p.period.end,
		level_names: p.level_names,
		description: `Vision: ”${p.vision}”. ${p.motto}. Målbild 2050 (utdrag): ${p.malbild_excerpt.join(' ')} Strategin anger inga egna indikatorer; statistiken från Kolada är kopplad till målen av Lägesbild som förslag.`,
		source: rus.source.documents.join(' · '),
		geography_id: lanId,
		sort_order: 1
	});
	insertRow(db, 'follow_up_period', {
		plan_id: planId,
		slug: JAMTLAND.periodSlug,
		label: 'Helår 2022',
		kind: 'helar',
		year: 2022,
		end_date: '2022-12-31',
		state: 'published'
	});

	const goalIds = new Map<string, number>();
	const walk = (goals: RusGoal[], parentId: number | null, depth: number) => {
		goals.forEach((g, i) => {
			const description = [g.alt_text && `Även formulerat: ${g.alt_text}.`, g.description, g.former_name && `Tidigare namn: ${g.former_name}.`]
				.filter(Boolean)
				.join(' ');
			const id = insertGoal(db, {
				planId,
				parentId,
				depth,
				number: g.nr ?? null,
				label: g.nr ? `${g.level} ${g.nr}:` : `${g.level}:`,
				title: g.text,
				description: description || null,
				origin: 'council',
				sortOrder: i
			});
			goalIds.set(depth === 0 ? 'mal' : (g.nr ?? `${depth}:${i}`), id);
			if (g.children) walk(g.children, id, depth + 1);
		});
	};
	walk(p.goals, null, 0);

	for (const link of LINKS) {
		link.kpis.forEach((kpi, i) =>
			insertRow(db, 'goal_indicator', { goal_id: goalIds.get(link.goal)!, indicator_id: kpis.get(kpi)!, sort_order: i })
		);
	}
	// The målbild's own words are the only target the RUS states for population.
	insertTarget(
		db,
		kpis.get('N01951')!,
		{ kind: 'increase', reference: 'previous', wording: 'Befolkningsutvecklingen är positiv' },
		0,
		goalIds.get('1')!
	);
}
