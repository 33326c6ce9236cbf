/**
 * Computed colour of an indicator: utfall compared with its target.
 *
 * This is a proposal, not the final word: officials can override an indicator's colour with a reason, and the
 * colour of a goal or uppdrag is always a human assessment. That is why every result carries a plain-language
 * explanation that can be shown next to the colour.
 */
import type { Colour, Direction, NotComputableReason, Target } from './types';
import { formatNumber, formatPercent } from './format';
import type { Bilingual, Locale } from './labels';

/** Everything needed to compute the colour of one indicator for one period. */
export interface ColourInput {
	target: Target | null;
	/** The indicator's direction. */
	direction: Direction;
	/** Utfall for the period. */
	value: number | null;
	/** Own value at the base period (reference 'base') or the previous period (reference 'previous' or null). */
	reference?: number | null;
	/** Period code of `reference`, shown in the explanation; defaults to the target's base period. */
	referencePeriod?: string | null;
	/** The other geography's value for the same period (benchmark, measure 'level'). */
	benchmarkValue?: number | null;
	/** The other geography's earlier value (benchmark, measure 'change'). */
	benchmarkReference?: number | null;
	/** Relative band for gul, default 0.05 (5 %). */
	tolerance?: number;
}

/** The computed colour, or why there is none, and why in plain words. */
export interface ColourResult {
	colour: Colour | null;
	reason: NotComputableReason | null;
	explanation: Bilingual;
}

/** Default relative band for "mindre, acceptabel avvikelse". */
export const DEFAULT_TOLERANCE = 0.05;

/* Values are decimals from imports and parsing: treat differences below this as equality. */
const EPS = 1e-9;

/** Compute an indicator's colour from utfall vs target. Pure; never throws. */
export function computeColour(input: ColourInput): ColourResult {
	const { target, direction, value } = input;
	const tol = Math.max(0, input.tolerance ?? DEFAULT_TOLERANCE);

	if (!target) return notComputable('no_target');
	if (target.kind === 'report' || target.kind === 'text') return notComputable('text_target');

	let kind = target.kind;
	if (kind === 'improve') {
		if (direction === 'none') return notComputable('no_direction');
		kind = direction === 'up' ? 'increase' : 'decrease';
	}

	if (!isNumber(value)) return notComputable('no_value');

	switch (kind) {
		case 'min':
		case 'max':
		case 'exact':
			if (!isNumber(target.value)) return notComputable('no_target');
			return level(kind, value, target.value, tol);
		case 'range':
			if (!isNumber(target.value) || !isNumber(target.valueHigh)) return notComputable('no_target');
			return range(value, target.value, target.valueHigh, tol);
		case 'increase':
		case 'decrease': {
			if (!isNumber(input.reference)) return notComputable('no_reference');
			return change(kind, value, input.reference, referencePeriod(input, target), tol, target.kind === 'improve');
		}
		case 'benchmark':
			return benchmark(input, value, target, tol);
	}
	return notComputable('text_target');
}

/* ------------------------------------------------------------------ rules */

