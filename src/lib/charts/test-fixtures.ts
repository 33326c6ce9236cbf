/**
 * Small, realistic chart inputs for the component tests: Kolada N01951 (invånare 31/12) for Jämtlands län and
 * riket, Kolada N03920 (arbetslöshet 18–65 år, %) for Jämtland's kommuner and some län. Values copied from
 * scripts/demo-data/kolada-ddf (rounded to two decimals); labels formatted the way pages do it.
 * Two values are deliberately missing to test gaps: Jämtlands län 2018 in `unemployment`, Berg in `kommunBars`.
 */
import { formatValue } from '$lib/domain/format';
import type { Bar, ChartPoint, ChartSeries } from './types';

export function points(values: Record<string, number | null>, unit: string, decimals: number): ChartPoint[] {
	return Object.entries(values).map(([period, value]) => ({
		period,
		x: Number(period.slice(0, 4)),
		value,
		label: value === null ? '.. uppgift saknas' : formatValue(value, unit, { decimals, locale: 'sv' })
	}));
}

export const jamtlandPopulation: ChartSeries = {
	id: '23',
	name: 'Jämtlands län',
	role: 'focus',
	points: points({ '2017': 129806, '2018': 130280, '2019': 130810, '2020': 131155, '2021': 132054, '2022': 132670 }, 'invånare', 0)
};

export const unemployment: ChartSeries[] = [
	{
		id: '23',
		name: 'Jämtlands län',
		role: 'focus',
		points: points({ '2015': 6.39, '2016': 6.12, '2017': 5.95, '2018': null, '2019': 5.25, '2020': 6.28, '2021': 5.35, '2022': 4.08 }, '%', 1)
	},
	{
		id: '00',
		name: 'Riket',
		role: 'riket',
		points: points({ '2015': 6.34, '2016': 6.17, '2017': 6.11, '2018': 5.79, '2019': 5.78, '2020': 7.19, '2021': 6.71, '2022': 5.58 }, '%', 1)
	},
	{
		id: '2380',
		name: 'Östersund',
		role: 'compare',
		points: points({ '2015': 6.08, '2016': 5.57, '2017': 5.26, '2018': 4.79, '2019': 4.88, '2020': 6.02, '2021': 5.43, '2022': 4.18 }, '%', 1)
	}
];

const kommuner: [string, string, number | null][] = [
	['2303', 'Ragunda', 5.03],
	['2305', 'Bräcke', 5.0],
	['2309', 'Krokom', 2.78],
	['2313', 'Strömsund', 5.2],
	['2321', 'Åre', 3.46],
	['2326', 'Berg', null],
	['2361', 'Härjedalen', 3.6],
	['2380', 'Östersund', 4.18]
];

export const kommunBars: Bar[] = kommuner.map(([id, name, value]) => ({
	id,
	name,
	value,
	label: value === null ? '.. uppgift saknas' : formatValue(value, '%', { decimals: 1, locale: 'sv' }),
	role: id === '2380' ? 'focus' : 'other',
	href: `/kommun/${id}`
}));
