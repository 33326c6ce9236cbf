/**
 * Targets ("målvärden") as regions really write them: mostly inside the indicator text
 * ("… ska öka jämfört med år 2016.", "Målvärde: Minst 75%"), sometimes in a Målvärde cell
 * ("≥ 75 %", "Högst 3,5", "Öka"). Parsed into a `Target` that always keeps the printed wording,
 * so a citizen can see exactly what was decided even when we cannot compute anything from it.
 */
import type { Target, TargetKind, TargetReference } from './types';

/** The target(s) found in one text. */
export interface ParsedTarget {
	/** The indicator's own target, or null when the text states none. */
	primary: Target | null;
	/** Further targets in the same text, in printed order (e.g. "Skillnader mellan män och kvinnor ska minska"). */
	secondary: Target[];
}

/** A target before its wording is attached. */
type Fields = Omit<Partial<Target>, 'kind' | 'wording'> & { kind: TargetKind };

// ---------------------------------------------------------------------------------------------
// Regex building blocks. JavaScript's `\b` only knows ASCII letters, so "å", "ä" and "ö" would
// count as word boundaries ("sättska" would contain the word "ska"); these use Unicode letters.
// ---------------------------------------------------------------------------------------------

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const rx = (src: string, flags = 'iu'): RegExp => new RegExp(src, flags);

/** Number words: reports write "uppgå till minst noll"; higher ones are always written in digits. */
const NUMBER_WORDS: Record<string, number> = {
	noll: 0, en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10
};

/** Digits with decimal comma (or point) and space-grouped thousands ("10 000", "3,5", "−2"). */
const DIGITS = '[-−]?\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:[,.]\\d+)?(?!\\d)|[-−]?\\d+(?:[,.]\\d+)?';
/** A number. "en"/"ett" are left out: after "vara" they are articles ("ska vara en förebild"). */
const NUM = `(?:${DIGITS}|${B}(?:noll|två|tre|fyra|fem|sex|sju|åtta|nio|tio)${E})`;
/** A number right after a comparator, where "en"/"ett" can only mean one ("högst en"). */
const NUM1 = `(?:${DIGITS}|${B}(?:noll|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)${E})`;
/**
 * Units are read past but not kept (`Target` has no unit): the value stays as printed, so
 * "3,5 miljarder" is 3.5, on the same scale as the indicator's own values.
 */
const UNIT =
	'(?:\\s*(?:%|‰|(?:procentenheter|procent|stycken|st|tkr|mnkr|mkr|mdkr|kronor|kr|miljoner|miljarder|' +
	`dagar|dygn|veckor|månader|timmar|minuter|indexpoäng|poäng|personer|invånare)${E}\\.?(?:\\s+kronor${E})?))?`;

/** Comparators meaning "at least". Strict ones ("> 80", "över 80") also become `min`: a target has no strictness. */
const CMP_MIN =
	`(?:(?:minst|lägst|åtminstone|inte\\s+(?:under|lägre\\s+än|mindre\\s+än|färre\\s+än|understiga)|överstiga|över|` +
	`mer\\s+än|fler\\s+än|större\\s+än|högre\\s+än|längre\\s+än|min(?=\\.?\\s*\\d))${E}\\.?|≥|>=|=>|>)`;
/** Comparators meaning "at most". */
const CMP_MAX =
	`(?:(?:högst|maximalt|maximum|max|som\\s+mest|upp\\s+till|inte\\s+(?:över|högre\\s+än|mer\\s+än|fler\\s+än|överstiga)|` +
	`understiga|under|mindre\\s+än|färre\\s+än|lägre\\s+än|kortare\\s+än)${E}\\.?|≤|<=|=<|<)`;

const INC = 'ökas|öka|höjas|höja|stiga|växa|bli\\s+(?:fler|högre|större)';
const DEC = 'minskas|minska|sänkas|sänka|sjunka|reduceras|halveras|bli\\s+(?:färre|lägre|mindre)';
const IMP = 'förbättras|förbättra|bli\\s+bättre|förstärkas|stärkas|stärka';

