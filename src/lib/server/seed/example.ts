/**
 * Exempelregionen: a small, clearly labelled EXAMPLE organisation. Every value here is made up, to show
 * and test every target kind, colour, trend and indicator status, with a delår and a helår period.
 * It lives in its own made-up geography ("Exempellänet") so no real län ever shows an invented number.
 */
import type { Db } from '../db/client';
import type { Colour, Direction, Origin, Trend } from '../../domain/types';
import { parsePeriod, isPeriod } from '../../domain/period';
import { insertBatch, insertGoal, insertParsedTargets, insertRow } from './common';
import { RIKET_CODE } from './geographies';

export const EXAMPLE = {
	orgSlug: 'exempelregionen',
	planSlug: 'verksamhetsplan-2025',
	geoCode: 'EX'
};

type Series = Record<string, number | string | null>;

interface ExampleIndicator {
	slug: string;
	name: string;
	unit: string | null;
	decimals: number;
	direction: Direction;
	values: Series;
	bySex?: { K: Series; M: Series };
	riket?: Series;
}

const Y = (from: number, values: (number | string | null)[]): Series =>
	Object.fromEntries(values.map((v, i) => [String(from + i), v]));

/** Areas → goals → indicators. Values are invented. */
const AREAS: {
	title: string;
	goals: {
		number: string | null;
		label: string;
		title: string;
		origin: Origin;
		indicators: ExampleIndicator[];
		assessments: [Colour | null, Trend | null, string][];
	}[];
	uppdrag: { number: string; text: string; origin: Origin; assessments: [Colour | null, string][] }[];
}[] = [
	{
		title: 'Arbete och kompetens',
		goals: [
			{
				number: 'Nr 4',
				label: 'Inriktningsmål: Nr 4.',
				title: 'Fler invånare har ett arbete.',
				origin: 'council',
				assessments: [
					['green', 'improved', 'Sysselsättningen fortsätter att öka (exempeltext).'],
					['green', 'improved', 'Målnivån är nådd för helåret (exempeltext).']
				],
				indicators: [
					{
						slug: 'exempel-sysselsattning',
						name: 'Andel sysselsatta invånare 20–64 år. Målvärde: Minst 80 %. Skillnader mellan kvinnor och män ska minska.',
						unit: '%',
						decimals: 1,
						direction: 'up',
						values: Y(2021, [78.1, 78.9, 79.4, 80.2, 81.0]),
						bySex: { K: Y(2021, [76.0, 77.1, 77.9, 78.9, 80.1]), M: Y(2021, [80.1, 80.6, 80.9, 81.4, 81.8]) }
					},
					{
						slug: 'exempel-arbetsloshet',
						name: 'Arbetslöshet 18–65 år ska minska jämfört med föregående år.',
						unit: '%',
						decimals: 1,
						direction: 'down',
						values: Y(2021, [7.2, 6.6, 6.3, 6.1, 6.8])
					},
					{
						slug: 'exempel-nystartade-foretag',
						name: 'Antal nystartade företag per 1 000 invånare ska vara högre än snittet för riket.',
						unit: 'per 1 000 inv.',
						decimals: 1,
						direction: 'up',
						values: Y(2021, [3.6, 3.9, 4.0, 4.1, 4.3]),
						riket: Y(2021, [4.0, 3.9, 3.8, 3.9, 3.9])
					}
				]
			},
			{
				number: null,
				label: 'Mål:',
				title: 'Fler unga fullföljer sin gymnasieutbildning.',
				origin: 'committee',
				assessments: [
					['yellow', 'unchanged', 'Andelen ligger nära målnivån (exempeltext).'],
					['yellow', 'worsened', 'Andelen har minskat något men är nära målnivån (exempeltext).']
				],
				indicators: [
					{
						slug: 'exempel-fullfoljd-gymnasieutbildning',
						name: 'Andel elever som fullföljer gymnasiet inom fyra år. Målvärde: Minst 75 %.',
						unit: '%',
						decimals: 1,
						direction: 'up',
						values: Y(2021, [71.0, 72.5, 73.6, 73.8, 71.9])
					},
					{
						slug: 'exempel-beslut-inom-30-dagar',
						name: 'Andel ärenden om studiestöd med beslut inom 30 dagar. Målvärde: Minst 90 %.',
						unit: '%',
						decimals: 0,
						direction: 'up',
						values: Y(2021, [84, 86, 87, 88, '..'])
					}
				]
			}
		],
		uppdrag: [
			{
				number: '3',
				text: 'Att ta fram en handlingsplan för kompetensförsörjning (exempel).',
				origin: 'council',
				assessments: [
					['yellow', 'Arbetet är påbörjat men försenat (exempeltext).'],
					['green', 'Handlingsplanen är beslutad (exempeltext).']
				]
			},
			{
				number: '5',
				text: 'Att följa upp studie- och yrkesvägledningen i länet (exempel).',
				origin: 'committee',
				assessments: [
					[null, 'Påbörjas under hösten (exempeltext).'],
					['red', 'Uppföljningen har inte genomförts (exempeltext).']
				]
			}
		]
	},
	{
		title: 'Miljö och resor',
		goals: [
			{
				number: 'Nr 7',
				label: 'Inriktningsmål: Nr 7.',
				title: 'Länets klimatpåverkan minskar.',
				origin: 'council',
				assessments: [
					['yellow', 'improved', 'Utsläppen minskar men långsamt (exempeltext).'],
					['red', 'improved', 'Utsläppen minskar men är långt över målnivån (exempeltext).']
				],
				indicators: [
					{
						slug: 'exempel-vaxthusgaser',
						name: 'Utsläpp av växthusgaser, ton per invånare. Målvärde: Högst 4,0 ton.',
						unit: 'ton/inv.',
						decimals: 1,
						direction: 'down',
						values: Y(2021, [5.1, 4.9, 4.8, 4.7, 4.6])
					},
					{
						slug: 'exempel-kvinnor-foretagsledare',
						name: 'Andel kvinnor bland företagsledare i gröna näringar ska öka jämfört med år 2021.',
						unit: '%',
						decimals: 1,
						direction: 'up',
						values: Y(2021, [28.0, 28.4, 29.9, 30.6, 31.5])
					}
				]
			},
			{
				number: 'Nr 8',
				label: 'Inriktningsmål: Nr 8.',
				title: 'Resandet med kollektivtrafik ökar.',
				origin: 'council',
				assessments: [
					['green', 'improved', 'Andelen ligger inom målintervallet (exempeltext).'],
					['green', 'improved', 'Andelen ligger inom målintervallet (exempeltext).']
				],
				indicators: [
					{
						slug: 'exempel-kollektivtrafik',
						name: 'Kollektivtrafikens andel av resorna. Målvärde: mellan 25 och 30 %.',
						unit: '%',
						decimals: 1,
						direction: 'up',
						values: Y(2021, [22.0, 24.0, 26.5, 27.0, 27.4])
					}
				]
			}
		],
		uppdrag: []
	},
	{
		title: 'Organisation',
		goals: [
			{
				number: null,
				label: 'Mål:',
				title: 'Nämndens verksamheter är en attraktiv arbetsplats.',
				origin: 'committee',
				assessments: [
					['green', 'unchanged', 'Medarbetarna är fortsatt nöjda (exempeltext).'],
					['yellow', 'worsened', 'Sjukfrånvaron har ökat under hösten (exempeltext).']
				],
				indicators: [
					{
						slug: 'exempel-nojd-medarbetarindex',
						name: 'Nöjd medarbetarindex ska förbättras i jämförelse med föregående år.',
						unit: 'index',
						decimals: 1,
						direction: 'up',
						values: Y(2021, [70.5, 71.2, 71.8, 72.0, 72.3])
					},
					{
						slug: 'exempel-sjukfranvaro',
						name: 'Sjukfrånvaro, andel av ordinarie arbetstid. Målvärde: Högst 5 %.',
						unit: '%',
						decimals: 1,
						direction: 'down',
						values: { '2024T1': 5.8, '2024T2': 4.9, '2024T3': 5.5, '2025T1': 5.6, '2025T2': 4.8, '2025T3': 5.2 }
					},
					{
						slug: 'exempel-krisplaner',
						name: 'Alla verksamheter har en aktuell krisplan.',
						unit: null,
						decimals: 0,
						direction: 'none',
						values: { '2024': 'Delvis', '2025': 'Helt' }
					},
					{
						slug: 'exempel-energiforbrukning',
						name: 'Energiförbrukningen i egna lokaler ska redovisas.',
						unit: 'MWh',
						decimals: 0,
						direction: 'none',
						values: Y(2023, [1250, 1190, 1205])
					}
				]
			},
			{
				number: 'Nr 12',
				label: 'Inriktningsmål: Nr 12.',
				title: 'Invånarna får god service från regionens bibliotek.',
				origin: 'council',
				assessments: [
					[null, null, 'Bedöms vid helår (exempeltext).'],
					['green', 'improved', 'Besöken har ökat (exempeltext).']
				],
				indicators: [
					{
						slug: 'exempel-biblioteksbesok',
						name: 'Antal besök på länsbibliotekets filialer.',
						unit: 'besök',
						decimals: 0,
						direction: 'up',
						values: Y(2021, [182300, 201950, 215400, 224880, 231020])
					}
				]
			}
		],
		uppdrag: [
			{
				number: '9',
				text: 'Att införa digital signering av avtal (exempel).',
				origin: 'council',
				assessments: [
					['green', 'Genomfört (exempeltext).'],
					['green', 'Genomfört (exempeltext).']
				]
			}
		]
	}
];

