/**
 * Topology-preserving simplification and rectangle clipping of projected polygons, for `build.ts`.
 *
 * Neighbouring kommuner share their border vertex for vertex in SCB's files. Simplifying each polygon on its own
 * would thin the two copies of a border differently and open slivers between them. So, like TopoJSON, we cut every
 * ring into chains at its junctions (vertices where the set of rings that use them changes), simplify each chain
 * once with Douglas–Peucker in a canonical direction, and give both neighbours the same result.
 */
import { ringArea, type Point, type Ring } from '../../charts/projection';

/** A polygon feature in lon/lat: polygons → rings → points, as in GeoJSON (closing point optional). */
export interface LonLatFeature {
	code: string;
	polygons: Point[][][];
}

export interface PlanarFeature {
	code: string;
	/** Every ring of every polygon, exterior rings and holes alike (drawn with the even-odd rule). */
	rings: Ring[];
}

const key = (p: Point) => `${p[0]},${p[1]}`;

/** Douglas–Peucker: the indices of `points` to keep (always the first and the last). */
export function douglasPeucker(points: readonly Point[], tolerance: number): number[] {
	const keep = new Uint8Array(points.length);
	keep[0] = keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length > 0) {
		const [a, b] = stack.pop()!;
		let worst = -1;
		let worstDistance = tolerance;
		for (let i = a + 1; i < b; i++) {
			const d = segmentDistance(points[i], points[a], points[b]);
			if (d > worstDistance) [worst, worstDistance] = [i, d];
		}
		if (worst >= 0) {
			keep[worst] = 1;
			stack.push([a, worst], [worst, b]);
		}
	}
	const out: number[] = [];
	keep.forEach((k, i) => k && out.push(i));
	return out;
}

function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
	const dx = bx - ax;
	const dy = by - ay;
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Projects and simplifies features together, so shared borders stay shared. `project` maps lon/lat to the map's
 * units; `tolerance` is in those units. Rings whose area falls below `minArea` (square units) after
 * simplification are dropped (skerries that would be a dot), unless they are a feature's only ring.
 */
