/**
 * Search over goals, uppdrag and indicators: a small, pure, Swedish-aware full-text index.
 *
 * No database and no dependencies: `buildIndex(documents)` once, then `search(index, query)` per request.
 * The server caches the index (see `$lib/server/queries/search.ts`); a few hundred documents take well
 * under a millisecond to scan, so there is no inverted index.
 *
 * ## Normalisation
 * - Text is NFC-normalised and lower-cased; å, ä and ö are letters of their own (they are not accents in
 *   Swedish: "år" and "ar" are different words).
 * - Words are runs of letters and digits; hyphens, dashes, slashes, dots and all other punctuation split
 *   words, so "HBTQ-diplomera" is found by "hbtq" and by "diplomera", and "19,5" holds the word "19".
 *   A Swedish colon genitive is dropped: "EU:s" is the word "eu".
 * - Decision on typed a/o for å/ä/ö: a query word typed **without** any å, ä, ö or accent (someone on a
 *   foreign keyboard typing "jamstalldhet" or "okning") also matches words with them, folded to a and o,
 *   at 0.8 of the points. A query word that contains å, ä or ö matches only those letters, so "år" does
 *   not find "ar" and "mål" does not find "mal".
 *
 * ## Matching, per query word and document word (best first; the points are explained in `KIND_POINTS`)
 * 1. exact: the same word ("öka" = "öka").
 * 2. prefix: the last query word is the beginning of a document word ("jämst" → "jämställdhet"), so the
 *    search works while the reader is still typing. Not for numbers: "1" does not find "19".
 * 3. stem: both words share a stem from `stemSv` ("ökning" ~ "öka" ~ "ökade", "företagen" ~ "företag",
 *    "kommunernas" ~ "kommun").
 * 4. part: a query word of at least four letters inside a compound ("jämställdhet" in
 *    "jämställdhetsintegrerade", "index" in "medarbetarindex").
 * Every query word must match somewhere in the document (AND), except small function words ("och", "i",
 * "att" …) and single letters, which only count inside a phrase. When no document holds all the words,
 * documents holding any of them are returned instead and the result says so (`mode: 'any'`).
 *
 * ## Ranking (stable and explainable: every hit carries the list of what it scored for)
 * score = Σ over query words of the best (kind points × field weight)
 *       + phrase bonus when the words stand next to each other in that order in one field
 *       + number bonus when the query's numbers are the document's number ("Nr 19", "19", "3.2").
 * Kind points are spaced so that an exact word in body text outranks a stem match in a title, and a
 * title outranks body text for the same kind. Ties keep the order the documents were given in.
 */

import { mergeRanges, type Highlighted } from './search-highlight';

export { highlightParts, mergeRanges, type Highlighted } from './search-highlight';

// ---------------------------------------------------------------------------------------------------
// Normalisation and words

/** Lower-case, NFC: "Örebro" → "örebro". */
export function normalise(text: string): string {
	return text.normalize('NFC').toLowerCase();
}

