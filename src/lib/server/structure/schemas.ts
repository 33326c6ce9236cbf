/**
 * The structure forms: every field arrives as a string (forms work without JS) and is checked here, with a
 * specific Swedish (or English) message per field. The output is what the mutation modules take.
 */
import { z } from 'zod';
import type { Locale } from '../../i18n';
import { ORIGINS } from '../db/schema';
import { isIsoDate } from '../../domain/follow-up-period';

export const PLAN_KINDS = ['rus', 'verksamhetsplan', 'handlingsplan', 'program', 'annan'] as const;
export const DIRECTIONS = ['up', 'down', 'none'] as const;
export const FREQUENCIES = ['year', 'half', 'tertial', 'quarter', 'month', 'irregular'] as const;
export const EXTERNAL_SOURCES = ['', 'kolada', 'scb'] as const;

const m = {
	sv: {
		name: 'Skriv ett namn.',
		kind: 'Välj typ av plan.',
		year: 'Skriv ett årtal med fyra siffror, till exempel 2030, eller lämna tomt.',
		yearOrder: 'Slutåret kan inte vara före startåret.',
		levels: 'Skriv minst ett nivånamn, ett per rad (till exempel Avsnitt, Övergripande mål, Inriktningsmål).',
		levelLong: 'Ett nivånamn får vara högst 80 tecken.',
		id: 'Välj ett alternativ i listan.',
		title: 'Skriv målets text.',
		text: 'Skriv uppdragets text.',
		origin: 'Välj ursprung.',
		long: (n: number) => `Högst ${n} tecken.`,
		decimals: 'Skriv ett heltal mellan 0 och 6.',
		direction: 'Välj riktning.',
		frequency: 'Välj hur ofta värden kommer.',
		source: 'Välj Kolada, SCB eller ingen.',
		percent: 'Skriv en andel i procent mellan 0 och 100, till exempel 5 eller 2,5.',
		wording: 'Skriv målvärdet som det står i dokumentet, till exempel "Minst 58 %".',
		rank: 'Välj huvudmålvärde eller ytterligare målvärde.',
		version: 'Formuläret saknar version; ladda om sidan.',
		periodKind: 'Välj delår eller helår.',
		periodYear: 'Skriv ett årtal med fyra siffror, till exempel 2026.',
		part: 'Skriv delårets nummer, 1 till 4.',
		date: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-05-15.'
	},
	en: {
		name: 'Enter a name.',
		kind: 'Choose the kind of plan.',
		year: 'Enter a four-digit year, e.g. 2030, or leave empty.',
		yearOrder: 'The end year cannot be before the start year.',
		levels: 'Enter at least one level name, one per line (e.g. Section, Overall goal, Goal).',
		levelLong: 'A level name may be at most 80 characters.',
		id: 'Choose an option from the list.',
		title: "Enter the goal's text.",
		text: "Enter the assignment's text.",
		origin: 'Choose the origin.',
		long: (n: number) => `At most ${n} characters.`,
		decimals: 'Enter a whole number from 0 to 6.',
		direction: 'Choose the direction.',
		frequency: 'Choose how often values arrive.',
		source: 'Choose Kolada, SCB or none.',
		percent: 'Enter a share in per cent between 0 and 100, e.g. 5 or 2.5.',
		wording: 'Enter the target as printed in the (Swedish) document, e.g. "Minst 58 %".',
		rank: 'Choose main target or further target.',
		version: 'The form has no version; reload the page.',
		periodKind: 'Choose interim or full year.',
		periodYear: 'Enter a four-digit year, e.g. 2026.',
		part: 'Enter the number of the interim period, 1 to 4.',
		date: 'Enter the date as YYYY-MM-DD, e.g. 2026-05-15.'
	}
};

const optionalText = (l: Locale, max: number) =>
	z
		.string()
		.trim()
		.max(max, m[l].long(max))
		.transform((s) => (s === '' ? null : s));
const requiredText = (l: Locale, msg: string, max: number) => z.string().trim().min(1, msg).max(max, m[l].long(max));
const optionalYear = (l: Locale) =>
	z
		.string()
		.trim()
		.regex(/^(|\d{4})$/, m[l].year)
		.transform((s) => (s === '' ? null : Number(s)));
/** '' → null, '12' → 12. */
const optionalId = (l: Locale) =>
	z
		.string()
		.regex(/^(|\d+)$/, m[l].id)
		.transform((s) => (s === '' ? null : Number(s)));
const version = (l: Locale) =>
	z
		.string()
		.regex(/^\d+$/, m[l].version)
		.transform(Number);
/** "5", "2,5", "2.5 %" (per cent) → 0.05, 0.025. */
const percentShare = (l: Locale) =>
	z
		.string()
		.trim()
		.transform((s) => s.replace(/\s*%$/, '').replace(',', '.'))
		.pipe(z.string().regex(/^\d+(\.\d+)?$/, m[l].percent))
		.transform(Number)
		.refine((n) => n >= 0 && n <= 100, m[l].percent)
		.transform((n) => Math.round(n * 1e6) / 1e8);

