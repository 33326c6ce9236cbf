/**
 * Types shared by the open data API: the parsed query parameters (params.ts), the lookup data the parser
 * checks against (built by queries/api/context.ts) and the output options (http.ts). Pure types.
 */
import type { Period, Sex } from '../../domain/types';

/** Geography levels as stored; `exempel` is the made-up län of the example organisation. */
export type GeoLevel = 'riket' | 'lan' | 'kommun' | 'exempel';

export const GEO_LEVELS: readonly GeoLevel[] = ['riket', 'lan', 'kommun', 'exempel'];

export interface GeographyRef {
	/** SCB code: "00", "23", "2380" (and "EX" for the example län). */
	code: string;
	/** Kolada id: "0000", "0023", "2380". */
	koladaId: string;
	name: string;
	level: GeoLevel;
	/** SCB code of the parent, null for riket. */
	parent: string | null;
}

export interface PlanRef {
	organisation: string;
	slug: string;
	/** Slugs of the plan's published follow-up periods, oldest first. */
	periods: string[];
}

/** What the parser checks names against. Each endpoint needs only part of it. */
export interface ApiContext {
	geographies: GeographyRef[];
	organisations: string[];
	plans: PlanRef[];
}

export type Format = 'json' | 'csv';

export interface OutputOptions {
	format: Format;
	/** JSON: indent with tabs. */
	pretty: boolean;
	/** CSV field separator. */
	sep: ',' | ';' | '\t';
	/** CSV decimal mark. */
	decimal: '.' | ',';
}

export interface ObservationFilter {
	/** Explicit SCB codes; null = none named. */
	geographies: string[] | null;
	/** Levels to include; null = any. Combined with `parent` by AND. */
	levels: GeoLevel[] | null;
	/** SCB code whose children to include; null = any. */
	parent: string | null;
	/** null = all three. */
	sexes: Sex[] | null;
	from: Period | null;
	to: Period | null;
}

export interface IndicatorFilter {
	organisation: string | null;
	q: string | null;
}

export type SubjectType = 'goal' | 'uppdrag' | 'indicator';

export interface AssessmentFilter {
	organisation: string | null;
	plan: { organisation: string; slug: string } | null;
	/** Follow-up period slug, e.g. "helar-2019". */
	period: string | null;
	subjects: SubjectType[] | null;
}

export interface GeographyFilter {
	levels: GeoLevel[] | null;
	parent: string | null;
}

/** A bad parameter, in Swedish and English. `parameter` is null when the problem is not one parameter. */
export interface ParamError {
	parameter: string | null;
	message: string;
	message_en: string;
}
