/**
 * `npm run geo:build`: writes src/lib/server/geo/maps.json, the projected and simplified map paths, from SCB's
 * borders in scripts/demo-data/geo/. Run it after changing those files or the sizes in src/lib/server/geo/build.ts;
 * `src/lib/server/geo/maps.test.ts` fails while the committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildGeoAsset, type GeoJsonCollection } from '../src/lib/server/geo/build';

const read = (file: string) => JSON.parse(readFileSync(`scripts/demo-data/geo/${file}`, 'utf8')) as GeoJsonCollection;
const asset = buildGeoAsset(read('lan.geojson'), read('kommuner.geojson'));
const json = JSON.stringify(asset);
const out = process.argv[2] ?? 'src/lib/server/geo/maps.json';
writeFileSync(out, json + '\n');

const size = (s: string) => `${(s.length / 1000).toFixed(1)} kB (gzip ${(gzipSync(s, { level: 9 }).length / 1000).toFixed(1)} kB)`;
const paths = (m: { areas: Record<string, string>; context: Record<string, string> }) => [...Object.values(m.areas), ...Object.values(m.context)].join('');
console.log(`${out}: ${size(json)}`);
console.log(`  sweden (21 län):      ${size(paths(asset.sweden))}`);
console.log(`  swedenSmall:          ${size(paths(asset.swedenSmall))}`);
for (const code of ['23', '18', '14', '01']) {
	console.log(`  lan ${code} (${Object.keys(asset.lan[code].areas).length} kommuner):   ${size(paths(asset.lan[code]))}, small ${size(paths(asset.lanSmall[code]))}`);
}
