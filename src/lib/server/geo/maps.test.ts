import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGeoAsset, type GeoJsonCollection } from './build';
import { geoName, lanMap, swedenMap } from './maps';
import { pathToRings } from '../../charts/projection';

const read = (file: string) => JSON.parse(readFileSync(`scripts/demo-data/geo/${file}`, 'utf8')) as GeoJsonCollection;

describe('maps.json', () => {
	it('is what `npm run geo:build` makes from scripts/demo-data/geo/ (run it after changing either)', () => {
		const fresh = JSON.stringify(buildGeoAsset(read('lan.geojson'), read('kommuner.geojson')));
		expect(readFileSync('src/lib/server/geo/maps.json', 'utf8').trim()).toBe(fresh);
	}, 30_000); // builds all 44 maps: about 3 s, more on a busy machine

	it('has all 21 län on the Sweden maps and every kommun on its län map', () => {
		const lan = read('lan.geojson').features.map((f) => f.properties.code);
		const kommuner = read('kommuner.geojson').features.map((f) => f.properties.code);
		expect(Object.keys(swedenMap().areas).sort()).toEqual(lan);
		expect(Object.keys(swedenMap('small').areas).sort()).toEqual(lan);
		expect(lan.flatMap((l) => Object.keys(lanMap(l)!.areas)).sort()).toEqual(kommuner);
		expect(lan.flatMap((l) => Object.keys(lanMap(l, 'small')!.areas)).sort()).toEqual(kommuner);
		expect(Object.keys(lanMap('23')!.areas)).toHaveLength(8);
		expect(lanMap('99')).toBeNull();
	});

	it('keeps every path inside its viewBox and greys only other län as context', () => {
		for (const map of [swedenMap(), swedenMap('small'), lanMap('23')!, lanMap('01')!, lanMap('14', 'small')!]) {
			for (const d of Object.values(map.areas)) {
				const points = pathToRings(d).flat();
				expect(points.length).toBeGreaterThan(2);
				for (const [x, y] of points) {
					expect(x).toBeGreaterThanOrEqual(0);
					expect(y).toBeGreaterThanOrEqual(0);
					expect(x).toBeLessThanOrEqual(map.width);
					expect(y).toBeLessThanOrEqual(map.height);
				}
			}
		}
		expect(Object.keys(lanMap('23')!.context).sort()).toEqual(expect.arrayContaining(['22', '24', '20']));
		expect(Object.keys(lanMap('23')!.context)).not.toContain('23');
		expect(Object.keys(lanMap('23', 'small')!.context)).toEqual([]);
	});

	it('names areas as SCB does', () => {
		expect(geoName('23')).toBe('Jämtlands län');
		expect(geoName('2380')).toBe('Östersund');
		expect(geoName('1880')).toBe('Örebro');
		expect(geoName('9999')).toBeNull();
	});
});
