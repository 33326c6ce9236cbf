import { describe, expect, it } from 'vitest';
import {
	buildIndex,
	excerpt,
	foldDiacritics,
	highlightParts,
	mergeRanges,
	parseQuery,
	search,
	stemSv,
	words,
	type Highlighted,
	type SearchDocument,
	type SearchHit
} from './search';

/** The marked parts of a highlighted text. */
const marked = (h: Highlighted | null) => (h ? highlightParts(h).filter((p) => p.mark).map((p) => p.text) : []);

describe('words', () => {
	it.each([
		['Region Örebro LÄN', ['region', 'örebro', 'län']],
		['Att HBTQ-diplomera verksamheter.', ['att', 'hbtq', 'diplomera', 'verksamheter']],
		['EU:s politiska agenda', ['eu', 'politiska', 'agenda']],
		['SKL:s mätning, Insikt', ['skl', 'mätning', 'insikt']],
		['2016 = 19,5 miljarder', ['2016', '19', '5', 'miljarder']],
		['Arbetslöshet 18–65 år', ['arbetslöshet', '18', '65', 'år']],
		['Utvärdering/kvalitativ analys', ['utvärdering', 'kvalitativ', 'analys']],
		['”digitalt först”', ['digitalt', 'först']],
		['t.o.m. 2021', ['t', 'o', 'm', '2021']],
		// Decomposed Ö (O + combining diaeresis), as pasted from some PDFs.
		['O\u0308rebro', ['örebro']],
		['   ', []]
	])('%s → %j', (text, expected) => {
		expect(words(text).map((w) => w.norm)).toEqual(expected);
	});

	it('gives positions in the text, so hits can be highlighted without HTML', () => {
		const text = 'Att HBTQ-diplomera EU:s';
		expect(words(text).map((w) => text.slice(w.start, w.end))).toEqual(['Att', 'HBTQ', 'diplomera', 'EU']);
	});
});

describe('foldDiacritics', () => {
	it.each([
		['jämställdhet', 'jamstalldhet'],
		['Örebro', 'Orebro'],
		['åtgärder', 'atgarder'],
		['café', 'cafe'],
		['abc', 'abc']
	])('%s → %s', (text, expected) => {
		expect(foldDiacritics(text)).toBe(expected);
	});
});

describe('stemSv', () => {
	it.each([
		// The forms a reader expects to find each other share one stem.
		['ök', ['öka', 'ökar', 'ökat', 'ökad', 'ökade', 'ökande', 'ökning', 'ökningen', 'ökningar', 'ökningarna']],
		['företag', ['företag', 'företagen', 'företagets', 'företags', 'företagens']],
		['kommun', ['kommun', 'kommunen', 'kommuner', 'kommunerna', 'kommunernas', 'kommuners']],
		['arbetslös', ['arbetslöshet', 'arbetslösheten', 'arbetslösa']],
		['jämställd', ['jämställdhet', 'jämställda', 'jämställdhets']],
		['samord', ['samordna', 'samordnar', 'samordning', 'samordningen']],
		['utveckl', ['utveckla', 'utvecklas', 'utveckling', 'utvecklingen', 'utvecklade']],
		['län', ['län', 'länet', 'länets']],
		['år', ['år', 'året', 'åren']],
		['mål', ['mål', 'målen', 'målet', 'målets']],
		['barn', ['barn', 'barnen', 'barnens']],
		['kvin', ['kvinna', 'kvinnor', 'kvinnorna', 'kvinnors']],
		['områd', ['område', 'områden', 'områdena']],
		['upplev', ['uppleva', 'upplevelse', 'upplevelser']],
		['möj', ['möjlig', 'möjlighet', 'möjligheter']],
		['invån', ['invånare', 'invånarna']]
	])('%s ← %j', (stem, forms) => {
		expect(forms.map(stemSv)).toEqual(forms.map(() => stem));
	});

	it.each([
		// Left alone: too short, numbers, acronyms, words whose ending is not a suffix.
		['ska', 'ska'],
		['en', 'en'],
		['2019', '2019'],
		['n01951', 'n01951'],
		['hbtq', 'hbtq'],
		['rus', 'rus'],
		['budget', 'budget'],
		['kvalitet', 'kvalitet'],
		['aktivitet', 'aktivitet'],
		['universitet', 'universitet'],
		['fler', 'fler'],
		// Upper case is lowered first.
		['ÖKNING', 'ök']
	])('%s → %s', (word, stem) => {
		expect(stemSv(word)).toBe(stem);
	});

	it.each([
		['barn', 'bara'],
		['år', 'ar'],
		['kvalitet', 'kvalitativ'],
		['kommun', 'kommunikation']
	])('keeps %s and %s apart', (a, b) => {
		expect(stemSv(a)).not.toBe(stemSv(b));
	});
});

