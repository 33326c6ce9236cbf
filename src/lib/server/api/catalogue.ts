/** What GET /api/v1 answers: the endpoints, their parameters, formats, licence and attribution. */

interface Endpoint {
	path: string;
	description: { sv: string; en: string };
	parameters: string[];
	csv: boolean;
	example: string;
}

const OUTPUT = ['format', 'pretty'];
const CSV = ['format', 'sep', 'decimal', 'pretty'];

export const ENDPOINTS: Endpoint[] = [
	{
		path: '/api/v1/organisations',
		description: { sv: 'Organisationer med planer och publicerade uppföljningsperioder', en: 'Organisations with plans and published follow-up periods' },
		parameters: CSV,
		csv: true,
		example: '/api/v1/organisations'
	},
	{
		path: '/api/v1/organisations/{org}',
		description: { sv: 'En organisation', en: 'One organisation' },
		parameters: OUTPUT,
		csv: false,
		example: '/api/v1/organisations/region-jamtland-harjedalen'
	},
	{
		path: '/api/v1/organisations/{org}/plans/{plan}',
		description: {
			sv: 'En plan med hela målträdet, nivånamn, indikatorer, uppdrag och perioder (CSV: ett mål per rad)',
			en: 'A plan with its goal tree, level names, indicators, uppdrag and periods (CSV: one goal per row)'
		},
		parameters: CSV,
		csv: true,
		example: '/api/v1/organisations/region-orebro-lan/plans/rtn-verksamhetsplan-2019'
	},
	{
		path: '/api/v1/organisations/{org}/insatser',
		description: {
			sv: 'Publicerade insatser (åtgärder och projekt) med nationella prioriteringar, finansiering, kommuner och år med resultat; filter som den publika listan',
			en: 'Published actions (insatser) with national priorities, funding, municipalities and years with results; the filters of the public list'
		},
		parameters: ['priority', 'goal', 'financing', 'kommun', ...CSV],
		csv: true,
		example: '/api/v1/organisations/region-jamtland-harjedalen/insatser?financing=eruf'
	},
	{
		path: '/api/v1/organisations/{org}/insatser/{id}',
		description: {
			sv: 'En publicerad insats: finansiering, kopplade mål, resultat (prestationer och effekter) med siffror',
			en: 'One published action: funding, linked goals, results (outputs and effects) with figures'
		},
		parameters: OUTPUT,
		csv: false,
		example: '/api/v1/organisations/region-jamtland-harjedalen/insatser/1'
	},
	{
		path: '/api/v1/goals/{id}',
		description: { sv: 'Ett mål med indikatorer, målvärden, uppdrag och bedömningar', en: 'A goal with indicators, targets, uppdrag and assessments' },
		parameters: OUTPUT,
		csv: false,
		example: '/api/v1/goals/3'
	},
	{
		path: '/api/v1/uppdrag/{id}',
		description: { sv: 'Ett uppdrag med placering och bedömningar', en: 'An uppdrag (assignment) with its placement and assessments' },
		parameters: OUTPUT,
		csv: false,
		example: '/api/v1/uppdrag/1'
	},
	{
		path: '/api/v1/indicators',
		description: { sv: 'Indikatorer', en: 'Indicators' },
		parameters: ['organisation', 'q', ...CSV],
		csv: true,
		example: '/api/v1/indicators?organisation=region-jamtland-harjedalen'
	},
	{
		path: '/api/v1/indicators/{slug}',
		description: {
			sv: 'En indikator: definition, målvärden med ursprunglig formulering, mål den hör till, källa och vilka data som finns',
			en: 'One indicator: definition, targets in their original wording, goals it serves, source and the data available'
		},
		parameters: OUTPUT,
		csv: false,
		example: '/api/v1/indicators/invanare-totalt'
	},
	{
		path: '/api/v1/indicators/{slug}/observations',
		description: { sv: 'Utfall i långt format', en: 'Observations in long format' },
		parameters: ['geography', 'level', 'parent', 'sex', 'from', 'to', ...CSV],
		csv: true,
		example: '/api/v1/indicators/invanare-totalt/observations?geography=00,23&parent=23&from=2010&to=2022'
	},
	{
		path: '/api/v1/assessments',
		description: {
			sv: 'Bedömningar (färg, pil, status, kommentar) för publicerade uppföljningsperioder',
			en: 'Assessments (colour, trend, status, comment) for published follow-up periods'
		},
		parameters: ['organisation', 'plan', 'period', 'subject', ...CSV],
		csv: true,
		example: '/api/v1/assessments?plan=region-orebro-lan/rtn-verksamhetsplan-2019&period=helar-2019'
	},
	{
		path: '/api/v1/geographies',
		description: { sv: 'Riket, län och kommuner med SCB-koder och Kolada-id', en: 'Sweden, counties and municipalities with SCB codes and Kolada ids' },
		parameters: ['level', 'parent', ...CSV],
		csv: true,
		example: '/api/v1/geographies?parent=23'
	}
];

export const INDEX = {
	name: 'Lägesbild – öppna data',
	version: 'v1',
	documentation: 'README.md, avsnittet "Öppna data (API)"',
	endpoints: ENDPOINTS,
	formats: {
		json: 'Standard. { data, meta }; ?pretty ger indragen JSON.',
		csv: '?format=csv (eller Accept: text/csv) på listorna. UTF-8 med BOM, komma och decimalpunkt; ?sep=semicolon&decimal=comma för svenskt Excel (decimal=comma ensamt ger semikolon).'
	},
	errors: '400 för felaktiga parametrar och 404 för okända resurser, som { error: { status, message, message_en, parameter, issues } }.',
	published: 'Bara publicerade uppgifter: bedömningar och perioder visas först när uppföljningsperioden är publicerad, insatser först när de är publicerade (utkast och opublicerade ändringar syns aldrig).',
	cors: 'Access-Control-Allow-Origin: * för GET; svaren får cachas i fem minuter.',
	licence: {
		code: 'MIT (Lägesbild)',
		data:
			'Planer, mål, uppdrag och bedömningar kommer ur organisationernas allmänna handlingar. Statistiken har sina källor i fältet attribution, som ska anges när värdena används.'
	},
	attribution: [
		'Källa: Kolada (RKA) för nyckeltal med external.source = "kolada" – Koladas villkor kräver att källan anges.',
		'Källa: SCB för geografiernas namn och koder.',
		'Exempelregionen (isExample = true) är påhittad.'
	]
};
