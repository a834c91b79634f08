/**
 * Checks a bases `Geo Shape` cell before it goes into the cache: GeoJSON text of a Polygon or MultiPolygon whose
 * rings are closed, hold at least 4 positions (RFC 7946 §3.1.6), and whose positions are [longitude, latitude]
 * (an optional altitude) in range. Anything else cannot be drawn as a footprint.
 */

/**
 * The verdicts on the shapes checked last, by their text. `dash dev` rebuilds in a process that stays loaded, and an
 * edit of the bases CSV changes a row or two: parsing the 30 MB of unchanged outlines again was ~0.2 s of every such
 * rebuild. Bounded to a few times the dataset's 776 shapes, the oldest going first.
 */
const checked = new Map<string, string | null>();
const CHECKED_MAX = 4096;

/** What is wrong with the shape, as a short phrase that groups warnings; null when it is a usable footprint. */
export function geoShapeProblem(text: string): string | null {
  const known = checked.get(text);
  if (known !== undefined) return known;
  const problem = shapeProblem(text);
  remember(text, problem);
  return problem;
}

/** A shape read back from a built cache passed this check when it went in (shapes that failed are not cached). */
export function rememberGoodShape(text: string): void {
  remember(text, null);
}

function remember(text: string, problem: string | null): void {
  if (checked.size >= CHECKED_MAX) checked.delete(checked.keys().next().value as string);
  checked.set(text, problem);
}

function shapeProblem(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  const geometry = value as { type?: unknown; coordinates?: unknown } | null;
  const type = geometry !== null && typeof geometry === 'object' && !Array.isArray(geometry) ? geometry.type : undefined;
  if (type === 'Polygon') return polygonProblem(geometry?.coordinates);
  if (type === 'MultiPolygon') {
    if (!Array.isArray(geometry?.coordinates) || geometry.coordinates.length === 0) return 'a MultiPolygon without polygons';
    for (const polygon of geometry.coordinates) {
      const problem = polygonProblem(polygon);
      if (problem !== null) return problem;
    }
    return null;
  }
  return 'not a Polygon or MultiPolygon';
}

function polygonProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon without rings';
  for (const ring of rings) {
    if (!Array.isArray(ring)) return 'a ring that is not a list of positions';
    if (ring.length < 4) return 'a ring with fewer than 4 positions';
    for (const position of ring) if (!isPosition(position)) return 'a position that is not [longitude, latitude] in range';
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring that is not closed';
  }
  return null;
}

function isPosition(value: unknown): boolean {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return false;
  const [lon, lat] = value as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}