describe('parseQuery', () => {
	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['a', 'too_short'],
		[' ö ', 'too_short'],
		['1', 'too_short'],
		['--', 'too_short'],
		['a b', 'too_short'],
		['19', 'ok'],
		['ök', 'ok'],
		['Nr 1', 'ok']
	] as const)('%j → %s', (query, status) => {
		expect(parseQuery(query).status).toBe(status);
	});

	it('makes function words and single letters optional, the last word a prefix, long words compound parts', () => {
		const q = parseQuery('barn och unga i länet');
		expect(q.terms.map((t) => [t.norm, t.required, t.prefix, t.part])).toEqual([
			['barn', true, false, true],
			['och', false, false, false],
			['unga', true, false, true],
			['i', false, false, false],
			['länet', true, true, true]
		]);
	});

	it('requires function words when there is nothing else', () => {
		expect(parseQuery('och').terms.map((t) => t.required)).toEqual([true]);
	});

	it('never lets a number be a prefix or a compound part, and keeps its digits for the number bonus', () => {
		const q = parseQuery('Nr 19');
		expect(q.terms.at(-1)).toMatchObject({ norm: '19', digit: true, prefix: false, part: false });
		expect(q.numberKey).toBe('19');
		expect(parseQuery('3.2').numberKey).toBe('3.2');
	});

	it('can switch prefix matching off', () => {
		expect(parseQuery('jämst', { prefixLast: false }).terms[0].prefix).toBe(false);
	});

	it('cuts very long queries', () => {
		expect(parseQuery('ord '.repeat(100)).text.length).toBeLessThanOrEqual(200);
	});
});

// A small corpus: ids say what each document is for.
type Meta = { n: number };
const doc = (
	type: SearchDocument<Meta>['type'],
	id: string,
	title: string,
	rest: Partial<SearchDocument<Meta>> = {}
): SearchDocument<Meta> => ({ type, id, title, meta: { n: 0 }, ...rest });

