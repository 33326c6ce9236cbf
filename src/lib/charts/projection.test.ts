import { describe, expect, it } from 'vitest';
import { fitToBox, labelPoint, pathToRings, quantizeRing, ringArea, ringsToPath, swedenProjection, type Point, type Ring } from './projection';

describe('swedenProjection (transverse Mercator at 15° E, as SWEREF 99 TM)', () => {
	const p = swedenProjection();
	const at = (lon: number, lat: number) => p([lon, lat]) as Point;

	it('keeps the central meridian vertical and north up', () => {
		expect(at(15, 55.3)[0]).toBeCloseTo(at(15, 69)[0], 9);
		expect(at(15, 69)[1]).toBeLessThan(at(15, 55.3)[1]);
		expect(at(24, 66)[0]).toBeGreaterThan(at(11, 58)[0]);
	});

	it('bends meridians away from 15° E toward its north (Kiruna lies left of Haparanda)', () => {
		// Haparanda (24.1° E) is east of Kiruna (20.2° E) at about the same latitude band.
		expect(at(20.2, 67.9)[0]).toBeLessThan(at(24.1, 65.8)[0]);
		// A meridian east of 15° leans toward the centre as it goes north, as on SCB's maps.
		expect(at(20, 69)[0]).toBeLessThan(at(20, 55)[0]);
	});
});

describe('fitToBox', () => {
	type Polygon = { type: 'Polygon'; coordinates: Point[][] };
	const square: Polygon = { type: 'Polygon', coordinates: [[[13, 60], [13, 61], [17, 61], [17, 60], [13, 60]]] };
	const tall: Polygon = { type: 'Polygon', coordinates: [[[14.5, 58], [14.5, 66], [15.5, 66], [15.5, 58], [14.5, 58]]] };

	it.each([
		{ name: 'a wide shape fills the width', object: square, longSide: 600, pad: 6, wide: true },
		{ name: 'a tall shape fills the height', object: tall, longSide: 760, pad: 4, wide: false }
	])('$name', ({ object, longSide, pad, wide }) => {
		const projection = swedenProjection();
		const box = fitToBox(projection, object, longSide, pad);
		expect(wide ? box.width : box.height).toBe(longSide + 2 * pad);
		expect(wide ? box.height : box.width).toBeLessThan(longSide + 2 * pad);
		const corners = object.coordinates[0].map((c) => projection(c as Point) as Point);
		const xs = corners.map((c) => c[0]);
		const ys = corners.map((c) => c[1]);
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(pad - 1e-6);
		expect(Math.min(...ys)).toBeGreaterThanOrEqual(pad - 1e-6);
		expect(Math.max(...xs)).toBeLessThanOrEqual(box.width - pad + 1e-6);
		expect(Math.max(...ys)).toBeLessThanOrEqual(box.height - pad + 1e-6);
	});
});

describe('ringArea', () => {
	it.each([
		{ ring: [[0, 0], [10, 0], [10, 10], [0, 10]] as Ring, area: 100 },
		{ ring: [[0, 0], [0, 10], [10, 10], [10, 0]] as Ring, area: -100 },
		{ ring: [[0, 0], [4, 0], [0, 3]] as Ring, area: 6 },
		{ ring: [[0, 0], [1, 1]] as Ring, area: 0 }
	])('$ring → $area', ({ ring, area }) => {
		expect(ringArea(ring)).toBe(area);
	});
});

describe('quantizeRing', () => {
	it.each([
		{ name: 'rounds and drops repeats', ring: [[0.2, 0.1], [0.4, -0.2], [5.6, 0], [5.4, 4.9], [0, 5], [0.1, 0.3]] as Ring, expected: [[0, 0], [6, 0], [5, 5], [0, 5]] },
		{ name: 'collapses a speck to nothing', ring: [[0.1, 0.1], [0.3, 0.2], [0.2, 0.4]] as Ring, expected: [] },
		{ name: 'drops a closing point', ring: [[0, 0], [3, 0], [3, 3], [0, 0]] as Ring, expected: [[0, 0], [3, 0], [3, 3]] }
	])('$name', ({ ring, expected }) => {
		expect(quantizeRing(ring)).toEqual(expected);
	});
});

describe('ringsToPath and pathToRings', () => {
	it.each([
		{ rings: [[[0, 0], [10, 0], [10, 10], [0, 10]]] as Ring[], d: 'M0 0h10v10h-10z' },
		{ rings: [[[5, 5], [8, 9], [2, 12], [1, -3]]] as Ring[], d: 'M5 5l3 4-6 3-1-15z' },
		{ rings: [[[0, 0], [4, 0], [0, 3]], [[10, 10], [12, 11], [11, 14]]] as Ring[], d: 'M0 0h4l-4 3zM10 10l2 1-1 3z' },
		{ rings: [[[0, 0], [1, 1]]] as Ring[], d: '' }
	])('$d', ({ rings, d }) => {
		expect(ringsToPath(rings)).toBe(d);
		expect(pathToRings(d)).toEqual(rings.filter((r) => r.length >= 3));
	});
});

describe('labelPoint', () => {
	it('lies inside a square, near its middle', () => {
		const [x, y] = labelPoint([[[0, 0], [100, 0], [100, 100], [0, 100]]])!;
		expect(x).toBe(50);
		expect(y).toBeGreaterThan(30);
		expect(y).toBeLessThan(70);
	});

	it('lies inside the wide arm of an L, not in its empty corner', () => {
		const l: Ring = [[0, 0], [20, 0], [20, 80], [100, 80], [100, 100], [0, 100]];
		const [x, y] = labelPoint([l])!;
		expect(y).toBeGreaterThanOrEqual(80);
		expect(x).toBeGreaterThan(20);
	});

	it('is null without a ring', () => {
		expect(labelPoint([])).toBeNull();
	});
});
