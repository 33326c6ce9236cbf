import { describe, expect, it } from 'vitest';
import { parseComment, parseInline } from './comment';

describe('parseComment', () => {
	it('splits paragraphs on blank lines and keeps single line breaks inside one', () => {
		expect(parseComment('Första stycket\nfortsätter.\n\nAndra.')).toEqual([
			{ kind: 'paragraph', inline: [{ kind: 'text', text: 'Första stycket\nfortsätter.' }] },
			{ kind: 'paragraph', inline: [{ kind: 'text', text: 'Andra.' }] }
		]);
	});

	it('reads bullet and numbered lists, and a paragraph right after a list', () => {
		expect(parseComment('Insatser:\n- Kurser\n* Mässor\n  i hela länet\n1. Först\n2) Sedan\nSlut.')).toEqual([
			{ kind: 'paragraph', inline: [{ kind: 'text', text: 'Insatser:' }] },
			{ kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'Kurser' }], [{ kind: 'text', text: 'Mässor i hela länet' }]] },
			{ kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'Först' }], [{ kind: 'text', text: 'Sedan' }]] },
			{ kind: 'paragraph', inline: [{ kind: 'text', text: 'Slut.' }] }
		]);
	});

	it('keeps HTML as text: a script tag is just characters', () => {
		expect(parseComment('<script>alert(1)</script> & <b>fet</b>')).toEqual([
			{ kind: 'paragraph', inline: [{ kind: 'text', text: '<script>alert(1)</script> & <b>fet</b>' }] }
		]);
	});

	it('handles CRLF and an empty comment', () => {
		expect(parseComment('a\r\n\r\nb')).toHaveLength(2);
		expect(parseComment('')).toEqual([]);
	});
});

describe('parseInline', () => {
	it.each([
		['Se [rapporten](https://www.scb.se/x).', [{ kind: 'text', text: 'Se ' }, { kind: 'link', text: 'rapporten', href: 'https://www.scb.se/x' }, { kind: 'text', text: '.' }]],
		['Källa: https://kolada.se/a, 2024', [{ kind: 'text', text: 'Källa: ' }, { kind: 'link', text: 'https://kolada.se/a', href: 'https://kolada.se/a' }, { kind: 'text', text: ', 2024' }]],
		['**Viktigt**: läs', [{ kind: 'strong', text: 'Viktigt' }, { kind: 'text', text: ': läs' }]],
		['[klicka](javascript:alert(1))', [{ kind: 'text', text: '[klicka](javascript:alert(1))' }]],
		['[mejla](mailto:a@b.se)', [{ kind: 'link', text: 'mejla', href: 'mailto:a@b.se' }]]
	])('%j', (input, expected) => {
		expect(parseInline(input)).toEqual(expected);
	});
});
