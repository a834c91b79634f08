import type { Installation } from '../../../src/site/contracts/installations.js';
import type { DecodedTable } from '../../../src/site/columnar.js';
import { km2ToAcres } from '../../../src/site/geometry/measure.js';
import { compareComponents } from './components.js';

export type { Installation };

/** The four multi-selects of the page. An empty list means "all", as in the original's placeholders. */
export interface InstallationFilters {
  components: string[];
  statuses: string[];
  states: string[];
  joints: string[];
}

export const NO_FILTERS: InstallationFilters = { components: [], statuses: [], states: [], joints: [] };

export function applyFilters(rows: readonly Installation[], filters: InstallationFilters): Installation[] {
  const accept = (selected: string[]): ((value: string) => boolean) => {
    if (selected.length === 0) return () => true;
    const set = new Set(selected);
    return (value) => set.has(value);
  };
  const component = accept(filters.components);
  const status = accept(filters.statuses);
  const state = accept(filters.states);
  const joint = accept(filters.joints);
  return rows.filter((row) => component(row.component) && status(row.status) && state(row.state) && joint(row.joint));
}

export interface FilterOptions {
  components: string[];
  statuses: string[];
  states: string[];
  joints: string[];
}

/** Options come from all rows (not the filtered ones), so a selection never hides its own alternatives. */
export function filterOptions(rows: readonly Installation[]): FilterOptions {
  const unique = (pick: (row: Installation) => string): string[] => [...new Set(rows.map(pick))];
  const alpha = (a: string, b: string): number => a.localeCompare(b);
  return {
    components: unique((row) => row.component).sort(compareComponents),
    statuses: unique((row) => row.status).sort(alpha),
    states: unique((row) => row.state).sort(alpha),
    joints: unique((row) => row.joint).sort(alpha),
  };
}

/**
 * The key that names each installation in the URL (`?base=`): its name, readable and stable across builds; the
 * second and later installations sharing a name (missing names all read "Unknown") get "name #2", "name #3", … in
 * dataset order, so selecting one of them never shows another's footprint.
 */
export function selectionKeys(rows: readonly Pick<Installation, 'name'>[]): string[] {
  const names = new Set(rows.map((row) => row.name));
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const n = (seen.get(row.name) ?? 0) + 1;
    seen.set(row.name, n);
    if (n === 1) return row.name;
    let k = n;
    while (names.has(`${row.name} #${k}`)) k++;
    return `${row.name} #${k}`;
  });
}

/** CSV export: the filtered installations under the dataset's own column names; polygons are left out. */
/** The source's columns, then the geodesic measures of the footprint and the distance to the nearest other installation. */
export const EXPORT_HEADER = ['Site Name', 'COMPONENT', 'Oper Stat', 'State Terr', 'state_abbrev', 'Joint Base', 'lat', 'lon', 'AREA', 'PERIMETER', 'footprint_km2', 'footprint_acres', 'footprint_perimeter_km', 'nearest_km'];

export function exportRow(row: Installation): (string | number)[] {
  const measure = (value: number): string | number => (Number.isFinite(value) ? value : '');
  return [row.name, row.component, row.status, row.state, row.stateAbbrev, row.joint, row.lat, row.lon, row.area, row.perimeter, measure(row.areaKm2), measure(km2ToAcres(row.areaKm2)), measure(row.perimeterKm), measure(row.nearestKm)];
}

/** The page's columnar asset back into rows (≈800 installations: objects are cheap and keep the charts simple). */
export function installationsFromTable(table: DecodedTable): Installation[] {
  const text = (name: string): ((i: number) => string) => {
    const { codes, dictionary } = table.dict(name);
    return (i) => dictionary[codes[i] as number] ?? '';
  };
  const name = text('name');
  const component = text('component');
  const status = text('status');
  const state = text('state');
  const stateAbbrev = text('stateAbbrev');
  const joint = text('joint');
  const [lat, lon, area, perimeter, areaKm2, perimeterKm, nearest, nearestKm, footprint] = ['lat', 'lon', 'area', 'perimeter', 'areaKm2', 'perimeterKm', 'nearest', 'nearestKm', 'footprint'].map((c) => table.numbers(c)) as ArrayLike<number>[];
  const at = (values: ArrayLike<number> | undefined, i: number): number => values?.[i] ?? Number.NaN;
  return Array.from({ length: table.rows }, (_, i) => ({
    name: name(i),
    component: component(i),
    status: status(i),
    state: state(i),
    stateAbbrev: stateAbbrev(i),
    joint: joint(i),
    lat: at(lat, i),
    lon: at(lon, i),
    area: at(area, i),
    perimeter: at(perimeter, i),
    areaKm2: at(areaKm2, i),
    perimeterKm: at(perimeterKm, i),
    nearest: at(nearest, i),
    nearestKm: at(nearestKm, i),
    footprint: at(footprint, i),
  }));
}
