import type { Installation } from '../contracts/installations.js';
import { type EncodedFootprint, encodeFootprint } from '../geometry/footprint-codec.js';
import { parseGeoShape } from '../geometry/geojson.js';
import { AREA_UNITS, findUnit, footprintAreaKm2, footprintPerimeterKm, LENGTH_UNITS, nearestNeighbours, type UnitFinding } from '../geometry/measure.js';
import { DEFAULT_SIMPLIFY, type SimplifyOptions, simplifyFootprint } from '../geometry/simplify.js';

export type { Installation };

/** The bases cache columns the page reads (original names plus the ingest's derived ones). */
export interface BasesCacheRow {
  'Site Name': string;
  COMPONENT: string;
  'Oper Stat': string;
  'State Terr': string;
  'Joint Base': string;
  AREA: number;
  PERIMETER: number;
  /** The source's own figures in its projection's units (see src/datasets/bases.ts); null when absent. */
  Shape_Area?: number | null;
  Shape_Leng?: number | null;
  lat: number;
  lon: number;
  state_abbrev?: string | null;
  'Geo Shape'?: string | null;
}

export interface ShapedInstallations {
  installations: Installation[];
  footprints: EncodedFootprint[];
  /** Unreadable shapes, one line each, for the build's warnings. */
  warnings: string[];
  verticesIn: number;
  verticesOut: number;
  /** Which units AREA, PERIMETER, Shape_Area and Shape_Leng are in, judged against the geodesic footprint measures. */
  units: UnitFinding[];
}

/**
 * Shapes the bases cache rows for the page: the columns the charts and the export need, and every Geo
 * Shape simplified and encoded once here in the pipeline (the browser never sees the 27 MB of surveyed
 * outlines). A shape that cannot be read costs that installation its footprint, never the build.
 */
export function shapeInstallations(rows: readonly BasesCacheRow[], options: SimplifyOptions = DEFAULT_SIMPLIFY): ShapedInstallations {
  const footprints: EncodedFootprint[] = [];
  const warnings: string[] = [];
  let verticesIn = 0;
  let verticesOut = 0;
  const nearest = nearestNeighbours(rows.map((row) => [row.lon, row.lat]));
  const installations = rows.map((row, i): Installation => {
    let footprint = -1;
    let areaKm2 = Number.NaN;
    let perimeterKm = Number.NaN;
    try {
      const polygons = parseGeoShape(row['Geo Shape'] ?? '');
      // Measured on the surveyed outline, before simplification, so the figures are the source's own shape.
      if (polygons.length > 0) {
        areaKm2 = footprintAreaKm2(polygons);
        perimeterKm = footprintPerimeterKm(polygons);
      }
      const simplified = simplifyFootprint(polygons, options);
      if (simplified !== null) {
        verticesIn += simplified.verticesIn;
        verticesOut += simplified.verticesOut;
        footprint = footprints.push(encodeFootprint(simplified.polygons)) - 1;
      }
    } catch (err) {
      warnings.push(`${row['Site Name']} (${row['State Terr']}): Geo Shape not used: ${(err as Error).message}`);
    }
    return {
      name: row['Site Name'],
      component: row.COMPONENT,
      status: row['Oper Stat'],
      state: row['State Terr'],
      stateAbbrev: row.state_abbrev ?? '',
      joint: row['Joint Base'],
      lat: row.lat,
      lon: row.lon,
      area: row.AREA,
      perimeter: row.PERIMETER,
      areaKm2,
      perimeterKm,
      nearest: nearest[i]?.index ?? -1,
      nearestKm: nearest[i]?.km ?? Number.NaN,
      footprint,
    };
  });
  const compare = (pick: (row: BasesCacheRow) => number | null | undefined, geodesic: (row: Installation) => number) =>
    rows.map((row, i) => ({ reported: pick(row) ?? Number.NaN, geodesic: geodesic(installations[i] as Installation), lat: row.lat }));
  const units = [
    findUnit('AREA', AREA_UNITS, compare((r) => r.AREA, (r) => r.areaKm2)),
    findUnit('Shape_Area', AREA_UNITS, compare((r) => r.Shape_Area, (r) => r.areaKm2)),
    findUnit('PERIMETER', LENGTH_UNITS, compare((r) => r.PERIMETER, (r) => r.perimeterKm)),
    findUnit('Shape_Leng', LENGTH_UNITS, compare((r) => r.Shape_Leng, (r) => r.perimeterKm)),
  ];
  return { installations, footprints, warnings, verticesIn, verticesOut, units };
}
