import { geoArea, geoDistance, geoLength } from 'd3-geo';
import type { UnitFinding } from '../contracts/installations.js';
import type { Polygon, Ring } from './simplify.js';

export type { UnitFinding };

/**
 * Geodesic measures of installation footprints on the sphere of the IUGG mean Earth radius, and the check of
 * which units the source's own AREA / PERIMETER / Shape_Area / Shape_Leng figures are in.
 *
 * The sphere (not the WGS-84 ellipsoid) is what d3-geo measures on; for footprints of at most a few thousand
 * km² its areas differ from ellipsoidal ones by < 0.5 %, far below what the charts resolve.
 */

/** IUGG mean Earth radius R₁ = (2a + b) / 3, km. */
export const EARTH_RADIUS_KM = 6371.0088;
/** 1 international acre = 4,046.8564224 m² exactly, so 1 km² = 10⁶ / 4,046.8564224 acres. */
export const ACRES_PER_KM2 = 1e6 / 4046.8564224;
/** 1 international mile = 1.609344 km exactly. */
export const KM_PER_MILE = 1.609344;

export const km2ToAcres = (km2: number): number => km2 * ACRES_PER_KM2;

/**
 * Area of one ring in steradians, whichever way it winds: d3-geo reads a clockwise ring as enclosing its inside,
 * GeoJSON (RFC 7946) writes exteriors counter-clockwise, and sources mix both. No footprint covers half the globe,
 * so the smaller of the two regions a ring bounds is the one it means.
 */
function ringSteradians(ring: Ring): number {
  const a = geoArea({ type: 'Polygon', coordinates: [ring] });
  return Math.min(a, 4 * Math.PI - a);
}

/** Footprint area in km²: each polygon's exterior less its holes, summed over the polygons. */
export function footprintAreaKm2(polygons: readonly Polygon[]): number {
  let steradians = 0;
  for (const [exterior, ...holes] of polygons) {
    if (exterior === undefined) continue;
    steradians += ringSteradians(exterior) - holes.reduce((sum, hole) => sum + ringSteradians(hole), 0);
  }
  return steradians * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

/** Footprint perimeter in km: the length of every ring, holes included (as GIS perimeters count them). */
export function footprintPerimeterKm(polygons: readonly Polygon[]): number {
  let radians = 0;
  for (const polygon of polygons) for (const ring of polygon) radians += geoLength({ type: 'LineString', coordinates: ring });
  return radians * EARTH_RADIUS_KM;
}

/** Great-circle distance in km between two [longitude, latitude] points. */
export const distanceKm = (a: readonly [number, number], b: readonly [number, number]): number => geoDistance(a as [number, number], b as [number, number]) * EARTH_RADIUS_KM;

export interface Nearest {
  /** Index of the nearest other point, or -1 when there is none. */
  index: number;
  km: number;
}

/** For each point, the nearest other point by great-circle distance (n ≈ 800: the n² pairs take milliseconds). */
export function nearestNeighbours(points: readonly (readonly [number, number])[]): Nearest[] {
  return points.map((p, i) => {
    let best: Nearest = { index: -1, km: Number.NaN };
    points.forEach((q, j) => {
      if (j === i) return;
      const km = distanceKm(p, q);
      if (best.index < 0 || km < best.km) best = { index: j, km };
    });
    return best;
  });
}

/** Web Mercator (EPSG:3857) sphere radius: the WGS-84 semi-major axis, metres. */
const WEB_MERCATOR_RADIUS_KM = 6378.137;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/** The units a source's area field could be in, each as "how many of this unit one geodesic km² at latitude φ reads". */
export const AREA_UNITS = {
  'square metres (Web Mercator, EPSG:3857)': (lat: number) => (1e6 * (WEB_MERCATOR_RADIUS_KM / EARTH_RADIUS_KM) ** 2) / Math.cos((lat * Math.PI) / 180) ** 2,
  'square metres (true)': () => 1e6,
  'square degrees (planar longitude × latitude)': (lat: number) => 1 / (KM_PER_DEGREE * KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180)),
  'square miles': () => 1 / (KM_PER_MILE * KM_PER_MILE),
  'square kilometres': () => 1,
  acres: () => ACRES_PER_KM2,
  hectares: () => 100,
} as const satisfies Record<string, (lat: number) => number>;

/** Lengths: a Web Mercator metre shrinks by cos φ in every direction, so a perimeter reads 1/cos φ too long. */
export const LENGTH_UNITS = {
  'metres (Web Mercator, EPSG:3857)': (lat: number) => (1e3 * (WEB_MERCATOR_RADIUS_KM / EARTH_RADIUS_KM)) / Math.cos((lat * Math.PI) / 180),
  'metres (true)': () => 1e3,
  miles: () => 1 / KM_PER_MILE,
  kilometres: () => 1,
} as const satisfies Record<string, (lat: number) => number>;

export type UnitTable = Record<string, (lat: number) => number>;

/** The unit whose reading of `geodesic` at `lat` is within `tolerance` (relative) of `reported`, or null. */
export function matchUnit(units: UnitTable, reported: number, geodesic: number, lat: number, tolerance = 0.05): string | null {
  if (!(reported > 0) || !(geodesic > 0)) return null;
  let best: { unit: string; error: number } | null = null;
  for (const [unit, perKm] of Object.entries(units)) {
    const error = Math.abs(Math.log(reported / (geodesic * perKm(lat))));
    if (best === null || error < best.error) best = { unit, error };
  }
  return best !== null && best.error <= Math.log1p(tolerance) ? best.unit : null;
}

/** Which unit a source field is in, by the majority of rows whose figure matches their footprint's geodesic one. */
export function findUnit(field: string, units: UnitTable, rows: readonly { reported: number; geodesic: number; lat: number }[]): UnitFinding {
  const votes = new Map<string, number>();
  let compared = 0;
  for (const row of rows) {
    if (!(row.reported > 0) || !(row.geodesic > 0)) continue;
    compared += 1;
    const unit = matchUnit(units, row.reported, row.geodesic, row.lat);
    if (unit !== null) votes.set(unit, (votes.get(unit) ?? 0) + 1);
  }
  const [unit, agreeing] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return { field, unit, agreeing, compared };
}
