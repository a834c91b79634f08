import type { ColumnDef } from '../cache/parquet.js';
import { writeBasesDemo } from '../demo/bases.js';
import type { CsvFormat } from './csv.js';
import { BASES_FILE } from './layout.js';
import { columnSum, ingestCsv, locateFile, type CsvDataset } from './ingest.js';
import { geoShapeProblem, rememberGoodShape } from './geo-shape.js';
import { branchOf } from './lookups/branches.js';
import { stateCodeOf } from './lookups/states.js';
import type { DatasetModule } from './types.js';
import { isBlank, parseNumber, textOr, textOrNull } from './values.js';

/**
 * The Kaggle file: semicolon-delimited, UTF-8 with a BOM, 14 columns; Geo Shape holds GeoJSON of up to MBs.
 *
 * Odd rows (each a warning naming its first lines, in the build output, the manifest and the Status page):
 * - no usable Geo Point: the row is dropped (there is nothing to place on the map);
 * - a Geo Shape that is not valid JSON, not a Polygon or MultiPolygon, or has a ring with fewer than 4 positions,
 *   unclosed or out of range (geo-shape.ts): the shape is dropped (null), the installation and its point are kept;
 * - a State Terr that is no US state or territory: kept as written, state_abbrev null (not on the state charts);
 * - PERIMETER or AREA not a number: 0.
 */
const FORMAT: CsvFormat = {
  delimiter: ';',
  columns: [
    { name: 'Geo Point', required: true },
    { name: 'Geo Shape', required: false },
    { name: 'OBJECTID_1', required: false },
    { name: 'OBJECTID', required: false },
    { name: 'COMPONENT', required: true },
    { name: 'Site Name', required: true },
    { name: 'Joint Base', required: true },
    { name: 'State Terr', required: true },
    { name: 'COUNTRY', required: false },
    { name: 'Oper Stat', required: true },
    { name: 'PERIMETER', required: true },
    { name: 'AREA', required: true },
    { name: 'Shape_Leng', required: false },
    { name: 'Shape_Area', required: false },
  ],
};

/**
 * Units of the source's size fields. The file documents none, so the site build (src/site/assets/installations.ts)
 * measures every Geo Shape geodesically (src/site/geometry/measure.ts: d3-geo on a sphere of R = 6,371.0088 km) and
 * finds, per field, the unit most rows agree with within 5 %; the Installations page states the finding in its size
 * charts' info and draws only the geodesic km². Candidates: Web Mercator (EPSG:3857) m², which read 1/cos²φ too large
 * (×1.33 at 30° N, ×2 at 45° N, ×5.5 in Alaska at 64° N), true m², planar square degrees (what a GIS stores for a
 * lon/lat feature class: 1/cosφ per km² of ground, so Alaska reads 2.3× Texas per km²), square miles, km², acres,
 * hectares; lengths in Web Mercator m (1/cosφ too long), m, miles, km.
 * On the built-in demo (776 rows): Shape_Area is planar square degrees (776 of 776), AREA square miles (626 of 776:
 * the generator shrinks the largest outlines to fit their state), PERIMETER miles for only 88 (the generator draws
 * it apart from the outline) and Shape_Leng no listed unit (planar degrees, whose length depends on direction).
 * A hand-made polygon at 45° N projected to Web Mercator is recognised as such (tests/site/geometry/measure.test.ts).
 * The real file's figures were not at hand here: `dash site` reports them for whatever file is ingested.
 */

