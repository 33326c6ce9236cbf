/**
 * The small locator maps of the organisation page (the län in Sweden) and the kommun page (the kommun in its
 * län), as finished HTML for `{@html}`; null when the geography has no map (e.g. the made-up Exempellänet).
 */
import type { Locale } from '../../i18n';
import { MAP_ATTRIBUTION, lanMap, swedenMap } from './maps';
import type { MapGeometry } from './build';
import { renderLocator } from './render';

const text = {
	sv: {
		lanTitle: (lan: string) => `Karta: ${lan} markerat bland Sveriges 21 län`,
		lanCaption: (lan: string) => `${lan} i Sverige`,
		kommunTitle: (kommun: string, lan: string) => `Karta: ${kommun} markerad bland kommunerna i ${lan}`,
		kommunCaption: (kommun: string, lan: string) => `${kommun} i ${lan}`
	},
	en: {
		lanTitle: (lan: string) => `Map: ${lan} highlighted among Sweden’s 21 counties`,
		lanCaption: (lan: string) => `${lan} in Sweden`,
		kommunTitle: (kommun: string, lan: string) => `Map: ${kommun} highlighted among the municipalities of ${lan}`,
		kommunCaption: (kommun: string, lan: string) => `${kommun} in ${lan}`
	}
};

function locator(map: MapGeometry, code: string, title: string, caption: string, locale: Locale): string | null {
	if (!map.areas[code]) return null;
	return renderLocator({
		title,
		caption,
		width: map.width,
		height: map.height,
		areas: Object.entries(map.areas).map(([c, d]) => ({ code: c, d, highlight: c === code })),
		attribution: MAP_ATTRIBUTION[locale]
	});
}

export function lanLocator(lan: { code: string; name: string }, locale: Locale): string | null {
	const x = text[locale];
	return locator(swedenMap('small'), lan.code, x.lanTitle(lan.name), x.lanCaption(lan.name), locale);
}

export function kommunLocator(kommun: { code: string; name: string }, lan: { code: string; name: string }, locale: Locale): string | null {
	const map = lanMap(lan.code, 'small');
	const x = text[locale];
	return map ? locator(map, kommun.code, x.kommunTitle(kommun.name, lan.name), x.kommunCaption(kommun.name, lan.name), locale) : null;
}
