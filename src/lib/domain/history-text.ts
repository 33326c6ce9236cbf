/**
 * The history of a value or an assessment in words: through which channel, what happened, and the old and
 * new contents as a reader would write them. Reads the JSON the editing module stores in the audit log:
 * values `{ value, text, missing, note }` or `{ remove: true }`, assessments `{ colour, comment, overrideReason }`.
 */
import { formatValue, type Locale } from './format';
import { colourLabel } from './labels';
import type { Colour } from './types';

const CHANNELS: Record<string, { sv: string; en: string }> = {
	form: { sv: 'formulär', en: 'form' },
	grid: { sv: 'tabell', en: 'grid' },
	import: { sv: 'import', en: 'import' },
	cli: { sv: 'kommandorad', en: 'command line' },
	system: { sv: 'system', en: 'system' }
};

const ACTIONS: Record<string, { sv: string; en: string }> = {
	'draft.save': { sv: 'utkast sparat', en: 'draft saved' },
	'draft.discard': { sv: 'utkast borttaget', en: 'draft discarded' },
	publish: { sv: 'publicerat', en: 'published' },
	'publish.remove': { sv: 'borttaget vid publicering', en: 'removed on publishing' },
	'import.new': { sv: 'importerat', en: 'imported' },
	'import.change': { sv: 'ändrat av import', en: 'changed by an import' },
	'import.remove': { sv: 'borttaget av import', en: 'removed by an import' }
};

/** The channel in words; an unknown channel is shown as stored rather than hidden. */
export function channelLabel(channel: string, locale: Locale = 'sv'): string {
	return CHANNELS[channel]?.[locale] ?? channel;
}

export function actionLabel(action: string, locale: Locale = 'sv'): string {
	return ACTIONS[action]?.[locale] ?? action;
}

const WORDS = {
	sv: { none: 'inget värde', remove: 'tas bort', note: 'anteckning', colour: 'färg', noColour: 'beräknad färg', comment: 'kommentar', noComment: 'ingen kommentar', reason: 'motivering' },
	en: { none: 'no value', remove: 'to be removed', note: 'note', colour: 'colour', noColour: 'computed colour', comment: 'comment', noComment: 'no comment', reason: 'reason' }
};

type Json = Record<string, unknown> | null | undefined;

const str = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);

/** A stored value: "81,4 %", "Helt", "..", "tas bort", or "inget värde"; a note follows in parentheses. */
export function describeValueJson(json: Json, unit: string | null, locale: Locale = 'sv'): string {
	const w = WORDS[locale];
	if (!json) return w.none;
	if (json.remove === true) return w.remove;
	let text = w.none;
	if (typeof json.value === 'number') text = formatValue(json.value, unit, { maxDecimals: 6, locale });
	else if (str(json.text)) text = str(json.text)!;
	else if (str(json.missing)) text = str(json.missing)!;
	const note = str(json.note);
	return note ? `${text} (${w.note}: ${note})` : text;
}

/** A stored assessment: "färg: gul · kommentar: Nästan där. · motivering: …". */
export function describeAssessmentJson(json: Json, locale: Locale = 'sv'): string {
	const w = WORDS[locale];
	if (!json) return w.none;
	const colour = str(json.colour) as Colour | null;
	const parts = [`${w.colour}: ${colour ? colourLabel(colour, locale).text.toLowerCase() : w.noColour}`];
	parts.push(str(json.comment) ? `${w.comment}: ${str(json.comment)}` : w.noComment);
	if (str(json.overrideReason)) parts.push(`${w.reason}: ${str(json.overrideReason)}`);
	return parts.join(' · ');
}
