import type { Polygon, Position, Ring } from './simplify.js';

/**
 * Reads a `Geo Shape` cell (GeoJSON text: a geometry, a Feature, or a GeometryCollection of polygons) into a
 * list of polygons. Blank cells give an empty list; anything else unreadable throws an Error that says what
 * was expected and what was found, for the caller to report with the installation's name.
 */
export function parseGeoShape(text: string): Polygon[] {
  if (text.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`expected GeoJSON text, found unparseable JSON (${(err as Error).message})`);
  }
  return polygonsOf(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `type ${JSON.stringify((value as { type?: unknown }).type ?? '(none)')}`;
  return typeof value;
}

function polygonsOf(value: unknown): Polygon[] {
  const geometry = value as { type?: unknown; coordinates?: unknown; geometry?: unknown; geometries?: unknown };
  switch (geometry?.type) {
    case 'Feature':
      return geometry.geometry === null ? [] : polygonsOf(geometry.geometry);
    case 'GeometryCollection':
      if (!Array.isArray(geometry.geometries)) throw new Error('expected a GeometryCollection with "geometries", found none');
      return geometry.geometries.flatMap(polygonsOf);
    case 'Polygon':
      return [polygonCoordinates(geometry.coordinates)];
    case 'MultiPolygon':
      if (!Array.isArray(geometry.coordinates)) throw new Error('expected MultiPolygon coordinates as an array');
      return geometry.coordinates.map(polygonCoordinates);
    default:
      throw new Error(`expected a Polygon, MultiPolygon, Feature or GeometryCollection, found ${describe(value)}`);
  }
}

function polygonCoordinates(value: unknown): Polygon {
  if (!Array.isArray(value)) throw new Error('expected polygon coordinates as an array of rings');
  return value.map(ringCoordinates);
}

function ringCoordinates(value: unknown): Ring {
  if (!Array.isArray(value)) throw new Error('expected a ring as an array of positions');
  let plain = true;
  for (const position of value as unknown[]) {
    if (!Array.isArray(position) || typeof position[0] !== 'number' || typeof position[1] !== 'number') {
      throw new Error(`expected a position [longitude, latitude], found ${JSON.stringify(position)}`);
    }
    const [lon, lat] = position as [number, number];
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      throw new Error(`expected longitude in [-180, 180] and latitude in [-90, 90], found [${lon}, ${lat}]`);
    }
    if (position.length !== 2) plain = false;
  }
  // The parsed arrays are the ring when they hold [lon, lat] only: copying the full dataset's ~1.5 million positions
  // cost ~0.15 s per build. Positions with an altitude are cut to two.
  return plain ? (value as Ring) : (value as [number, number][]).map(([lon, lat]): Position => [lon, lat]);
}
