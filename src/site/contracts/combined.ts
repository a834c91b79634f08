/**
 * The Combined page's data model: one row per state or territory, joined once at `dash site` time from the
 * equipment and bases caches (src/site/assets/combined.ts) and never mutated in the browser (weak point 17).
 * "Installations" means installation rows of the bases cache, the same count the Installations page shows
 * (the original counted distinct Site Names here and rows there: weak point 18).
 */
export interface StateRow {
  /** Postal code, e.g. "TX", "PR". */
  code: string;
  name: string;
  /** Census region, or "Territories" for PR, GU, VI, AS, MP. */
  region: string;
  /** Sum of Acquisition Value, as the original and the Equipment page sum it. */
  equipmentValue: number;
  /** Sum of Quantity (items shipped). */
  equipmentQuantity: number;
  /** Agencies: distinct agency names within this state (src/site/agency.ts), so summing states counts (state, name) pairs. */
  agencies: number;
  installations: number;
}

/** Per state: equipment value by ship year (undated rows are left out of this series only). */
export interface YearValue {
  code: string;
  year: number;
  value: number;
}

/** Per state: equipment value by category, for the branch × category heatmap. */
export interface CategoryValue {
  code: string;
  category: string;
  value: number;
}

/** Per state: installation count per branch. */
export interface BranchCount {
  code: string;
  branch: string;
  count: number;
}

export interface InstallationPoint {
  code: string;
  name: string;
  branch: string;
  lat: number;
  lon: number;
}

export interface CombinedData {
  states: StateRow[];
  yearly: YearValue[];
  categories: CategoryValue[];
  branches: BranchCount[];
  points: InstallationPoint[];
}
