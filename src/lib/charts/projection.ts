/**
 * Projection and path helpers for the maps. Used on the server and by `scripts/geo.ts` only: the browser never
 * projects anything, it receives finished SVG paths.
 *
 * Sweden is drawn in a transverse Mercator with its central meridian at 15° E, the projection of SWEREF 99 TM
 * (EPSG:3006), so the maps look like Lantmäteriet's and SCB's: north is up along 15° E, shapes and areas are
 * true to within 0.1 % across the country (1,000 km north–south, 11°–24° E).
 */
import { geoBounds, geoPath, geoTransverseMercator, type GeoPermissibleObjects, type GeoProjection } from 'd3';

export type Point = [number, number];
export type Ring = Point[];

/** SWEREF 99 TM's central meridian. */
export const CENTRAL_MERIDIAN = 15;

/** A transverse Mercator centred on 15° E, not yet scaled or translated (call `fitToBox`). */
export function swedenProjection(): GeoProjection {
	return geoTransverseMercator().rotate([-CENTRAL_MERIDIAN, 0]);
}

export interface Box {
	/** viewBox width and height, whole units (the SVG's user units, roughly CSS pixels at full size). */
	width: number;
	height: number;
}

/**
 * Scales and translates `projection` so `object` fills a box whose longer side is `longSide` units plus `pad` on
 * every side, with the object's projected bounds starting at (pad, pad). Returns the box: the tight viewBox, so a
 * tall län gets a tall map and a wide one a wide map.
 */
export function fitToBox(projection: GeoProjection, object: GeoPermissibleObjects, longSide: number, pad = 0): Box {
	projection.fitSize([longSide, longSide], object);
	const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(object);
	const [tx, ty] = projection.translate();
	projection.translate([tx - x0 + pad, ty - y0 + pad]);
	return { width: Math.ceil(x1 - x0 + 2 * pad), height: Math.ceil(y1 - y0 + 2 * pad) };
}

/** Longitude/latitude bounds of an object as [[west, south], [east, north]]. */
export function lonLatBounds(object: GeoPermissibleObjects): [Point, Point] {
	return geoBounds(object) as [Point, Point];
}

/** Signed area of a planar ring (shoelace); positive when clockwise on screen (y down). */
export function ringArea(ring: readonly Point[]): number {
	let sum = 0;
	for (let i = 0, n = ring.length; i < n; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % n];
		sum += x0 * y1 - x1 * y0;
	}
	return sum / 2;
}

/**
 * Rounds a ring to whole units and drops points that fall on the previous one (and a closing point equal to the
 * first). Rings of fewer than three distinct points are returned empty.
 */
export function quantizeRing(ring: readonly Point[]): Ring {
	const out: Ring = [];
	for (const [x, y] of ring) {
		const p: Point = [Math.round(x), Math.round(y)];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
	return out.length >= 3 ? out : [];
}

/**
 * SVG path data for whole-unit rings, written compactly: an absolute move to the first point, then relative
 * line-tos (`h`/`v` for axis-parallel steps), `z` to close. Negative numbers need no separator.
 */
export function ringsToPath(rings: readonly (readonly Point[])[]): string {
	let d = '';
	for (const ring of rings) {
		if (ring.length < 3) continue;
		let [px, py] = ring[0];
		d += `M${px} ${py}`;
		let last = '';
		for (let i = 1; i < ring.length; i++) {
			const [x, y] = ring[i];
			const dx = x - px;
			const dy = y - py;
			if (dy === 0) {
				d += `h${dx}`;
				last = 'h';
			} else if (dx === 0) {
				d += `v${dy}`;
				last = 'v';
			} else {
				// Consecutive relative line-tos can share one "l": "l1 2 3 4".
				d += (last === 'l' ? (dx < 0 ? '' : ' ') : 'l') + `${dx}${dy < 0 ? '' : ' '}${dy}`;
				last = 'l';
			}
			[px, py] = [x, y];
		}
		d += 'z';
	}
	return d;
}

/** Absolute points of path data written by `ringsToPath` (for tests and for label placement). */
export function pathToRings(d: string): Ring[] {
	const rings: Ring[] = [];
	let ring: Ring = [];
	let x = 0;
	let y = 0;
	let command = '';
	const tokens = d.match(/[MhvlzHVL]|-?\d+(?:\.\d+)?/g) ?? [];
	for (let i = 0; i < tokens.length; ) {
		const t = tokens[i];
		if (/[a-zA-Z]/.test(t)) {
			command = t;
			i++;
			if (command === 'z') {
				rings.push(ring);
				ring = [];
			}
			continue;
		}
		const n = Number(t);
		if (command === 'M') {
			[x, y] = [n, Number(tokens[i + 1])];
			ring = [[x, y]];
			i += 2;
			command = 'l';
		} else if (command === 'l') {
			x += n;
			y += Number(tokens[i + 1]);
			ring.push([x, y]);
			i += 2;
		} else if (command === 'h') {
			x += n;
			ring.push([x, y]);
			i++;
		} else if (command === 'v') {
			y += n;
			ring.push([x, y]);
			i++;
		} else {
			throw new Error(`Unsupported path data near '${t}'`);
		}
	}
	return rings;
}

/**
 * A point well inside a polygon for a label: the widest horizontal run through the largest ring, tried at
 * several heights. Cheap and good enough for kommun shapes (no polylabel dependency).
 */
export function labelPoint(rings: readonly Ring[]): Point | null {
	const outer = [...rings].sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
	if (!outer || outer.length < 3) return null;
	const ys = outer.map((p) => p[1]);
	const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
	let best: { x: number; y: number; width: number } | null = null;
	for (let k = 1; k < 16; k++) {
		const y = top + ((bottom - top) * k) / 16;
		const xs: number[] = [];
		for (const ring of rings) {
			for (let i = 0, n = ring.length; i < n; i++) {
				const [ax, ay] = ring[i];
				const [bx, by] = ring[(i + 1) % n];
				if (ay <= y !== by <= y) xs.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
			}
		}
		xs.sort((a, b) => a - b);
		for (let i = 0; i + 1 < xs.length; i += 2) {
			// Prefer runs near the vertical middle: a label there reads as belonging to the whole shape.
			const width = (xs[i + 1] - xs[i]) * (1 - Math.abs(k - 8) / 24);
			if (!best || width > best.width) best = { x: (xs[i] + xs[i + 1]) / 2, y, width };
		}
	}
	return best ? [Math.round(best.x), Math.round(best.y)] : null;
}