function level(kind: 'min' | 'max' | 'exact', v: number, x: number, tol: number): ColourResult {
	const band = tol * Math.abs(x);
	const tolText = { sv: ratioPercent(tol, 'sv'), en: ratioPercent(tol, 'en') };
	if (kind === 'exact') {
		const diff = Math.abs(v - x);
		if (diff <= EPS) {
			return result('green', (l) =>
				l === 'sv'
					? `Utfallet ${n(v, l)} är lika med målvärdet ${n(x, l)}.`
					: `The value ${n(v, l)} equals the target ${n(x, l)}.`
			);
		}
		const within = diff <= band + EPS;
		return result(within ? 'yellow' : 'red', (l) =>
			l === 'sv'
				? `Utfallet ${n(v, l)} avviker med ${n(diff, l)} från målvärdet ${n(x, l)}, ${within ? 'inom' : 'mer än'} toleransen på ${tolText.sv}.`
				: `The value ${n(v, l)} differs by ${n(diff, l)} from the target ${n(x, l)}, ${within ? 'within' : 'more than'} the tolerance of ${tolText.en}.`
		);
	}
	// Distance on the wrong side of the target: positive when the target is missed.
	const shortfall = kind === 'min' ? x - v : v - x;
	const sv = kind === 'min' ? { goal: 'minst', miss: 'under' } : { goal: 'högst', miss: 'över' };
	const en = kind === 'min' ? { goal: 'at least', miss: 'below' } : { goal: 'at most', miss: 'above' };
	if (shortfall <= EPS) {
		return result('green', (l) =>
			l === 'sv'
				? `Utfallet ${n(v, l)} når målvärdet ${sv.goal} ${n(x, l)}.`
				: `The value ${n(v, l)} meets the target of ${en.goal} ${n(x, l)}.`
		);
	}
	// When x = 0 the band is 0, so any miss is red: there is no relative scale to be "a little" off.
	const within = shortfall <= band + EPS;
	return result(within ? 'yellow' : 'red', (l) =>
		l === 'sv'
			? `Utfallet ${n(v, l)} ligger ${sv.miss} målvärdet ${sv.goal} ${n(x, l)}, ${within ? 'inom' : 'mer än'} toleransen på ${tolText.sv}.`
			: `The value ${n(v, l)} is ${en.miss} the target of ${en.goal} ${n(x, l)}, ${within ? 'within' : 'more than'} the tolerance of ${tolText.en}.`
	);
}

function range(v: number, a: number, b: number, tol: number): ColourResult {
	const lo = Math.min(a, b);
	const hi = Math.max(a, b);
	const span = (l: Locale) => `${n(lo, l)}–${n(hi, l)}`;
	if (v >= lo - EPS && v <= hi + EPS) {
		return result('green', (l) =>
			l === 'sv'
				? `Utfallet ${n(v, l)} ligger inom målintervallet ${span(l)}.`
				: `The value ${n(v, l)} is within the target range ${span(l)}.`
		);
	}
	const distance = v < lo ? lo - v : v - hi;
	const within = distance <= tol * (hi - lo) + EPS;
	return result(within ? 'yellow' : 'red', (l) =>
		l === 'sv'
			? `Utfallet ${n(v, l)} ligger utanför målintervallet ${span(l)}, ${within ? 'men nära gränsen' : 'långt från gränsen'} (avvikelse ${n(distance, l)}).`
			: `The value ${n(v, l)} is outside the target range ${span(l)}, ${within ? 'but close to the bound' : 'far from the bound'} (deviation ${n(distance, l)}).`
	);
}

function change(
	kind: 'increase' | 'decrease',
	v: number,
	ref: number,
	period: Bilingual | null,
	tol: number,
	fromImprove: boolean
): ColourResult {
	const rel = relativeChange(v, ref);
	// Positive when the value moved the wanted way.
	const good = kind === 'increase' ? rel : -rel;
	const colour: Colour = good > EPS ? 'green' : good >= -tol - EPS ? 'yellow' : 'red';
	const refText = (l: Locale) =>
		`${l === 'sv' ? 'jämförelsevärdet' : 'the reference value'} ${n(ref, l)}` + (period ? ` (${period[l]})` : '');
	const aim: Bilingual = fromImprove
		? {
				sv: `Målet är att värdet ska förbättras, vilket här betyder att det ska ${kind === 'increase' ? 'öka' : 'minska'}.`,
				en: `The aim is for the value to improve, which here means to ${kind}.`
			}
		: {
				sv: `Målet är att värdet ska ${kind === 'increase' ? 'öka' : 'minska'}.`,
				en: `The aim is for the value to ${kind}.`
			};
	return result(colour, (l) => {
		const comparison =
			Math.abs(rel) <= EPS
				? l === 'sv'
					? `Utfallet ${n(v, l)} är oförändrat jämfört med ${refText(l)}.`
					: `The value ${n(v, l)} is unchanged compared with ${refText(l)}.`
				: l === 'sv'
					? `Utfallet ${n(v, l)} är ${rel > 0 ? 'högre' : 'lägre'} än ${refText(l)}.`
					: `The value ${n(v, l)} is ${rel > 0 ? 'higher' : 'lower'} than ${refText(l)}.`;
		const deviation = colour === 'green' ? '' : wrongWay(good, rel, ref, tol, l);
		return [comparison, deviation, aim[l]].filter(Boolean).join(' ');
	});
}

