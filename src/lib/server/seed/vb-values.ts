/**
 * Turns the values of one indicator in the extracted verksamhetsberättelse (orebro-rtn-vb2019.json)
 * into observations, without inventing anything:
 * - the printed Utfall column wins ("58%", or the status text "Helt") for the report year;
 * - otherwise the numbers the extraction marked with role "utfall" in the comment, by year and sex;
 * - earlier values (role "tidigare") are kept when they are for a stated earlier year in the same unit;
 * - several values for one year and sex, or values whose year is not stated, stay text (printed form only).
 * Every observation keeps the text as printed.
 */
import type { Sex } from '../../domain/types';

export interface VbValue {
	printed: string;
	value: number | number[] | null;
	unit: string | string[] | null;
	period: number | string | null;
	label: string | null;
	role: string;
}

export interface VbIndicator {
	text: string;
	utfall: { printed: string | null; value: number | null; unit: string | null; kind: string };
	comment: { text: string } | null;
	values_in_comment: VbValue[];
}

export interface VbObservation {
	year: number;
	sex: Sex;
	value: number | null;
	textValue: string | null;
	printed: string;
	note: string | null;
}

export interface VbIndicatorValues {
	observations: VbObservation[];
	unit: string | null;
	decimals: number;
}

const SEX_IN_PRINTED: [RegExp, Sex][] = [
	[/flickorna|kvinnorna/i, 'K'],
	[/pojkarna|männen/i, 'M']
];

/** Sex of a value: from the printed words ("av kvinnorna"), else from a label that starts with the group. */
export function sexOf(v: Pick<VbValue, 'printed' | 'label'>): Sex {
	for (const [re, sex] of SEX_IN_PRINTED) if (re.test(v.printed)) return sex;
	const label = (v.label ?? '').toLowerCase();
	if (/^(kvinnor|flickor)\b/.test(label) && !/respektive/.test(label)) return 'K';
	if (/^(män|pojkar)\b/.test(label)) return 'M';
	return 'T';
}

function yearsIn(period: number | string | null): number[] {
	if (typeof period === 'number') return [period];
	if (!period) return [];
	return [...period.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
}

function normaliseUnit(unit: string | string[] | null): string | null {
	if (unit === null || Array.isArray(unit)) return null;
	return unit.replace(/\s*\(.*\)$/, '').trim() || null;
}

function decimalsIn(printed: string): number {
	let max = 0;
	for (const m of printed.matchAll(/\d[.,](\d+)/g)) {
		// "7 331" style thousands are written with spaces here, so a comma or point is a decimal mark.
		if (m[1].length < 3) max = Math.max(max, m[1].length);
	}
	return max;
}

export function vbIndicatorValues(ind: VbIndicator, reportYear: number): VbIndicatorValues {
	const obs: VbObservation[] = [];
	const key = (o: { year: number; sex: Sex }) => `${o.year}:${o.sex}`;
	let unit: string | null = null;

	if (ind.utfall.kind === 'procent' && ind.utfall.value !== null && ind.utfall.printed) {
		obs.push({ year: reportYear, sex: 'T', value: ind.utfall.value, textValue: null, printed: ind.utfall.printed, note: null });
		unit = normaliseUnit(ind.utfall.unit);
	} else if (ind.utfall.kind === 'statustext' && ind.utfall.printed) {
		obs.push({ year: reportYear, sex: 'T', value: null, textValue: ind.utfall.printed, printed: ind.utfall.printed, note: null });
	} else {
		const groups = new Map<string, { year: number; sex: Sex; values: VbValue[]; numeric: boolean; yearNote: string | null }>();
		for (const v of ind.values_in_comment.filter((x) => x.role === 'utfall')) {
			const years = yearsIn(v.period);
			const isFromTo = typeof v.period === 'string' && v.period.includes('→');
			if (isFromTo && Array.isArray(v.value) && years.length === 2 && v.value.length === 2) {
				// "ökar från 113 2017 till 122 för år 2018": one value per stated year.
				years.forEach((year, i) => {
					const value = (v.value as number[])[i];
					obs.push({ year, sex: sexOf(v), value, textValue: null, printed: v.printed, note: null });
				});
				unit ??= normaliseUnit(v.unit);
				continue;
			}
			const year = isFromTo || years.length === 0 ? reportYear : years[0];
			const sex = sexOf(v);
			const numeric = typeof v.value === 'number' && !Array.isArray(v.unit);
			const note = isFromTo || years.length === 0 ? 'Året anges inte i dokumentet; visas under rapportåret.' : null;
			const g = groups.get(`${year}:${sex}`) ?? { year, sex, values: [], numeric: true, yearNote: null };
			g.values.push(v);
			g.numeric &&= numeric && note === null;
			g.yearNote ??= note;
			groups.set(`${year}:${sex}`, g);
			if (numeric) unit ??= normaliseUnit(v.unit);
		}
		for (const g of groups.values()) {
			const printed = g.values.map((v) => v.printed).join('; ');
			if (g.numeric && g.values.length === 1) {
				obs.push({ year: g.year, sex: g.sex, value: g.values[0].value as number, textValue: null, printed, note: null });
			} else {
				const note =
					g.values.length > 1
						? 'Flera uppgifter i kommentaren; återges som text.'
						: (g.yearNote ?? 'Uppgiften återges som text, som den står i dokumentet.');
				obs.push({ year: g.year, sex: g.sex, value: null, textValue: null, printed, note });
			}
		}
	}

	// Earlier values, only when they fit the same series: a stated earlier year and the same unit.
	if (obs.some((o) => o.value !== null)) {
		const have = new Set(obs.map(key));
		const firstYear = Math.min(...obs.map((o) => o.year));
		for (const v of ind.values_in_comment.filter((x) => x.role === 'tidigare')) {
			const years = yearsIn(v.period);
			if (years.length !== 1 || years[0] >= firstYear || normaliseUnit(v.unit) !== unit) continue;
			const year = years[0];
			if (typeof v.value === 'number') {
				const o = { year, sex: sexOf(v), value: v.value, textValue: null, printed: v.printed, note: null };
				if (!have.has(key(o))) obs.push(o), have.add(key(o));
			} else if (Array.isArray(v.value) && v.value.length === 2 && /kvinnor respektive män/i.test(v.label ?? '')) {
				(['K', 'M'] as const).forEach((sex, i) => {
					const o = { year, sex, value: (v.value as number[])[i], textValue: null, printed: v.printed, note: null };
					if (!have.has(key(o))) obs.push(o), have.add(key(o));
				});
			}
		}
	}

	const decimals = Math.max(0, ...obs.filter((o) => o.value !== null).map((o) => decimalsIn(o.printed)));
	obs.sort((a, b) => a.year - b.year || a.sex.localeCompare(b.sex));
	return { observations: obs, unit, decimals };
}
