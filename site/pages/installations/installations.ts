import type { Installation } from '../../../src/site/assets/installations.js';
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

/** CSV export: the filtered installations under the dataset's own column names; polygons are left out. */
export function exportRecords(rows: readonly Installation[]): Record<string, string | number>[] {
  return rows.map((row) => ({
    'Site Name': row.name,
    COMPONENT: row.component,
    'Oper Stat': row.status,
    'State Terr': row.state,
    state_abbrev: row.stateAbbrev,
    'Joint Base': row.joint,
    lat: row.lat,
    lon: row.lon,
    AREA: row.area,
    PERIMETER: row.perimeter,
  }));
}