function benchmark(input: ColourInput, v: number, target: Target, tol: number): ColourResult {
	const side = target.benchmarkSide ?? 'above';
	const measure = target.benchmarkMeasure ?? 'level';
	const geo: Bilingual =
		target.benchmark === 'comparable'
			? { sv: 'jämförbara län', en: 'comparable counties' }
			: target.benchmark === 'riket'
				? { sv: 'riket', en: 'Sweden as a whole' }
				: { sv: 'jämförelseområdet', en: 'the benchmark area' };
	const aim: Bilingual =
		measure === 'level'
			? {
					sv: `Målet är att värdet ska vara ${side === 'above' ? 'högre' : 'lägre'} än för ${geo.sv}.`,
					en: `The aim is for the value to be ${side === 'above' ? 'higher' : 'lower'} than for ${geo.en}.`
				}
			: {
					sv: `Målet är att värdet ska ${side === 'above' ? 'öka mer' : 'öka mindre'} procentuellt än för ${geo.sv}.`,
					en: `The aim is for the value to ${side === 'above' ? 'grow more' : 'grow less'} in percent than for ${geo.en}.`
				};

	if (measure === 'level') {
		const b = input.benchmarkValue;
		if (!isNumber(b)) return notComputable('no_reference');
		const colour = beats(v, b, side, tol * Math.abs(b));
		return result(colour, (l) => {
			const words = Math.abs(v - b) <= EPS ? COMPARE.equal : v > b ? COMPARE.higher : COMPARE.lower;
			const rel = words[l];
			return l === 'sv'
				? `Utfallet ${n(v, l)} är ${rel} värdet för ${geo.sv}, ${n(b, l)}. ${aim.sv}`
				: `The value ${n(v, l)} is ${rel} the value for ${geo.en}, ${n(b, l)}. ${aim.en}`;
		});
	}

	const ref = input.reference;
	const b = input.benchmarkValue;
	const bRef = input.benchmarkReference;
	if (!isNumber(ref) || !isNumber(b) || !isNumber(bRef)) return notComputable('no_reference');
	const own = relativeChange(v, ref);
	const other = relativeChange(b, bRef);
	// Compared "the same way" as levels: the yellow band is relative to the benchmark's own change.
	const colour = beats(own, other, side, tol * Math.abs(other));
	return result(colour, (l) =>
		l === 'sv'
			? `Utfallet har förändrats med ${signedPercent(own, ref, l)} (från ${n(ref, l)} till ${n(v, l)}), jämfört med ${signedPercent(other, bRef, l)} för ${geo.sv}. ${aim.sv}`
			: `The value has changed by ${signedPercent(own, ref, l)} (from ${n(ref, l)} to ${n(v, l)}), compared with ${signedPercent(other, bRef, l)} for ${geo.en}. ${aim.en}`
	);
}

/* ------------------------------------------------------------------ helpers */

/* Which period the reference value belongs to, for the explanation: explicit, else the target's base period. */
function referencePeriod(input: ColourInput, target: Target): Bilingual | null {
	const code = input.referencePeriod ?? (target.reference === 'base' ? target.basePeriod : null);
	if (code) return { sv: code, en: code };
	if (target.reference === 'base') return null;
	// reference 'previous' or unset: the caller passed the previous period's value.
	return { sv: 'föregående period', en: 'previous period' };
}

