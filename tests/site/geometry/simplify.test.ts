import { describe, expect, it } from 'vitest';
import { type Polygon, type Position, type Ring, simplifyFootprint, simplifyRing } from '../../../src/site/geometry/simplify.js';

const M_PER_DEG = 6_371_008.8 * (Math.PI / 180);

/** A square of `side` metres centred at (lon, lat) with `perEdge` vertices on each edge. */
function square(lon: number, lat: number, side: number, perEdge: number): Ring {
  const dLat = side / M_PER_DEG / 2;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const corners: Position[] = [
    [lon - dLon, lat - dLat],
    [lon + dLon, lat - dLat],
    [lon + dLon, lat + dLat],
    [lon - dLon, lat + dLat],
  ];
  const ring: Ring = [];
  corners.forEach((a, i) => {
    const b = corners[(i + 1) % 4] as Position;
    for (let k = 0; k < perEdge; k += 1) ring.push([a[0] + ((b[0] - a[0]) * k) / perEdge, a[1] + ((b[1] - a[1]) * k) / perEdge]);
  });
  ring.push(ring[0] as Position);
  return ring;
}

describe('simplifyRing', () => {
  const equator = { kx: M_PER_DEG, ky: M_PER_DEG };

  it('reduces collinear vertices to the corners and keeps the ring closed', () => {
    const ring = square(0, 0, 1000, 25);
    expect(ring).toHaveLength(101);
    const simple = simplifyRing(ring, 1, equator);
    expect(simple).toHaveLength(5);
    expect(simple?.[0]).toEqual(simple?.at(-1));
  });

  it('keeps a bump larger than the tolerance and drops one smaller', () => {
    const ring = square(0, 0, 1000, 10);
    // Push the middle vertex of the bottom edge 20 m south: its neighbours, 100 m away along the edge, then
    // lie 16 m off the chord from the corner to the bump.
    const bumped = ring.map((p, i): Position => (i === 5 ? [p[0], p[1] - 20 / M_PER_DEG] : p));
    expect(simplifyRing(bumped, 10, equator)).toHaveLength(8);
    expect(simplifyRing(bumped, 17, equator)).toHaveLength(6);
    expect(simplifyRing(bumped, 25, equator)).toHaveLength(5);
  });

  it('gives null when fewer than three distinct vertices remain', () => {
    expect(simplifyRing([[0, 0], [1, 1], [0, 0]], 1, equator)).toBeNull();
  });
});

describe('simplifyFootprint', () => {
  it('sets the tolerance to 0.4 % of the bounding-box diagonal, at least 5 m', () => {
    const big = simplifyFootprint([[square(-97, 31, 10_000, 50)]]);
    expect(big?.toleranceMetres).toBeCloseTo(0.004 * 10_000 * Math.SQRT2, 0);
    expect(big?.verticesIn).toBe(201);
    expect(big?.verticesOut).toBe(5);
    const small = simplifyFootprint([[square(-97, 31, 300, 5)]]);
    expect(small?.toleranceMetres).toBe(5);
  });

  it('measures longitude in metres at the footprint’s latitude', () => {
    // At 60° N a degree of longitude is half a degree of latitude: a 6 m east bump on an 800 m square
    // (tolerance 5 m) survives only if longitude is scaled correctly (unscaled it would look like 12 m).
    const ring = square(10, 60, 800, 10);
    const kx = M_PER_DEG * Math.cos((60 * Math.PI) / 180);
    const east = ring.map((p, i): Position => (i === 15 ? [p[0] + 4 / kx, p[1]] : p));
    expect(simplifyFootprint([[east]])?.verticesOut).toBe(5);
    const further = ring.map((p, i): Position => (i === 15 ? [p[0] + 6 / kx, p[1]] : p));
    expect(simplifyFootprint([[further]])?.verticesOut).toBe(6);
  });

  it('drops islands and holes under twice the tolerance but always keeps the largest ring', () => {
    const main = square(-97, 31, 10_000, 20);
    const islet = square(-96.9, 31, 50, 4);
    const hole = square(-97, 31, 60, 4);
    const lake = square(-97.01, 31.01, 1000, 4);
    const result = simplifyFootprint([[main, hole, lake], [islet]]);
    expect(result?.polygons).toHaveLength(1);
    expect(result?.polygons[0]).toHaveLength(2);
    const tiny: Polygon[] = [[square(-97, 31, 3, 4)]];
    expect(simplifyFootprint(tiny)?.polygons[0]?.[0]).toHaveLength(5);
  });

  it('gives null for an empty shape', () => {
    expect(simplifyFootprint([])).toBeNull();
  });
});
