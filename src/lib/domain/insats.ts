/**
 * Pure rules for insatser: NYPS case ids and the figures written in result texts.
 *
 * NYPS (Tillväxtverket's case system) ids are printed inconsistently ("2026 9854", "0020 7955", "00216758",
 * "206 815"): the normal form strips spaces and keeps leading zeros; the printed form is kept beside it.
 *
 * Figures are kept as printed: "ca 120" stays approximate, "10–20" stays a range, "mer än 360" keeps its
 * qualifier, "189 jobb varav 86 kvinnor och 103 män" becomes three figures (totalt, kvinnor, män).
 */

export interface NypsId {
	/** Digits only, leading zeros kept: "00207955". */
	id: string;
	/** As printed: "Ärende ID i Nyps: 0020 7955". */
	printed: string;
}

/**
 * The NYPS ids in a printed line ("Ärende ID Nyps: 2026 9854", "00216758; 2020 2181"). Digit groups separated
 * by single spaces form one id; ids are separated by commas, semicolons, "och" or line breaks.
 */
export function parseNypsIds(printed: string): NypsId[] {
	const text = printed.trim();
	if (!text) return [];
	// What follows the label ("… Nyps:" or "… NYPS") if there is one.
	const m = /nyps\s*:?\s*(.*)$/is.exec(text);
	const tail = m ? m[1] : text;
	const out: NypsId[] = [];
	for (const part of tail.split(/[,;\n]|\boch\b/)) {
		for (const run of part.match(/\d[\d \u00a0]*\d|\d/g) ?? []) {
			const id = run.replace(/[\s\u00a0]/g, '');
			if (id.length >= 4 && !out.some((o) => o.id === id)) out.push({ id, printed: text });
		}
	}
	return out;
}

/** Normal form of one id as typed: spaces removed, leading zeros kept; null if it holds anything but digits. */
export function normaliseNypsId(typed: string): string | null {
	const id = typed.replace(/^\s*(ärende[\s-]*id\s*(i\s*)?)?nyps\s*:?/i, '').replace(/[\s\u00a0]/g, '');
	return /^\d{4,12}$/.test(id) ? id : null;
}

export type FigureSex = 'T' | 'K' | 'M';

export interface Figure {
	/** The words as printed for this figure ("ca 120 företag", "86 kvinnor"). */
	printed: string;
	/** null for a range. Money is in kronor ("35,8 miljoner" → 35 800 000). */
	value: number | null;
	rangeLow: number | null;
	rangeHigh: number | null;
	unit: string | null;
	/** "ca", "cirka", "drygt", "knappt", "omkring", "runt", "ungefär" as printed (lower case). */
	approx: string | null;
	/** "mer än", "minst", "över", "fler än", "upp till", "högst", "under", "färre än", "mindre än". */
	qualifier: string | null;
	sex: FigureSex;
}

/** A figure as stored with its result: the parsed figure plus what the file says it counts. */
export interface StoredFigure extends Figure {
	/** The file's kind of figure (FIGURE_KINDS in the schema), when it says. */
	kind: string | null;
	/** A short paraphrase of what is counted, for display. */
	what: string | null;
}

const APPROX = ['cirka', 'ca.', 'ca', 'c:a', 'drygt', 'knappt', 'omkring', 'runt', 'ungefär', 'uppemot'];
const QUALIFIERS = ['mer än', 'fler än', 'minst', 'över', 'upp till', 'högst', 'under', 'färre än', 'mindre än', 'som mest'];

/** Number words that appear in reports instead of digits. */
const WORDS: Record<string, number> = {
	en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10,
	elva: 11, tolv: 12, tjugo: 20, trettio: 30, femtio: 50, hundra: 100
};

/** Money scale words: the unit becomes kronor. */
const SCALES: [RegExp, number][] = [
	[/^(miljarder|miljard|mdkr|mdr)\b\.?/i, 1e9],
	[/^(miljoner|miljon|mnkr|mkr|mn|milj\.?)(?=\s|$|[,.;:)])/i, 1e6],
	[/^(tusen|tkr)\b\.?/i, 1e3]
];

const NUM = String.raw`\d{1,3}(?:[ \u00a0]\d{3})+(?:[,.]\d+)?|\d+(?:[,.]\d+)?`;

function toNumber(s: string): number {
	return Number(s.replace(/[ \u00a0]/g, '').replace(',', '.'));
}

/** Reads "ca " / "mer än " at the start; returns what it found and the rest. */
function prefix(text: string, list: string[]): [string | null, string] {
	const lower = text.toLowerCase();
	for (const p of list) {
		if (lower.startsWith(p) && (/[\s.]$/.test(p) || /^\s/.test(text.slice(p.length)))) {
			return [p.replace(/\.$/, '').replace('c:a', 'ca'), text.slice(p.length).trimStart()];
		}
	}
	return [null, text];
}

