import { describe, expect, it, vi } from 'vitest';
import { type BasesCacheRow, shapeInstallations } from '../../../src/site/assets/installations.js';
import { decodeFootprint } from '../../../src/site/geometry/footprint-codec.js';

function row(name: string, shape: string | null): BasesCacheRow {
  return {
    'Site Name': name,
    COMPONENT: 'Navy Active',
    'Oper Stat': 'Active',
    'State Terr': 'Guam',
    'Joint Base': 'Joint Region Marianas',
    AREA: 12.5,
    PERIMETER: 20,
    lat: 13.44,
    lon: 144.65,
    state_abbrev: 'GU',
    'Geo Shape': shape,
  };
}

// A 1 km square near Guam with 50 vertices on each edge.
const ring: [number, number][] = [];
for (const [x0, y0, x1, y1] of [
  [144.6, 13.4, 144.61, 13.4],
  [144.61, 13.4, 144.61, 13.41],
  [144.61, 13.41, 144.6, 13.41],
  [144.6, 13.41, 144.6, 13.4],
] as const) {
  for (let k = 0; k < 50; k += 1) ring.push([x0 + ((x1 - x0) * k) / 50, y0 + ((y1 - y0) * k) / 50]);
}
ring.push([144.6, 13.4]);

describe('shapeInstallations', () => {
  const shaped = shapeInstallations([
    row('Apra Harbor', JSON.stringify({ type: 'Polygon', coordinates: [ring] })),
    row('No Shape', null),
    row('Broken', '{"type": "Point", "coordinates": [144, 13]}'),
  ]);

  it('maps the cache columns to the page row', () => {
    expect(shaped.installations[0]).toEqual({
      name: 'Apra Harbor',
      component: 'Navy Active',
      status: 'Active',
      state: 'Guam',
      stateAbbrev: 'GU',
      joint: 'Joint Region Marianas',
      lat: 13.44,
      lon: 144.65,
      area: 12.5,
      perimeter: 20,
      areaKm2: expect.closeTo(1.2027, 4) as number,
      perimeterKm: expect.closeTo(4.3872, 4) as number,
      nearest: 1,
      nearestKm: 0,
      footprint: 0,
    });
  });

  it('measures the surveyed outline on the sphere: 0.01° × 0.01° at 13.4° N is 1.1119 km × 1.0818 km', () => {
    // R·Δφ = 1.1119 km north–south; R·Δλ·cos 13.405° = 1.0818 km east–west.
    expect(shaped.installations[0]?.areaKm2).toBeCloseTo(1.1119 * 1.0818, 3);
    expect(shaped.installations.slice(1).map((i) => i.areaKm2)).toEqual([Number.NaN, Number.NaN]);
  });

  it('judges the source fields\' units against the footprints and says when none fits', () => {
    // Web Mercator reads (6378.137 / 6371.0088)² / cos² 13.4° = 1.0592 m² per true m² here.
    // AREA 12.5 and PERIMETER 20 fit no unit of a 1.2 km² footprint; Shape_Area/Shape_Leng are absent.
    expect(shaped.units).toEqual([
      { field: 'AREA', unit: null, agreeing: 0, compared: 1 },
      { field: 'Shape_Area', unit: null, agreeing: 0, compared: 0 },
      { field: 'PERIMETER', unit: null, agreeing: 0, compared: 1 },
      { field: 'Shape_Leng', unit: null, agreeing: 0, compared: 0 },
    ]);
    const sqMi = shapeInstallations([{ ...row('Apra Harbor', JSON.stringify({ type: 'Polygon', coordinates: [ring] })), AREA: 1.2027 / 2.58999, Shape_Area: 1.2027e6 * 1.0592 }]);
    expect(sqMi.units.slice(0, 2).map((u) => u.unit)).toEqual(['square miles', 'square metres (Web Mercator, EPSG:3857)']);
  });

  it('simplifies each shape once and indexes it from its installation', () => {
    expect(shaped.footprints).toHaveLength(1);
    expect(shaped.installations.map((i) => i.footprint)).toEqual([0, -1, -1]);
    expect([shaped.verticesIn, shaped.verticesOut]).toEqual([201, 5]);
    const corners = decodeFootprint(shaped.footprints[0] ?? []).coordinates[0]?.[0];
    expect(corners).toHaveLength(5);
    expect(corners?.[0]).toEqual([144.6, 13.41]);
  });

  it('reports an unreadable shape by installation and keeps the installation', () => {
    expect(shaped.warnings).toEqual(['Broken (Guam): Geo Shape not used: expected a Polygon, MultiPolygon, Feature or GeometryCollection, found type "Point"']);
    expect(shaped.installations).toHaveLength(3);
  });
});

describe('shapeInstallations across rebuilds', () => {
  it('reads, measures and simplifies only the shapes that changed since the last build', () => {
    const square = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
    const moved = JSON.stringify({ type: 'Polygon', coordinates: [ring.map(([x, y]) => [x + 0.001, y])] });
    const first = shapeInstallations([row('Apra Harbor', square), row('Camp Blaz', moved)]);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const renamed = shapeInstallations([row('Apra Harbor Naval Base', square), row('Camp Blaz', moved)]);
      expect(parse).not.toHaveBeenCalled();
      expect(renamed.installations[0]?.name).toBe('Apra Harbor Naval Base');
      expect(renamed.footprints[0]).toBe(first.footprints[0]);
      expect(renamed.installations.map((i) => i.areaKm2)).toEqual(first.installations.map((i) => i.areaKm2));

      // An edited outline is read again, and gives its own figures.
      const half = JSON.stringify({ type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, 13.4 + (y - 13.4) / 2])] });
      const edited = shapeInstallations([row('Apra Harbor', half), row('Camp Blaz', moved)]);
      expect(parse).toHaveBeenCalledTimes(1);
      expect(edited.installations[0]?.areaKm2).toBeCloseTo((first.installations[0]?.areaKm2 ?? 0) / 2, 3);
    } finally {
      parse.mockRestore();
    }
  });
});
