/**
 * Query parameters of the open data API, parsed and checked in one pure place. Every mistake becomes a
 * `ParamError` with a Swedish and an English message that says what was wrong and what would work, so a
 * route can answer 400 without further thought. Names that must exist (geographies, organisations, plans,
 * periods) are checked against an `ApiContext` the caller loads from the database.
 *
 * Rules shared by every endpoint:
 * - Unknown parameters are errors (a typo must not silently return everything); `lang` and `_` are ignored.
 * - Empty values count as absent (`?sex=` from an empty form field). List parameters take commas and may be
 *   repeated (`sex=K,M` = `sex=K&sex=M`); single-value parameters given twice with different values are errors.
 * - `format=json|csv` (default json; `Accept: text/csv` without `application/json` also gives CSV where
 *   CSV exists). CSV options: `sep=comma|semicolon|tab`, `decimal=point|comma`; `decimal=comma` alone
 *   implies `sep=semicolon`, as Swedish Excel expects. `pretty` indents JSON.
 */
import { z } from 'zod';
import { parsePeriod } from '../../domain/period';
import type { Period, Sex } from '../../domain/types';
import type {
	ApiContext,
	AssessmentFilter,
	GeoLevel,
	GeographyFilter,
	GeographyRef,
	IndicatorFilter,
	ObservationFilter,
	OutputOptions,
	ParamError,
	SubjectType
} from './types';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ParamError[] };

export interface Parsed<F> {
	output: OutputOptions;
	filter: F;
}

type Input = URLSearchParams | string;
type Raw = Record<string, string[]>;
type Ctx = z.RefinementCtx;

const MAX_Q = 200;
const GEO_EXAMPLES = {
	sv: 'Använd SCB-koder, t.ex. 00 (riket), 23 (Jämtlands län), 2380 (Östersund).',
	en: 'Use SCB codes, e.g. 00 (Sweden), 23 (Jämtland County), 2380 (Östersund).'
};
const PERIOD_EXAMPLES = '2019, 2019H1, 2019T2, 2019K1, 2026M01, 2015-2016';

/** Query string → parameter name → values, on a prototype-free object so "__proto__" is just a name. */
export function rawParams(input: Input): Raw {
	const search = typeof input === 'string' ? new URLSearchParams(input) : input;
	const raw: Raw = Object.create(null);
	for (const [key, value] of search) {
		if (Object.hasOwn(raw, key)) raw[key].push(value);
		else raw[key] = [value];
	}
	return raw;
}

function bad(ctx: Ctx, sv: string, en: string): never {
	ctx.addIssue({ code: 'custom', message: sv, params: { en } });
	return z.NEVER;
}

const values = z.array(z.string()).optional();

/** A single-value parameter: trimmed; absent or empty → undefined. */
function one(name: string) {
	return values.transform((given, ctx): string | undefined => {
		const distinct = [...new Set((given ?? []).map((v) => v.trim()).filter((v) => v !== ''))];
		if (distinct.length > 1) {
			return bad(
				ctx,
				`Parametern ${name} får bara ha ett värde (fick ${distinct.map((v) => `'${v}'`).join(' och ')}).`,
				`The parameter ${name} takes one value (got ${distinct.map((v) => `'${v}'`).join(' and ')}).`
			);
		}
		return distinct[0];
	});
}

