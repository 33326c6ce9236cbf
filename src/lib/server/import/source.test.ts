import { describe, expect, it } from 'vitest';
import { decodeChunks, decodeJson, InvalidUtf8, JsonEncodingError, Source, type Encoding } from './source';

function decode(bytes: number[][]): { text: string; encoding: Encoding | null; sample: string; fromByte?: number } {
	let encoding: Encoding | null = null;
	let sample = '';
	let fromByte: number | undefined;
	const text = [...decodeChunks(bytes.map((b) => Uint8Array.from(b)), (e, s, f) => ((encoding = e), (sample = s), (fromByte = f)))].join('');
	return { text, encoding, sample, ...(fromByte !== undefined ? { fromByte } : {}) };
}
const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const cp1252 = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('decodeChunks', () => {
	it('UTF-8 with and without BOM; the BOM is not part of the text', () => {
		expect(decode([[0xef, 0xbb, 0xbf, ...utf8('Västerås')]])).toMatchObject({ text: 'Västerås', encoding: 'utf-8' });
		expect(decode([utf8('Västerås')])).toMatchObject({ text: 'Västerås', encoding: 'utf-8' });
	});

	it('a UTF-8 character split between chunks', () => {
		const b = utf8('Västerås');
		expect(decode([b.slice(0, 2), b.slice(2)]).text).toBe('Västerås');
	});

	it('Windows-1252 is detected, not garbled, and a data word is offered as example', () => {
		expect(decode([cp1252('kommun;värde\nVästerås;1\n')])).toEqual({ text: 'kommun;värde\nVästerås;1\n', encoding: 'windows-1252', sample: 'Västerås' });
	});

	it('ASCII in the first chunk and Windows-1252 in a later one: the rest is read as Windows-1252 and the offset told', () => {
		expect(decode([utf8('kommun;varde\n'), cp1252('Västerås;1\n')])).toEqual({
			text: 'kommun;varde\nVästerås;1\n',
			encoding: 'windows-1252',
			sample: 'Västerås',
			fromByte: 13
		});
	});

	it('but not after UTF-8 letters, nor with bytes Windows-1252 leaves undefined, nor UTF-8 letters after the switch', () => {
		expect(() => decode([utf8('Örebro;1\n'), cp1252('Västerås;1\n')])).toThrow('filen är inte giltig UTF-8 (efter byte 10)');
		expect(() => decode([utf8('a;1\n'), [0x81, 0x8d]])).toThrow(InvalidUtf8);
		expect(() => decode([utf8('a;1\n'), cp1252('Västerås;1\n'), utf8('Örebro;1\n')])).toThrow('efter byte 15');
	});

	it('UTF-16 LE with BOM (Excel "Unicode text")', () => {
		const b = [0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'Örebro'].map((c) => c.charCodeAt(0))).buffer)];
		expect(decode([b])).toMatchObject({ text: 'Örebro', encoding: 'utf-16le' });
	});
});

describe('decodeJson', () => {
	it('accepts UTF-8 (with BOM too) and refuses Windows-1252 with the garbled word', () => {
		expect(decodeJson(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('{"a":"ö"}')]))).toBe('{"a":"ö"}');
		expect(() => decodeJson(Uint8Array.from(cp1252('{"namn":"Örebro"}')))).toThrow(JsonEncodingError);
		expect(() => decodeJson(Uint8Array.from(cp1252('{"namn":"Örebro"}')))).toThrow("(den ser ut att vara Windows-1252: 'Örebro')");
	});
});

describe('Source', () => {
	it('hashes all pages in order (SHA-256) and peeks without reading everything', () => {
		const s = Source.pages([Uint8Array.from(utf8('ab')), Uint8Array.from(utf8('c'))], 'x.json');
		expect(s.sha256()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect([...s.peek(1)]).toEqual([0x61]);
		expect(s.size).toBe(3);
	});
});
