/** One entry for every export of the chapter: the review page, the public page and the command line use it. */
import type { Chapter } from '../chapter';
import { chapterDocx } from './docx';
import { chapterHtml } from './html';
import { htmlToPdf } from './pdf';
import { chapterCsv, chapterXlsx } from './rows';
import { fileStem } from './text';

export { PdfUnavailable } from './pdf';

export const CHAPTER_FORMATS = ['docx', 'pdf', 'html', 'csv', 'xlsx'] as const;
export type ChapterFormat = (typeof CHAPTER_FORMATS)[number];

export function isChapterFormat(x: unknown): x is ChapterFormat {
	return (CHAPTER_FORMATS as readonly unknown[]).includes(x);
}

const TYPES: Record<ChapterFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	html: 'text/html; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

export interface ExportedFile {
	body: Uint8Array;
	contentType: string;
	fileName: string;
}

/** The chapter in one format. PDF throws PdfUnavailable when Chromium is missing. */
export async function exportChapter(ch: Chapter, format: ChapterFormat): Promise<ExportedFile> {
	const enc = (s: string) => new TextEncoder().encode(s);
	const body =
		format === 'docx'
			? await chapterDocx(ch)
			: format === 'pdf'
				? await htmlToPdf(chapterHtml(ch))
				: format === 'html'
					? enc(chapterHtml(ch))
					: format === 'csv'
						? enc(chapterCsv(ch))
						: await chapterXlsx(ch);
	return { body: new Uint8Array(body), contentType: TYPES[format], fileName: `${fileStem(ch)}.${format}` };
}
