import { describe, expect, it } from 'vitest';
import { detectSeparator, readCsv, splitQuoted, CsvSyntaxError } from './csv-stream';

/** Reads `chunks` and returns the header, separator and rows with their line numbers. */
function read(chunks: string[]) {
	const out: { header: string[]; sep: string; rows: [string[], number][] } = { header: [], sep: '', rows: [] };
	readCsv(chunks, {
		header: (f, sep) => Object.assign(out, { header: f, sep }),
		row: (f, line) => out.rows.push([f, line])
	});
	return out;
}

describe('detectSeparator', () => {
	it.each([
		['indikator;geografi;värde', ';'],
		['indicator,geography,value', ','],
		['a\tb\tc', '\t'],
		['"a;b",c,d', ','],
		['ensam', ';']
	])('%s → %j', (line, sep) => {
		expect(detectSeparator(line)).toBe(sep);
	});
});

describe('readCsv', () => {
	it('splits CRLF lines, skips empty lines and keeps line numbers of the file', () => {
		expect(read(['a;b\r\n1;2\r\n\r\n3;4\r\n'])).toEqual({ header: ['a', 'b'], sep: ';', rows: [[['1', '2'], 2], [['3', '4'], 4]] });
	});

	it('handles quotes, doubled quotes, separators and line breaks inside quoted fields', () => {
		const r = read(['a;b\n"x;y";"sa ""hej"""\n"två\nrader";z\n']);
		expect(r.rows).toEqual([
			[['x;y', 'sa "hej"'], 2],
			[['två\nrader', 'z'], 3]
		]);
	});

	it('is the same whatever the chunk boundaries (inside a field, a quote, a CRLF)', () => {
		const text = 'a;b\r\n"x;""y""";1\r\n"två\r\nrader";2\r\nsista;3';
		const whole = read([text]);
		for (let cut = 1; cut < text.length; cut++) expect(read([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
		expect(whole.rows.map((r) => r[0])).toEqual([['x;"y"', '1'], ['två\nrader', '2'], ['sista', '3']]);
	});

	it('reports an unclosed quote with the line it starts on', () => {
		expect(() => read(['a;b\n1;2\n"öppen;3\n4;5\n'])).toThrow(CsvSyntaxError);
		try {
			read(['a;b\n1;2\n"öppen;3\n4;5\n']);
		} catch (e) {
			expect((e as CsvSyntaxError).line).toBe(3);
		}
	});

	it('splitQuoted keeps empty fields', () => {
		expect(splitQuoted('"";a;;"b"', ';')).toEqual(['', 'a', '', 'b']);
	});
});