/** A list parameter: comma-separated and/or repeated; duplicates dropped; absent or empty → undefined. */
const list = values.transform((given): string[] | undefined => {
	const items = (given ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
	return items.length ? [...new Set(items)] : undefined;
});

function quoted(items: readonly string[]): string {
	return items.map((v) => `'${v}'`).join(', ');
}

// ---------------------------------------------------------------------------------------------------------
// Output: format, sep, decimal, pretty

const FORMATS: Record<string, 'json' | 'csv'> = { json: 'json', csv: 'csv' };
const SEPARATORS: Record<string, OutputOptions['sep']> = {
	comma: ',',
	',': ',',
	semicolon: ';',
	';': ';',
	tab: '\t',
	'\t': '\t'
};
const DECIMALS: Record<string, OutputOptions['decimal']> = { point: '.', '.': '.', comma: ',', ',': ',' };
const TRUE = new Set(['', '1', 'true', 'ja', 'yes']);
const FALSE = new Set(['0', 'false', 'nej', 'no']);

const outputShape = {
	format: one('format').transform((v, ctx) => {
		if (v === undefined) return undefined;
		return (
			FORMATS[v.toLowerCase()] ??
			bad(ctx, `Okänt format '${v}'. Använd json eller csv.`, `Unknown format '${v}'. Use json or csv.`)
		);
	}),
	sep: one('sep').transform((v, ctx) => {
		if (v === undefined) return undefined;
		return (
			SEPARATORS[v.toLowerCase()] ??
			bad(
				ctx,
				`Okänd separator '${v}'. Använd sep=comma, sep=semicolon eller sep=tab.`,
				`Unknown separator '${v}'. Use sep=comma, sep=semicolon or sep=tab.`
			)
		);
	}),
	decimal: one('decimal').transform((v, ctx) => {
		if (v === undefined) return undefined;
		return (
			DECIMALS[v.toLowerCase()] ??
			bad(
				ctx,
				`Okänt decimaltecken '${v}'. Använd decimal=point (1.5) eller decimal=comma (1,5).`,
				`Unknown decimal mark '${v}'. Use decimal=point (1.5) or decimal=comma (1,5).`
			)
		);
	}),
	// Presence alone means yes: `?pretty`.
	pretty: values.transform((given, ctx) => {
		if (!given?.length) return false;
		const v = given[given.length - 1].trim().toLowerCase();
		if (TRUE.has(v)) return true;
		if (FALSE.has(v)) return false;
		return bad(ctx, `pretty tar inget värde eller 1/0 (fick '${v}').`, `pretty takes no value or 1/0 (got '${v}').`);
	}),
	/** The site's language switch (handled by hooks.server.ts); messages here always carry both languages. */
	lang: values,
	/** Cache buster some clients add. */
	_: values
};

type OutputInput = {
	format?: 'json' | 'csv';
	sep?: OutputOptions['sep'];
	decimal?: OutputOptions['decimal'];
	pretty: boolean;
};

/** Accept asks for CSV when it names text/csv and not JSON (browsers send * / *, which stays JSON). */
function acceptsCsv(accept: string | null): boolean {
	if (!accept) return false;
	const types = accept.split(',').map((t) => t.split(';')[0].trim().toLowerCase());
	return types.includes('text/csv') && !types.includes('application/json');
}

function resolveOutput(v: OutputInput, accept: string | null, csvAllowed: boolean): ParseResult<OutputOptions> {
	const format = v.format ?? (csvAllowed && acceptsCsv(accept) ? 'csv' : 'json');
	if (format === 'csv' && !csvAllowed) {
		return fail(
			'format',
			'CSV finns inte för den här resursen, bara JSON. CSV finns för listorna: /api/v1/organisations, ' +
				'/api/v1/organisations/{org}/plans/{plan} (målen), /api/v1/indicators, ' +
				'/api/v1/indicators/{slug}/observations, /api/v1/assessments och /api/v1/geographies.',
			'CSV is not available for this resource, only JSON. CSV exists for the lists: /api/v1/organisations, ' +
				'/api/v1/organisations/{org}/plans/{plan} (the goals), /api/v1/indicators, ' +
				'/api/v1/indicators/{slug}/observations, /api/v1/assessments and /api/v1/geographies.'
		);
	}
	if (format === 'json' && (v.sep !== undefined || v.decimal !== undefined)) {
		const parameter = v.sep !== undefined ? 'sep' : 'decimal';
		return fail(
			parameter,
			`${parameter} gäller bara CSV. Lägg till format=csv.`,
			`${parameter} applies to CSV only. Add format=csv.`
		);
	}
	const decimal = v.decimal ?? '.';
	if (decimal === ',' && v.sep === ',') {
		return fail(
			'decimal',
			'decimal=comma går inte ihop med sep=comma. Använd sep=semicolon (standard med decimal=comma) eller sep=tab.',
			'decimal=comma cannot be combined with sep=comma. Use sep=semicolon (the default with decimal=comma) or sep=tab.'
		);
	}
	const sep = v.sep ?? (decimal === ',' ? ';' : ',');
	return { ok: true, value: { format, pretty: v.pretty, sep, decimal } };
}

function fail(parameter: string | null, message: string, message_en: string): { ok: false; errors: ParamError[] } {
	return { ok: false, errors: [{ parameter, message, message_en }] };
}

// ---------------------------------------------------------------------------------------------------------
// Domain parameters

function geographyIndex(geographies: readonly GeographyRef[]) {
	const byCode = new Map<string, GeographyRef>();
	for (const g of geographies) {
		byCode.set(g.code.toUpperCase(), g);
		// Kolada ids ("0023") are accepted too; they never collide with an SCB code.
		if (!byCode.has(g.koladaId.toUpperCase())) byCode.set(g.koladaId.toUpperCase(), g);
	}
	const byName = new Map(geographies.map((g) => [g.name.toLocaleLowerCase('sv'), g]));
	return { byCode, byName };
}

function unknownGeography(ctx: Ctx, code: string, index: ReturnType<typeof geographyIndex>): never {
	const named = index.byName.get(code.toLocaleLowerCase('sv'));
	const hint = named ? { sv: ` Menar du ${named.code} (${named.name})?`, en: ` Did you mean ${named.code} (${named.name})?` } : { sv: '', en: '' };
	return bad(ctx, `Okänd geografi '${code}'.${hint.sv} ${GEO_EXAMPLES.sv}`, `Unknown geography '${code}'.${hint.en} ${GEO_EXAMPLES.en}`);
}

function geographyList(geographies: readonly GeographyRef[]) {
	const index = geographyIndex(geographies);
	return list.transform((codes, ctx): string[] | null => {
		if (!codes) return null;
		const found = codes.map((c) => index.byCode.get(c.toUpperCase()) ?? unknownGeography(ctx, c, index));
		return [...new Set(found.map((g) => g.code))];
	});
}

function parentGeography(geographies: readonly GeographyRef[]) {
	const index = geographyIndex(geographies);
	const hasChildren = new Set(geographies.map((g) => g.parent));
	return one('parent').transform((code, ctx): string | null => {
		if (code === undefined) return null;
		const g = index.byCode.get(code.toUpperCase()) ?? unknownGeography(ctx, code, index);
		if (!hasChildren.has(g.code)) {
			return bad(
				ctx,
				`${g.code} (${g.name}) har inga undergeografier. Använd parent=00 (riket, ger länen) eller en länskod, t.ex. parent=23 (ger länets kommuner).`,
				`${g.code} (${g.name}) has no sub-geographies. Use parent=00 (Sweden, gives the counties) or a county code, e.g. parent=23 (gives its municipalities).`
			);
		}
		return g.code;
	});
}

const LEVELS: Record<string, GeoLevel> = { riket: 'riket', lan: 'lan', län: 'lan', kommun: 'kommun', exempel: 'exempel' };

const levelList = list.transform((items, ctx): GeoLevel[] | null => {
	if (!items) return null;
	const levels = items.map(
		(v) =>
			LEVELS[v.toLocaleLowerCase('sv')] ??
			bad(
				ctx,
				`Okänd nivå '${v}'. Använd riket, lan (län) eller kommun, flera med komma: level=lan,kommun.`,
				`Unknown level '${v}'. Use riket (Sweden), lan (county) or kommun (municipality), several with commas: level=lan,kommun.`
			)
	);
	return [...new Set(levels)];
});

const SEXES: readonly Sex[] = ['T', 'K', 'M'];

const sexList = list.transform((items, ctx): Sex[] | null => {
	if (!items) return null;
	const sexes = items.map((v) => {
		const s = v.toUpperCase() as Sex;
		if (SEXES.includes(s)) return s;
		return bad(
			ctx,
			`Okänt kön '${v}'. Använd T (totalt), K (kvinnor) eller M (män), flera med komma: sex=K,M.`,
			`Unknown sex '${v}'. Use T (total), K (women) or M (men), several with commas: sex=K,M.`
		);
	});
	return [...new Set(sexes)];
});

function period(name: 'from' | 'to') {
	return one(name).transform((v, ctx): Period | null => {
		if (v === undefined) return null;
		const parsed = parsePeriod(v);
		if ('error' in parsed) {
			return bad(
				ctx,
				`Ogiltig period i ${name}: ${parsed.error}.`,
				`Invalid period in ${name}: '${v}' is not a period (examples: ${PERIOD_EXAMPLES}).`
			);
		}
		return parsed;
	});
}

function organisationSlug(organisations: readonly string[]) {
	return one('organisation').transform((v, ctx): string | null => {
		if (v === undefined) return null;
		const slug = v.toLowerCase();
		if (organisations.includes(slug)) return slug;
		return bad(
			ctx,
			`Okänd organisation '${v}'. Finns: ${organisations.join(', ')}.`,
			`Unknown organisation '${v}'. Available: ${organisations.join(', ')}.`
		);
	});
}

const SUBJECTS: Record<string, SubjectType> = {
	goal: 'goal',
	mal: 'goal',
	mål: 'goal',
	uppdrag: 'uppdrag',
	indicator: 'indicator',
	indikator: 'indicator'
};

const subjectList = list.transform((items, ctx): SubjectType[] | null => {
	if (!items) return null;
	const subjects = items.map(
		(v) =>
			SUBJECTS[v.toLocaleLowerCase('sv')] ??
			bad(
				ctx,
				`Okänd sorts bedömning '${v}'. Använd goal (mål), uppdrag eller indicator (indikator).`,
				`Unknown kind of assessment '${v}'. Use goal, uppdrag (assignment) or indicator.`
			)
	);
	return [...new Set(subjects)];
});

const query = one('q').transform((v, ctx): string | null => {
	if (v === undefined) return null;
	if (v.length > MAX_Q) {
		return bad(ctx, `q är för lång (${v.length} tecken, högst ${MAX_Q}).`, `q is too long (${v.length} characters, at most ${MAX_Q}).`);
	}
	return v;
});

// ---------------------------------------------------------------------------------------------------------
// Running a shape

/** Edit distance, to suggest `geography` for `geograpy`. */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length];
}

