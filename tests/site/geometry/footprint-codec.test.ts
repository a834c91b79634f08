import { describe, expect, it } from 'vitest';
import { decodeFootprint, encodeFootprint } from '../../../src/site/geometry/footprint-codec.js';

const anticlockwise: [number, number][] = [
  [-97, 31],
  [-96.99, 31],
  [-96.99, 31.01],
  [-97, 31.01],
  [-97, 31],
];

describe('encodeFootprint', () => {
  it('quantizes to 1e-5 degree, delta-encodes and leaves out the closing vertex', () => {
    const [polygon] = encodeFootprint([[anticlockwise]]);
    // The exterior is reversed to clockwise for d3-geo: from the north-west corner east, south, west.
    expect(polygon?.[0]).toEqual([-9700000, 3101000, 1000, 0, 0, -1000, -1000, 0]);
  });

  it('drops vertices that quantize onto their neighbour and rings left with fewer than 3 points', () => {
    const slivers: [number, number][] = [
      [0, 0],
      [0.000001, 0],
      [0, 0.000002],
      [0, 0],
    ];
    expect(encodeFootprint([[slivers]])).toEqual([]);
  });
});

describe('decodeFootprint', () => {
  it('round-trips within the quantum with exteriors clockwise and holes anticlockwise', () => {
    const hole: [number, number][] = [
      [-96.996, 31.004],
      [-96.996, 31.006],
      [-96.994, 31.006],
      [-96.994, 31.004],
      [-96.996, 31.004],
    ];
    const decoded = decodeFootprint(encodeFootprint([[anticlockwise, hole]]));
    expect(decoded.type).toBe('MultiPolygon');
    const [outer, inner] = decoded.coordinates[0] ?? [];
    const area = (ring: [number, number][]): number => ring.slice(1).reduce((s, b, i) => s + ((ring[i] as [number, number])[0] * b[1] - b[0] * (ring[i] as [number, number])[1]), 0);
    expect(area(outer ?? [])).toBeLessThan(0);
    expect(area(inner ?? [])).toBeGreaterThan(0);
    expect(outer).toHaveLength(5);
    expect(outer?.[0]).toEqual(outer?.[4]);
    const sorted = (ring: [number, number][]) => ring.slice(0, -1).map(([x, y]) => `${x.toFixed(5)},${y.toFixed(5)}`).sort();
    expect(sorted(outer ?? [])).toEqual(sorted(anticlockwise));
  });
});
