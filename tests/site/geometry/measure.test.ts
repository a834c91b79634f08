import { geoArea, geoMercator, geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { ACRES_PER_KM2, AREA_UNITS, EARTH_RADIUS_KM, findUnit, footprintAreaKm2, footprintPerimeterKm, km2ToAcres, LENGTH_UNITS, matchUnit, nearestNeighbours } from '../../../src/site/geometry/measure.js';
import type { Polygon, Ring } from '../../../src/site/geometry/simplify.js';

/** A lon/lat box as a closed ring, counter-clockwise (RFC 7946) unless reversed. */
function box(lon0: number, lat0: number, lon1: number, lat1: number, clockwise = false): Ring {
  const ring: Ring = [
    [lon0, lat0],
    [lon1, lat0],
    [lon1, lat1],
    [lon0, lat1],
    [lon0, lat0],
  ];
  return clockwise ? ring.reverse() : ring;
}

/** Planar area (m²) and length (m) of a polygon in Web Mercator metres (EPSG:3857, R = 6,378,137 m): what a GIS in that projection stores. */
function webMercator(polygon: Polygon): { area: number; length: number } {
  const projection = geoMercator().scale(6_378_137).translate([0, 0]).precision(0);
  const path = geoPath(projection);
  const feature = { type: 'Polygon' as const, coordinates: polygon.map((r) => [...r].reverse()) };
  return { area: path.area(feature), length: path.measure(feature) };
}

/**
 * An independent reference for small rings: the planar area in a Lambert azimuthal equal-area projection centred on
 * the ring's first vertex (equal-area by construction; over 0.5 m edges a chord and its great circle part by far
 * less than the tolerance), in km².
 */
function equalAreaKm2(ring: Ring): number {
  const r = Math.PI / 180;
  const [l0, p0] = (ring[0] as number[]).map((v) => v * r) as [number, number];
  const xy = ring.map(([lon, lat]) => {
    const [l, p] = [(lon as number) * r, (lat as number) * r];
    const dl = l - l0;
    const k = Math.sqrt(2 / (1 + Math.sin(p0) * Math.sin(p) + Math.cos(p0) * Math.cos(p) * Math.cos(dl)));
    // sin(φ − φ₀) + 2 sin φ₀ cos φ sin²(Δλ/2) is cos φ₀ sin φ − sin φ₀ cos φ cos Δλ without its cancellation.
    return [k * Math.cos(p) * Math.sin(dl), k * (Math.sin(p - p0) + 2 * Math.sin(p0) * Math.cos(p) * Math.sin(dl / 2) ** 2)] as const;
  });
  let twice = 0;
  for (let i = 1; i < xy.length; i++) twice += (xy[i - 1] as readonly number[])[0]! * (xy[i] as readonly number[])[1]! - (xy[i] as readonly number[])[0]! * (xy[i - 1] as readonly number[])[1]!;
  return (Math.abs(twice) / 2) * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

/** An ellipse of `n` vertices, `a` × `b` metres, around (lon, lat): a small footprint of many short edges. */
function ellipse(lon: number, lat: number, a: number, b: number, n: number): Ring {
  const metresPerDegree = (EARTH_RADIUS_KM * 1000 * Math.PI) / 180;
  const ring: Ring = Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    return [lon + (a * Math.cos(t)) / (metresPerDegree * Math.cos((lat * Math.PI) / 180)), lat + (b * Math.sin(t)) / metresPerDegree];
  });
  return [...ring, ring[0] as Ring[number]];
}

