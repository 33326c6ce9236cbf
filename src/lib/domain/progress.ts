/**
 * Open SDG's progress measure (developed by Statistics Canada, inspired by Eurostat), an optional rule per indicator.
 *
 * Ported from sdg-build `sdg/ProgressMeasure.py` (open-sdg/sdg-build) and its documentation
 * (open-sdg `docs/progress-methodology.md`):
 * - observed growth is the compound annual growth rate (CAGR) from the base year to the latest year:
 *   (current / base)^(1 / (currentYear − baseYear)) − 1;
 * - with a numeric target ("method 2") the progress value is sign · d · CAGR_observed / |CAGR_required|, where
 *   CAGR_required is the rate needed to go from the base value to the target by the target year, d = +1 when higher
 *   is better and −1 when lower is better, and sign = −1 when the base value is negative;
 *   thresholds: ≥ 0.95 substantial, ≥ 0.60 moderate, ≥ 0 limited, < 0 deterioration;
 * - without a numeric target ("method 1") the progress value is sign · d · CAGR_observed;
 *   thresholds: ≥ 1.5 % substantial, ≥ 0.5 % moderate, ≥ 0 limited, < 0 deterioration,
 *   scaled down near a natural limit (e.g. 100 %) by the coefficient 1 − (base / limit)^4.44;
 * - if the latest value already meets the target, the status is "target achieved" whatever the growth.
 * Each lower bound is inclusive (`value >= threshold`), as in sdg-build's `get_progress_status`.
 * sdg-build's status keys are `substantial_progress`, `moderate_progress`, `limited_progress`; we drop the suffix.
 */
import type { Direction } from './types';
import { formatNumber, formatPercent } from './format';
import {
	LABELS,
	type Bilingual,
	type Locale,
	type ProgressStatus
} from './labels';

export type { ProgressStatus } from './labels';

/** Progress thresholds: a progress value ≥ high is substantial, ≥ med moderate, ≥ low limited, else deterioration. */
export interface ProgressThresholds {
	high: number;
	med: number;
	low: number;
}

/** sdg-build's default thresholds, per method. */
export const PROGRESS_THRESHOLDS: { withTarget: ProgressThresholds; withoutTarget: ProgressThresholds } = {
	// Ratio of observed over required growth.
	withTarget: { high: 0.95, med: 0.6, low: 0 },
	// Observed annual growth rate in the desired direction.
	withoutTarget: { high: 0.015, med: 0.005, low: 0 }
};

/* Exponent of sdg-build's limit coefficient. */
const LIMIT_EXPONENT = 4.44;

/*
 * sdg-build replaces a zero base value or target by 0.001 (with a warning) because growth from or to 0 is
 * undefined; we do the same so results match Open SDG sites.
 */
const ZERO_SUBSTITUTE = 0.001;

/** Values for one series: base and latest observation, direction, and optionally a numeric target. */
export interface ProgressInput {
	baseYear: number;
	baseValue: number | null;
	/** Latest year with data. */
	currentYear: number;
	currentValue: number | null;
	direction: Direction;
	/** Numeric target; without it, fixed growth thresholds are used. */
	target?: number | null;
	/** Year by which the target should be met; sdg-build's default is 2030. */
	targetYear?: number | null;
	/** Natural limit (e.g. 100 for a percentage), only used without a target, as in sdg-build. */
	limit?: number | null;
	/** Override thresholds; sdg-build allows this per series, though it is rarely wise. */
	thresholds?: Partial<ProgressThresholds>;
}

/** Result of the progress measure, with its components so the calculation can be shown to readers. */
export interface ProgressResult {
	status: ProgressStatus | null;
	/** Observed compound annual growth rate, as a ratio (0.02 = 2 % per year). */
	cagr: number | null;
	/** Growth rate required to reach the target on time; `null` without a target. */
	requiredCagr: number | null;
	/** Progress value compared with the thresholds when a target exists (observed / required, signed). */
	ratio: number | null;
	explanation: Bilingual;
}

/** Compound annual growth rate from `base` to `current` over `years` years. */
export function cagr(current: number, base: number, years: number): number {
	return Math.pow(current / base, 1 / years) - 1;
}

/** Classify a progress value (ratio or signed growth) with thresholds; inclusive lower bounds. */
export function classifyProgress(value: number, t: ProgressThresholds): Exclude<ProgressStatus, 'target_achieved'> {
	if (value >= t.high) return 'substantial';
	if (value >= t.med) return 'moderate';
	if (value >= t.low) return 'limited';
	return 'deterioration';
}