/** Unit after the number: "företag", "kr", "SME", "personer per år"; money scales become "kr". */
function readUnit(rest: string): { unit: string | null; scale: number; used: string } {
	for (const [re, scale] of SCALES) {
		const m = re.exec(rest);
		if (m) {
			const after = rest.slice(m[0].length).trimStart();
			const kr = /^(kronor|kr)\b\.?/i.exec(after);
			const per = /^(per år|\/år)/i.exec(kr ? after.slice(kr[0].length).trimStart() : after);
			return { unit: per ? 'kr/år' : 'kr', scale, used: rest };
		}
	}
	const kr = /^(kronor|kr)\b\.?(\s*(per år|\/år))?/i.exec(rest);
	if (kr) return { unit: kr[2] ? 'kr/år' : 'kr', scale: 1, used: rest };
	const pct = /^(%|procent)/i.exec(rest);
	if (pct) return { unit: '%', scale: 1, used: rest };
	// A noun phrase: words up to "varav", a comma, a full stop or a bracket.
	const words = /^([\p{L}][\p{L}\p{N}()/-]*(?:\s+(?!varav\b|och\b|av\b)[\p{L}][\p{L}\p{N}()/-]*){0,2})/u.exec(rest);
	return { unit: words ? words[1].trim() : null, scale: 1, used: rest };
}

const SEX_WORDS: [RegExp, FigureSex][] = [
	[/^(kvinnor|kvinna|flickor|tjejer)\b/i, 'K'],
	[/^(män|man|pojkar|killar)\b/i, 'M']
];

function sexOf(unit: string | null): FigureSex | null {
	if (!unit) return null;
	for (const [re, sex] of SEX_WORDS) if (re.test(unit)) return sex;
	return null;
}

/**
 * Parses one printed figure phrase. Returns [] when it holds no number. A "varav" split gives the total first,
 * then the parts by sex, all with the total's unit when the parts name only the sex.
 */
export function parseFigure(printed: string): Figure[] {
	const text = printed.replace(/\s+/g, ' ').trim();
	if (!text) return [];
	const [head, ...parts] = text.split(/\s*,?\s+varav\s+/i);
	const main = parseOne(head);
	if (!main) return [];
	const out = [main];
	if (parts.length) {
		for (const piece of parts.join(' och ').split(/\s*(?:,|\boch\b)\s*/i)) {
			const f = parseOne(piece);
			if (!f) continue;
			const sex = sexOf(f.unit);
			out.push({ ...f, sex: sex ?? 'T', unit: sex ? main.unit : f.unit });
		}
	}
	return out;
}

function parseOne(raw: string): Figure | null {
	const printed = raw.trim();
	let rest = printed;
	let qualifier: string | null;
	let approx: string | null;
	[qualifier, rest] = prefix(rest, QUALIFIERS);
	[approx, rest] = prefix(rest, APPROX);
	if (!qualifier) [qualifier, rest] = prefix(rest, QUALIFIERS);

	let low: number;
	let high: number | null = null;
	const range = new RegExp(String.raw`^(${NUM})\s*(?:–|—|-|till)\s*(${NUM})`).exec(rest);
	const single = new RegExp(String.raw`^(${NUM})`).exec(rest);
	if (range) {
		low = toNumber(range[1]);
		high = toNumber(range[2]);
		rest = rest.slice(range[0].length);
	} else if (single) {
		low = toNumber(single[1]);
		rest = rest.slice(single[0].length);
	} else {
		const w = /^([\p{L}]+)/u.exec(rest);
		const n = w ? WORDS[w[1].toLowerCase()] : undefined;
		if (n === undefined) return null;
		low = n;
		rest = rest.slice(w![0].length);
	}
	rest = rest.trim();
	const { unit, scale } = readUnit(rest);
	const sex = sexOf(unit) ?? 'T';
	return {
		printed,
		value: high === null ? round(low * scale) : null,
		rangeLow: high === null ? null : round(low * scale),
		rangeHigh: high === null ? null : round(high * scale),
		unit,
		approx,
		qualifier,
		sex
	};
}

/** Avoids 35.8 * 1e6 = 35799999.999999996. */
function round(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}

/** The figure for people: "ca 160 företag (SME)", "10–20 företag", "86 kvinnor". */
export function figureLabel(f: Pick<Figure, 'printed'>): string {
	return f.printed;
}

export const FINANCING_LABELS = {
	sv: {
		'anslag-1-1': 'Anslag 1:1',
		eruf: 'ERUF',
		'esf-plus': 'ESF+',
		interreg: 'Interreg',
		egen: 'Egen finansiering',
		annan: 'Annan finansiering'
	},
	en: {
		'anslag-1-1': 'Appropriation 1:1',
		eruf: 'ERDF (ERUF)',
		'esf-plus': 'ESF+',
		interreg: 'Interreg',
		egen: 'Own funding',
		annan: 'Other funding'
	}
} as const;

export const STATUS_LABELS = {
	sv: { planerad: 'Planerad', pagar: 'Pågår', avslutad: 'Avslutad' },
	en: { planerad: 'Planned', pagar: 'Ongoing', avslutad: 'Completed' }
} as const;

/**
 * Financing sources a text names, for imported reports that print no amounts per source: "ERUF",
 * "regionalfond…", "Interreg", "ESF", "socialfond…", "anslag 1:1".
 */
export function financingSourcesNamed(text: string): ('anslag-1-1' | 'eruf' | 'esf-plus' | 'interreg')[] {
	const out: ('anslag-1-1' | 'eruf' | 'esf-plus' | 'interreg')[] = [];
	if (/anslag(et)? 1:1|1:1[- ]medel/i.test(text)) out.push('anslag-1-1');
	if (/\bERUF\b|regionalfond/i.test(text)) out.push('eruf');
	if (/\bESF\+?|socialfond/i.test(text)) out.push('esf-plus');
	if (/interreg/i.test(text)) out.push('interreg');
	return out;
}
