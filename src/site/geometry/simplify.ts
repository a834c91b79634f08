/**
 * Douglas–Peucker simplification of installation footprints, in metres.
 *
 * The raw `Geo Shape` polygons are surveyed boundaries (27 MB for 776 installations). The page draws a
 * footprint only when a base is selected or the map is zoomed onto it, i.e. at roughly the base's own
 * extent across a ~600 px panel. The tolerance is therefore relative to the footprint's size: 0.4 % of its
 * bounding-box diagonal keeps every vertex within ~2 px of the surveyed line at that zoom (0.004 × 600 px),
 * with a floor of 5 m so small sites keep their corners (below the 1.1 m coordinate quantum only noise would
 * survive). Distances use a local equirectangular projection (longitude scaled by cos(latitude)), so the
 * tolerance means the same east–west as north–south at every latitude from Guam to Alaska.
 */

export type Position = [number, number];
export type Ring = Position[];
export type Polygon = Ring[];

export interface SimplifyOptions {
  /** Fraction of the footprint's bounding-box diagonal. */
  relative: number;
  /** Lower bound of the tolerance, metres. */
  minMetres: number;
}

export const DEFAULT_SIMPLIFY: SimplifyOptions = { relative: 0.004, minMetres: 5 };

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

interface Frame {
  /** Metres per degree of longitude and latitude around the footprint. */
  kx: number;
  ky: number;
}

function frameAt(latitude: number): Frame {
  const ky = EARTH_RADIUS_M * RAD;
  return { kx: ky * Math.cos(latitude * RAD), ky };
}

function extent(rings: readonly Ring[]): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { minX, minY, maxX, maxY };
}

function diagonalMetres(rings: readonly Ring[], frame: Frame): number {
  const box = extent(rings);
  return Math.hypot((box.maxX - box.minX) * frame.kx, (box.maxY - box.minY) * frame.ky);
}

/** Squared distance in m² from p to the segment a–b. */
function segmentDistance2(p: Position, a: Position, b: Position, frame: Frame): number {
  const px = (p[0] - a[0]) * frame.kx;
  const py = (p[1] - a[1]) * frame.ky;
  const dx = (b[0] - a[0]) * frame.kx;
  const dy = (b[1] - a[1]) * frame.ky;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
  const ex = px - t * dx;
  const ey = py - t * dy;
  return ex * ex + ey * ey;
}

/** Marks the vertices of points[first..last] that Douglas–Peucker keeps (iterative: rings have 100k+ vertices). */
function markKept(points: readonly Position[], first: number, last: number, tolerance2: number, frame: Frame, keep: Uint8Array): void {
  const stack: [number, number][] = [[first, last]];
  while (stack.length > 0) {
    const [start, end] = stack.pop() as [number, number];
    let farthest = -1;
    let max2 = tolerance2;
    for (let i = start + 1; i < end; i += 1) {
      const d2 = segmentDistance2(points[i] as Position, points[start] as Position, points[end] as Position, frame);
      if (d2 > max2) {
        max2 = d2;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([start, farthest], [farthest, end]);
    }
  }
}

/**
 * Simplifies a closed ring. The ring is split at its first vertex and the vertex farthest from it, so the
 * two anchors are never collapsed onto each other. Returns null when fewer than 3 distinct vertices remain.
 */
export function simplifyRing(ring: Ring, toleranceMetres: number, frame: Frame): Ring | null {
  const open = ring.length > 1 && ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1] ? ring.slice(0, -1) : ring;
  if (open.length < 3) return null;
  const origin = open[0] as Position;
  let far = 0;
  let far2 = -1;
  open.forEach((p, i) => {
    const d2 = ((p[0] - origin[0]) * frame.kx) ** 2 + ((p[1] - origin[1]) * frame.ky) ** 2;
    if (d2 > far2) {
      far2 = d2;
      far = i;
    }
  });
  const closed = [...open, origin];
  const keep = new Uint8Array(closed.length);
  keep[0] = 1;
  keep[far] = 1;
  keep[closed.length - 1] = 1;
  const tolerance2 = toleranceMetres * toleranceMetres;
  markKept(closed, 0, far, tolerance2, frame, keep);
  markKept(closed, far, closed.length - 1, tolerance2, frame, keep);
  const kept = closed.filter((_, i) => keep[i] === 1);
  return kept.length >= 4 ? kept : null;
}

export interface SimplifiedFootprint {
  polygons: Polygon[];
  toleranceMetres: number;
  verticesIn: number;
  verticesOut: number;
}

function countVertices(polygons: readonly Polygon[]): number {
  return polygons.reduce((sum, polygon) => sum + polygon.reduce((s, ring) => s + ring.length, 0), 0);
}

/**
 * Simplifies every ring of a (multi)polygon. Islands and holes smaller than twice the tolerance (a couple
 * of pixels at the footprint's zoom) are dropped; the largest outer ring is always kept, so every
 * installation with a shape keeps one. Returns null when nothing drawable remains.
 */
export function simplifyFootprint(polygons: readonly Polygon[], options: SimplifyOptions = DEFAULT_SIMPLIFY): SimplifiedFootprint | null {
  const outers = polygons.map((polygon) => polygon[0]).filter((ring): ring is Ring => ring !== undefined && ring.length > 0);
  if (outers.length === 0) return null;
  const box = extent(outers);
  const frame = frameAt((box.minY + box.maxY) / 2);
  const relative = options.relative * diagonalMetres(outers, frame);
  const tolerance = Math.max(options.minMetres, relative);
  const largest = outers.reduce((best, ring) => (diagonalMetres([ring], frame) > diagonalMetres([best], frame) ? ring : best));
  const out: Polygon[] = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon;
    if (outer === undefined) continue;
    if (outer !== largest && diagonalMetres([outer], frame) < 2 * tolerance) continue;
    // A site smaller than the tolerance floor would vanish: it keeps its outline at the relative tolerance.
    const simpleOuter = simplifyRing(outer, tolerance, frame) ?? (outer === largest ? simplifyRing(outer, relative, frame) : null);
    if (simpleOuter === null) continue;
    const simpleHoles = holes
      .filter((hole) => diagonalMetres([hole], frame) >= 2 * tolerance)
      .map((hole) => simplifyRing(hole, tolerance, frame))
      .filter((ring): ring is Ring => ring !== null);
    out.push([simpleOuter, ...simpleHoles]);
  }
  if (out.length === 0) return null;
  return { polygons: out, toleranceMetres: tolerance, verticesIn: countVertices(polygons), verticesOut: countVertices(out) };
}
