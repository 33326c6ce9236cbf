import { describe, expect, it } from 'vitest';
import { progressBar } from './progress';

const stream = (isTTY: boolean) => {
	const written: string[] = [];
	return { isTTY, columns: 80, written, write: (t: string) => written.push(t) };
};

describe('progressBar', () => {
	it('draws on a terminal, at most every 100 ms, and always the final 100 %', () => {
		let now = 0;
		const s = stream(true);
		const bar = progressBar(s, 'Läser', () => now);
		bar.update(10, 100);
		now = 50;
		bar.update(20, 100);
		now = 200;
		bar.update(100, 100);
		bar.end();
		expect(s.written.slice(0, 2)).toEqual([expect.stringMatching(/^\rLäser \[#+\.+\] 10 %$/), expect.stringMatching(/^\rLäser \[#+\] 100 %$/)]);
		expect(s.written).toHaveLength(3);
	});

	it('writes nothing when the stream is not a terminal', () => {
		const s = stream(false);
		const bar = progressBar(s, 'Läser');
		bar.update(1, 2);
		bar.end();
		expect(s.written).toEqual([]);
	});
});