const corpus: SearchDocument<Meta>[] = [
	doc('goal', 'nr2', 'Handlingsplaner integrerar viktiga perspektiv som jämställdhet, barn och unga.', {
		label: 'Inriktningsmål: Nr 2.',
		number: 'Nr 2'
	}),
	doc('goal', 'nr19', 'Region Örebro län ska verka för ett bra företagsklimat.', {
		label: 'Inriktningsmål: Nr 19.',
		number: 'Nr 19',
		scope: ['Region Örebro län › Verksamhetsplan 2019']
	}),
	doc('goal', 'nr1', 'Ett regionalt ledarskap som skapar tillit.', { label: 'Inriktningsmål: Nr 1.', number: 'Nr 1' }),
	doc('goal', 'okad-title', 'Ökad tillgänglighet till kultur.'),
	doc('goal', 'okning-body', 'Kultur för alla.', { body: ['Målet är en ökning av antalet besök.'] }),
	doc('uppdrag', 'hbtq', 'Att fortsätta arbetet med att HBTQ-diplomera verksamheter.', {
		label: 'Uppdrag 4.',
		number: '4'
	}),
	doc('uppdrag', 'kommunerna', 'Att samordna insatser med länets kommuner och övriga aktörer.', {
		label: 'Uppdrag 2.',
		number: '2'
	}),
	doc('indicator', 'jamix', 'Jämix – Jämställdhetsindex ska öka i jämförelse med föregående år.', {
		context: ['Inriktningsmål: Nr 34. Verksamheterna är jämställda och jämlika.']
	}),
	doc('indicator', 'integrerade', 'Andel handlingsplaner som är jämställdhetsintegrerade ska öka.', {
		context: ['Inriktningsmål: Nr 2. Handlingsplaner integrerar viktiga perspektiv som jämställdhet, barn och unga.']
	}),
	doc('indicator', 'arbetsloshet', 'Arbetslöshet 18–65 år, andel (%)', {
		body: ['Arbetslösa 18–65 år som årsmedelvärde.', 'Kolada, nyckeltal N03920']
	}),
	doc('indicator', 'bioekonomi', 'Omsättning inom bioekonomi ska öka (2016 = 19,5 miljarder).'),
	doc('indicator', 'barn-title', 'Andel barn i ekonomiskt utsatta familjer ska minska.'),
	doc('indicator', 'barn-scattered', 'Andel unga som mår bra, och andel barn med god hälsa.'),
	doc('indicator', 'mal', 'Antal mal i fiskevatten.'),
	doc('indicator', 'foretag', 'Antal nystartade företag per 1000 invånare.'),
	doc('uppdrag', 'kultur-body', 'Att ta fram en plan.', { body: ['Planen gäller kultur och fritid.'] })
];

const index = buildIndex(corpus);
const ids = (hits: SearchHit<Meta>[]) => hits.map((h) => h.id);
const hit = (query: string, id: string) => search(index, query).hits.find((h) => h.id === id);

describe('search: what is found', () => {
	it.each([
		// [query, must be among the hits, must not be]
		['ökning', ['okad-title', 'okning-body', 'jamix', 'integrerade', 'bioekonomi'], []],
		['öka', ['okad-title', 'okning-body', 'jamix'], []],
		['hbtq', ['hbtq'], []],
		['diplomera', ['hbtq'], []],
		['kommunernas', ['kommunerna'], []],
		['företagen', ['foretag'], []],
		['jämställdhet', ['nr2', 'jamix', 'integrerade'], ['arbetsloshet']],
		['jämställdhetsintegrerade', ['integrerade'], ['nr2', 'jamix']],
		['index', ['jamix'], []],
		['arbetslöshet', ['arbetsloshet'], []],
		['n03920', ['arbetsloshet'], []],
		['19', ['nr19', 'bioekonomi'], ['nr1']],
		['Nr 19', ['nr19'], ['nr1', 'nr2', 'bioekonomi']],
		['Nr 1', ['nr1'], ['nr19', 'nr2']],
		['jamstalldhet', ['nr2', 'jamix', 'integrerade'], []],
		['arbetsloshet', ['arbetsloshet'], []],
		['mal', ['mal'], []],
		['mål', ['okning-body'], ['mal']],
		['barn unga', ['nr2', 'barn-scattered', 'integrerade'], ['barn-title']],
		['örebro företag', ['nr19'], []]
	])('%s', (query, found, notFound) => {
		const got = ids(search(index, query).hits);
		for (const id of found) expect(got, `${query} finds ${id}`).toContain(id);
		for (const id of notFound) expect(got, `${query} skips ${id}`).not.toContain(id);
	});

	it('matches typed a/o for å/ä/ö at lower points, but å/ä/ö typed never match a/o', () => {
		const folded = hit('jamstalldhet', 'nr2')!;
		expect(folded.matches[0]).toMatchObject({ kind: 'exact', folded: true, points: 12 });
		expect(hit('jämställdhet', 'nr2')!.score).toBeGreaterThan(folded.score);
		expect(hit('mal', 'okning-body')).toMatchObject({ matches: [{ kind: 'prefix', word: 'Målet', folded: true }] });
		expect(hit('mål', 'mal')).toBeUndefined();
	});

	it('finds "företagsklimat" by its beginning while typing, and "klimat" as a compound part', () => {
		expect(hit('företagskl', 'nr19')?.matches[0]).toMatchObject({ kind: 'prefix', word: 'företagsklimat' });
		expect(hit('klimat', 'nr19')?.matches[0]).toMatchObject({ kind: 'part', word: 'företagsklimat' });
		// Only the last word is a prefix; earlier words of three letters must be whole words.
		expect(search(index, 'barn jäm').mode).toBe('all');
		expect(search(index, 'jäm barn').mode).toBe('any');
	});

	it('requires every word (AND), and falls back to any word when no document has all', () => {
		const all = search(index, 'hbtq verksamheter');
		expect([all.mode, ids(all.hits)]).toEqual(['all', ['hbtq']]);
		const any = search(index, 'hbtq arbetslöshet');
		expect(any.mode).toBe('any');
		expect(ids(any.hits).sort()).toEqual(['arbetsloshet', 'hbtq']);
		expect(any.terms).toEqual(['hbtq', 'arbetslöshet']);
	});

	it.each([
		['', 'empty'],
		['a', 'too_short'],
		['ö', 'too_short'],
		['xyzzy', 'no_results']
	] as const)('%j gives status %s and no hits', (query, status) => {
		const r = search(index, query);
		expect([r.status, r.hits, r.total]).toEqual([status, [], 0]);
	});
});

