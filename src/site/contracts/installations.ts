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
  area: number;
  perimeter: number;
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
}