const PERIODS = [
	{ slug: 'delar-2-2025', label: 'Delår 2 2025', kind: 'delar', end: '2025-08-31', deadline: '2025-09-15' },
	{ slug: 'helar-2025', label: 'Helår 2025', kind: 'helar', end: '2025-12-31', deadline: '2026-01-20' },
	// Open for reporting, so officials (and the e2e tests) have a period to work in; not public until published.
	{ slug: 'delar-1-2026', label: 'Delår 1 2026', kind: 'delar', end: '2026-04-30', deadline: '2026-05-15', state: 'open' }
] as const;

export function seedExample(db: Db, geo: Map<string, number>, slugs: Set<string>): void {
	const geoId = insertRow(db, 'geography', {
		code: EXAMPLE.geoCode,
		kolada_id: 'EX00',
		name: 'Exempellänet (påhittat)',
		level: 'exempel',
		parent_id: geo.get(RIKET_CODE)
	});
	const orgId = insertRow(db, 'organisation', {
		slug: EXAMPLE.orgSlug,
		name: 'Exempelregionen',
		kind: 'region',
		geography_id: geoId,
		is_example: true,
		description:
			'Exempeldata: en påhittad organisation med påhittade värden som visar alla typer av mål, färger, pilar och statusar. Inga siffror här är verkliga.',
		sort_order: 9
	});
	const planId = insertRow(db, 'plan', {
		organisation_id: orgId,
		slug: EXAMPLE.planSlug,
		name: 'Verksamhetsplan 2025 (exempel)',
		kind: 'verksamhetsplan',
		start_year: 2025,
		end_year: 2025,
		level_names: ['Område', 'Mål'],
		description: 'Exempeldata. Planen finns för att visa funktionerna; mål, värden och kommentarer är påhittade.',
		source: 'Påhittad exempelplan (Lägesbild)',
		geography_id: geoId
	});
	const periodIds = PERIODS.map((p) =>
		insertRow(db, 'follow_up_period', {
			plan_id: planId,
			slug: p.slug,
			label: p.label,
			kind: p.kind,
			year: Number(p.end.slice(0, 4)),
			end_date: p.end,
			deadline: p.deadline,
			state: 'state' in p ? p.state : 'published'
		})
	);
	const batchId = insertBatch(db, 'Exempeldata (påhittade värden)', null);
	const riketId = geo.get(RIKET_CODE)!;

	AREAS.forEach((area, a) => {
		const areaId = insertGoal(db, { planId, parentId: null, depth: 0, number: String(a + 1), label: `Område ${a + 1}`, title: area.title, origin: 'other', sortOrder: a });
		area.goals.forEach((g, gi) => {
			const goalId = insertGoal(db, { planId, parentId: areaId, depth: 1, number: g.number, label: g.label, title: g.title, origin: g.origin, sortOrder: gi });
			g.assessments.forEach(([colour, trend, comment], p) =>
				insertRow(db, 'assessment', { period_id: periodIds[p], goal_id: goalId, colour, trend, comment, source: 'manual' })
			);
			g.indicators.forEach((ind, ii) => {
				slugs.add(ind.slug);
				const id = insertRow(db, 'indicator', {
					slug: ind.slug,
					name: ind.name,
					unit: ind.unit,
					decimals: ind.decimals,
					direction: ind.direction,
					source: 'Exempeldata (påhittade värden)',
					attribution: 'Exempeldata',
					frequency: Object.keys(ind.values)[0].includes('T') ? 'tertial' : 'year',
					organisation_id: orgId
				});
				insertRow(db, 'goal_indicator', { goal_id: goalId, indicator_id: id, sort_order: ii });
				insertParsedTargets(db, id, ind.name);
				insertSeries(db, id, geoId, 'T', ind.values, batchId);
				if (ind.bySex) {
					insertSeries(db, id, geoId, 'K', ind.bySex.K, batchId);
					insertSeries(db, id, geoId, 'M', ind.bySex.M, batchId);
				}
				if (ind.riket) insertSeries(db, id, riketId, 'T', ind.riket, batchId);
			});
		});
		area.uppdrag.forEach((u, ui) => {
			const id = insertRow(db, 'uppdrag', {
				plan_id: planId,
				goal_id: areaId,
				number: u.number,
				label: `Uppdrag ${u.number}.`,
				plan_year: 2025,
				text: u.text,
				origin: u.origin,
				owner: 'Exempelförvaltningen',
				sort_order: a * 10 + ui
			});
			u.assessments.forEach(([colour, comment], p) =>
				insertRow(db, 'assessment', { period_id: periodIds[p], uppdrag_id: id, colour, comment, source: 'manual' })
			);
		});
	});
}

function insertSeries(db: Db, indicatorId: number, geographyId: number, sex: 'T' | 'K' | 'M', series: Series, batchId: number) {
	for (const [code, v] of Object.entries(series)) {
		const p = parsePeriod(code);
		if (!isPeriod(p)) throw new Error(`Exempeldata: ogiltig period ${code}`);
		const isMissing = v === '..' || v === '-' || v === '.';
		insertRow(db, 'observation', {
			indicator_id: indicatorId,
			geography_id: geographyId,
			period: p.code,
			period_kind: p.kind,
			period_start: p.start,
			period_end: p.end,
			sex,
			value: typeof v === 'number' ? v : null,
			text_value: typeof v === 'string' && !isMissing ? v : null,
			missing_symbol: isMissing ? v : null,
			batch_id: batchId
		});
	}
}