const SKA = rx(`${B}(?:ska|skall)${E}`, 'giu');
/** "Målvärde: …", "Målvärde 2030: …", "Målnivå: …", "Mål: …" (the last only with a colon: "Målet är …" is prose). */
const LABEL = rx(`^(?:(?:målvärde|målnivå)(?:\\s+(?:för\\s+)?(?:år\\s+)?((?:19|20)\\d{2}))?\\s*[:=]?|mål\\s*:)\\s*`);
const LABEL_INSIDE = rx(`(?<=\\S\\s*)(?:målvärde|målnivå)(?:\\s+(?:för\\s+)?(?:år\\s+)?\\d{4})?\\s*[:=]`, 'giu');
/**
 * Sentence ends: a stop followed by a capital or an opening bracket/quote. Not before a digit and not
 * after an abbreviation, so "min. 75 %" and "ca. 50" stay whole. No `i` flag: with it, `\p{Lu}`
 * would match lower case too.
 */
const SENTENCE_END =
	/(?<![\s(](?:[Tt]\.\s?ex|[Bb]l\.\s?a|m\.\s?m|[Dd]\.\s?v\.\s?s|[Dd]vs|[Mm]in|[Mm]ax|[Cc]a|[Jj]fr|resp|s\.\s?k|[Ii]nkl|[Ee]xkl|[Nn]r))[.!?]+\s+(?=[\p{Lu}("”'–-])/gu;
/** Conjunctions that start a new main clause ("… ska öka och skillnaderna ska minska"). */
const CONJUNCTION = rx(`(?:,\\s*|\\s+)(?:och|samt|men|medan)\\s+|;\\s*`, 'giu');
const RELATIVE_START = rx(`^(?:som|där|vilka|vilket|vilken|att)${E}`);
/**
 * A sentence about a gap ("Skillnader mellan män och kvinnor ska minska"): its target is about the
 * difference between groups, not about the indicator's value, so it never becomes the primary target
 * when the indicator has one of its own.
 */
const GAP = rx(`^(?:\\p{L}*skillnad\\p{L}*|gapet|klyftan|klyftorna|ojämlikhet\\p{L}*|spridningen)${E}`);
/** Noun phrases that imply a direction: "Fler företag …", "Ökat antal gästnätter." ("Fler än 50 %" is a number). */
const IMPLICIT = rx(
	`^(?:(fler|ökat|ökad|ökade|ökning|(?:högre|större)\\s+(?:andel|antal))|` +
		`(färre|minskat|minskad|minskade|minskning|(?:lägre|mindre)\\s+(?:andel|antal))|` +
		`(förbättrad|förbättrat|förbättrade|förbättring))${E}(?!\\s+än${E})`
);
const REPORT = rx(`^(?:redovisas|återrapporteras|rapporteras|följas\\s+upp|presenteras)${E}`);
/** Adverbs that may stand between "ska" and the verb without changing the target. */
const ADVERBS = rx(
	'^(?:(?:t\\.\\s?ex\\.|även|också|löpande|fortsatt|fortsättningsvis|dessutom|alltid|systematiskt|successivt|gradvis|' +
		'stadigt|kontinuerligt|långsiktigt|tydligt|fortsätta(?:\\s+att)?)\\s+)+'
);
/** "jämfört med år 2016", "i jämförelse med 2018 års nivå", "från 2015". */
const BASE_REF = rx(
	`${B}(?:jämfört\\s+(?:med|mot)|i\\s+jämförelse\\s+med|i\\s+förhållande\\s+till|räknat\\s+från|från|sedan)\\s+` +
		`(?:basåret\\s+|år\\s+|nivån\\s+(?:år\\s+)?|utfallet\\s+(?:år\\s+)?)?((?:19|20)\\d{2})(?!\\d)` +
		`(?:\\s+års\\s+(?:nivå|värde|utfall|resultat|mätning))?`
);
/** "jämfört med föregående år", "i jämförelse med tidigare medarbetarenkät", "… förra mätningen". */
const PREVIOUS_REF = rx(
	`${B}(?:jämfört\\s+(?:med|mot)|i\\s+jämförelse\\s+med|i\\s+förhållande\\s+till)\\s+` +
		`(?:närmast\\s+föregående|föregående|förgående|förra|tidigare|senaste)(?:\\s+[\\p{L}-]+)?`
);
const YEARLY = rx(`${B}(?:årligen|varje\\s+år|år\\s+från\\s+år|år\\s+för\\s+år|från\\s+år\\s+till\\s+år)${E}`);
/**
 * When the target is to be met: "till år 2030", "under 2019", "senast 2025", "år 2030". Not when
 * the year is really a value ("uppgå till 2000 st").
 */
const TARGET_PERIOD = rx(
	`${B}(?:(?<!uppgå\\s+|uppgår\\s+)till\\s+och\\s+med|t\\.\\s?o\\.\\s?m\\.?|senast(?:\\s+under)?|(?<!uppgå\\s+|uppgår\\s+)till|` +
		`under|före|innan|i\\s+slutet\\s+av|vid\\s+utgången\\s+av|år)\\s+(?:år\\s+)?((?:19|20)\\d{2})(?!\\d)(?![,.]\\d)` +
		`(?!\\s*(?:%|‰|procent|kronor|stycken|personer|kr${E}|st${E}))`
);
const GEO_COMPARABLE = rx(
	`${B}(?:jämförbara|liknande|andra|övriga)(?:\\s+\\p{L}+)?\\s+(?:län|regioner|landsting)${E}`
);
const GEO_RIKET = rx(
	`${B}(?:riket|rikets|rikssnitt\\p{L}*|riksgenomsnitt\\p{L}*|riksnivå\\p{L}*|landet|sverige|nationell\\p{L}*)${E}`
);

// ---------------------------------------------------------------------------------------------
// Small readers
// ---------------------------------------------------------------------------------------------

/** Reads one number token matched by NUM/NUM1; local on purpose (no dependency on number.ts). */
function readNumber(token: string): number | null {
	const word = NUMBER_WORDS[token.toLowerCase()];
	if (word !== undefined) return word;
	const n = Number(token.replace(/[ \u00a0\u202f]/g, '').replace(/[−–]/g, '-').replace(',', '.'));
	return Number.isFinite(n) ? n : null;
}

/** Drops the sentence's full stop and a trailing remark in brackets ("ska öka (2016 = 19,5 miljarder …)."). */
function trimTail(s: string): string {
	let out = s.trim();
	for (;;) {
		const next = out.replace(/[\s.!;:,]+$/u, '').replace(/\s*\([^()]*\)$/u, '');
		if (next === out) return out;
		out = next;
	}
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Reference {
	reference: TargetReference | null;
	basePeriod: string | null;
	rest: string;
}

function takeReference(s: string): Reference {
	const base = BASE_REF.exec(s);
	if (base) return { reference: 'base', basePeriod: base[1], rest: cut(s, base) };
	const previous = PREVIOUS_REF.exec(s) ?? YEARLY.exec(s);
	if (previous) return { reference: 'previous', basePeriod: null, rest: cut(s, previous) };
	return { reference: null, basePeriod: null, rest: s };
}

function takePeriod(s: string): { period: string | null; rest: string } {
	const m = TARGET_PERIOD.exec(s);
	return m ? { period: m[1], rest: cut(s, m) } : { period: null, rest: s };
}

function cut(s: string, m: RegExpExecArray): string {
	return squash(s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length));
}

/** A rest that may follow a bare number without turning it into prose: one word, or "av …", "per …". */
const BARE_REST = rx(`^\\s*(?:(?:av|för|bland|i|inom|per|hos)${E}.*|[\\p{L}.]+)?\\s*$`);

/**
 * Reads "mellan 10 och 20", "10–20 %", "minst 75 %", "≤ 5", "75" at the start of `s`.
 * `bare` is the kind of a number without comparator: `exact`, or min/max after "öka till"/"minska till".
 */
function readNumeric(s: string, bare: 'exact' | 'min' | 'max'): Fields | null {
	const text = s.trim();
	let m = rx(`^mellan\\s+(${NUM1})${UNIT}\\s+och\\s+(${NUM1})${UNIT}`).exec(text);
	if (m) return range(m[1], m[2]);
	m = rx(`^(${NUM})${UNIT}\\s*[-–—]\\s*(${NUM})${UNIT}`).exec(text);
	if (m && BARE_REST.test(text.slice(m[0].length))) return range(m[1], m[2]);
	m = rx(`^(?:(${CMP_MIN})|(${CMP_MAX}))\\s*(${NUM1})${UNIT}`).exec(text);
	if (m) return numeric(m[1] ? 'min' : 'max', m[3]);
	m = rx(
		`^(${NUM})${UNIT}(?:\\s+eller\\s+(?:(mer|högre|fler|större|över)|(mindre|lägre|färre|under))${E})?`
	).exec(text);
	if (!m) return null;
	if (m[2]) return numeric('min', m[1]);
	if (m[3]) return numeric('max', m[1]);
	// A bare number followed by prose ("ska vara tre gånger fler …") is not a value target.
	return BARE_REST.test(text.slice(m[0].length)) ? numeric(bare, m[1]) : null;
}

function numeric(kind: 'min' | 'max' | 'exact', token: string): Fields | null {
	const value = readNumber(token);
	return value === null ? null : { kind, value };
}

function range(a: string, b: string): Fields | null {
	const x = readNumber(a);
	const y = readNumber(b);
	if (x === null || y === null) return null;
	return { kind: 'range', value: Math.min(x, y), valueHigh: Math.max(x, y) };
}

/** "vara högre än snittet för riket", "öka mer procentuellt än i jämförbara län", "understiga riket". */
function readBenchmark(q: string): Fields | null {
	const geography = (tail: string): 'riket' | 'comparable' | null =>
		GEO_COMPARABLE.test(tail) ? 'comparable' : GEO_RIKET.test(tail) ? 'riket' : null;

	let m = rx(
		`^(?:(ökas|öka|höjas|stiga|växa|förbättras)|(minskas|minska|sänkas|sjunka))\\s+` +
			`(?:(mer|snabbare|kraftigare)|(mindre|långsammare))(?:\\s+\\p{L}+)?\\s+än${E}(.*)$`
	).exec(q);
	if (m) {
		const benchmark = geography(m[5]);
		if (!benchmark) return null;
		// Changing faster in the target's own direction: "öka mer" is above, "minska mer" below.
		const side = Boolean(m[1]) === Boolean(m[3]) ? 'above' : 'below';
		return { kind: 'benchmark', benchmark, benchmarkSide: side, benchmarkMeasure: 'change' };
	}
	m = rx(
		`^(?:(?:vara|ligga|bli|hamna)\\s+)?(?:(högre|större|bättre|mer|fler|över|överstiga)|` +
			`(lägre|mindre|sämre|färre|under|understiga))${E}(?:\\s+än${E})?(.*)$`
	).exec(q);
	if (m) {
		const benchmark = geography(m[3]);
		if (!benchmark) return null;
		// "bättre än riket" is taken as `above`, the side `Target` documents as "better than".
		return { kind: 'benchmark', benchmark, benchmarkSide: m[1] ? 'above' : 'below', benchmarkMeasure: 'level' };
	}
	m = rx(`^(?:vara|ligga|hamna)\\s+(?:(minst)|(högst))\\s+i\\s+nivå\\s+med${E}(.*)$`).exec(q);
	if (m) {
		const benchmark = geography(m[3]);
		if (!benchmark) return null;
		return { kind: 'benchmark', benchmark, benchmarkSide: m[1] ? 'above' : 'below', benchmarkMeasure: 'level' };
	}
	return null;
}

/** "öka", "minska jämfört med …", "förbättras", "öka till minst 80 %"; 'magnitude' for "öka med 5 %". */
function readDirection(q: string): Fields | 'magnitude' | null {
	const m = rx(`^(?:(${INC})|(${DEC})|(${IMP}))${E}(.*)$`).exec(q);
	if (!m) return null;
	const kind: TargetKind = m[1] ? 'increase' : m[2] ? 'decrease' : 'improve';
	const tail = m[4].trim();
	const to = rx(`^till${E}\\s*(.*)$`).exec(tail);
	if (to && kind !== 'improve') {
		// "öka till 80 %" is reached once the value is 80 or more: a minimum (and a maximum for "minska till").
		return readNumeric(to[1], kind === 'increase' ? 'min' : 'max') ?? 'magnitude';
	}
	// "öka med 5 procent", "minska med hälften": a size of change we cannot represent; left as words.
	if (
		rx(`^(?:(?:med|till)\\s+)?(?:minst\\s+|högst\\s+|cirka\\s+|ca\\.?\\s+|drygt\\s+|ungefär\\s+)?${NUM1}`).test(tail) ||
		rx(`^med\\s+(?:hälften|\\p{L}*del(?:ar)?|\\p{L}*dubbl\\p{L}*)${E}`).test(tail)
	) {
		return 'magnitude';
	}
	if (rx(`^(?:mer|snabbare|kraftigare|mindre|långsammare)${E}`).test(tail)) return 'magnitude';
	return { kind };
}

/** What follows "ska": null when it cannot be computed (the caller then keeps it as `text`). */
function readPredicate(raw: string): Fields | null {
	const ref = takeReference(trimTail(raw));
	const per = takePeriod(ref.rest);
	const q = squash(per.rest).replace(ADVERBS, '');
	const targetPeriod = per.period;
	if (REPORT.test(q)) return { kind: 'report', targetPeriod };
	const benchmark = readBenchmark(q);
	if (benchmark) return { ...benchmark, targetPeriod };
	const verb = rx(
		`^(?:(?:vara|bli|uppgå|uppgår|ligga|hamna|nå|uppnå|landa)(?:\\s+(?:till|på|upp\\s+till))?${E}\\s*)?`
	).exec(q);
	const value = readNumeric(q.slice(verb ? verb[0].length : 0), 'exact');
	if (value) return { ...value, targetPeriod };
	const direction = readDirection(q);
	if (direction === 'magnitude' || direction === null) return null;
	if (direction.kind === 'min' || direction.kind === 'max' || direction.kind === 'exact' || direction.kind === 'range') {
		return { ...direction, targetPeriod };
	}
	return { ...direction, reference: ref.reference, basePeriod: ref.basePeriod, targetPeriod };
}

/** A whole clause without "ska": a Målvärde cell ("≥ 75 %", "Öka", "Lägre än riket"). */
function readCell(raw: string): Fields | null {
	const ref = takeReference(trimTail(raw));
	const per = takePeriod(ref.rest);
	const q = squash(per.rest);
	if (!q) return null;
	const value = readNumeric(q, 'exact');
	if (value) return { ...value, targetPeriod: per.period };
	const benchmark = readBenchmark(q);
	if (benchmark) return { ...benchmark, targetPeriod: per.period };
	const direction = readDirection(q);
	if (direction === 'magnitude') return { kind: 'text' };
	if (!direction) return null;
	if (direction.kind !== 'increase' && direction.kind !== 'decrease' && direction.kind !== 'improve') {
		return { ...direction, targetPeriod: per.period };
	}
	return { ...direction, reference: ref.reference, basePeriod: ref.basePeriod, targetPeriod: per.period };
}

function readImplicit(clause: string): Fields | null {
	const m = IMPLICIT.exec(clause);
	if (!m) return null;
	const ref = takeReference(trimTail(clause));
	const per = takePeriod(ref.rest);
	return {
		kind: m[1] ? 'increase' : m[2] ? 'decrease' : 'improve',
		reference: ref.reference,
		basePeriod: ref.basePeriod,
		targetPeriod: per.period
	};
}

/** Every field present (null when not applicable), so targets have one shape in storage and tests. */
function makeTarget(fields: Fields, wording: string): Target {
	return {
		value: null,
		valueHigh: null,
		reference: null,
		basePeriod: null,
		targetPeriod: null,
		benchmark: null,
		benchmarkSide: null,
		benchmarkMeasure: null,
		...fields,
		wording
	};
}

// ---------------------------------------------------------------------------------------------
// Sentences and clauses
// ---------------------------------------------------------------------------------------------

const MAX_SKA_PER_CLAUSE = 6;

interface Found {
	target: Target;
	gap: boolean;
	labelled: boolean;
}

/** Splits into sentences (exact substrings), also before an inline "Målvärde:" label. */
function sentences(text: string): string[] {
	const cuts = new Set<number>([0, text.length]);
	for (const m of text.matchAll(SENTENCE_END)) cuts.add(m.index + m[0].length);
	for (const m of text.matchAll(LABEL_INSIDE)) cuts.add(m.index);
	const sorted = [...cuts].sort((a, b) => a - b);
	const out: string[] = [];
	for (let i = 0; i + 1 < sorted.length; i++) {
		const s = text.slice(sorted[i], sorted[i + 1]).trim();
		if (s) out.push(s);
	}
	return out;
}

/** Splits "A ska öka och skillnaderna ska minska" into its main clauses; relative clauses stay whole. */
function clauses(sentence: string): string[] {
	const skas = [...sentence.matchAll(SKA)];
	if (skas.length < 2) return [sentence];
	const out: string[] = [];
	let start = 0;
	for (let i = 1; i < skas.length; i++) {
		const from = skas[i - 1].index + skas[i - 1][0].length;
		const between = sentence.slice(from, skas[i].index);
		const conj = [...between.matchAll(CONJUNCTION)].pop();
		if (!conj) continue;
		const after = from + conj.index + conj[0].length;
		if (RELATIVE_START.test(sentence.slice(after))) continue;
		out.push(sentence.slice(start, from + conj.index).trim());
		start = after;
	}
	out.push(sentence.slice(start).trim());
	return out.filter(Boolean);
}

/** The printed phrase from "ska" on, without the sentence's full stop or a trailing bracketed remark. */
function phrase(s: string): string {
	return trimTail(s);
}

function readClause(clause: string, whole: boolean): Found | null {
	const gap = GAP.test(clause);
	// A whole sentence keeps its wording exactly as printed; a clause cut from one loses the full stop.
	const asPrinted = whole ? clause : phrase(clause);
	// Each "ska" reads the rest of the clause; a handful is all real text has, and the cap keeps
	// pathological input ("ska ska ska …") from taking quadratic time.
	const skas = [...clause.matchAll(SKA)].slice(0, MAX_SKA_PER_CLAUSE);
	if (skas.length > 0) {
		for (const m of skas) {
			const fields = readPredicate(clause.slice(m.index + m[0].length));
			if (!fields) continue;
			const wording = gap || m.index === 0 ? asPrinted : phrase(clause.slice(m.index));
			return { target: makeTarget(fields, wording), gap, labelled: false };
		}
		// "Fler unga ska välja …": the implied direction is the computable part.
		const implicit = readImplicit(clause);
		if (implicit) return { target: makeTarget(implicit, asPrinted), gap, labelled: false };
		// The main verb is usually the last "ska" ("Andel som ska … ska genomföras").
		const last = skas[skas.length - 1];
		const wording = gap || last.index === 0 ? asPrinted : phrase(clause.slice(last.index));
		return { target: makeTarget({ kind: 'text' }, wording), gap, labelled: false };
	}
	const implicit = readImplicit(clause);
	if (implicit) return { target: makeTarget(implicit, asPrinted), gap, labelled: false };
	const cell = readCell(clause);
	return cell ? { target: makeTarget(cell, asPrinted), gap, labelled: false } : null;
}

function readSentence(sentence: string): Found[] {
	const label = LABEL.exec(sentence);
	if (label && label[0].trim()) {
		const body = sentence.slice(label[0].length);
		const inner = body.trim() ? readSentenceBody(body) : [];
		const fields: Fields = inner[0] ? { ...inner[0].target } : { kind: 'text' };
		if (!fields.targetPeriod && label[1]) fields.targetPeriod = label[1];
		return [{ target: makeTarget(fields, sentence), gap: false, labelled: true }];
	}
	return readSentenceBody(sentence);
}

function readSentenceBody(sentence: string): Found[] {
	const parts = clauses(sentence);
	const found: Found[] = [];
	for (const part of parts) {
		const f = readClause(part, parts.length === 1 && part === sentence.trim());
		if (f) found.push(f);
	}
	return found;
}

function parse(text: string): ParsedTarget {
	const found = sentences(text).flatMap(readSentence);
	const primary =
		found.find((f) => f.labelled) ??
		found.find((f) => !f.gap && f.target.kind !== 'text') ??
		found.find((f) => !f.gap) ??
		found[0];
	return {
		primary: primary ? primary.target : null,
		secondary: found.filter((f) => f !== primary).map((f) => f.target)
	};
}

/** Parse the target wording from an indicator text or a Målvärde cell. Never throws. */
export function parseTargetWording(text: string | null | undefined): ParsedTarget {
	if (typeof text !== 'string' || !text.trim()) return { primary: null, secondary: [] };
	try {
		return parse(text);
	} catch {
		// Wording is free text from documents: an unforeseen form must not break a page.
		return { primary: null, secondary: [] };
	}
}

// ---------------------------------------------------------------------------------------------
// Plain-language description
// ---------------------------------------------------------------------------------------------

function formatNumber(n: number, locale: 'sv' | 'en'): string {
	if (!Number.isFinite(n)) return String(n);
	const [int, dec] = String(Math.abs(n)).split('.');
	// Swedish groups thousands with a (non-breaking) space from 10 000, English with commas from 1,000.
	const group = locale === 'sv' ? '\u00a0' : ',';
	const grouped = int.length > (locale === 'sv' ? 4 : 3) ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
	const sign = n < 0 ? '-' : '';
	return sign + grouped + (dec ? (locale === 'sv' ? ',' : '.') + dec : '');
}

/** The unit, when the wording shows one, so "Minst 75%" reads "minst 75 %". */
function unitOf(wording: string, locale: 'sv' | 'en'): string {
	if (/procentenhet/iu.test(wording)) return locale === 'sv' ? ' procentenheter' : ' percentage points';
	if (/%|procent/iu.test(wording)) return locale === 'sv' ? '\u00a0%' : '%';
	if (rx(`${B}mnkr${E}`).test(wording)) return locale === 'sv' ? ' mnkr' : ' SEK million';
	return '';
}

const quote = (s: string, locale: 'sv' | 'en'): string =>
	locale === 'sv' ? `”${trimTail(s)}”` : `“${trimTail(s)}”`;

/** Swedish plain-language description of a target for citizens, e.g. "Målet är att värdet ska öka jämfört med 2016." and English. */
export function describeTarget(t: Target, locale: 'sv' | 'en' = 'sv'): string {
	const sv = locale === 'sv';
	const wording = typeof t?.wording === 'string' ? t.wording : '';
	const asText = sv
		? `Målet är formulerat i ord: ${quote(wording, locale)}.`
		: `The goal is stated in words: ${quote(wording, locale)}.`;
	if (!t || typeof t !== 'object') return asText;
	const num = (v: number): string => formatNumber(v, locale) + unitOf(wording, locale);
	const at = t.targetPeriod ? (sv ? ` år ${t.targetPeriod}` : ` in ${t.targetPeriod}`) : '';

	switch (t.kind) {
		case 'increase':
		case 'decrease':
		case 'improve': {
			const verb = sv
				? { increase: 'öka', decrease: 'minska', improve: 'förbättras' }[t.kind]
				: { increase: 'increase', decrease: 'decrease', improve: 'improve' }[t.kind];
			// A gap sentence is about the difference between groups, so it must not be called "värdet".
			if (GAP.test(wording)) {
				return sv
					? `Målet är att ${lowerFirst(trimTail(wording))}.`
					: `The goal is for the gap between groups to ${verb}: ${quote(wording, locale)}.`;
			}
			let ref = '';
			if (t.reference === 'base') {
				ref = sv ? ` jämfört med ${t.basePeriod ?? 'basåret'}` : ` compared with ${t.basePeriod ?? 'the base year'}`;
			} else if (t.reference === 'previous') {
				// Say "år" only when the wording does; a survey ("tidigare medarbetarenkät") need not be yearly.
				const yearly = /föregående\s+år|förra\s+året/iu.test(wording);
				ref = sv
					? ` jämfört med föregående ${yearly ? 'år' : 'mätning'}`
					: ` compared with the previous ${yearly ? 'year' : 'measurement'}`;
			}
			const by = t.targetPeriod ? (sv ? ` till år ${t.targetPeriod}` : ` by ${t.targetPeriod}`) : '';
			return sv ? `Målet är att värdet ska ${verb}${ref}${by}.` : `The goal is for the value to ${verb}${ref}${by}.`;
		}
		case 'min':
		case 'max':
		case 'exact': {
			if (typeof t.value !== 'number') return asText;
			const v = num(t.value);
			const words = sv
				? { min: `minst ${v}`, max: `högst ${v}`, exact: v }[t.kind]
				: { min: `at least ${v}`, max: `at most ${v}`, exact: v }[t.kind];
			return sv ? `Målet är att värdet${at} ska vara ${words}.` : `The goal is for the value${at} to be ${words}.`;
		}
		case 'range': {
			if (typeof t.value !== 'number' || typeof t.valueHigh !== 'number') return asText;
			const unit = unitOf(wording, locale);
			const lo = formatNumber(t.value, locale);
			const hi = formatNumber(t.valueHigh, locale) + unit;
			return sv
				? `Målet är att värdet${at} ska ligga mellan ${lo} och ${hi}.`
				: `The goal is for the value${at} to be between ${lo} and ${hi}.`;
		}
		case 'benchmark': {
			if (!t.benchmark) return asText;
			const where = sv
				? t.benchmark === 'riket'
					? t.benchmarkMeasure === 'change' ? 'i riket' : 'snittet för riket'
					: 'i jämförbara län'
				: t.benchmark === 'riket'
					? t.benchmarkMeasure === 'change' ? 'in Sweden as a whole' : 'the national average'
					: 'in comparable counties';
			if (!t.benchmarkSide) {
				return sv ? `Målet är att värdet ska jämföras med ${where}.` : `The goal is for the value to be compared with ${where}.`;
			}
			const above = t.benchmarkSide === 'above';
			// "bättre än riket" is parsed as `above`, but for a lower-is-better indicator "högre" would mislead.
			const better = rx(`${B}bättre${E}`).test(wording);
			if (t.benchmarkMeasure === 'change') {
				return sv
					? `Målet är att värdet${at} ska ${above ? 'öka' : 'minska'} mer än ${where}.`
					: `The goal is for the value${at} to ${above ? 'increase' : 'decrease'} more than ${where}.`;
			}
			return sv
				? `Målet är att värdet${at} ska vara ${above ? (better ? 'bättre' : 'högre') : 'lägre'} än ${where}.`
				: `The goal is for the value${at} to be ${above ? (better ? 'better' : 'higher') : 'lower'} than ${where}.`;
		}
		case 'report':
			return sv ? 'Målet är att resultatet ska redovisas.' : 'The goal is for the results to be reported.';
		default:
			return asText;
	}
}

function lowerFirst(s: string): string {
	return s.charAt(0).toLocaleLowerCase('sv') + s.slice(1);
}