/** bases.parquet, one row per installation that has a Geo Point (D-2). */
export const BASES_COLUMNS: readonly ColumnDef[] = [
  { name: 'Geo Point', type: 'STRING', nullable: false, doc: '"lat, lon" as written' },
  { name: 'Geo Shape', type: 'STRING', nullable: true, doc: 'GeoJSON Polygon/MultiPolygon of the footprint, as written (can be MBs); null when blank or not a valid polygon (warned)' },
  { name: 'OBJECTID_1', type: 'INT32', nullable: true, doc: 'source object id; null when blank or absent' },
  { name: 'OBJECTID', type: 'INT32', nullable: true, doc: 'source object id; null when blank or absent' },
  { name: 'COMPONENT', type: 'STRING', nullable: false, doc: 'e.g. "AF Active", "Army Guard", "WHS"; trimmed, blank → "Unknown"' },
  { name: 'Site Name', type: 'STRING', nullable: false, doc: 'trimmed; blank → "Unknown"' },
  { name: 'Joint Base', type: 'STRING', nullable: false, doc: 'joint installation name; blank → "Not Joint"' },
  { name: 'State Terr', type: 'STRING', nullable: false, doc: 'state or territory full name; blank → "Unknown"' },
  { name: 'COUNTRY', type: 'STRING', nullable: true, doc: 'as written' },
  { name: 'Oper Stat', type: 'STRING', nullable: false, doc: '"Active" / "Inactive"; blank → "Unknown"' },
  { name: 'PERIMETER', type: 'DOUBLE', nullable: false, doc: 'source units (see above; miles on the demo); non-numeric or blank → 0' },
  { name: 'AREA', type: 'DOUBLE', nullable: false, doc: 'source units (see above; square miles on the demo); non-numeric or blank → 0' },
  { name: 'Shape_Leng', type: 'DOUBLE', nullable: true, doc: "the source projection's length units (see above); null when not a number" },
  { name: 'Shape_Area', type: 'DOUBLE', nullable: true, doc: "the source projection's area units (see above; planar square degrees on the demo); null when not a number" },
  { name: 'lat', type: 'DOUBLE', nullable: false, doc: 'latitude from Geo Point (rows without one are dropped)' },
  { name: 'lon', type: 'DOUBLE', nullable: false, doc: 'longitude from Geo Point' },
  { name: 'branch', type: 'STRING', nullable: false, doc: 'Army, Navy, Air Force, Marine Corps or Other, from COMPONENT' },
  { name: 'state_abbrev', type: 'STRING', nullable: true, doc: 'postal code of State Terr; null when the name is not a state or territory' },
];

/** "lat, lon" → [lat, lon], or null when either part is missing, not a number or out of range. */
export function parseGeoPoint(text: string | undefined): [number, number] | null {
  const parts = (text ?? '').split(',');
  if (parts.length !== 2) return null;
  const lat = parseNumber(parts[0]);
  const lon = parseNumber(parts[1]);
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lat, lon];
}

const DATASET: CsvDataset = {
  name: 'bases',
  version: '1',
  format: FORMAT,
  columns: BASES_COLUMNS,
  transform: (values, line, log) => {
    const [geoPoint, geoShape, objectId1, objectId, component, site, joint, state, country, status, perimeterText, areaText, shapeLeng, shapeArea] = values;
    const point = parseGeoPoint(geoPoint);
    if (point === null) {
      log.note('Geo Point', 'rows without a usable "lat, lon" dropped', line, geoPoint ?? '');
      return null;
    }
    const numeric = (column: string, raw: string | undefined): number => {
      const n = parseNumber(raw);
      if (n === null && !isBlank(raw)) log.note(column, 'non-numeric values set to 0', line, raw ?? '');
      return n ?? 0;
    };
    const optionalInt = (raw: string | undefined): number | null => {
      const n = parseNumber(raw);
      return n !== null && Number.isInteger(n) && Math.abs(n) <= 2_147_483_647 ? n : null;
    };
    const componentText = textOr(component, 'Unknown');
    const stateText = textOr(state, 'Unknown');
    const stateCode = stateCodeOf(stateText);
    if (stateCode === null && !isBlank(state)) log.note('State Terr', 'names that are no US state or territory (kept as written, state_abbrev left empty)', line, stateText);
    let shape = textOrNull(geoShape);
    const shapeProblem = shape === null ? null : geoShapeProblem(shape);
    if (shapeProblem !== null) {
      log.note('Geo Shape', `shapes dropped (${shapeProblem}; the installation keeps its point)`, line, shape ?? '');
      shape = null;
    }
    return [
      (geoPoint ?? '').trim(),
      shape,
      optionalInt(objectId1),
      optionalInt(objectId),
      componentText,
      textOr(site, 'Unknown'),
      textOr(joint, 'Not Joint'),
      stateText,
      textOrNull(country),
      textOr(status, 'Unknown'),
      numeric('PERIMETER', perimeterText),
      numeric('AREA', areaText),
      parseNumber(shapeLeng),
      parseNumber(shapeArea),
      point[0],
      point[1],
      branchOf(componentText),
      stateCode,
    ];
  },
  details: (table) => ({ totalArea: columnSum(table, 'AREA'), latSum: columnSum(table, 'lat') }),
};

export const bases: DatasetModule = {
  name: 'bases',
  title: 'US military installations',
  artefact: 'bases.parquet',
  version: DATASET.version,
  demoVersion: '1',
  expects: BASES_FILE,
  locate: (datasetsDir) => locateFile(datasetsDir, BASES_FILE),
  writeDemo: writeBasesDemo,
  build: (context) => ingestCsv(DATASET, context),
  async remember(read) {
    for (const shape of (await read(['Geo Shape']))['Geo Shape'] ?? []) if (typeof shape === 'string') rememberGoodShape(shape);
  },
};