export const planSchema = (l: Locale) =>
	z
		.object({
			name: requiredText(l, m[l].name, 200),
			kind: z.enum(PLAN_KINDS, m[l].kind),
			startYear: optionalYear(l),
			endYear: optionalYear(l),
			levelNames: z
				.string()
				.transform((s) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean))
				.pipe(z.array(z.string().max(80, m[l].levelLong)).min(1, m[l].levels).max(12, m[l].levels)),
			geographyId: optionalId(l),
			description: optionalText(l, 4000),
			source: optionalText(l, 500)
		})
		.refine((v) => v.startYear == null || v.endYear == null || v.endYear >= v.startYear, {
			message: m[l].yearOrder,
			path: ['endYear']
		});
export type PlanInput = z.infer<ReturnType<typeof planSchema>>;
export const PLAN_FIELDS = ['name', 'kind', 'startYear', 'endYear', 'levelNames', 'geographyId', 'description', 'source'];

export const goalSchema = (l: Locale) =>
	z.object({
		parentId: optionalId(l),
		number: optionalText(l, 40),
		label: optionalText(l, 120),
		title: requiredText(l, m[l].title, 2000),
		description: optionalText(l, 8000),
		origin: z.enum(ORIGINS, m[l].origin)
	});
export type GoalInput = z.infer<ReturnType<typeof goalSchema>>;
export const GOAL_FIELDS = ['parentId', 'number', 'label', 'title', 'description', 'origin'];

export const uppdragSchema = (l: Locale) =>
	z.object({
		goalId: optionalId(l),
		number: optionalText(l, 40),
		label: optionalText(l, 120),
		planYear: optionalYear(l),
		text: requiredText(l, m[l].text, 4000),
		origin: z.enum(ORIGINS, m[l].origin),
		owner: optionalText(l, 200)
	});
export type UppdragInput = z.infer<ReturnType<typeof uppdragSchema>>;
export const UPPDRAG_FIELDS = ['goalId', 'number', 'label', 'planYear', 'text', 'origin', 'owner'];

export const indicatorSchema = (l: Locale) =>
	z.object({
		name: requiredText(l, m[l].name, 300),
		definition: optionalText(l, 4000),
		unit: optionalText(l, 40),
		decimals: z
			.string()
			.trim()
			.regex(/^[0-6]$/, m[l].decimals)
			.transform(Number),
		direction: z.enum(DIRECTIONS, m[l].direction),
		source: optionalText(l, 300),
		attribution: optionalText(l, 300),
		frequency: z.enum(FREQUENCIES, m[l].frequency),
		externalSource: z.enum(EXTERNAL_SOURCES, m[l].source).transform((s) => (s === '' ? null : s)),
		externalTable: optionalText(l, 60),
		externalCode: optionalText(l, 60),
		tolerance: percentShare(l),
		neutralBand: percentShare(l),
		organisationId: optionalId(l)
	});
export type IndicatorInput = z.infer<ReturnType<typeof indicatorSchema>>;
export const INDICATOR_FIELDS = [
	'name',
	'definition',
	'unit',
	'decimals',
	'direction',
	'source',
	'attribution',
	'frequency',
	'externalSource',
	'externalTable',
	'externalCode',
	'tolerance',
	'neutralBand',
	'organisationId'
];

export const targetSchema = (l: Locale) =>
	z.object({
		wording: requiredText(l, m[l].wording, 1000),
		rank: z.enum(['0', '1'], m[l].rank).transform(Number)
	});
export type TargetInput = z.infer<ReturnType<typeof targetSchema>>;
export const TARGET_FIELDS = ['wording', 'rank'];

export const versionSchema = (l: Locale) => version(l);

const optionalDate = (l: Locale) =>
	z
		.string()
		.trim()
		.refine((s) => s === '' || isIsoDate(s), m[l].date)
		.transform((s) => (s === '' ? null : s));

/** The dates and name of a follow-up period, editable while it is open. */
export const periodEditSchema = (l: Locale) =>
	z.object({
		label: optionalText(l, 120),
		endDate: optionalDate(l),
		deadline: optionalDate(l)
	});
export type PeriodEditInput = z.infer<ReturnType<typeof periodEditSchema>>;
export const PERIOD_EDIT_FIELDS = ['label', 'endDate', 'deadline'];

/** A new follow-up period: which one (kind, year, part) and its dates. */
export const periodCreateSchema = (l: Locale) =>
	periodEditSchema(l).extend({
		kind: z.enum(['delar', 'helar'], m[l].periodKind),
		year: z
			.string()
			.trim()
			.regex(/^\d{4}$/, m[l].periodYear)
			.transform(Number),
		part: z
			.string()
			.trim()
			.regex(/^(|[1-4])$/, m[l].part)
			.transform((s) => (s === '' ? null : Number(s)))
	});
export type PeriodCreateInput = z.infer<ReturnType<typeof periodCreateSchema>>;
export const PERIOD_CREATE_FIELDS = ['kind', 'year', 'part', ...PERIOD_EDIT_FIELDS];