/** Fold å/ä → a, ö → o and strip other accents ("é" → "e"): "Jämställdhet" → "jamstalldhet". */
export function foldDiacritics(text: string): string {
	return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

const DIACRITIC = /[^\u0000-\u007f]/;

export interface Word {
	/** Normalised (lower-case) word. */
	norm: string;
	/** Start and end (exclusive) in the NFC text the word came from. */
	start: number;
	end: number;
}

/**
 * The words of a text with their positions. Letters and digits make words; everything else splits.
 * A colon genitive ("EU:s", "SKL:s") ends the word before the colon.
 */
export function words(text: string): Word[] {
	const nfc = text.normalize('NFC');
	const out: Word[] = [];
	const re = /[\p{L}\p{N}]+/gu;
	let m: RegExpExecArray | null;
	while ((m = re.exec(nfc))) {
		const start = m.index;
		const end = start + m[0].length;
		// "EU:s": skip the genitive ending after the colon.
		const prev = out.at(-1);
		if (prev && start === prev.end + 1 && nfc[prev.end] === ':' && /^\p{Ll}{1,2}$/u.test(m[0]) && isWordEnd(nfc, end)) {
			continue;
		}
		out.push({ norm: m[0].toLowerCase(), start, end });
	}
	return out;
}

function isWordEnd(text: string, at: number): boolean {
	return at >= text.length || !/[\p{L}\p{N}]/u.test(text[at]);
}

const DIGITS = /^\p{N}+$/u;
const HAS_DIGIT = /\p{N}/u;

// ---------------------------------------------------------------------------------------------------
// Stemming

const VOWELS = 'aeiouyåäöéü';
/** Letters after which a final "s" is an ending (Snowball's s-ending). */
const S_ENDING = 'bcdfghjklmnoprtvy';
/** "et" stays after these (Snowball 3): frihet, kvalitet, aktivitet, universitet, identitet … */
const ET_KEEP = ['h', 'iet', 'uit', 'fab', 'cit', 'dit', 'alit', 'ilit', 'mit', 'nit', 'pit', 'rit', 'sit', 'tit', 'ivit', 'kvit', 'xit', 'pak', 'rak', 'stak', 'kom'];

const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
const hasVowel = (s: string) => [...s].some(isVowel);

/**
 * Main suffixes. The Snowball Swedish step 1 list, plus the endings of nouns made from verbs
 * (-ning, -ing, -else), -ende participles, the definite neuter -et and the definite plural -ena.
 * Each also comes with a genitive -s ("ningens", "ernas", "ets"), generated below.
 */
const BASE_SUFFIXES = [
	// Snowball step 1
	'a', 'arna', 'erna', 'heterna', 'orna', 'ad', 'e', 'ade', 'ande', 'arne', 'are', 'aste', 'en', 'anden',
	'aren', 'heten', 'ern', 'ar', 'er', 'heter', 'or', 'het', 'at', 'andet', 'ast',
	// Lägesbild additions
	'ning', 'ningen', 'ningar', 'ningarna', 'ing', 'ingen', 'ingar', 'ingarna',
	'else', 'elsen', 'elser', 'elserna', 'ende', 'endet', 'et', 'ena'
];
const SUFFIXES = [...new Set([...BASE_SUFFIXES, ...BASE_SUFFIXES.map((s) => s + 's')])].sort(
	(a, b) => b.length - a.length || a.localeCompare(b)
);
/** Endings of verbs (and -or plurals) after which a stem's final consonant + n loses the n: samordna ~ samordning. */
const VERB_LIKE = new Set(['a', 'ar', 'at', 'ad', 'ade', 'ades', 'ande', 'andes', 'as', 'ast', 'or', 'orna', 'ornas', 'ors']);

function etAllowed(stem: string): boolean {
	// The letter before "et" is a consonant after a vowel: länet, företaget, året; not budget, frihet.
	const c = stem.at(-1);
	if (c === undefined || isVowel(c) || !isVowel(stem.at(-2))) return false;
	return !ET_KEEP.some((k) => stem.endsWith(k));
}

function stripMain(word: string): { stem: string; suffix: string | null } {
	for (const suffix of SUFFIXES) {
		if (!word.endsWith(suffix) || suffix.length >= word.length) continue;
		const stem = word.slice(0, -suffix.length);
		if (stem.length < (suffix.startsWith('ena') ? 3 : 2) || !hasVowel(stem)) continue;
		if ((suffix === 'et' || suffix === 'ets') && !etAllowed(stem)) continue;
		return { stem, suffix };
	}
	// A lone genitive or passive -s after a consonant that takes it: "företags", "hus".
	if (word.endsWith('s') && S_ENDING.includes(word.at(-2) ?? '')) {
		const stem = word.slice(0, -1);
		if (stem.length >= 2 && hasVowel(stem)) return { stem, suffix: 's' };
	}
	return { stem: word, suffix: null };
}

/**
 * A light Swedish stemmer after the Snowball Swedish algorithm (snowballstem.org/algorithms/swedish),
 * tuned for search rather than linguistics: it only has to give the same stem to the forms a reader
 * would expect to find each other. Query and text are stemmed alike.
 *
 * 1. Remove the longest main suffix (see `BASE_SUFFIXES`, with their genitive -s) leaving a stem of at
 *    least two letters with a vowel (three for -ena); -et only after vowel + consonant and not in words
 *    like kvalitet or budget; a lone -s only after b c d f g h j k l m n o p r t v y.
 * 2. Snowball's consonant pairs: a stem ending dd gd nn dt gt kt tt loses its last letter.
 * 3. Snowball's other suffixes: -lig, -ig, -els go; -löst → -lös, -fullt → -full.
 * 4. After a verb ending (-a, -ar, -ade …), a stem ending in consonant + n loses the n, so the verb meets
 *    its -ning noun: samordna ~ samordning, öppna ~ öppning.
 * Words shorter than three letters and words with digits are left alone.
 */
export function stemSv(input: string): string {
	const word = input.toLowerCase();
	if (word.length < 3 || HAS_DIGIT.test(word)) return word;
	const { stem: s1, suffix } = stripMain(word);
	let s = s1;
	if (/(dd|gd|nn|dt|gt|kt|tt)$/.test(s) && s.length > 2) s = s.slice(0, -1);
	for (const end of ['lig', 'ig', 'els']) {
		if (s.endsWith(end) && s.length - end.length >= 2 && hasVowel(s.slice(0, -end.length))) {
			s = s.slice(0, -end.length);
			break;
		}
	}
	if (s.endsWith('löst')) s = s.slice(0, -1);
	else if (s.endsWith('fullt')) s = s.slice(0, -1);
	if (suffix && VERB_LIKE.has(suffix) && /[^aeiouyåäöéün]n$/.test(s) && s.length > 3) s = s.slice(0, -1);
	return s;
}

// ---------------------------------------------------------------------------------------------------
// Documents and index

export type SearchType = 'goal' | 'uppdrag' | 'indicator';
export const SEARCH_TYPES: readonly SearchType[] = ['goal', 'uppdrag', 'indicator'];

/**
 * Where in a document a word was found. `context` is related text worth showing as a snippet (the goals
 * an indicator serves); `scope` is where the document belongs (organisation, plan): matched so that
 * "örebro arbetslöshet" works, never shown as a snippet because the page prints it anyway.
 */
export type FieldName = 'label' | 'title' | 'body' | 'context' | 'scope';

/** How much a match in each field counts. A title outranks body text; context and scope count least. */
export const FIELD_WEIGHT: Record<FieldName, number> = { label: 1.5, title: 1.5, body: 1, context: 0.4, scope: 0.4 };

export type MatchKind = 'exact' | 'prefix' | 'stem' | 'part';

/**
 * Points per query word by kind of match. Exact body (10) > stem title (5 × 1.5 = 7.5); exact title (15) >
 * exact body; prefix title (9) < exact body (10). A folded match (typed a/o for å/ä/ö) gets 0.8 of these.
 */
export const KIND_POINTS: Record<MatchKind, number> = { exact: 10, prefix: 6, stem: 5, part: 3 };
export const FOLDED_FACTOR = 0.8;
/** Added once, times the field weight, when two or more query words stand together in order. */
export const PHRASE_POINTS = 10;
/** Added when the query's numbers are the document's number: "Nr 19" or "19" for Inriktningsmål Nr 19. */
export const NUMBER_POINTS = 20;

export interface SearchDocument<M = unknown> {
	type: SearchType;
	id: string | number;
	/** Printed label with the number, e.g. "Inriktningsmål: Nr 19." or "Uppdrag 4.". */
	label?: string | null;
	/** The number alone, e.g. "Nr 19", "3.2", "4": matching it exactly earns `NUMBER_POINTS`. */
	number?: string | null;
	title: string;
	/** Descriptions, definitions, sources. */
	body?: (string | null | undefined)[];
	/** Related text, shown as a snippet when it matched: the goals an indicator serves. */
	context?: (string | null | undefined)[];
	/** Where the document belongs: organisation and plan names. Matched, never shown as a snippet. */
	scope?: (string | null | undefined)[];
	/** Carried through to the hit untouched (slugs for links, names for display). */
	meta: M;
}

/** One distinct word of the whole index, with its stem and folded forms, computed once. */
interface VocabWord {
	norm: string;
	stem: string;
	/** Folded form and its stem, only when the word has å/ä/ö or accents and folding keeps its length. */
	fold: string | null;
	foldStem: string | null;
	hasDigit: boolean;
}

/** A word occurrence: which vocabulary word, and where in the field text. */
interface Token {
	word: number;
	start: number;
	end: number;
}

interface IndexedField {
	name: FieldName;
	text: string;
	tokens: Token[];
}

interface IndexedDocument<M> {
	doc: SearchDocument<M>;
	order: number;
	fields: IndexedField[];
	numberKey: string | null;
}

/**
 * The built index: documents as fields of word occurrences pointing into one vocabulary. A query is
 * matched against each distinct word once, then the documents are scanned by word number.
 */
export interface SearchIndex<M = unknown> {
	docs: IndexedDocument<M>[];
	vocab: VocabWord[];
}

function vocabWord(norm: string): VocabWord {
	const folded = DIACRITIC.test(norm) ? foldDiacritics(norm) : null;
	const fold = folded !== null && folded.length === norm.length && folded !== norm ? folded : null;
	return { norm, stem: stemSv(norm), fold, foldStem: fold === null ? null : stemSv(fold), hasDigit: HAS_DIGIT.test(norm) };
}

/** The digits of a number ("Nr 19" → "19", "3.2" → "3.2"), or null when it has none. */
function numberKey(text: string | null | undefined): string | null {
	if (!text) return null;
	const digits = words(text).filter((w) => DIGITS.test(w.norm)).map((w) => w.norm);
	return digits.length ? digits.join('.') : null;
}

/** Tokenise and stem every document once. Order matters: ties in ranking keep it. */
export function buildIndex<M>(documents: readonly SearchDocument<M>[]): SearchIndex<M> {
	const vocab: VocabWord[] = [];
	const ids = new Map<string, number>();
	const field = (name: FieldName, text: string | null | undefined): IndexedField[] => {
		if (!text || !text.trim()) return [];
		const nfc = text.normalize('NFC');
		const tokens = words(nfc).map((w): Token => {
			let id = ids.get(w.norm);
			if (id === undefined) {
				id = vocab.push(vocabWord(w.norm)) - 1;
				ids.set(w.norm, id);
			}
			return { word: id, start: w.start, end: w.end };
		});
		return [{ name, text: nfc, tokens }];
	};
	const docs = documents.map((doc, order) => ({
		doc,
		order,
		numberKey: numberKey(doc.number),
		fields: [
			...field('label', doc.label),
			...field('title', doc.title),
			...(doc.body ?? []).flatMap((t) => field('body', t)),
			...(doc.context ?? []).flatMap((t) => field('context', t)),
			...(doc.scope ?? []).flatMap((t) => field('scope', t))
		]
	}));
	return { docs, vocab };
}

// ---------------------------------------------------------------------------------------------------
// Queries

/** Small function words that never have to match (they still count inside a phrase). */
export const STOPWORDS = new Set([
	'och', 'i', 'att', 'som', 'en', 'ett', 'av', 'för', 'på', 'med', 'till', 'den', 'det', 'de', 'är', 'om',
	'ska', 'har', 'inte', 'eller', 'från', 'vid', 'samt', 'men', 'så', 'sin', 'sina', 'sitt', 'inom', 'mot',
	'the', 'and', 'of', 'in', 'to'
]);

/** Longest query taken into account; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;

export interface QueryTerm {
	norm: string;
	stem: string;
	digit: boolean;
	/** Must match for a document to be a hit (false for function words and single letters). */
	required: boolean;
	/** Last word of the query: may match the beginning of a longer word. */
	prefix: boolean;
	/** Long enough (≥ 4 letters) to be looked for inside compounds. */
	part: boolean;
	/** Typed without å/ä/ö or accents: may also match their folded forms. */
	ascii: boolean;
}

