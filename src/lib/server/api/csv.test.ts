import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from './csv';
import { ApiError, errorResponse, handle, notFound, preflight, respond, unwrap } from './http';

const table = {
	header: ['geography', 'name', 'value', 'note'],
	rows: [
		['23', 'Jämtlands län', 132670, null],
		['2380', 'Östersund', 12.5, 'Värdet "preliminärt"; se not'],
		['00', 'Riket', -0.25, '=SUMMA(A1)'],
		['EX', 'Exempel', null, '-'],
		['EX', 'Rad\nbrytning', true, '- Arbetet pågår']
	]
};

describe('toCsv', () => {
	it('writes a BOM, CRLF lines, comma and decimal point by default', () => {
		const csv = toCsv(table, { sep: ',', decimal: '.' });
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv.slice(1).split('\r\n')).toEqual([
			'geography,name,value,note',
			'23,Jämtlands län,132670,',
			'2380,Östersund,12.5,"Värdet ""preliminärt""; se not"',
			"00,Riket,-0.25,'=SUMMA(A1)",
			'EX,Exempel,,-',
			'EX,"Rad\nbrytning",true,\'- Arbetet pågår',
			''
		]);
	});

	it('uses semicolons and decimal commas for Swedish Excel, quoting only what needs it', () => {
		const csv = toCsv(table, { sep: ';', decimal: ',' });
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe('geography;name;value;note');
		expect(lines[2]).toBe('2380;Östersund;12,5;"Värdet ""preliminärt""; se not"');
		expect(lines[3]).toBe("00;Riket;-0,25;'=SUMMA(A1)");
	});

	it('quotes text that holds the separator', () => {
		expect(toCsv({ header: ['a'], rows: [['1,5']] }, { sep: ',', decimal: '.' })).toBe(`${BOM}a\r\n"1,5"\r\n`);
		expect(toCsv({ header: ['a'], rows: [['1,5']] }, { sep: ';', decimal: ',' })).toBe(`${BOM}a\r\n1,5\r\n`);
		expect(toCsv({ header: ['a', 'b'], rows: [['x\ty', 2.5]] }, { sep: '\t', decimal: ',' })).toBe(`${BOM}a\tb\r\n"x\ty"\t2,5\r\n`);
		expect(toCsv({ header: ['a', 'b'], rows: [[2.5, 3]] }, { sep: ',', decimal: ',' })).toBe(`${BOM}a,b\r\n"2,5",3\r\n`);
	});
});

describe('responses', () => {
	const json = { format: 'json', pretty: false, sep: ',', decimal: '.' } as const;

	it('answers JSON with open CORS, caching and compact output unless pretty', async () => {
		const res = respond(json, { data: [1], meta: { count: 1 } });
		expect(res.status).toBe(200);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('cache-control')).toBe('public, max-age=300');
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.headers.get('vary')).toBe('Accept');
		expect(await res.text()).toBe('{"data":[1],"meta":{"count":1}}');
		const pretty = respond({ ...json, pretty: true }, { data: [1] });
		expect(await pretty.text()).toBe('{\n\t"data": [\n\t\t1\n\t]\n}\n');
	});

	it('answers CSV as a download with a filename', async () => {
		const res = respond({ format: 'csv', pretty: false, sep: ';', decimal: ',' }, { data: [] }, {
			name: 'invanare-totalt-utfall',
			table: () => ({ header: ['value'], rows: [[1.5]] })
		});
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="lagesbild-invanare-totalt-utfall.csv"');
		expect(res.headers.get('access-control-expose-headers')).toBe('Content-Disposition');
		// The bytes start with the UTF-8 BOM (Response.text() would strip it while decoding).
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(`${BOM}value\r\n1,5\r\n`);
	});

	it('answers errors as JSON with both languages, CORS and no caching', async () => {
		const res = errorResponse(400, [
			{ parameter: 'sex', message: 'Okänt kön', message_en: 'Unknown sex' },
			{ parameter: 'from', message: 'Ogiltig period', message_en: 'Invalid period' }
		]);
		expect(res.status).toBe(400);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('cache-control')).toBe('no-store');
		const body = await res.json();
		expect(body.error).toMatchObject({ status: 400, message: 'Okänt kön', message_en: 'Unknown sex', parameter: 'sex' });
		expect(body.error.issues).toHaveLength(2);
	});

	it('handle() turns ApiError into its status and anything else into a 500', async () => {
		expect(handle(() => unwrap({ ok: false, errors: [{ parameter: 'q', message: 'm', message_en: 'e' }] })).status).toBe(400);
		expect(handle(() => notFound('slug', 'finns inte', 'does not exist')).status).toBe(404);
		const original = console.error;
		console.error = () => {};
		try {
			const res = handle(() => {
				throw new Error('boom');
			});
			expect(res.status).toBe(500);
			expect((await res.json()).error.message).toMatch(/^Något gick fel i servern \(fel-id [0-9a-f]{8}\)\.$/);
		} finally {
			console.error = original;
		}
		expect(new ApiError(404, []).status).toBe(404);
	});

	it('answers the CORS preflight with 204 and the allowed methods', () => {
		const res = preflight();
		expect(res.status).toBe(204);
		expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
	});
});
