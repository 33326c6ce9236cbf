import { describe, expect, it } from 'vitest';
import { formatBytes, parseBodySizeLimit, tooLargeResponse } from './limits';

describe('parseBodySizeLimit', () => {
	it.each([
		[undefined, 512 * 1024],
		['1000', 1000],
		['512K', 512 * 1024],
		['20M', 20 * 1024 ** 2],
		['1g', 1024 ** 3],
		['Infinity', Infinity]
	])('%s → %d', (text, bytes) => expect(parseBodySizeLimit(text)).toBe(bytes));

	it('refuses what adapter-node would refuse, in Swedish', () => {
		expect(() => parseBodySizeLimit('20 MB')).toThrow(/Ogiltig BODY_SIZE_LIMIT '20 MB'/);
	});
});

describe('tooLargeResponse', () => {
	it('answers pages with a short Swedish page and the API with JSON', async () => {
		const html = tooLargeResponse('/admin/import', 20 * 1024 ** 2, 'abc');
		expect(html.status).toBe(413);
		expect(await html.text()).toContain('Servern tar emot högst 20 MB per förfrågan.');
		const api = tooLargeResponse('/api/v1/x', 512 * 1024, 'abc');
		expect(((await api.json()) as { error: { message: string } }).error.message).toContain('högst 512 kB');
		expect(formatBytes(1536)).toBe('1,5 kB');
	});
});
