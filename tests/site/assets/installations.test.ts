import { describe, expect, it } from 'vitest';
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
      footprint: 0,
    });
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