export type QueryStatus = 'ok' | 'empty' | 'too_short';

export interface ParsedQuery {
	/** The query as used (trimmed, at most `MAX_QUERY_LENGTH` characters). */
	text: string;
	status: QueryStatus;
	terms: QueryTerm[];
	/** Digits of the query joined by "." for the number bonus, e.g. "19" or "3.2". */
	numberKey: string | null;
}

export interface ParseOptions {
	/** Let the last word match the beginning of longer words (search as you type). Default true. */
	prefixLast?: boolean;
}

/** Split a query into terms. Fewer than two letters or digits in all gives `too_short`. */
export function parseQuery(raw: string, { prefixLast = true }: ParseOptions = {}): ParsedQuery {
	const text = raw.normalize('NFC').trim().slice(0, MAX_QUERY_LENGTH);
	if (!text) return { text, status: 'empty', terms: [], numberKey: null };
	const ws = words(text);
	const letters = ws.reduce((n, w) => n + [...w.norm].length, 0);
	// Single letters ("a" in "barn a") mean nothing alone; single digits ("Nr 1") do.
	const kept = ws.filter((w) => [...w.norm].length >= 2 || DIGITS.test(w.norm));
	if (letters < 2 || kept.length === 0) return { text, status: 'too_short', terms: [], numberKey: null };
	const allStop = kept.every((w) => STOPWORDS.has(w.norm));
	const terms = ws.map((w, i): QueryTerm => {
		const digit = DIGITS.test(w.norm);
		const long = [...w.norm].length;
		return {
			norm: w.norm,
			stem: stemSv(w.norm),
			digit,
			required: kept.includes(w) && (allStop || !STOPWORDS.has(w.norm)),
			prefix: prefixLast && i === ws.length - 1 && !digit && long >= 2,
			part: !HAS_DIGIT.test(w.norm) && long >= 4,
			ascii: !DIACRITIC.test(w.norm)
		};
	});
	const digits = ws.filter((w) => DIGITS.test(w.norm)).map((w) => w.norm);
	return { text, status: 'ok', terms, numberKey: digits.length ? digits.join('.') : null };
}

