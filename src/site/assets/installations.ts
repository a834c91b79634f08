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

/** What one Geo Shape gives the page: its geodesic measures and simplified footprint, or why it was not used. */
type ShapeResult =
  | { ok: true; areaKm2: number; perimeterKm: number; footprint: EncodedFootprint | null; verticesIn: number; verticesOut: number }
  | { ok: false; message: string };

function shapeFootprint(text: string, options: SimplifyOptions): ShapeResult {
  try {
    const polygons = parseGeoShape(text);
    const simplified = simplifyFootprint(polygons, options);
    return {
      ok: true,
      // Measured on the surveyed outline, before simplification, so the figures are the source's own shape.
      areaKm2: polygons.length > 0 ? footprintAreaKm2(polygons) : Number.NaN,
      perimeterKm: polygons.length > 0 ? footprintPerimeterKm(polygons) : Number.NaN,
      footprint: simplified === null ? null : encodeFootprint(simplified.polygons),
      verticesIn: simplified?.verticesIn ?? 0,
      verticesOut: simplified?.verticesOut ?? 0,
    };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

/**
 * The last build's result for each Geo Shape text (with the default simplification). `dash dev` rebuilds in a
 * process that stays loaded, and an edit of the bases CSV changes a row or two: reading, measuring and simplifying
 * the 776 unchanged surveyed outlines again was ~0.5 s of every such rebuild. Only the shapes of the last build
 * are kept.
 */
let lastShapes = new Map<string, ShapeResult>();

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
  const remember = options === DEFAULT_SIMPLIFY;
  const shapes = new Map<string, ShapeResult>();
  const nearest = nearestNeighbours(rows.map((row) => [row.lon, row.lat]));
  const installations = rows.map((row, i): Installation => {
    const text = row['Geo Shape'] ?? '';
    const shape = (remember ? lastShapes.get(text) : undefined) ?? shapeFootprint(text, options);
    if (remember) shapes.set(text, shape);
    let footprint = -1;
    if (shape.ok && shape.footprint !== null) {
      verticesIn += shape.verticesIn;
      verticesOut += shape.verticesOut;
      footprint = footprints.push(shape.footprint) - 1;
    }
    if (!shape.ok) warnings.push(`${row['Site Name']} (${row['State Terr']}): Geo Shape not used: ${shape.message}`);
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
      areaKm2: shape.ok ? shape.areaKm2 : Number.NaN,
      perimeterKm: shape.ok ? shape.perimeterKm : Number.NaN,
      nearest: nearest[i]?.index ?? -1,
      nearestKm: nearest[i]?.km ?? Number.NaN,
      footprint,
    };
  });
  if (remember) lastShapes = shapes;
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
