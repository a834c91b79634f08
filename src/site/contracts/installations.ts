/** The Installations page's data assets: "installations" (columnar rows) and "footprints" (JSON, fetched on demand). */

/** One installation as the page uses it: the bases cache row without its polygon. */
export interface Installation {
  name: string;
  component: string;
  status: string;
  /** `State Terr`: full state or territory name. */
  state: string;
  /** Two-letter code, or '' when the name is not a known state or territory. */
  stateAbbrev: string;
  joint: string;
  lat: number;
  lon: number;
  /** The source's AREA and PERIMETER, as written (their units: the meta's `units`). */
  area: number;
  perimeter: number;
  /** Geodesic area (km²) and perimeter (km) of the surveyed footprint, NaN without one (src/site/geometry/measure.ts). */
  areaKm2: number;
  perimeterKm: number;
  /** Row index of the nearest other installation (great circle between Geo Points), -1 when alone; its distance in km. */
  nearest: number;
  nearestKm: number;
  /** Index into the footprint list, or -1 when the installation has no usable Geo Shape. */
  footprint: number;
}

/** The columnar asset's meta. */
export interface InstallationsMeta {
  footprints: number;
  /** Vertices before and after simplification, for the page's note on footprints. */
  verticesIn: number;
  verticesOut: number;
  /** Installations whose Geo Shape could not be used, one line each. */
  warnings: string[];
  /** Which units the source's AREA, PERIMETER, Shape_Area and Shape_Leng are in, found by comparing them with the footprints. */
  units: UnitFinding[];
}

/** One source field's unit, as `findUnit` (src/site/geometry/measure.ts) judged it. */
export interface UnitFinding {
  field: string;
  unit: string | null;
  agreeing: number;
  compared: number;
}
