/**
 * How a typed target wording will be stored: the parser's reading of it (for the official to check before
 * saving) and the fields of the one target row it becomes. The wording itself is always kept exactly as
 * typed; when the parser finds no target, the row is kind `text` and pages show the words as they stand.
 */
import { describeTarget, parseTargetWording } from './target';
import type { Target } from './types';

export interface TargetPreview {
	/** Whether the parser found something it can compute with (any kind other than `text`). */
	understood: boolean;
	/** The row to store: the primary target's fields, with the whole typed wording. */
	target: Target;
	/** Plain-language reading of the target, in the page's language. */
	description: string;
	/** Further targets the parser found in the same wording (stored only if added as targets of their own). */
	secondary: string[];
}

export function previewTarget(wording: string, locale: 'sv' | 'en' = 'sv'): TargetPreview {
	const typed = wording.trim();
	const parsed = parseTargetWording(typed);
	const primary = parsed.primary;
	const target: Target = primary ? { ...primary, wording: typed } : { kind: 'text', wording: typed };
	return {
		understood: target.kind !== 'text',
		target,
		description: describeTarget(target, locale),
		secondary: parsed.secondary.map((t) => t.wording)
	};
}
