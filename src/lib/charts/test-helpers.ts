/**
 * Tiny helpers for reading server-rendered chart HTML in tests, without a DOM library: the markup is our own and
 * regular, so attribute lookups by regular expression are enough.
 */

/** Every start tag of `tag` as a map of its attributes. */
export function tags(html: string, tag: string): Record<string, string>[] {
	const out: Record<string, string>[] = [];
	for (const match of html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, 'g'))) {
		const attrs: Record<string, string> = {};
		for (const a of (match[1] ?? '').matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]] = a[2] ?? '';
		out.push(attrs);
	}
	return out;
}

/** The text of the document without tags and hydration comments, whitespace collapsed (no-break spaces kept). */
export function textOf(html: string): string {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/[ \t\r\n]+/g, ' ')
		.trim();
}

/** Number of separate line pieces in an SVG path: each "M" starts one. */
export function pieces(d: string): number {
	return (d.match(/M/g) ?? []).length;
}

/** True when the attributes' class list contains `name` (Svelte adds its scoping class next to ours). */
export function hasClass(attrs: Record<string, string> | undefined, name: string): boolean {
	return (attrs?.class ?? '').split(/\s+/).includes(name);
}