function unknownParameter(key: string, allowed: readonly string[]): ParamError {
	const lower = key.toLowerCase();
	const near = allowed.find((a) => a === lower || (lower.length >= 4 && distance(a, lower) <= 2));
	const hint = near ? { sv: ` Menar du '${near}'?`, en: ` Did you mean '${near}'?` } : { sv: '', en: '' };
	const shown = allowed.length ? allowed.join(', ') : '(inga)';
	return {
		parameter: key,
		message: `Okänd parameter '${key}'.${hint.sv} Här går det att använda: ${shown}.`,
		message_en: `Unknown parameter '${key}'.${hint.en} Allowed here: ${allowed.length ? allowed.join(', ') : '(none)'}.`
	};
}

function toErrors(error: z.ZodError, allowed: readonly string[]): ParamError[] {
	const unknown: ParamError[] = [];
	const others: ParamError[] = [];
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			unknown.push(...issue.keys.map((k) => unknownParameter(k, allowed)));
			continue;
		}
		const parameter = typeof issue.path[0] === 'string' ? issue.path[0] : null;
		const en = issue.code === 'custom' && typeof issue.params?.en === 'string' ? issue.params.en : issue.message;
		others.push({ parameter, message: issue.message, message_en: en });
	}
	return [...unknown, ...others];
}

