/**
 * Property tests (issue 8): the pure parsers never throw on any text, and always answer in their documented
 * shape; what they accept survives a round trip. Generated input: any Unicode text, and text built from the
 * characters real Swedish files mix (digits, spaces of three kinds, comma, point, minus signs, percent, words).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSwedishNumber } from '../../../src/lib/domain/number';
import { formatPeriod, isPeriod, parsePeriod } from '../../../src/lib/domain/period';
import { parseTargetWording } from '../../../src/lib/domain/target';
import { parseEnteredValue } from '../../../src/lib/domain/entered-value';
import { CsvSyntaxError, detectSeparator, readCsv, splitQuoted } from '../../../src/lib/server/import/csv-stream';
import { INTERNALS, runs } from './runs';

const pieces = (parts: string[], maxLength = 14) => fc.array(fc.constantFrom(...parts), { maxLength }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));

const numberish = pieces(['0', '1', '5', '9', '12', '000', ' ', '\u00a0', '\u202f', ',', '.', '-', '\u2212', '+', '%', 'e', 'E3', 'ca ', 'drygt ', ' mnkr', ' kr', '..', '—', '\t', '"', 'x', '½', '١']);
const periodish = pieces(['19', '20', '2019', '2022', '0', '1', '9', 'H', 'h', 'T', 'K', 'M', 'Q', '-', '/', ' ', 'delår ', 'helår ', 'tertial ', 'kvartal ', 'jan', 'M01', 'M13', '99999', 'T4', 'K5', '\u2013']);
const targetish = pieces(['ska ', 'öka', 'minska', ' jämfört med ', 'år ', '2016', 'Målvärde: ', 'Minst ', 'Högst ', '75', '100', '%', ' procent', ',5', 'högre än snittet för riket', 'mer än i jämförbara län', 'ska redovisas', 'Fler ', 'Färre ', ' ', '.', '\n', 'föregående år', 'tidigare mätning', '-', '–', 'mellan ', ' och ']);

describe('parseSwedishNumber', () => {
	it('answers every input with a number, a missing symbol or a reason, never a throw', () => {
		fc.assert(
			fc.property(fc.oneof(numberish, anyText), (s) => {
				const r = parseSwedishNumber(s);
				if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
				else if (r.kind === 'invalid') expect(r.reason).toMatch(/\S/);
				else expect(['..', '-', '.']).toContain(r.symbol);
				if (r.kind === 'invalid') expect(r.reason).not.toMatch(INTERNALS);
			}),
			runs(800)
		);
	});

	it('reads back what Swedish formatting writes', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
				const x = n / 10 ** d;
				const text = x.toLocaleString('sv-SE', { minimumFractionDigits: d, maximumFractionDigits: d });
				const r = parseSwedishNumber(text);
				expect(r).toMatchObject({ kind: 'number' });
				expect((r as { value: number }).value).toBeCloseTo(x, d);
			}),
			runs(500)
		);
	});
});

describe('parseEnteredValue', () => {
	it('answers every input with a kind, and a bilingual message when invalid', () => {
		fc.assert(
			fc.property(fc.oneof(numberish, anyText), (s) => {
				const r = parseEnteredValue(s);
				expect(['number', 'missing', 'text', 'empty', 'invalid']).toContain(r.kind);
				if (r.kind === 'invalid') {
					expect(r.message.sv).toMatch(/\S/);
					expect(r.message.sv).not.toMatch(INTERNALS);
				}
			}),
			runs(500)
		);
	});
});

describe('parsePeriod', () => {
	it('answers every input with a period or a reason, never a throw', () => {
		fc.assert(
			fc.property(fc.oneof(periodish, anyText), (s) => {
				const r = parsePeriod(s);
				if (isPeriod(r)) {
					expect(parsePeriod(r.code)).toEqual(r);
					expect(formatPeriod(r)).toMatch(/\S/);
				} else {
					expect(r.error).toMatch(/\S/);
					expect(r.error).not.toMatch(INTERNALS);
				}
			}),
			runs(800)
		);
	});

	it('reads every period code it writes', () => {
		const code = fc.oneof(
			fc.integer({ min: 1900, max: 2100 }).map(String),
			fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}H${h}`),
			fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 3 })).map(([y, t]) => `${y}T${t}`),
			fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, k]) => `${y}K${k}`),
			fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}M${String(m).padStart(2, '0')}`)
		);
		fc.assert(
			fc.property(code, (c) => {
				const r = parsePeriod(c);
				expect(isPeriod(r) && r.code).toBe(c);
			}),
			runs(500)
		);
	});
});

describe('parseTargetWording', () => {
	it('reads any wording without throwing and always keeps the printed text', () => {
		fc.assert(
			fc.property(fc.oneof(targetish, anyText), (s) => {
				const r = parseTargetWording(s);
				expect(r).toBeTypeOf('object');
				expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
			}),
			runs(800)
		);
		expect(parseTargetWording(null)).toBeTypeOf('object');
	});
});

describe('CSV reading', () => {
	const csvish = pieces(['a', 'ö', '1', ';', ',', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '\u00a0', '\ufeff', 'x;y', '"a;b"', '=1+1'], 40);

	it('either reads every record or stops with a CsvSyntaxError that names the line', () => {
		fc.assert(
			fc.property(fc.oneof(csvish, anyText), fc.integer({ min: 1, max: 5 }), (text, chunks) => {
				// The same text split into chunks at arbitrary points, as a stream delivers it.
				const size = Math.ceil(text.length / chunks) || 1;
				const parts = Array.from({ length: chunks }, (_, i) => text.slice(i * size, (i + 1) * size));
				let header: string[] | null = null;
				let records = 0;
				try {
					readCsv(parts, {
						header: (h: string[]) => {
							header = h;
						},
						row: (cells: string[]) => {
							records++;
							expect(Array.isArray(cells)).toBe(true);
						}
					});
				} catch (e) {
					expect(e).toBeInstanceOf(CsvSyntaxError);
					expect((e as CsvSyntaxError).message).toMatch(/\S/);
					expect((e as CsvSyntaxError).message).not.toMatch(INTERNALS);
					return;
				}
				if (records) expect(header).not.toBeNull();
			}),
			runs(500)
		);
	});

	it('splits and detects separators for any line without throwing', () => {
		fc.assert(
			fc.property(fc.oneof(csvish, anyText), fc.constantFrom(';', ',', '\t'), (line, sep) => {
				expect([';', ',', '\t']).toContain(detectSeparator(line));
				try {
					expect(Array.isArray(splitQuoted(line, sep))).toBe(true);
				} catch (e) {
					expect(e).toBeInstanceOf(CsvSyntaxError);
				}
			}),
			runs(500)
		);
	});
});
