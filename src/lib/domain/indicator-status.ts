/**
 * Indicator status for a period ("Indikatorer, status för perioden"): helt / delvis / inte alls / värde saknas.
 */
import type { Colour, IndicatorStatus } from './types';

/** What is known about an indicator for one period. */
export interface IndicatorStatusInput {
	/** Whether there is any utfall (number or status text) for the period. */
	hasValue: boolean;
	/** Computed or assessed colour, if any. */
	colour: Colour | null;
	/** Utfall written as words, as in the verksamhetsberättelse where the Utfall column says "Helt". */
	textValue?: string | null;
}

const TEXT_TO_STATUS: Record<string, IndicatorStatus> = {
	helt: 'full',
	delvis: 'partial',
	'inte alls': 'none',
	'värde saknas': 'missing',
	'värde saknas för perioden': 'missing'
};

const COLOUR_TO_STATUS: Record<Colour, IndicatorStatus> = {
	green: 'full',
	yellow: 'partial',
	red: 'none'
};

/**
 * Parse a printed status word ("Helt", "delvis", " INTE  ALLS.") into a status; `null` when it is not one.
 * Case, surrounding space, repeated space and a trailing full stop are ignored because that is how the words
 * appear in real documents and PDF extractions.
 */
export function parseStatusText(s: string): IndicatorStatus | null {
	const key = s
		.replace(/\u00a0/g, ' ')
		.trim()
		.replace(/\.$/, '')
		.replace(/\s+/g, ' ')
		.toLocaleLowerCase('sv');
	return TEXT_TO_STATUS[key] ?? null;
}

/**
 * The status of an indicator for a period. A printed status word wins, because it is what the official wrote;
 * otherwise no value means "värde saknas", and the colour maps grön → helt, gul → delvis, röd → inte alls.
 * A value without colour returns `null`: we cannot say how far the target is met.
 */
export function indicatorStatus(input: IndicatorStatusInput): IndicatorStatus | null {
	if (input.textValue) {
		const parsed = parseStatusText(input.textValue);
		if (parsed) return parsed;
	}
	if (!input.hasValue) return 'missing';
	return input.colour ? COLOUR_TO_STATUS[input.colour] : null;
}