/** How a query word matches one vocabulary word; `at`/`length` give the part of the word to mark. */
interface WordMatch {
	kind: MatchKind;
	folded: boolean;
	at: number;
	length: number | null;
}

function matchForm(t: QueryTerm, v: VocabWord, form: string, formStem: string, folded: boolean): WordMatch | null {
	if (form === t.norm) return { kind: 'exact', folded, at: 0, length: null };
	if (t.prefix && !v.hasDigit && form.startsWith(t.norm)) return { kind: 'prefix', folded, at: 0, length: t.norm.length };
	if (!t.digit && !v.hasDigit && formStem === t.stem) return { kind: 'stem', folded, at: 0, length: null };
	if (t.part && !v.hasDigit) {
		const at = form.indexOf(t.norm);
		if (at >= 0) return { kind: 'part', folded, at, length: t.norm.length };
	}
	return null;
}

function matchWord(t: QueryTerm, v: VocabWord): WordMatch | null {
	const direct = matchForm(t, v, v.norm, v.stem, false);
	if (direct) return direct;
	if (t.ascii && v.fold !== null && v.foldStem !== null) return matchForm(t, v, v.fold, v.foldStem, true);
	return null;
}

/** The range to mark for a match in a token. */
function markOf(m: WordMatch, tok: Token): [number, number] {
	const start = tok.start + m.at;
	return [start, m.length === null ? tok.end : start + m.length];
}

