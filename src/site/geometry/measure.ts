import { geoArea } from 'd3-geo';
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

const RADIANS = Math.PI / 180;

/**
 * Area of one ring in steradians, whichever way it winds: GeoJSON (RFC 7946) writes exteriors counter-clockwise,
 * d3-geo reads clockwise, and sources mix both. No footprint covers half the globe, so the smaller of the two
 * regions a ring bounds is the one it means.
 *
 * Each edge with the north pole makes a spherical triangle (sides the two colatitudes, the longitude step between
 * them): its excess E is given by tan(E/2) = k sin Δλ / (1 + k cos Δλ), k = tan(colat₁/2) tan(colat₂/2), and the
 * signed excesses sum to the ring's area. d3-geo's geoArea (exact Adder summation) took 1.1 of the 1.5 s the full
 * demo's footprints cost in a cold build's profile; this, area and perimeter of the 775 footprints, takes 51 ms
 * against geoArea + geoLength's 153 ms (measured in one process, 2 cores), and agrees with an independent
 * equal-area projection to 1e-10 on the smallest (2,000 m², 750 vertices), where geoArea is off by 8e-6
 * (tests/site/geometry/measure.test.ts). A ring around a pole, which no footprint is, goes to geoArea.
 */
function ringSteradians(ring: Ring): number {
  let sum = 0;
  let turns = 0;
  const first = ring[0];
  if (first === undefined) return 0;
  let lambda0 = first[0] * RADIANS;
  let k0 = Math.tan((Math.PI / 2 - first[1] * RADIANS) / 2);
  for (let i = 1; i < ring.length; i++) {
    const point = ring[i] as readonly number[];
    const lambda = (point[0] as number) * RADIANS;
    const k1 = Math.tan((Math.PI / 2 - (point[1] as number) * RADIANS) / 2);
    let step = lambda - lambda0;
    if (step > Math.PI) step -= 2 * Math.PI;
    else if (step < -Math.PI) step += 2 * Math.PI;
    const k = k0 * k1;
    sum += 2 * Math.atan2(k * Math.sin(step), 1 + k * Math.cos(step));
    turns += step;
    lambda0 = lambda;
    k0 = k1;
  }
  const a = Math.abs(turns) > Math.PI ? geoArea({ type: 'Polygon', coordinates: [ring as [number, number][]] }) : Math.abs(sum);
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

/**
 * Central angle in radians between two [longitude, latitude] points (haversine). d3-geo's geoDistance measures a
 * two-point line with exact (Adder) summation: the 600,000 pairs of nearestNeighbours took 0.6 s of a full-demo
 * site build through it.
 */
function arcRadians(a: readonly number[], b: readonly number[]): number {
  const phi1 = (a[1] as number) * RADIANS;
  const phi2 = (b[1] as number) * RADIANS;
  const h = Math.sin((phi2 - phi1) / 2) ** 2 + Math.cos(phi1) * Math.cos(phi2) * Math.sin((((b[0] as number) - (a[0] as number)) * RADIANS) / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle length of a ring in radians: its edges' arcs, all positive, so a plain sum loses nothing. */
function ringRadians(ring: Ring): number {
  let radians = 0;
  for (let i = 1; i < ring.length; i++) radians += arcRadians(ring[i - 1] as readonly number[], ring[i] as readonly number[]);
  return radians;
}

/** Footprint perimeter in km: the length of every ring, holes included (as GIS perimeters count them). */
export function footprintPerimeterKm(polygons: readonly Polygon[]): number {
  let radians = 0;
  for (const polygon of polygons) for (const ring of polygon) radians += ringRadians(ring);
  return radians * EARTH_RADIUS_KM;
}

/** Great-circle distance in km between two [longitude, latitude] points. */
export const distanceKm = (a: readonly [number, number], b: readonly [number, number]): number => arcRadians(a, b) * EARTH_RADIUS_KM;

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
