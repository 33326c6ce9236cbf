/**
 * Structure checks for a DOCX without Word or LibreOffice: what makes Word say "unreadable content" or makes
 * LibreOffice lay a table out wrong. Each returns a list of problems (empty when fine), so a failing test
 * says what is wrong where.
 */
import JSZip from 'jszip';

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;
const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** A small XML well-formedness check: tags balance, names and attributes are well-formed, entities known. */
export function xmlProblems(xml: string): string[] {
	const problems: string[] = [];
	const stack: string[] = [];
	const at = (i: number) => `at ${i} (…${xml.slice(Math.max(0, i - 40), i + 40).replace(/\s+/g, ' ')}…)`;
	const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>/, '');
	let i = 0;
	while (i < body.length && problems.length < 10) {
		const lt = body.indexOf('<', i);
		const textPart = body.slice(i, lt < 0 ? undefined : lt);
		if (ENTITY.test(textPart)) problems.push(`unknown entity or bare & in text ${at(i)}`);
		if (lt < 0) break;
		if (body.startsWith('<!--', lt)) {
			i = body.indexOf('-->', lt) + 3;
			continue;
		}
		const gt = body.indexOf('>', lt);
		if (gt < 0) {
			problems.push(`unclosed tag ${at(lt)}`);
			break;
		}
		const tag = body.slice(lt + 1, gt);
		if (tag.startsWith('/')) {
			const name = tag.slice(1).trim();
			const open = stack.pop();
			if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> ${at(lt)}`);
		} else {
			const selfClosing = tag.endsWith('/');
			const inner = selfClosing ? tag.slice(0, -1) : tag;
			const m = /^([^\s]+)(.*)$/s.exec(inner);
			const name = m?.[1] ?? '';
			if (!NAME.test(name)) problems.push(`bad element name '${name}' ${at(lt)}`);
			const attrs = (m?.[2] ?? '').trim();
			const rest = attrs.replace(/([^\s=]+)\s*=\s*("[^"<]*"|'[^'<]*')/g, (_, n: string, v: string) => {
				if (!NAME.test(n)) problems.push(`bad attribute name '${n}' ${at(lt)}`);
				if (ENTITY.test(v)) problems.push(`unknown entity in attribute ${n} ${at(lt)}`);
				return '';
			});
			if (rest.trim()) problems.push(`malformed attributes '${rest.trim()}' ${at(lt)}`);
			const seen = [...attrs.matchAll(/([^\s=]+)\s*=/g)].map((a) => a[1]);
			if (new Set(seen).size !== seen.length) problems.push(`duplicate attribute ${at(lt)}`);
			if (!selfClosing) stack.push(name);
		}
		i = gt + 1;
	}
	if (stack.length) problems.push(`unclosed elements: ${stack.join(' > ')}`);
	return problems;
}

/** The outermost elements named `tag` (e.g. "w:tbl"), nesting respected. */
function elements(xml: string, tag: string): string[] {
	const out: string[] = [];
	const re = new RegExp(`<${tag}(?=[ >/])[^>]*?(/)?>|</${tag}>`, 'g');
	let depth = 0;
	let start = 0;
	for (const m of xml.matchAll(re)) {
		if (m[0].startsWith('</')) {
			depth--;
			if (depth === 0) out.push(xml.slice(start, m.index! + m[0].length));
		} else if (m[1]) {
			if (depth === 0) out.push(m[0]);
		} else {
			if (depth === 0) start = m.index!;
			depth++;
		}
	}
	return out;
}

/**
 * Tables as Word and LibreOffice need them: a grid (`w:gridCol`) with a positive width per column, every row
 * spanning exactly the grid's columns, every cell holding at least one paragraph, widths not written as
 * percent strings ("40%", which Word 2007 refuses), and the grid no wider than the page's text.
 */
export function tableProblems(xml: string, textWidth: number): string[] {
	const problems: string[] = [];
	elements(xml, 'w:tbl').forEach((tbl, n) => {
		const where = `table ${n + 1}`;
		const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
		if (grid.length === 0) problems.push(`${where}: no w:tblGrid`);
		if (grid.some((w) => w < 200)) problems.push(`${where}: grid columns too narrow (${grid.join(', ')} twips)`);
		const sum = grid.reduce((a, b) => a + b, 0);
		if (sum > textWidth) problems.push(`${where}: grid ${sum} twips is wider than the text (${textWidth})`);
		if (/w:w="\d+(\.\d+)?%"/.test(tbl)) problems.push(`${where}: a width written as a percent string`);
		const rows = elements(tbl, 'w:tr');
		if (rows.length === 0) problems.push(`${where}: no rows`);
		rows.forEach((tr, r) => {
			const cells = elements(tr, 'w:tc');
			const spans = cells.reduce((a, tc) => a + Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1), 0);
			if (spans !== grid.length) problems.push(`${where}, row ${r + 1}: cells span ${spans} columns, the grid has ${grid.length}`);
			cells.forEach((tc, c) => {
				if (!/<w:p[ >/]/.test(tc)) problems.push(`${where}, row ${r + 1}, cell ${c + 1}: no paragraph (Word requires one)`);
			});
		});
	});
	return problems;
}

/** Every part the package's relationships and content types name exists, and every XML part is well-formed. */
export async function packageProblems(bytes: Uint8Array): Promise<{ problems: string[]; documentXml: string }> {
	const zip = await JSZip.loadAsync(bytes);
	const problems: string[] = [];
	const names = Object.keys(zip.files);
	for (const required of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) if (!names.includes(required)) problems.push(`missing ${required}`);
	for (const name of names.filter((n) => /\.(xml|rels)$/.test(n))) {
		const xml = await zip.file(name)!.async('string');
		for (const p of xmlProblems(xml)) problems.push(`${name}: ${p}`);
		if (name.endsWith('.rels')) {
			const dir = name.replace(/_rels\/[^/]*\.rels$/, '');
			for (const m of xml.matchAll(/<Relationship [^>]*Target="([^"]+)"[^>]*>/g)) {
				if (/TargetMode="External"/.test(m[0])) continue;
				const target = m[1].startsWith('/') ? m[1].slice(1) : dir + m[1];
				if (!names.includes(target)) problems.push(`${name}: relationship to missing part ${target}`);
			}
		}
	}
	const types = names.includes('[Content_Types].xml') ? await zip.file('[Content_Types].xml')!.async('string') : '';
	for (const m of types.matchAll(/<Override PartName="\/([^"]+)"/g)) if (!names.includes(m[1])) problems.push(`[Content_Types].xml names missing part ${m[1]}`);
	const documentXml = names.includes('word/document.xml') ? await zip.file('word/document.xml')!.async('string') : '';
	return { problems, documentXml };
}