type Shape = Record<string, z.ZodType<unknown, string[] | undefined>>;

/**
 * Parses the output options plus `shape`, then lets `finish` turn the field values into the endpoint's
 * filter (for checks across parameters). `csv` says whether the endpoint has a CSV form.
 */
function run<S extends Shape, F>(
	input: Input,
	accept: string | null,
	csv: boolean,
	shape: S,
	finish: (v: { [K in keyof S]: z.output<S[K]> }) => ParseResult<F>
): ParseResult<Parsed<F>> {
	const schema = z.strictObject({ ...outputShape, ...shape });
	const allowed = [...Object.keys(shape), 'format', ...(csv ? ['sep', 'decimal'] : []), 'pretty'];
	const parsed = schema.safeParse(rawParams(input));
	if (!parsed.success) return { ok: false, errors: toErrors(parsed.error, allowed) };
	const v = parsed.data as unknown as OutputInput & { [K in keyof S]: z.output<S[K]> };
	const output = resolveOutput(v, accept, csv);
	if (!output.ok) return output;
	const filter = finish(v);
	if (!filter.ok) return filter;
	return { ok: true, value: { output: output.value, filter: filter.value } };
}

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });

// ---------------------------------------------------------------------------------------------------------
// Endpoints

/** Endpoints without filters: only the output options. */
export function parseOutputQuery(input: Input, accept: string | null, options: { csv: boolean }): ParseResult<Parsed<null>> {
	return run(input, accept, options.csv, {}, () => ok(null));
}

/** /api/v1/indicators: `organisation`, `q`. */
export function parseIndicatorsQuery(
	input: Input,
	accept: string | null,
	ctx: Pick<ApiContext, 'organisations'>
): ParseResult<Parsed<IndicatorFilter>> {
	return run(input, accept, true, { organisation: organisationSlug(ctx.organisations), q: query }, (v) =>
		ok({ organisation: v.organisation, q: v.q })
	);
}

