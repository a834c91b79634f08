import { geoMercator, geoPath } from 'd3-geo';
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
