// Installations page data at full scale (`dash demo --scale full`: 776 installations, ~30 MB of Geo Shape text).
// Reports the page's two assets compressed against the 1 MB budget, the footprint simplification at three
// tolerances against the raw shapes (the baseline, same run), and the time of shaping against the time of only
// parsing the GeoJSON (the cost no approach avoids).
import { Buffer } from 'node:buffer';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parquetReadObjects } from 'hyparquet';
import { dataDir, ensureFullDemo, timeDash } from './fixtures.mjs';
import { shapeInstallations } from '../lib/site/assets/installations.js';
import { encodeTable } from '../lib/site/columnar.js';
import { parseGeoShape } from '../lib/site/geometry/geojson.js';
import { cacheRows, installationAssets } from '../lib/site/pages/installations.js';

const cacheDir = new URL('./data/cache', import.meta.url).pathname;
mkdirSync(cacheDir, { recursive: true });
ensureFullDemo(['bases']);
timeDash(['cache', '--only', 'bases', '--datasets', dataDir, '--cache', cacheDir]);
const file = await readFile(`${cacheDir}/bases.parquet`);
const objects = await parquetReadObjects({ file: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) });
const names = ['Site Name', 'COMPONENT', 'Oper Stat', 'State Terr', 'Joint Base', 'AREA', 'PERIMETER', 'lat', 'lon', 'state_abbrev', 'Geo Shape'];
const rows = cacheRows(Object.fromEntries(names.map((n) => [n, objects.map((o) => o[n])])));

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
// The qualities `dash site` uses (src/site/compress.ts): 11, or 9 above 2 MB.
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: bytes.length > 2_000_000 ? 9 : 11 } }).length;
const raw = Buffer.from(rows.map((r) => r['Geo Shape'] ?? '').join('\n'));
const rawGzip = gzipSync(raw).length;
console.log(`installations ${rows.length}; raw Geo Shape ${kib(raw.length)}, ${kib(rawGzip)} gzip (baseline)`);

let started = performance.now();
for (const r of rows) parseGeoShape(r['Geo Shape'] ?? '');
const parseMs = performance.now() - started;

for (const relative of [0.001, 0.004, 0.01]) {
  started = performance.now();
  const shaped = shapeInstallations(rows, { relative, minMetres: 5 });
  const shapeMs = performance.now() - started;
  const [table, footprints] = installationAssets(shaped);
  const tableBytes = encodeTable(table.columns, table.meta);
  const footprintBytes = Buffer.from(JSON.stringify(footprints.value));
  const total = brotli(tableBytes) + brotli(footprintBytes);
  console.log(
    `tolerance ${(relative * 100).toFixed(1)} % of size (≥ 5 m): vertices ${shaped.verticesIn} → ${shaped.verticesOut} (${((100 * shaped.verticesOut) / shaped.verticesIn).toFixed(1)} %); ` +
      `rows ${kib(brotli(tableBytes))} + footprints ${kib(brotli(footprintBytes))} brotli = ${kib(total)} (${((100 * total) / 2 ** 20).toFixed(0)} % of the 1 MiB budget; ` +
      `${(rawGzip / brotli(footprintBytes)).toFixed(1)}× smaller than the raw shapes gzipped); shaping ${shapeMs.toFixed(0)} ms = ${(shapeMs / parseMs).toFixed(2)}× parsing alone (${parseMs.toFixed(0)} ms)`,
  );
}