/** Coefficient (0–1) that shrinks the growth thresholds when the base value is near a natural limit. */
export function limitCoefficient(baseValue: number, limit: number): number {
	const base = Math.abs(baseValue);
	const lim = Math.abs(limit);
	// Checked first so that base = limit = 0 gives 1, as in sdg-build.
	if (base >= 2 * lim) return 1;
	if (base <= lim) return 1 - Math.pow(base / lim, LIMIT_EXPONENT);
	return 1 - Math.pow((2 * lim - base) / lim, LIMIT_EXPONENT);
}

/** Run the Open SDG progress measure for one series. Pure; never throws. */
export function computeProgress(input: ProgressInput): ProgressResult {
	const { baseYear, currentYear, direction } = input;
	const current = input.currentValue;
	const rawBase = input.baseValue;
	const rawTarget = isNumber(input.target) ? input.target : null;
	const targetYear = isNumber(input.targetYear) ? input.targetYear : 2030;

	if (direction === 'none') return unavailable(REASONS.noDirection);
	if (!isNumber(rawBase) || !isNumber(current)) return unavailable(REASONS.noValue);
	const target = rawTarget === 0 ? ZERO_SUBSTITUTE : rawTarget;

	const d = direction === 'up' ? 1 : -1;

	// A met target wins even with too little data for a growth rate, exactly as in sdg-build.
	if (target !== null && (d === 1 ? current >= target : current <= target)) {
		return {
			status: 'target_achieved',
			cagr: null,
			requiredCagr: null,
			ratio: null,
			explanation: explain('target_achieved', (l) =>
				l === 'sv'
					? `Värdet ${n(current, l)} (${currentYear}) når målet ${n(target, l)}.`
					: `The value ${n(current, l)} (${currentYear}) meets the target ${n(target, l)}.`
			)
		};
	}

	const base = rawBase === 0 ? ZERO_SUBSTITUTE : rawBase;
	if ((base > 0 && current < 0) || (base < 0 && current > 0)) return unavailable(REASONS.signChange);
	const years = currentYear - baseYear;
	if (!(years >= 1)) return unavailable(REASONS.tooShort);

	const sign = base < 0 ? -1 : 1;
	const observed = cagr(current, base, years);
	const growthText = (l: Locale) =>
		l === 'sv'
			? `Den genomsnittliga årliga förändringen ${baseYear}–${currentYear} är ${signed(observed, l)} (från ${n(base, l)} till ${n(current, l)}).`
			: `The average annual change ${baseYear}–${currentYear} is ${signed(observed, l)} (from ${n(base, l)} to ${n(current, l)}).`;

	if (target === null) {
		const thresholds = withOverrides(PROGRESS_THRESHOLDS.withoutTarget, input.thresholds);
		const limit = isNumber(input.limit) ? input.limit : null;
		let coeff = 1;
		if (limit !== null) {
			coeff = limitCoefficient(base, limit);
			thresholds.high *= coeff;
			thresholds.med *= coeff;
			thresholds.low *= coeff;
		}
		const value = sign * d * observed;
		const status = classifyProgress(value, thresholds);
		return {
			status,
			cagr: observed,
			requiredCagr: null,
			ratio: null,
			explanation: explain(status, (l) => {
				const aim = LABELS.direction[direction].meaning[l];
				const limits =
					coeff === 1
						? ''
						: l === 'sv'
							? ` Gränserna är sänkta med faktorn ${n(coeff, l)} eftersom värdet ligger nära gränsen ${n(limit ?? 0, l)}.`
							: ` The thresholds are scaled by ${n(coeff, l)} because the value is close to the limit ${n(limit ?? 0, l)}.`;
				const rule =
					l === 'sv'
						? `Utan numeriskt mål gäller: minst ${pct(thresholds.high, l)} per år i rätt riktning ger betydande framsteg, minst ${pct(thresholds.med, l)} måttliga, minst ${pct(thresholds.low, l)} begränsade.`
						: `Without a numeric target: at least ${pct(thresholds.high, l)} a year in the right direction is substantial progress, at least ${pct(thresholds.med, l)} moderate, at least ${pct(thresholds.low, l)} limited.`;
				return `${growthText(l)} ${aim}. ${rule}${limits}`;
			})
		};
	}

	const targetYears = targetYear - baseYear;
	if (!(targetYears > 0)) return unavailable(REASONS.targetYear);
	if ((base > 0 && target < 0) || (base < 0 && target > 0)) return unavailable(REASONS.signChange);
	const required = cagr(target, base, targetYears);
	const targetText = (l: Locale) =>
		l === 'sv'
			? `För att nå målet ${n(target, l)} till ${targetYear} krävs ${signed(required, l)} per år.`
			: `Reaching the target ${n(target, l)} by ${targetYear} requires ${signed(required, l)} a year.`;

	if (Math.abs(required) < 1e-12) {
		// Target equals the base value and is not met now, so the value has moved away from it. sdg-build would
		// divide by zero here; "deterioration" is the only honest reading.
		return {
			status: 'deterioration',
			cagr: observed,
			requiredCagr: required,
			ratio: null,
			explanation: explain('deterioration', (l) => `${growthText(l)} ${targetText(l)}`)
		};
	}

	const thresholds = withOverrides(PROGRESS_THRESHOLDS.withTarget, input.thresholds);
	const ratio = (sign * d * observed) / Math.abs(required);
	const status = classifyProgress(ratio, thresholds);
	return {
		status,
		cagr: observed,
		requiredCagr: required,
		ratio,
		explanation: explain(status, (l) => {
			const rule =
				l === 'sv'
					? `Kvoten mellan faktisk och nödvändig takt är ${n(ratio, l)} (minst ${n(thresholds.high, l)} ger betydande framsteg, minst ${n(thresholds.med, l)} måttliga, minst ${n(thresholds.low, l)} begränsade).`
					: `The ratio of actual to required rate is ${n(ratio, l)} (at least ${n(thresholds.high, l)} is substantial progress, at least ${n(thresholds.med, l)} moderate, at least ${n(thresholds.low, l)} limited).`;
			return `${growthText(l)} ${targetText(l)} ${rule}`;
		})
	};
}