export function simplifyFeatures(
	features: readonly LonLatFeature[],
	project: (p: Point) => Point,
	tolerance: number,
	minArea = 0
): PlanarFeature[] {
	// Open rings (no closing point), with each vertex's key.
	const rings: { feature: number; points: Point[]; keys: string[] }[] = [];
	features.forEach((f, feature) => {
		for (const polygon of f.polygons) {
			for (const ring of polygon) {
				const open = ring.length > 1 && key(ring[0]) === key(ring[ring.length - 1]) ? ring.slice(0, -1) : ring.slice();
				if (open.length >= 3) rings.push({ feature, points: open, keys: open.map(key) });
			}
		}
	});

	// Which rings use each vertex, as a signature string.
	const users = new Map<string, Set<number>>();
	rings.forEach((r, i) => r.keys.forEach((k) => (users.get(k) ?? users.set(k, new Set()).get(k)!).add(i)));
	const signature = new Map<string, string>();
	for (const [k, set] of users) signature.set(k, [...set].sort((a, b) => a - b).join(' '));

	// Junctions: a vertex whose signature differs from a neighbour's in any ring, or that a ring visits twice.
	const junction = new Set<string>();
	for (const r of rings) {
		const n = r.keys.length;
		const seen = new Set<string>();
		for (let i = 0; i < n; i++) {
			const k = r.keys[i];
			if (seen.has(k)) junction.add(k);
			seen.add(k);
			const s = signature.get(k);
			if (s !== signature.get(r.keys[(i + n - 1) % n]) || s !== signature.get(r.keys[(i + 1) % n])) junction.add(k);
		}
	}

	const projected = new Map<string, Point>();
	const at = (k: string, p: Point) => projected.get(k) ?? projected.set(k, project(p)).get(k)!;
	const chainCache = new Map<string, string[]>();

	/** Simplifies a chain of keys (both ends kept), the same way whichever direction it is walked. */
	function simplifyChain(keys: string[], points: Point[]): string[] {
		const reversed = isReversed(keys);
		const ks = reversed ? [...keys].reverse() : keys;
		const cacheKey = ks.join(';');
		let kept = chainCache.get(cacheKey);
		if (!kept) {
			const ps = (reversed ? [...points].reverse() : points).map((p, i) => at(ks[i], p));
			kept = douglasPeucker(ps, tolerance).map((i) => ks[i]);
			chainCache.set(cacheKey, kept);
		}
		return reversed ? [...kept].reverse() : kept;
	}

	const pointOf = new Map<string, Point>();
	for (const r of rings) r.keys.forEach((k, i) => pointOf.set(k, r.points[i]));

	const out: PlanarFeature[] = features.map((f) => ({ code: f.code, rings: [] }));
	for (const r of rings) {
		const n = r.keys.length;
		let starts = r.keys.map((k, i) => (junction.has(k) ? i : -1)).filter((i) => i >= 0);
		if (starts.length === 0) {
			// A ring with no junction (an island, an enclave): cut it at its smallest vertex and at the vertex
			// farthest from that, both chosen from the keys alone so a shared ring is cut the same way on both sides.
			const first = r.keys.reduce((best, k, i) => (k < r.keys[best] ? i : best), 0);
			const p0 = at(r.keys[first], r.points[first]);
			let far = (first + Math.floor(n / 2)) % n;
			let farDistance = -1;
			r.keys.forEach((k, i) => {
				const p = at(k, r.points[i]);
				const d = Math.hypot(p[0] - p0[0], p[1] - p0[1]);
				if (d > farDistance || (d === farDistance && k < r.keys[far])) [far, farDistance] = [i, d];
			});
			starts = [first, far].sort((a, b) => a - b);
		}
		const keys: string[] = [];
		for (let s = 0; s < starts.length; s++) {
			const from = starts[s];
			const to = starts[(s + 1) % starts.length] + (s + 1 === starts.length ? n : 0);
			const chainKeys: string[] = [];
			const chainPoints: Point[] = [];
			for (let i = from; i <= to; i++) {
				chainKeys.push(r.keys[i % n]);
				chainPoints.push(r.points[i % n]);
			}
			keys.push(...simplifyChain(chainKeys, chainPoints).slice(0, -1));
		}
		const ring = keys.map((k) => at(k, pointOf.get(k)!));
		out[r.feature].rings.push(ring);
	}
	for (const f of out) {
		if (f.rings.length > 1 && minArea > 0) {
			const largest = Math.max(...f.rings.map((ring) => Math.abs(ringArea(ring))));
			f.rings = f.rings.filter((ring) => {
				const area = Math.abs(ringArea(ring));
				return area >= minArea || area === largest;
			});
		}
	}
	return out;
}

/** True when a chain should be walked backwards to reach its canonical direction (smaller end key first). */
function isReversed(keys: readonly string[]): boolean {
	for (let i = 0, j = keys.length - 1; i < j; i++, j--) {
		if (keys[i] !== keys[j]) return keys[i] > keys[j];
	}
	return false;
}

/**
 * Sutherland–Hodgman: a ring clipped to the rectangle [x0, x1] × [y0, y1]. Correct for filling (a concave ring
 * may get zero-width spurs along the rectangle's edge, which is why callers clip a little outside the viewBox).
 */
export function clipRing(ring: readonly Point[], [x0, y0, x1, y1]: [number, number, number, number]): Ring {
	const edges: [(p: Point) => boolean, (a: Point, b: Point) => Point][] = [
		[(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((x0 - a[0]) / (b[0] - a[0])) * (b[1] - a[1])]],
		[(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((x1 - a[0]) / (b[0] - a[0])) * (b[1] - a[1])]],
		[(p) => p[1] >= y0, (a, b) => [a[0] + ((y0 - a[1]) / (b[1] - a[1])) * (b[0] - a[0]), y0]],
		[(p) => p[1] <= y1, (a, b) => [a[0] + ((y1 - a[1]) / (b[1] - a[1])) * (b[0] - a[0]), y1]]
	];
	let out: Ring = ring.slice();
	for (const [inside, cross] of edges) {
		const input = out;
		out = [];
		for (let i = 0; i < input.length; i++) {
			const current = input[i];
			const previous = input[(i + input.length - 1) % input.length];
			if (inside(current)) {
				if (!inside(previous)) out.push(cross(previous, current));
				out.push(current);
			} else if (inside(previous)) {
				out.push(cross(previous, current));
			}
		}
		if (out.length === 0) break;
	}
	return out;
}