/**
 * /api/v1/indicators/{slug}/observations: `geography`, `level`, `parent`, `sex`, `from`, `to`.
 * `geography` names geographies one by one; `level` and `parent` choose groups (combined with AND);
 * the result is the union of both, so `geography=00,23&parent=23` is riket, the län and its kommuner.
 * `from`/`to` keep periods that lie wholly inside [start of from, end of to].
 */
export function parseObservationsQuery(
	input: Input,
	accept: string | null,
	ctx: Pick<ApiContext, 'geographies'>
): ParseResult<Parsed<ObservationFilter>> {
	const shape = {
		geography: geographyList(ctx.geographies),
		level: levelList,
		parent: parentGeography(ctx.geographies),
		sex: sexList,
		from: period('from'),
		to: period('to')
	};
	return run(input, accept, true, shape, (v) => {
		if (v.from && v.to && v.from.start > v.to.end) {
			return fail(
				'from',
				`from (${v.from.code}) ligger efter to (${v.to.code}).`,
				`from (${v.from.code}) is after to (${v.to.code}).`
			);
		}
		return ok({ geographies: v.geography, levels: v.level, parent: v.parent, sexes: v.sex, from: v.from, to: v.to });
	});
}

/** /api/v1/geographies: `level`, `parent`. */
export function parseGeographiesQuery(
	input: Input,
	accept: string | null,
	ctx: Pick<ApiContext, 'geographies'>
): ParseResult<Parsed<GeographyFilter>> {
	return run(input, accept, true, { level: levelList, parent: parentGeography(ctx.geographies) }, (v) =>
		ok({ levels: v.level, parent: v.parent })
	);
}

/**
 * /api/v1/assessments: `organisation`, `plan` (slug, or "organisation/plan"), `period` (follow-up period
 * slug such as "helar-2019", published ones only), `subject` (goal, uppdrag, indicator).
 */
export function parseAssessmentsQuery(
	input: Input,
	accept: string | null,
	ctx: Pick<ApiContext, 'organisations' | 'plans'>
): ParseResult<Parsed<AssessmentFilter>> {
	const shape = {
		organisation: organisationSlug(ctx.organisations),
		plan: one('plan'),
		period: one('period'),
		subject: subjectList
	};
	return run(input, accept, true, shape, (v) => {
		const organisation = v.organisation;
		let plan: AssessmentFilter['plan'] = null;
		if (v.plan !== undefined) {
			const [orgPart, planPart] = v.plan.includes('/') ? v.plan.toLowerCase().split('/', 2) : [null, v.plan.toLowerCase()];
			if (orgPart && organisation && orgPart !== organisation) {
				return fail(
					'plan',
					`plan=${v.plan} hör inte till organisation=${organisation}.`,
					`plan=${v.plan} does not belong to organisation=${organisation}.`
				);
			}
			const owner = orgPart ?? organisation;
			const matches = ctx.plans.filter((p) => p.slug === planPart && (!owner || p.organisation === owner));
			const known = ctx.plans.map((p) => `${p.organisation}/${p.slug}`).join(', ');
			if (matches.length === 0) {
				return fail('plan', `Okänd plan '${v.plan}'. Finns: ${known}.`, `Unknown plan '${v.plan}'. Available: ${known}.`);
			}
			if (matches.length > 1) {
				const owners = matches.map((p) => p.organisation).join(', ');
				const example = `${matches[0].organisation}/${matches[0].slug}`;
				return fail(
					'plan',
					`Planen '${v.plan}' finns hos flera organisationer (${owners}). Skriv organisationen framför, t.ex. plan=${example}.`,
					`The plan '${v.plan}' exists in several organisations (${owners}). Put the organisation first, e.g. plan=${example}.`
				);
			}
			plan = { organisation: matches[0].organisation, slug: matches[0].slug };
		}
		const period = v.period?.toLowerCase() ?? null;
		if (period !== null) {
			const scope = ctx.plans.filter(
				(p) => (!plan || (p.organisation === plan.organisation && p.slug === plan.slug)) && (!organisation || p.organisation === organisation)
			);
			if (!scope.some((p) => p.periods.includes(period))) {
				const published = [...new Set(scope.flatMap((p) => p.periods))].join(', ') || '(inga)';
				const where = plan ? ` för ${plan.organisation}/${plan.slug}` : organisation ? ` för ${organisation}` : '';
				const whereEn = plan ? ` for ${plan.organisation}/${plan.slug}` : organisation ? ` for ${organisation}` : '';
				return fail(
					'period',
					`Ingen publicerad uppföljningsperiod '${v.period}'${where}. Publicerade: ${published}.`,
					`No published follow-up period '${v.period}'${whereEn}. Published: ${published.replace('(inga)', '(none)')}.`
				);
			}
		}
		return ok({ organisation: plan?.organisation ?? organisation, plan, period, subjects: v.subject });
	});
}