describe('search: ranking', () => {
	const order = (query: string) => ids(search(index, query).hits);
	const before = (query: string, a: string, b: string) => {
		const o = order(query);
		expect(o.indexOf(a), `${query}: ${a} before ${b} in ${o.join(', ')}`).toBeGreaterThanOrEqual(0);
		expect(o.indexOf(a)).toBeLessThan(o.indexOf(b));
	};

	it('puts an exact word in body text above a stem match in a title', () => {
		before('ökning', 'okning-body', 'okad-title');
		expect(hit('ökning', 'okning-body')!.matches[0]).toMatchObject({ kind: 'exact', field: 'body', points: 10 });
		expect(hit('ökning', 'okad-title')!.matches[0]).toMatchObject({ kind: 'stem', field: 'title', points: 7.5 });
	});

	it('puts a title match above the same match in body text or context', () => {
		before('jämställdhet', 'nr2', 'integrerade');
		before('kultur', 'okad-title', 'kultur-body');
		expect(hit('jämställdhet', 'integrerade')!.matches[0]).toMatchObject({ kind: 'prefix', field: 'title' });
	});

	it('puts the words as a phrase above the same words scattered', () => {
		before('barn och unga', 'nr2', 'barn-scattered');
		expect(hit('barn och unga', 'nr2')!.matches.map((m) => m.kind)).toEqual(['exact', 'exact', 'phrase']);
		expect(hit('barn och unga', 'barn-scattered')!.matches.map((m) => m.kind)).toEqual(['exact', 'exact']);
	});

	it('puts the goal numbered 19 first for "19" and "Nr 19"', () => {
		expect(order('19')[0]).toBe('nr19');
		expect(order('Nr 19')[0]).toBe('nr19');
		expect(hit('Nr 19', 'nr19')!.matches).toContainEqual({ kind: 'number', number: 'Nr 19', points: 20 });
		expect(order('uppdrag 4')).toEqual(['hbtq']);
	});

	it('keeps the documents’ order for equal scores, every time', () => {
		const a = order('öka');
		expect(order('öka')).toEqual(a);
		const tied = search(index, 'öka').hits.filter((h) => h.score === 15).map((h) => h.id);
		expect(tied).toEqual(['jamix', 'integrerade', 'bioekonomi']);
		expect(a).toEqual(['jamix', 'integrerade', 'bioekonomi', 'okad-title', 'okning-body']);
	});

	it('explains every score as the sum of its matches', () => {
		for (const h of search(index, 'barn och unga').hits) {
			expect(h.score).toBeCloseTo(h.matches.reduce((n, m) => n + m.points, 0));
		}
	});

	it('counts all hits per type but returns at most the limit', () => {
		const r = search(index, 'öka', { limitPerType: 1 });
		expect(r.counts).toEqual({ goal: 2, uppdrag: 0, indicator: 3 });
		expect(r.total).toBe(5);
		expect(r.hits.map((h) => h.id)).toEqual(['jamix', 'okad-title']);
	});
});

