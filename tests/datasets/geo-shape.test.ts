import { describe, expect, it, vi } from 'vitest';
import { geoShapeProblem } from '../../src/datasets/geo-shape.js';

describe('geoShapeProblem', () => {
  const ring = [[-98.4, 29.4], [-98.3, 29.4], [-98.3, 29.5], [-98.4, 29.4]];
  it.each([
    [{ type: 'Polygon', coordinates: [ring] }, null],
    [{ type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y, 12])] }, null],
    [{ type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] }, null],
    [{ type: 'MultiPolygon', coordinates: [] }, 'a MultiPolygon without polygons'],
    [{ type: 'Polygon', coordinates: [] }, 'a polygon without rings'],
    [{ type: 'Polygon', coordinates: [ring.slice(1)] }, 'a ring with fewer than 4 positions'],
    [{ type: 'Polygon', coordinates: [[...ring.slice(0, 3), [-98.4, 29.6]]] }, 'a ring that is not closed'],
    [{ type: 'Polygon', coordinates: [[[0, 0], ['1', 0], [1, 1], [0, 0]]] }, 'a position that is not [longitude, latitude] in range'],
    [{ type: 'Polygon', coordinates: [[[0, 0], [0, 91], [1, 1], [0, 0]]] }, 'a position that is not [longitude, latitude] in range'],
    [{ type: 'GeometryCollection', geometries: [] }, 'not a Polygon or MultiPolygon'],
    [{ coordinates: [ring] }, 'not a Polygon or MultiPolygon'],
  ])('%j → %s', (shape, problem) => {
    expect(geoShapeProblem(JSON.stringify(shape))).toBe(problem);
  });

  it('names text that is not JSON', () => {
    expect(geoShapeProblem('{"type": "Polygon", "coordinates": [[[1, 2]')).toBe('not valid JSON');
    expect(geoShapeProblem('1e400')).toBe('not a Polygon or MultiPolygon');
  });
});

describe('geoShapeProblem across rebuilds', () => {
  it('judges a shape text it has seen without parsing it again', () => {
    const text = JSON.stringify({ type: 'Polygon', coordinates: [[[-97, 30], [-96, 30], [-96, 31], [-97, 30]]] });
    const broken = JSON.stringify({ type: 'Polygon', coordinates: [[[-97, 30], [-96, 30], [-96, 31], [-97, 31]]] });
    expect([geoShapeProblem(text), geoShapeProblem(broken)]).toEqual([null, 'a ring that is not closed']);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect([geoShapeProblem(text), geoShapeProblem(broken)]).toEqual([null, 'a ring that is not closed']);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});
