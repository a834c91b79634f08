import type { Installation } from '../contracts/installations.js';
import { type EncodedFootprint, encodeFootprint } from '../geometry/footprint-codec.js';
import { parseGeoShape } from '../geometry/geojson.js';
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
  const installations = rows.map((row): Installation => {
    let footprint = -1;
    try {
      const simplified = simplifyFootprint(parseGeoShape(row['Geo Shape'] ?? ''), options);
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
      footprint,
    };
  });
  return { installations, footprints, warnings, verticesIn, verticesOut };
}