function points(m: WordMatch, fieldName: FieldName): number {
	return KIND_POINTS[m.kind] * FIELD_WEIGHT[fieldName] * (m.folded ? FOLDED_FACTOR : 1);
}

// ---------------------------------------------------------------------------------------------------
// Results

/** Why a hit scored: one entry per query word, plus any phrase or number bonus. */
export type MatchExplanation =
	| { kind: MatchKind; term: string; word: string; field: FieldName; folded: boolean; points: number }
	| { kind: 'phrase'; field: FieldName; points: number }
	| { kind: 'number'; number: string; points: number };

export interface SearchHit<M> {
	type: SearchType;
	id: string | number;
	meta: M;
	score: number;
	label: Highlighted | null;
	title: Highlighted;
	/** An excerpt of the best-matching body or context text, when the match is not (only) in the title. */
	snippet: Highlighted | null;
	/** Where the snippet comes from: the document's own text, or related context (a goal it serves). */
	snippetFrom: 'body' | 'context' | null;
	matches: MatchExplanation[];
}

export type SearchStatus = QueryStatus | 'no_results';

export interface SearchResult<M> {
	query: string;
	status: SearchStatus;
	/** 'all': every hit holds all the query's words; 'any': none did, these hold some of them. */
	mode: 'all' | 'any';
	/** The query words that had to match. */
	terms: string[];
	/** Best first, at most `limitPerType` of each type. */
	hits: SearchHit<M>[];
	/** Hits per type before the limit. */
	counts: Record<SearchType, number>;
	total: number;
}