describe('geodesic footprint measures', () => {
  it('uses the IUGG mean radius and the exact international acre', () => {
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
    expect(ACRES_PER_KM2).toBeCloseTo(247.105, 3);
    expect(km2ToAcres(2)).toBeCloseTo(494.2108, 4);
  });

  it('measures a 1° × 1° cell at the equator as ≈ 12,364 km², whichever way it winds', () => {
    // Bounded by the 1° N parallel the cell is R² · Δλ · sin 1° = 12,363.72 km²; GeoJSON edges are great-circle
    // arcs, and the top one bulges north of the parallel by 0.3 km² (0.0025 %).
    const parallelCell = EARTH_RADIUS_KM ** 2 * (Math.PI / 180) * Math.sin(Math.PI / 180);
    expect(parallelCell).toBeCloseTo(12_363.72, 2);
    const cell = footprintAreaKm2([[box(0, 0, 1, 1)]]);
    expect(cell).toBeCloseTo(12_364.03, 2);
    expect(cell / parallelCell - 1).toBeLessThan(3e-5);
    expect(footprintAreaKm2([[box(0, 0, 1, 1, true)]])).toBeCloseTo(cell, 6);
    expect(km2ToAcres(cell)).toBeCloseTo(3_055_219, -1);
  });

  it('measures its perimeter as two meridian degrees, the equator degree and the 1° parallel degree', () => {
    const degree = (EARTH_RADIUS_KM * Math.PI) / 180;
    // The top edge is a great-circle arc, a hair shorter than the parallel at 1° N (cos 1° · 111.19 km).
    const perimeter = footprintPerimeterKm([[box(0, 0, 1, 1)]]);
    expect(perimeter).toBeGreaterThan(degree * (3 + Math.cos(Math.PI / 180)) - 0.01);
    expect(perimeter).toBeCloseTo(444.763, 3);
  });

  it('measures a 2,000 m² footprint of 750 vertices to 1e-9 (d3-geo geoArea, summed exactly, is off by ~1e-5 there)', () => {
    for (const [lon, lat] of [[-117.6, 35.5], [-149.9, 64.8], [144.8, 13.5]] as const) {
      const ring = ellipse(lon, lat, 30, 21, 750);
      const reference = equalAreaKm2(ring);
      expect(reference).toBeGreaterThan(0.0019);
      expect(reference).toBeLessThan(0.0021);
      expect(Math.abs(footprintAreaKm2([[ring]]) / reference - 1)).toBeLessThan(1e-9);
      expect(Math.abs(footprintAreaKm2([[[...ring].reverse()]]) / reference - 1)).toBeLessThan(1e-9);
    }
  });

  it('agrees with d3-geo on a ring around a pole (handed to geoArea) and on a 1° cell', () => {
    const polar: Ring = [...Array.from({ length: 37 }, (_, i) => [-180 + i * 10, 80] as [number, number])];
    const d3 = geoArea({ type: 'Polygon', coordinates: [polar] });
    expect(footprintAreaKm2([[polar]]) / (Math.min(d3, 4 * Math.PI - d3) * EARTH_RADIUS_KM ** 2)).toBeCloseTo(1, 12);
    const cell = box(-100, 40, -99, 41);
    const cellD3 = geoArea({ type: 'Polygon', coordinates: [[...cell].reverse()] }) * EARTH_RADIUS_KM ** 2;
    expect(Math.abs(footprintAreaKm2([[cell]]) / cellD3 - 1)).toBeLessThan(1e-9);
  });

  it('subtracts holes and adds the polygons of a multipolygon', () => {
    const outer = footprintAreaKm2([[box(10, 40, 10.1, 40.1)]]);
    const hole = footprintAreaKm2([[box(10.02, 40.02, 10.04, 40.04)]]);
    expect(footprintAreaKm2([[box(10, 40, 10.1, 40.1), box(10.02, 40.02, 10.04, 40.04, true)]])).toBeCloseTo(outer - hole, 6);
    expect(footprintAreaKm2([[box(10, 40, 10.1, 40.1)], [box(11, 40, 11.1, 40.1)]])).toBeCloseTo(2 * outer, 6);
    expect(footprintAreaKm2([])).toBe(0);
  });

  it('finds each point its nearest other point, in great-circle km', () => {
    const near = nearestNeighbours([
      [0, 0],
      [0, 1],
      [0, 3],
    ]);
    expect(near.map((n) => n.index)).toEqual([1, 0, 1]);
    expect(near[2]?.km).toBeCloseTo((2 * EARTH_RADIUS_KM * Math.PI) / 180, 6);
    expect(nearestNeighbours([[5, 5]])).toEqual([{ index: -1, km: Number.NaN }]);
  });
});

describe('which unit a source figure is in', () => {
  // A hand-made 2 km × 2 km-ish footprint at 45° N: Web Mercator inflates its area by 1/cos²45° = 2.
  const polygon: Polygon = [box(-100, 45, -99.975, 45.018)];
  const km2 = footprintAreaKm2([polygon]);
  const km = footprintPerimeterKm([polygon]);
  const mercator = webMercator(polygon);

  it('sees Web Mercator square metres as about twice the true area at 45° N', () => {
    expect(mercator.area / (km2 * 1e6)).toBeCloseTo(2 * (6378.137 / 6371.0088) ** 2, 2);
    expect(matchUnit(AREA_UNITS, mercator.area, km2, 45.009)).toBe('square metres (Web Mercator, EPSG:3857)');
    expect(matchUnit(LENGTH_UNITS, mercator.length, km, 45.009)).toBe('metres (Web Mercator, EPSG:3857)');
  });

  it('tells true square metres, square miles, acres and planar square degrees apart', () => {
    expect(matchUnit(AREA_UNITS, km2 * 1e6, km2, 45)).toBe('square metres (true)');
    expect(matchUnit(AREA_UNITS, km2 / 2.589988110336, km2, 45)).toBe('square miles');
    expect(matchUnit(AREA_UNITS, km2ToAcres(km2), km2, 45)).toBe('acres');
    const squareDegrees = 0.025 * 0.018;
    expect(matchUnit(AREA_UNITS, squareDegrees, km2, 45.009)).toBe('square degrees (planar longitude × latitude)');
    expect(matchUnit(LENGTH_UNITS, km / 1.609344, km, 45)).toBe('miles');
    expect(matchUnit(AREA_UNITS, km2 * 3, km2, 45)).toBeNull();
    expect(matchUnit(AREA_UNITS, 0, km2, 45)).toBeNull();
  });

  it('reports the unit most rows agree with, and how many', () => {
    const rows = [
      { reported: km2 / 2.589988110336, geodesic: km2, lat: 45 },
      { reported: (2 * km2) / 2.589988110336, geodesic: 2 * km2, lat: 30 },
      { reported: 99, geodesic: km2, lat: 45 },
      { reported: 0, geodesic: km2, lat: 45 },
      { reported: 5, geodesic: Number.NaN, lat: 45 },
    ];
    expect(findUnit('AREA', AREA_UNITS, rows)).toEqual({ field: 'AREA', unit: 'square miles', agreeing: 2, compared: 3 });
    expect(findUnit('AREA', AREA_UNITS, [])).toEqual({ field: 'AREA', unit: null, agreeing: 0, compared: 0 });
  });
});