describe('search: highlighting', () => {
	it('marks matched words in the title and label as ranges into the plain text', () => {
		const h = hit('hbtq', 'hbtq')!;
		expect(h.title.text).toBe('Att fortsätta arbetet med att HBTQ-diplomera verksamheter.');
		expect(h.title.ranges).toEqual([[30, 34]]);
		expect(marked(h.title)).toEqual(['HBTQ']);
		expect(marked(hit('Nr 19', 'nr19')!.label)).toEqual(['Nr 19']);
	});

	it('marks stems as whole words, prefixes and compound parts as the typed letters', () => {
		expect(marked(hit('ökning', 'jamix')!.title)).toEqual(['öka']);
		expect(marked(hit('jämställdhet', 'jamix')!.title)).toEqual(['Jämställdhet']);
		expect(marked(hit('index', 'jamix')!.title)).toEqual(['index']);
		expect(marked(hit('jamstalldhet', 'nr2')!.title)).toEqual(['jämställdhet']);
	});

	it('gives a snippet from body or context when that is where the words are, never from the title alone', () => {
		const body = hit('ökning', 'okning-body')!;
		expect(body.snippet).toEqual({ text: 'Målet är en ökning av antalet besök.', ranges: [[12, 18]] });
		expect(hit('hbtq', 'hbtq')!.snippet).toBeNull();
		expect(body.snippetFrom).toBe('body');
		const viaGoal = hit('barn och unga', 'integrerade')!;
		expect(marked(viaGoal.snippet)).toEqual(['barn och unga']);
		expect(viaGoal.snippetFrom).toBe('context');
		// Scope (organisation › plan) is matched but never shown as a snippet.
		expect(hit('örebro företag', 'nr19')!.snippet).toBeNull();
	});

	it('does not mark function words outside a phrase', () => {
		expect(marked(hit('barn och unga', 'barn-scattered')!.title)).toEqual(['unga', 'barn']);
	});
});

describe('excerpt, mergeRanges and highlightParts', () => {
	const long =
		'Region Örebro län ska verka för ett företagsklimat där entreprenörer har goda förutsättningar att starta, driva och utveckla företag. Region Örebro län ska skapa förutsättningar för ökad internationaliseringsgrad samt ökat kunskapsinnehåll i näringslivet.';

	it('keeps short text whole', () => {
		expect(excerpt('Kort text.', [[0, 4]])).toEqual({ text: 'Kort text.', ranges: [[0, 4]] });
	});

	it('windows long text around the first match, cut at spaces, with ellipses, ranges shifted', () => {
		const at = long.indexOf('ökad');
		const e = excerpt(long, [[at, at + 4]], 80);
		expect(e.text.startsWith('… ')).toBe(true);
		expect(e.text.endsWith(' …')).toBe(true);
		expect(e.text.length).toBeLessThanOrEqual(80 + 4);
		expect(marked(e)).toEqual(['ökad']);
	});

	it.each([
		[[], []],
		[[[5, 9], [0, 3]], [[0, 3], [5, 9]]],
		[[[0, 4], [2, 6], [6, 8]], [[0, 8]]],
		[[[3, 3]], []]
	] as [[number, number][], [number, number][]][])('mergeRanges %j → %j', (input, expected) => {
		expect(mergeRanges(input)).toEqual(expected);
	});

	it('splits text into plain and marked parts that join back to the text', () => {
		const h: Highlighted = { text: '<b>barn</b> och unga', ranges: [[3, 7], [16, 20]] };
		const parts = highlightParts(h);
		expect(parts).toEqual([
			{ text: '<b>', mark: false },
			{ text: 'barn', mark: true },
			{ text: '</b> och ', mark: false },
			{ text: 'unga', mark: true }
		]);
		expect(parts.map((p) => p.text).join('')).toBe(h.text);
	});
});
