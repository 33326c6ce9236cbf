/**
 * Shared vocabulary of the follow-up domain. Pure types: no Svelte, no database.
 * Keys are English and stable (they are stored in the database); Swedish labels live in `labels.ts`.
 */

/** Which way an indicator should move. `none` = no judgement (e.g. population as context). */
export type Direction = 'up' | 'down' | 'none';

/** Colour of goal fulfilment ("färgindikatorer"): grön / gul / röd. `null` = not assessed. */
export type Colour = 'green' | 'yellow' | 'red';

/** Change arrow ("förändringspilar"): förbättrats / oförändrat / försämrats. */
export type Trend = 'improved' | 'unchanged' | 'worsened';

/** Raw movement of a value, independent of whether that movement is good. */
export type Movement = 'up' | 'flat' | 'down';

/** Indicator status for a period: helt / delvis / inte alls / värde saknas för perioden. */
export type IndicatorStatus = 'full' | 'partial' | 'none' | 'missing';

/** Where a goal or uppdrag comes from: regionfullmäktige, the nämnd itself, or something else. */
export type Origin = 'council' | 'committee' | 'other';

/** Sex dimension of statistics: T = totalt, K = kvinnor, M = män. */
export type Sex = 'T' | 'K' | 'M';

/** Missing-value symbols used by SCB and Kolada. */
export type MissingSymbol = '..' | '-' | '.';

export type PeriodKind = 'year' | 'half' | 'tertial' | 'quarter' | 'month' | 'range';

/** A statistical period, normalised so it sorts and compares. */
export interface Period {
	kind: PeriodKind;
	/** Canonical code: "2019", "2019H1", "2019T2", "2019K1", "2026M01", "2015-2016". */
	code: string;
	/** First day, ISO date "YYYY-MM-DD". */
	start: string;
	/** Last day, ISO date "YYYY-MM-DD". Periods sort by `end`, then `start`. */
	end: string;
}

export type TargetKind =
	| 'min' // numeric minimum: "Målvärde: Minst 75%"
	| 'max' // numeric maximum: "högst 5 %"
	| 'exact' // numeric value: "Målvärde: 100%"
	| 'range' // between two values: "mellan 10 och 20"
	| 'increase' // "ska öka", "ska öka jämfört med år 2016", "Fler …"
	| 'decrease' // "ska minska", "ska minska jämfört med år 2015"
	| 'improve' // "ska förbättras": increase or decrease depending on the indicator's direction
	| 'benchmark' // "högre än snittet för riket", "mer än i jämförbara län"
	| 'report' // reporting only: "ska redovisas"
	| 'text'; // a target that is only words and cannot be computed

/** What a direction target compares with. */
export type TargetReference = 'base' | 'previous';

/** A target for an indicator, parsed from (and always keeping) its printed wording. */
export interface Target {
	kind: TargetKind;
	/** min / max / exact: the value; range: the lower bound. */
	value?: number | null;
	/** range: the upper bound. */
	valueHigh?: number | null;
	/** increase / decrease / improve: compare with a base period or the previous period. */
	reference?: TargetReference | null;
	/** Canonical period code of the base period, e.g. "2016". */
	basePeriod?: string | null;
	/** Canonical period code by which the target should be met, e.g. "2030". */
	targetPeriod?: string | null;
	/** benchmark: which geography to compare with ("riket" or "comparable" for "jämförbara län"). */
	benchmark?: 'riket' | 'comparable' | null;
	/** benchmark: better than the other geography (`above`) or below it (`below`). */
	benchmarkSide?: 'above' | 'below' | null;
	/** benchmark: compare the levels, or the change over time ("ska öka mer procentuellt än …"). */
	benchmarkMeasure?: 'level' | 'change' | null;
	/** The original wording, exactly as printed. */
	wording: string;
}

/** Why a colour could not be computed. */
export type NotComputableReason =
	| 'no_value' // no utfall for the period
	| 'no_target' // the indicator has no target
	| 'text_target' // the target is words only or reporting only
	| 'no_reference' // base period / previous period / benchmark value is missing
	| 'no_direction'; // "improve" target on an indicator without direction