/** Relative change (v − ref) / |ref|; the absolute change when ref = 0, where no relative scale exists. */
export function relativeChange(v: number, ref: number): number {
	return ref === 0 ? v - ref : (v - ref) / Math.abs(ref);
}

const COMPARE = {
	equal: { sv: 'lika med', en: 'equal to' },
	higher: { sv: 'högre än', en: 'higher than' },
	lower: { sv: 'lägre än', en: 'lower than' }
} satisfies Record<string, Bilingual>;

/* Strictly better than the other value is green; equal or slightly worse (within band) is yellow. */
function beats(own: number, other: number, side: 'above' | 'below', band: number): Colour {
	const margin = side === 'above' ? own - other : other - own;
	if (margin > EPS) return 'green';
	return margin >= -band - EPS ? 'yellow' : 'red';
}

function wrongWay(good: number, rel: number, ref: number, tol: number, l: Locale): string {
	if (Math.abs(rel) <= EPS) return '';
	const amount = changeAmount(rel, ref, l);
	const within = good >= -tol - EPS;
	const word = rel > 0 ? (l === 'sv' ? 'en ökning' : 'an increase') : l === 'sv' ? 'en minskning' : 'a decrease';
	// With ref = 0 the change is absolute, so the tolerance is shown in the same absolute terms.
	const tolText = ref === 0 ? n(tol, l) : ratioPercent(tol, l);
	return l === 'sv'
		? `Det är ${word} med ${amount}, ${within ? 'inom' : 'mer än'} toleransen på ${tolText}.`
		: `That is ${word} of ${amount}, ${within ? 'within' : 'more than'} the tolerance of ${tolText}.`;
}

/* With ref = 0 the change is absolute, so it is shown as a number rather than as a percentage. */
function changeAmount(rel: number, ref: number, l: Locale): string {
	return ref === 0 ? n(Math.abs(rel), l) : ratioPercent(Math.abs(rel), l);
}

function signedPercent(rel: number, ref: number, l: Locale): string {
	const text = ref === 0 ? n(rel, l) : ratioPercent(rel, l);
	return rel > EPS ? `+${text}` : text;
}

function n(x: number, l: Locale): string {
	return formatNumber(x, { locale: l });
}

/** A ratio as a percentage for the explanation sentences: 0.052 → "5,2 %". */
function ratioPercent(ratio: number, l: Locale): string {
	return formatPercent(ratio * 100, { locale: l, maxDecimals: 1 });
}

function isNumber(x: number | null | undefined): x is number {
	return typeof x === 'number' && Number.isFinite(x);
}

function result(colour: Colour, text: (l: Locale) => string): ColourResult {
	return { colour, reason: null, explanation: { sv: text('sv'), en: text('en') } };
}

const REASON_TEXT: Record<NotComputableReason, Bilingual> = {
	no_value: {
		sv: 'Färgen kan inte beräknas eftersom utfall saknas för perioden.',
		en: 'The colour cannot be calculated because there is no value for the period.'
	},
	no_target: {
		sv: 'Färgen kan inte beräknas eftersom indikatorn saknar ett målvärde.',
		en: 'The colour cannot be calculated because the indicator has no target value.'
	},
	text_target: {
		sv: 'Färgen kan inte beräknas eftersom målet bara är beskrivet i text eller gäller redovisning.',
		en: 'The colour cannot be calculated because the target is only described in words or is about reporting.'
	},
	no_reference: {
		sv: 'Färgen kan inte beräknas eftersom jämförelsevärdet saknas.',
		en: 'The colour cannot be calculated because the reference value is missing.'
	},
	no_direction: {
		sv: 'Färgen kan inte beräknas eftersom indikatorn saknar riktning (om högre eller lägre värde är bättre).',
		en: 'The colour cannot be calculated because the indicator has no direction (whether higher or lower is better).'
	}
};

function notComputable(reason: NotComputableReason): ColourResult {
	return { colour: null, reason, explanation: { ...REASON_TEXT[reason] } };
}
