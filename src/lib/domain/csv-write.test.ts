import { describe, expect, it } from 'vitest';
import { CSV_MACHINE, CSV_SWEDISH_EXCEL, toCsv } from './csv-write';

describe('toCsv', () => {
	it.each([
		[[['a', 'b'], [1, 2.5]], CSV_MACHINE, 'a,b\r\n1,2.5\r\n'],
		[[['a', 'b'], [1, 2.5]], CSV_SWEDISH_EXCEL, 'a;b\r\n1;2,5\r\n'],
		[[['Västerås', null, '']], CSV_MACHINE, 'Västerås,,\r\n'],
		[[['säger "hej"', 'a,b']], CSV_MACHINE, '"säger ""hej""","a,b"\r\n'],
		[[['a;b', 'a,b']], CSV_SWEDISH_EXCEL, '"a;b";a,b\r\n'],
		[[['rad1\nrad2']], CSV_MACHINE, '"rad1\nrad2"\r\n'],
		[[[132670, -1.5, Number.NaN]], CSV_SWEDISH_EXCEL, '132670;-1,5;\r\n'],
		[[['..', '-']], CSV_MACHINE, '..,-\r\n']
	] as const)('%j', (rows, dialect, expected) => {
		expect(toCsv(rows, dialect)).toBe('\uFEFF' + expected);
	});
});