const ID = /^[1-9]\d{0,14}$/;
const ID_KIND = {
	goal: { sv: 'mål', path: 'goals' },
	uppdrag: { sv: 'uppdrag', path: 'uppdrag' }
} as const;

/** A goal or uppdrag id from the path: a positive integer. */
export function parseId(raw: string, kind: keyof typeof ID_KIND): ParseResult<number> {
	if (ID.test(raw)) return ok(Number(raw));
	const { sv, path } = ID_KIND[kind];
	return fail(
		'id',
		`'${raw}' är inget id för ${sv}: ange ett positivt heltal, t.ex. /api/v1/${path}/1.`,
		`'${raw}' is not a${kind === 'goal' ? ' goal' : 'n uppdrag'} id: give a positive integer, e.g. /api/v1/${path}/1.`
	);
}

/** What the insatser filters are checked against: one organisation's priorities, goals and kommuner. */
export interface InsatserContext {
	/** National priorities (external goals of the national strategy): id and title. */
	priorities: { id: number; title: string }[];
	/** Goal ids of the organisation's plans. */
	goals: number[];
	/** SCB codes of the kommuner in the organisation's län. */
	kommuner: string[];
	financing: readonly string[];
}

export interface InsatserFilter {
	priority: number | null;
	goal: number | null;
	financing: string | null;
	kommun: string | null;
}

/**
 * /api/v1/organisations/{org}/insatser: `priority` (id of a national priority), `goal` (goal id), `financing`
 * (anslag-1-1, eruf, esf-plus, interreg, egen, annan), `kommun` (SCB code): the filters of the public list.
 */
export function parseInsatserQuery(input: Input, accept: string | null, ctx: InsatserContext): ParseResult<Parsed<InsatserFilter>> {
	const idParam = (name: string, known: (n: number) => boolean, sv: string, en: string) =>
		one(name).transform((v, c): number | null => {
			if (v === undefined) return null;
			if (!ID.test(v)) return bad(c, `${name} ska vara ett id (ett positivt heltal), inte '${v}'.`, `${name} must be an id (a positive integer), not '${v}'.`);
			return known(Number(v)) ? Number(v) : bad(c, `Okänt id ${name}=${v}. ${sv}`, `Unknown id ${name}=${v}. ${en}`);
		});
	const priorities = ctx.priorities.map((p) => `${p.id} (${p.title})`).join(', ') || '(inga)';
	const shape = {
		priority: idParam('priority', (n) => ctx.priorities.some((p) => p.id === n), `Nationella prioriteringar: ${priorities}.`, `National priorities: ${priorities.replace('(inga)', '(none)')}.`),
		goal: idParam('goal', (n) => ctx.goals.includes(n), 'Ange id för ett mål i organisationens planer (se /api/v1/organisations/{org}/plans/{plan}).', "Give the id of a goal in the organisation's plans (see /api/v1/organisations/{org}/plans/{plan})."),
		financing: one('financing').transform((v, c): string | null => {
			if (v === undefined) return null;
			const s = v.toLowerCase();
			if (ctx.financing.includes(s)) return s;
			return bad(c, `Okänd finansiering '${v}'. Använd ${ctx.financing.join(', ')}.`, `Unknown funding '${v}'. Use ${ctx.financing.join(', ')}.`);
		}),
		kommun: one('kommun').transform((v, c): string | null => {
			if (v === undefined) return null;
			if (ctx.kommuner.includes(v)) return v;
			return bad(
				c,
				`Okänd kommun '${v}' för organisationen. Ange en SCB-kod för en kommun i länet, t.ex. ${ctx.kommuner[0] ?? '2380'}.`,
				`Unknown municipality '${v}' for the organisation. Give the SCB code of a municipality in the county, e.g. ${ctx.kommuner[0] ?? '2380'}.`
			);
		})
	};
	return run(input, accept, true, shape, (v) => ok({ priority: v.priority, goal: v.goal, financing: v.financing, kommun: v.kommun }));
}
