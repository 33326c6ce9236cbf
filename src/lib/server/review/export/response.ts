/** The HTTP answer for a chapter download, shared by the public and the review routes. */
import { error } from '@sveltejs/kit';
import type { Chapter } from '../chapter';
import { exportChapter, isChapterFormat, PdfUnavailable } from './index';

export async function chapterResponse(chapter: Chapter, format: string, opts: { cache: string }): Promise<Response> {
	if (!isChapterFormat(format)) error(404, `Okänt format '${format}'. Välj docx, pdf, html, csv eller xlsx.`);
	try {
		const file = await exportChapter(chapter, format);
		const disposition = format === 'html' ? 'inline' : 'attachment';
		return new Response(file.body as BodyInit, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `${disposition}; filename="${file.fileName}"`,
				'cache-control': opts.cache
			}
		});
	} catch (e) {
		// Chromium (or playwright-core) is missing on this server: say so plainly, with what works instead.
		if (e instanceof PdfUnavailable) error(503, e.message);
		throw e;
	}
}
