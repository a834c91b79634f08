/**
 * Compact footprints for the page's data asset, and their decoding in the browser (this module has no Node
 * imports so both sides share it).
 *
 * Coordinates are quantized to 1e-5 degree (≈1.1 m, below the 5 m simplification floor) and delta-encoded
 * per ring: [x0, y0, dx1, dy1, …] with the closing vertex left out. Small integers compress far better than
 * 15-digit floats. Rings are oriented for d3-geo, which reads a ring's winding to tell inside from outside:
 * exterior rings clockwise and holes anticlockwise (in longitude/latitude, north up). GeoJSON files usually
 * wind the other way, and d3 would then fill the whole globe except the base.
 */

export const QUANTUM = 1e5;

/** One polygon = rings, each a flat delta-encoded integer list. */
export type EncodedFootprint = number[][][];

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: [number, number][][][];
}

/** Twice the signed area in lon/lat (positive = anticlockwise with north up). */
function signedArea2(ring: readonly (readonly [number, number])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[j] as readonly [number, number];
    const b = ring[i] as readonly [number, number];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

function encodeRing(ring: readonly (readonly [number, number])[], exterior: boolean): number[] {
  const points: [number, number][] = [];
  for (const [lon, lat] of ring) {
    const q: [number, number] = [Math.round(lon * QUANTUM), Math.round(lat * QUANTUM)];
    const last = points.at(-1);
    if (last === undefined || last[0] !== q[0] || last[1] !== q[1]) points.push(q);
  }
  const first = points[0];
  const last = points.at(-1);
  if (points.length > 1 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1]) points.pop();
  const clockwise = signedArea2(points) < 0;
  if (clockwise !== exterior) points.reverse();
  const flat: number[] = [];
  let px = 0;
  let py = 0;
  for (const [x, y] of points) {
    flat.push(x - px, y - py);
    px = x;
    py = y;
  }
  return flat;
}

/** Encodes polygons (first ring exterior, the rest holes). Rings with fewer than 3 distinct points are dropped. */
export function encodeFootprint(polygons: readonly (readonly (readonly (readonly [number, number])[])[])[]): EncodedFootprint {
  return polygons
    .map((polygon) => polygon.map((ring, i) => encodeRing(ring, i === 0)).filter((ring) => ring.length >= 6))
    .filter((polygon) => polygon.length > 0);
}

export function decodeFootprint(encoded: EncodedFootprint): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: encoded.map((polygon) =>
      polygon.map((flat) => {
        const ring: [number, number][] = [];
        let x = 0;
        let y = 0;
        for (let i = 0; i + 1 < flat.length; i += 2) {
          x += flat[i] as number;
          y += flat[i + 1] as number;
          ring.push([x / QUANTUM, y / QUANTUM]);
        }
        const first = ring[0];
        if (first !== undefined) ring.push([first[0], first[1]]);
        return ring;
      }),
    ),
  };
}
