import { describe, expect, it } from 'vitest';
import { parseGeoShape } from '../../../src/site/geometry/geojson.js';

const ring = [
  [-97, 31],
  [-96, 31],
  [-96, 32],
  [-97, 31],
];

describe('parseGeoShape', () => {
  it('reads Polygon, MultiPolygon, Feature and GeometryCollection into polygons', () => {
    expect(parseGeoShape(JSON.stringify({ type: 'Polygon', coordinates: [ring] }))).toEqual([[ring]]);
    expect(parseGeoShape(JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring], [ring]] }))).toHaveLength(2);
    expect(parseGeoShape(JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }))).toHaveLength(1);
    const collection = { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [ring] }, { type: 'MultiPolygon', coordinates: [[ring]] }] };
    expect(parseGeoShape(JSON.stringify(collection))).toHaveLength(2);
  });

  it('cuts positions with an altitude to [longitude, latitude], in a ring of plain positions too', () => {
    const mixed = ring.map(([lon, lat], i) => (i === 1 ? [lon, lat, 250] : [lon, lat]));
    expect(parseGeoShape(JSON.stringify({ type: 'Polygon', coordinates: [mixed, ring] }))).toEqual([[ring, ring]]);
  });

  it('treats a blank cell or a null Feature geometry as no shape', () => {
    expect(parseGeoShape('  ')).toEqual([]);
    expect(parseGeoShape('{"type":"Feature","geometry":null}')).toEqual([]);
  });

  it('says what it expected and what it found', () => {
    expect(() => parseGeoShape('{"type": "Point", "coordinates": [1, 2]}')).toThrow('expected a Polygon, MultiPolygon, Feature or GeometryCollection, found type "Point"');
    expect(() => parseGeoShape('{"type": "Polygon"')).toThrow(/expected GeoJSON text, found unparseable JSON/);
    expect(() => parseGeoShape('{"type": "Polygon", "coordinates": [[[1, "a"]]]}')).toThrow('expected a position [longitude, latitude], found [1,"a"]');
    expect(() => parseGeoShape('{"type": "Polygon", "coordinates": [[[31, -97]]]}')).toThrow(/found \[31, -97\]/);
  });
});
