import { describe, expect, it } from 'vitest';
import { clipRing, douglasPeucker, simplifyFeatures, type LonLatFeature } from './simplify';
import type { Point } from '../../charts/projection';

const identity = (p: Point): Point => [p[0], p[1]];

describe('douglasPeucker', () => {
	it.each([
		{ name: 'a straight line keeps its ends', points: [[0, 0], [1, 0.01], [2, -0.01], [3, 0]] as Point[], tolerance: 0.5, kept: [0, 3] },
		{ name: 'a peak above the tolerance stays, points on its flanks go', points: [[0, 0], [1, 1.5], [2, 3], [3, 1.6], [4, 0]] as Point[], tolerance: 0.5, kept: [0, 2, 4] },
		{ name: 'a zero tolerance keeps every real bend', points: [[0, 0], [1, 1], [2, 0]] as Point[], tolerance: 0, kept: [0, 1, 2] },
		{ name: 'a loop (same ends) keeps its far point', points: [[0, 0], [5, 0.5], [10, 0], [0, 0]] as Point[], tolerance: 1, kept: [0, 2, 3] }
	])('$name', ({ points, tolerance, kept }) => {
		expect(douglasPeucker(points, tolerance)).toEqual(kept);
	});
});

describe('simplifyFeatures keeps shared borders shared', () => {
	// Two squares side by side; their common border x = 10 wiggles a little, and each has its own wiggly outer edge.
	const border: Point[] = [[10, 0], [10.2, 2], [9.9, 4], [10.1, 6], [9.8, 8], [10, 10]];
	const west: LonLatFeature = {
		code: 'W',
		polygons: [[[[0, 0], ...border, [0, 10], [0.3, 5], [0, 0]]]]
	};
	const east: LonLatFeature = {
		code: 'E',
		polygons: [[[...[...border].reverse(), [20, 0], [20.4, 5], [20, 10], [10, 10]]]]
	};

	it('gives both neighbours the same simplified border', () => {
		const [w, e] = simplifyFeatures([west, east], identity, 0.5);
		const onBorder = (ring: Point[]) =>
			ring
				.filter(([x]) => x > 9 && x < 11)
				.map((p) => p.join(','))
				.sort();
		expect(onBorder(w.rings[0])).toEqual(onBorder(e.rings[0]));
		expect(onBorder(w.rings[0])).toEqual(['10,0', '10,10']);
		// The outer wiggle (0.3 and 0.4 units) is below the tolerance too.
		expect(w.rings[0]).toHaveLength(4);
		expect(e.rings[0]).toHaveLength(4);
	});

	it('keeps border detail above the tolerance, identically on both sides', () => {
		const [w, e] = simplifyFeatures([west, east], identity, 0.15);
		const border = (ring: Point[]) => ring.filter(([x]) => x > 9 && x < 11).map((p) => p.join(',')).sort();
		expect(border(w.rings[0]).length).toBeGreaterThan(2);
		expect(border(w.rings[0])).toEqual(border(e.rings[0]));
	});

	it('simplifies an island without junctions and drops skerries below minArea', () => {
		const circle = (cx: number, cy: number, r: number, n = 40): Point[] =>
			Array.from({ length: n }, (_, i) => [cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n)] as Point);
		const island: LonLatFeature = { code: 'I', polygons: [[circle(0, 0, 50)], [circle(200, 0, 1, 8)]] };
		const [full] = simplifyFeatures([island], identity, 1);
		expect(full.rings).toHaveLength(2);
		expect(full.rings[0].length).toBeLessThan(40);
		expect(full.rings[0].length).toBeGreaterThan(6);
		const [pruned] = simplifyFeatures([island], identity, 1, 10);
		expect(pruned.rings).toHaveLength(1);
		// A feature's only ring is never dropped, however small.
		const [speck] = simplifyFeatures([{ code: 'S', polygons: [[circle(0, 0, 1, 8)]] }], identity, 0.1, 100);
		expect(speck.rings).toHaveLength(1);
	});

	it('projects every point with the given function', () => {
		const [w] = simplifyFeatures([west], (p) => [p[0] * 2, -p[1]], 0.5);
		expect(w.rings[0]).toContainEqual([20, -10]);
	});
});

describe('clipRing', () => {
	const frame: [number, number, number, number] = [0, 0, 10, 10];
	it.each([
		{ name: 'inside stays as is', ring: [[1, 1], [9, 1], [9, 9], [1, 9]] as Point[], expected: [[1, 1], [9, 1], [9, 9], [1, 9]] as Point[] },
		{ name: 'outside vanishes', ring: [[20, 20], [30, 20], [30, 30]] as Point[], expected: [] as Point[] },
		{
			name: 'overlapping is cut at the frame',
			ring: [[5, 5], [15, 5], [15, 15], [5, 15]] as Point[],
			expected: [[5, 5], [10, 5], [10, 10], [5, 10]] as Point[]
		}
	])('$name', ({ ring, expected }) => {
		// Compare as point sets: where the clipped ring starts does not matter.
		const sorted = (r: Point[]) => r.map((p) => p.join(',')).sort();
		expect(sorted(clipRing(ring, frame))).toEqual(sorted(expected));
	});
});
