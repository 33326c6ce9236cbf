/**
 * Comments are stored as the text the official wrote, in a small Markdown subset, and read into plain data
 * that the page renders with ordinary elements — never as HTML, so a comment cannot inject markup or script.
 *
 * Understood: paragraphs (blank line between), bullet lists ("- " or "* "), numbered lists ("1. "), **bold**,
 * links [text](https://…) and bare https:// addresses. Only http(s) and mailto links become links; anything
 * else stays text.
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'strong'; text: string } | { kind: 'link'; text: string; href: string };

export type Block = { kind: 'paragraph'; inline: Inline[] } | { kind: 'list'; ordered: boolean; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const INLINE = /\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+)\*\*|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

export function safeHref(href: string): string | null {
	return /^(https?:\/\/|mailto:)[^\s]+$/i.test(href) ? href : null;
}

export function parseInline(text: string): Inline[] {
	const out: Inline[] = [];
	let last = 0;
	const push = (t: string) => {
		if (t === '') return;
		const prev = out.at(-1);
		if (prev?.kind === 'text') prev.text += t;
		else out.push({ kind: 'text', text: t });
	};
	for (const m of text.matchAll(INLINE)) {
		push(text.slice(last, m.index));
		if (m[1] !== undefined) {
			const href = safeHref(m[2]);
			if (href) out.push({ kind: 'link', text: m[1], href });
			else push(m[0]);
		} else if (m[3] !== undefined) out.push({ kind: 'strong', text: m[3] });
		else out.push({ kind: 'link', text: m[4], href: m[4] });
		last = m.index + m[0].length;
	}
	push(text.slice(last));
	return out;
}

export function parseComment(text: string): Block[] {
	const blocks: Block[] = [];
	let para: string[] = [];
	let list: { ordered: boolean; items: string[] } | null = null;
	const flushPara = () => {
		if (para.length) blocks.push({ kind: 'paragraph', inline: parseInline(para.join('\n')) });
		para = [];
	};
	const flushList = () => {
		if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
		list = null;
	};
	for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
		const bullet = BULLET.exec(line);
		const numbered = bullet ? null : NUMBERED.exec(line);
		if (bullet || numbered) {
			flushPara();
			const ordered = !!numbered;
			if (list && list.ordered !== ordered) flushList();
			list ??= { ordered, items: [] };
			list.items.push((bullet ?? numbered)![1].trim());
		} else if (line.trim() === '') {
			flushPara();
			flushList();
		} else if (list && /^\s{2,}\S/.test(line)) {
			// An indented line continues the list item above.
			list.items[list.items.length - 1] += ' ' + line.trim();
		} else {
			flushList();
			para.push(line.trim());
		}
	}
	flushPara();
	flushList();
	return blocks;
}
