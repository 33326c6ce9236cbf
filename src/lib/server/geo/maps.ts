/**
 * The map geometry the pages draw: precomputed SVG paths from `maps.json` (see build.ts), bundled into the
 * server build. Only server code imports this, so no geometry reaches a browser except as the paths of a map
 * in a page's HTML.
 */
import asset from './maps.json';
import type { GeoAsset, MapGeometry } from './build';

const maps = asset as unknown as GeoAsset;

/** The 21 län at the size of the indicator map, or the coarser copy for a locator. */
export function swedenMap(size: 'full' | 'small' = 'full'): MapGeometry {
	return size === 'full' ? maps.sweden : maps.swedenSmall;
}

/** The kommuner of one län (with the neighbouring län as context in the full size), or null for an unknown code. */
export function lanMap(lanCode: string, size: 'full' | 'small' = 'full'): MapGeometry | null {
	return (size === 'full' ? maps.lan : maps.lanSmall)[lanCode] ?? null;
}

/** SCB's name of a län or kommun ("Jämtlands län", "Östersund"). */
export function geoName(code: string): string | null {
	return maps.names[code] ?? null;
}

/** The attribution under every map (SCB's borders are CC0; naming the source is a courtesy we keep). */
export const MAP_ATTRIBUTION = { sv: 'Källa: SCB (Digitala gränser)', en: 'Source: Statistics Sweden (Digitala gränser)' } as const;

/** The line the site footer adds on pages that draw a map (page data `mapSource`, read by the public layout). */
export const MAP_FOOTER = {
	sv: 'Kartor: Källa: SCB (Digitala gränser), öppna data (CC0).',
	en: 'Maps: Source: Statistics Sweden (Digitala gränser), open data (CC0).'
} as const;