/** One observation of a series. */
export interface ProgressPoint {
	year: number;
	value: number | null;
}

/** Options for `computeProgressFromSeries`: everything of `ProgressInput` except the values and years. */
export type ProgressSeriesOptions = Omit<ProgressInput, 'baseValue' | 'currentYear' | 'currentValue'>;

/**
 * Run the progress measure on a whole series, choosing base and current as sdg-build does: current is the latest
 * year with a value; if the base year has no value, the first later year with a value becomes the base.
 */
export function computeProgressFromSeries(points: ProgressPoint[], options: ProgressSeriesOptions): ProgressResult {
	const valid = points
		.filter((p): p is { year: number; value: number } => isNumber(p.value) && isNumber(p.year))
		.sort((a, b) => a.year - b.year);
	if (valid.length === 0) return unavailable(REASONS.noValue);
	const last = valid[valid.length - 1];
	const base = valid.find((p) => p.year >= options.baseYear);
	if (!base) return unavailable(REASONS.tooShort);
	return computeProgress({
		...options,
		baseYear: base.year,
		baseValue: base.value,
		currentYear: last.year,
		currentValue: last.value
	});
}

/* ------------------------------------------------------------------ helpers */

const REASONS = {
	noDirection: {
		sv: 'Framsteg kan inte beräknas för en indikator utan riktning.',
		en: 'Progress cannot be calculated for an indicator without direction.'
	},
	noValue: {
		sv: 'Framsteg kan inte beräknas eftersom värde saknas för basåret eller det senaste året.',
		en: 'Progress cannot be calculated because a value is missing for the base year or the latest year.'
	},
	signChange: {
		sv: 'Framsteg kan inte beräknas när värdena byter tecken (från positivt till negativt eller tvärtom).',
		en: 'Progress cannot be calculated when the values change sign (from positive to negative or back).'
	},
	tooShort: {
		sv: 'Framsteg kan inte beräknas: det behövs värden för minst två olika år från och med basåret.',
		en: 'Progress cannot be calculated: values for at least two different years from the base year are needed.'
	},
	targetYear: {
		sv: 'Framsteg kan inte beräknas eftersom målåret inte ligger efter basåret.',
		en: 'Progress cannot be calculated because the target year is not after the base year.'
	}
} satisfies Record<string, Bilingual>;

/* Copy defaults and apply only the overrides that are numbers (a Partial may carry explicit undefined). */
function withOverrides(defaults: ProgressThresholds, overrides?: Partial<ProgressThresholds>): ProgressThresholds {
	const t = { ...defaults };
	for (const key of ['high', 'med', 'low'] as const) {
		const v = overrides?.[key];
		if (isNumber(v)) t[key] = v;
	}
	return t;
}

function unavailable(reason: Bilingual): ProgressResult {
	return { status: null, cagr: null, requiredCagr: null, ratio: null, explanation: { ...reason } };
}

/* Explanation text followed by the status name, so the reader sees both the numbers and the verdict. */
function explain(status: ProgressStatus, text: (l: Locale) => string): Bilingual {
	const label = LABELS.progress[status];
	return { sv: `${text('sv')} Bedömning: ${label.sv}.`, en: `${text('en')} Assessment: ${label.en}.` };
}

function signed(rate: number, l: Locale): string {
	const text = pct(rate, l);
	return rate > 0 ? `+${text}` : text;
}

function pct(rate: number, l: Locale): string {
	return formatPercent(rate * 100, { locale: l });
}

function n(x: number, l: Locale): string {
	return formatNumber(x, { locale: l });
}

function isNumber(x: number | null | undefined): x is number {
	return typeof x === 'number' && Number.isFinite(x);
}
