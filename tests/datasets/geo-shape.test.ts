import { describe, expect, it } from 'vitest';
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
