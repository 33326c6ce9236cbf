/**
 * The plan template: one table, one row per organisation, plan, mål, uppdrag or indikator. The same columns
 * are used by the import, the export and the downloadable template (static/templates/plan-mall.xlsx|csv),
 * so what is exported can always be imported again.
 */

export const PLAN_COLUMNS = [
	{ key: 'typ', help: 'organisation, plan, mål, uppdrag eller indikator.' },
	{ key: 'id', help: 'Radens id, som andra rader anger i "förälder" (valfri text, t.ex. M1 eller 3.2). För organisation och plan: deras adressnamn (slug), t.ex. region-orebro-lan.' },
	{ key: 'förälder', help: 'Id för målet raden hör till. Tomt för planens översta nivå. Föräldern ska stå ovanför.' },
	{ key: 'nivå', help: 'Mål: nivåns namn ur planens nivåer, eller dess nummer (1 = översta). Plan: alla nivånamn, översta först, åtskilda med |.' },
	{ key: 'nummer', help: 'Tryckt nummer som text, med luckor och form som i dokumentet: "3.2", "Nr 19", "46". Organisation och plan: länets eller kommunens kod (t.ex. 18).' },
	{ key: 'etikett', help: 'Tryckt etikett: "Inriktningsmål: Nr 19.", "Mål:", "Uppdrag 46.". Organisation: region, kommun eller annan. Plan: rus, verksamhetsplan, handlingsplan, program eller annan.' },
	{ key: 'text', help: 'Målets, uppdragets eller indikatorns text. Organisation och plan: namnet.' },
	{ key: 'beskrivning', help: 'Längre beskrivning (mål, organisation, plan) eller indikatorns definition.' },
	{ key: 'ursprung', help: 'Mål och uppdrag: fullmäktige, nämnd eller annan.' },
	{ key: 'målformulering', help: 'Indikator: målvärdet i ord ("ska öka jämfört med år 2016", "Målvärde: Minst 75 %"). Tomt = målet läses ur indikatorns text.' },
	{ key: 'enhet', help: 'Indikator: enhet, t.ex. %, antal, kr.' },
	{ key: 'decimaler', help: 'Indikator: antal decimaler att visa (0, 1 …).' },
	{ key: 'riktning', help: 'Indikator: upp (högre är bättre), ned eller ingen. Tomt = ur målformuleringen.' },
	{ key: 'indikator', help: 'Indikator: adressnamn (slug) eller källkod (t.ex. N01951) för en befintlig indikator som ska kopplas i stället för att skapas; en ny lokal indikator får detta adressnamn.' },
	{ key: 'år', help: 'Uppdrag: planåret uppdraget gavs. Plan: "2019" eller "2019–2030".' },
	{ key: 'ansvarig', help: 'Uppdrag: ansvarig.' },
	{ key: 'källa', help: 'Plan: källdokument (namn, diarienummer). Indikator: källa.' }
] as const;

export type PlanColumn = (typeof PLAN_COLUMNS)[number]['key'];
export type PlanRow = Record<PlanColumn, string>;

export const PLAN_HEADER: PlanColumn[] = PLAN_COLUMNS.map((c) => c.key);

export const ROW_TYPES = ['organisation', 'plan', 'mål', 'uppdrag', 'indikator'] as const;
export type RowType = (typeof ROW_TYPES)[number];

export const ORIGIN_WORDS: Record<string, 'council' | 'committee' | 'other'> = {
	fullmäktige: 'council',
	regionfullmäktige: 'council',
	kommunfullmäktige: 'council',
	council: 'council',
	nämnd: 'committee',
	nämnden: 'committee',
	committee: 'committee',
	annan: 'other',
	other: 'other',
	'': 'other'
};
export const ORIGIN_TEXT = { council: 'fullmäktige', committee: 'nämnd', other: 'annan' } as const;

export const DIRECTION_WORDS: Record<string, 'up' | 'down' | 'none'> = {
	upp: 'up',
	up: 'up',
	ned: 'down',
	ner: 'down',
	down: 'down',
	ingen: 'none',
	none: 'none'
};
export const DIRECTION_TEXT = { up: 'upp', down: 'ned', none: 'ingen' } as const;

/** Header aliases (normalised) → column. */
export const PLAN_ALIASES: Record<string, PlanColumn> = {
	type: 'typ',
	parent: 'förälder',
	foralder: 'förälder',
	level: 'nivå',
	niva: 'nivå',
	number: 'nummer',
	nr: 'nummer',
	label: 'etikett',
	titel: 'text',
	description: 'beskrivning',
	origin: 'ursprung',
	target: 'målformulering',
	målvärde: 'målformulering',
	unit: 'enhet',
	decimals: 'decimaler',
	direction: 'riktning',
	indicator: 'indikator',
	year: 'år',
	planår: 'år',
	owner: 'ansvarig',
	source: 'källa',
	kalla: 'källa'
};

/** The instruction sheet of the template, one paragraph per row. */
export const PLAN_INSTRUCTIONS: string[] = [
	'Lägesbild – mall för en plans struktur',
	'Fyll i bladet "Rader": en rad per organisation, plan, mål (alla nivåer, även avsnitt), uppdrag och indikator. Spara som Excel (.xlsx) eller CSV (UTF-8, semikolon) och läs in med: npm run import -- plan FIL --org ORGANISATION --plan PLAN --dry-run',
	'Kör först med --dry-run: då visas vad som blir nytt, ändrat och borttaget utan att något skrivs. Samma fil två gånger ändrar ingenting andra gången.',
	'Raderna organisation och plan behövs bara när organisationen eller planen inte finns än; finns de, räcker --org och --plan.',
	'Målträdet byggs med kolumnerna id och förälder: ett mål, uppdrag eller en indikator hör till målet vars id står i förälder. Samma indikator under två mål: två rader med samma text (eller samma värde i kolumnen indikator).',
	'Nummer och etiketter skrivs som de är tryckta ("Nr 19", "Uppdrag 46."): luckor i numreringen behålls.',
	'Målvärden skrivs i ord som i dokumentet; Lägesbild tolkar formuleringen och visar alltid den tryckta texten.',
	'Exempelraderna kommer från Region Örebro läns verksamhetsplan 2019 för regional tillväxtnämnd (allmän handling). Ersätt dem med er egen plan.',
	'Kolumner:'
];
