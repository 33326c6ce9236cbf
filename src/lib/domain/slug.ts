/** URL slugs from Swedish text: "Regional tillväxt – 2019" → "regional-tillvaxt-2019". */
export function slugify(text: string, maxLength = 60): string {
	const base = text
		.toLowerCase()
		.replace(/[åä]/g, 'a')
		.replace(/ö/g, 'o')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (base.length <= maxLength) return base;
	const cut = base.slice(0, maxLength);
	// Cut at a word boundary so slugs stay readable.
	const lastDash = cut.lastIndexOf('-');
	return lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut;
}

/** A slug not yet in `taken` (adds "-2", "-3" …), and records it. */
export function uniqueSlug(text: string, taken: Set<string>, maxLength = 60): string {
	const base = slugify(text, maxLength) || 'x';
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	taken.add(slug);
	return slug;
}