export interface SearchOptions extends ParseOptions {
	/** Most hits returned per type (the counts still tell how many there were). Default 50. */
	limitPerType?: number;
	/** Longest snippet in characters. Default 180. */
	snippetLength?: number;
}

const emptyCounts = (): Record<SearchType, number> => ({ goal: 0, uppdrag: 0, indicator: 0 });

interface Scored<M> {
	entry: IndexedDocument<M>;
	score: number;
	matched: number;
	matches: MatchExplanation[];
	/** Ranges to mark, per field instance. */
	marks: Map<IndexedField, [number, number][]>;
	/** Best points per field instance, to choose the snippet. */
	fieldPoints: Map<IndexedField, number>;
}

function addMark(s: Scored<unknown>, f: IndexedField, range: [number, number]) {
	const list = s.marks.get(f);
	if (list) list.push(range);
	else s.marks.set(f, [range]);
}

/** `table[j][w]`: how query word j matches vocabulary word w (null: not at all). */
type MatchTable = (WordMatch | null)[][];

function scoreDocument<M>(entry: IndexedDocument<M>, q: ParsedQuery, table: MatchTable): Scored<M> {
	const s: Scored<M> = { entry, score: 0, matched: 0, matches: [], marks: new Map(), fieldPoints: new Map() };
	q.terms.forEach((t, j) => {
		if (!t.required) return;
		const row = table[j];
		let best: { m: WordMatch; f: IndexedField; tok: Token; pts: number } | null = null;
		for (const f of entry.fields) {
			for (const tok of f.tokens) {
				const m = row[tok.word];
				if (!m) continue;
				const pts = points(m, f.name);
				addMark(s as Scored<unknown>, f, markOf(m, tok));
				s.fieldPoints.set(f, Math.max(s.fieldPoints.get(f) ?? 0, pts));
				if (!best || pts > best.pts) best = { m, f, tok, pts };
			}
		}
		if (best) {
			s.matched++;
			s.score += best.pts;
			s.matches.push({
				kind: best.m.kind,
				term: t.norm,
				word: best.f.text.slice(best.tok.start, best.tok.end),
				field: best.f.name,
				folded: best.m.folded,
				points: round(best.pts)
			});
		}
	});
	if (s.matched === 0) return s;

	// Phrase: two or more query words next to each other, in order, in one field (exact or stem; the
	// last word may be a prefix).
	const n = q.terms.length;
	if (n >= 2) {
		let bestPhrase: { f: IndexedField; pts: number } | null = null;
		for (const f of entry.fields) {
			for (let i = 0; i + n <= f.tokens.length; i++) {
				let ok = true;
				for (let j = 0; j < n && ok; j++) {
					const m = table[j][f.tokens[i + j].word];
					ok = m !== null && m.kind !== 'part' && (m.kind !== 'prefix' || j === n - 1);
				}
				if (!ok) continue;
				const pts = PHRASE_POINTS * FIELD_WEIGHT[f.name];
				if (!bestPhrase || pts > bestPhrase.pts) bestPhrase = { f, pts };
				addMark(s as Scored<unknown>, f, [f.tokens[i].start, f.tokens[i + n - 1].end]);
				s.fieldPoints.set(f, Math.max(s.fieldPoints.get(f) ?? 0, pts));
			}
		}
		if (bestPhrase) {
			s.score += bestPhrase.pts;
			s.matches.push({ kind: 'phrase', field: bestPhrase.f.name, points: round(bestPhrase.pts) });
		}
	}

	if (q.numberKey && q.numberKey === entry.numberKey) {
		s.score += NUMBER_POINTS;
		s.matches.push({ kind: 'number', number: entry.doc.number ?? q.numberKey, points: NUMBER_POINTS });
	}
	s.score = round(s.score);
	return s;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A window of at most `max` characters around the first marked range, cut at spaces, with "… " where
 * text was left out. Ranges are shifted to the excerpt and those outside it dropped.
 */
export function excerpt(text: string, ranges: readonly [number, number][], max = 180): Highlighted {
	const merged = mergeRanges(ranges);
	if (text.length <= max) return { text, ranges: merged };
	const first = merged[0]?.[0] ?? 0;
	let start = Math.max(0, first - Math.floor(max / 3));
	if (start > 0) {
		const space = text.indexOf(' ', start);
		start = space >= 0 && space < first ? space + 1 : start;
	}
	let end = Math.min(text.length, start + max);
	if (end < text.length) {
		const space = text.lastIndexOf(' ', end);
		if (space > start && space > (merged[0]?.[1] ?? start)) end = space;
	}
	const before = start > 0 ? '… ' : '';
	const after = end < text.length ? ' …' : '';
	const shift = before.length - start;
	const shifted = merged
		.filter(([a, b]) => a >= start && b <= end)
		.map(([a, b]): [number, number] => [a + shift, b + shift]);
	return { text: before + text.slice(start, end).trimEnd() + after, ranges: shifted };
}

function toHit<M>(s: Scored<M>, snippetLength: number): SearchHit<M> {
	const { entry } = s;
	const fieldText = (name: 'label' | 'title'): Highlighted | null => {
		const f = entry.fields.find((x) => x.name === name);
		return f ? { text: f.text, ranges: mergeRanges(s.marks.get(f) ?? []) } : null;
	};
	let snippetField: IndexedField | null = null;
	for (const f of entry.fields) {
		if (f.name !== 'body' && f.name !== 'context') continue;
		const pts = s.fieldPoints.get(f) ?? 0;
		if (pts > 0 && (!snippetField || pts > (s.fieldPoints.get(snippetField) ?? 0))) snippetField = f;
	}
	return {
		type: entry.doc.type,
		id: entry.doc.id,
		meta: entry.doc.meta,
		score: s.score,
		label: fieldText('label'),
		title: fieldText('title') ?? { text: entry.doc.title, ranges: [] },
		snippet: snippetField ? excerpt(snippetField.text, s.marks.get(snippetField) ?? [], snippetLength) : null,
		snippetFrom: snippetField ? (snippetField.name as 'body' | 'context') : null,
		matches: s.matches
	};
}

/** Search the index. Hits are ordered by score, best first; equal scores keep the documents' order. */
export function search<M>(index: SearchIndex<M>, query: string, options: SearchOptions = {}): SearchResult<M> {
	const { limitPerType = 50, snippetLength = 180 } = options;
	const q = parseQuery(query, options);
	const required = q.terms.filter((t) => t.required);
	const base = { query: q.text, terms: required.map((t) => t.norm), counts: emptyCounts(), total: 0 };
	if (q.status !== 'ok') return { ...base, status: q.status, mode: 'all', hits: [] };

	const table: MatchTable = q.terms.map((t) => index.vocab.map((v) => matchWord(t, v)));
	const scored = index.docs.map((d) => scoreDocument(d, q, table));
	let mode: 'all' | 'any' = 'all';
	let found = scored.filter((s) => s.matched === required.length);
	if (found.length === 0 && required.length > 1) {
		mode = 'any';
		found = scored.filter((s) => s.matched > 0);
	}
	found.sort((a, b) => b.score - a.score || a.entry.order - b.entry.order);

	const counts = emptyCounts();
	const hits: SearchHit<M>[] = [];
	for (const s of found) {
		const type = s.entry.doc.type;
		counts[type]++;
		if (counts[type] <= limitPerType) hits.push(toHit(s, snippetLength));
	}
	return {
		...base,
		status: found.length ? 'ok' : 'no_results',
		mode,
		hits,
		counts,
		total: found.length
	};
}
