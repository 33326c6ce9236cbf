/** Select options built from the text dictionary (shared by the structure pages). */
import type { StructureText } from './text';

export const kindOptions = (t: StructureText) => Object.entries(t.kinds).map(([value, label]) => ({ value, label }));
export const originOptions = (t: StructureText) => Object.entries(t.origins).map(([value, label]) => ({ value, label }));
export const directionOptions = (t: StructureText) => Object.entries(t.directions).map(([value, label]) => ({ value, label }));
export const frequencyOptions = (t: StructureText) => Object.entries(t.frequencies).map(([value, label]) => ({ value, label }));
export const externalOptions = (t: StructureText) => Object.entries(t.externalSources).map(([value, label]) => ({ value, label }));

export interface GeographyOption {
	id: number;
	name: string;
	level: string;
}

export const geographyOptions = (t: StructureText, list: GeographyOption[]) => [
	{ value: '', label: t.none },
	...list.map((g) => ({
		value: String(g.id),
		label: g.name,
		group: g.level === 'riket' ? t.riket : g.level === 'lan' ? t.lan : t.kommuner
	}))
];

/** A goal's name with its printed number, indented by depth for selects. */
export const goalOptionLabel = (g: { name: string; depth: number }) => `${'— '.repeat(g.depth)}${g.name}`;
