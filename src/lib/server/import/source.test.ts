import { describe, expect, it } from 'vitest';
import { decodeChunks, decodeJson, JsonEncodingError, Source, type Encoding } from './source';

function decode(bytes: number[][]): { text: string; encoding: Encoding | null; sample: string } {
	let encoding: Encoding | null = null;
	let sample = '';
	const text = [...decodeChunks(bytes.map((b) => Uint8Array.from(b)), (e, s) => ((encoding = e), (sample = s)))].join('');
	return { text, encoding, sample };
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
