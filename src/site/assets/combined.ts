/**
 * The per-state join of the Combined page, computed once at `dash site` time from the equipment and bases caches.
 * The browser only filters and ranks these rows; nothing is joined or mutated there (weak points 17 and 18).
 */
import { namesAgency } from '../agency.js';
import { regionOf } from '../../datasets/lookups/regions.js';
import { STATE_NAMES } from '../../datasets/lookups/states.js';
import type { BranchCount, CategoryValue, CombinedData, InstallationPoint, StateRow, YearValue } from '../contracts/combined.js';

export const EQUIPMENT_COLUMNS = ['State', 'Agency Name', 'Quantity', 'Acquisition Value', 'Year', 'Category'] as const;
export const BASES_COLUMNS = ['state_abbrev', 'branch', 'Site Name', 'lat', 'lon'] as const;

type Columns<C extends string> = Readonly<Record<C, readonly unknown[]>>;

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** Money sums rounded to cents: float sums of 131k values otherwise differ in the last digits from run to run of order. */
const cents = (v: number): number => Math.round(v * 100) / 100;

export function shapeCombined(equipment: Columns<(typeof EQUIPMENT_COLUMNS)[number]>, bases: Columns<(typeof BASES_COLUMNS)[number]>): CombinedData {
  interface Acc {
    value: number;
    quantity: number;
    agencies: Set<string>;
    installations: number;
  }
  const byState = new Map<string, Acc>();
  const acc = (code: string): Acc => {
    let a = byState.get(code);
    if (!a) {
      a = { value: 0, quantity: 0, agencies: new Set(), installations: 0 };
      byState.set(code, a);
    }
    return a;
  };
  const yearly = new Map<string, YearValue>();
  const categories = new Map<string, CategoryValue>();

  const rows = equipment.State.length;
  for (let i = 0; i < rows; i++) {
    const code = str(equipment.State[i]).toUpperCase();
    if (code === '') continue;
    const value = num(equipment['Acquisition Value'][i]);
    const a = acc(code);
    a.value += value;
    a.quantity += num(equipment.Quantity[i]);
    // Per state, so an agency is a (state, name) pair as on the Equipment page.
    const agency = str(equipment['Agency Name'][i]);
    if (namesAgency(agency)) a.agencies.add(agency);
    const year = equipment.Year[i];
    if (year !== null && year !== undefined) {
      const y = num(year);
      const key = `${code}|${y}`;
      const cell = yearly.get(key) ?? { code, year: y, value: 0 };
      cell.value += value;
      yearly.set(key, cell);
    }
    const category = str(equipment.Category[i]) || 'Other';
    const ckey = `${code}|${category}`;
    const cell = categories.get(ckey) ?? { code, category, value: 0 };
    cell.value += value;
    categories.set(ckey, cell);
  }

  const branches = new Map<string, BranchCount>();
  const points: InstallationPoint[] = [];
  for (let i = 0; i < bases.state_abbrev.length; i++) {
    const code = str(bases.state_abbrev[i]).toUpperCase();
    // Installations outside any state or territory code cannot join; they stay on the Installations page.
    if (code === '') continue;
    acc(code).installations += 1;
    const branch = str(bases.branch[i]) || 'Other';
    const bkey = `${code}|${branch}`;
    const b = branches.get(bkey) ?? { code, branch, count: 0 };
    b.count += 1;
    branches.set(bkey, b);
    points.push({ code, name: str(bases['Site Name'][i]), branch, lat: num(bases.lat[i]), lon: num(bases.lon[i]) });
  }

  const states: StateRow[] = [...byState]
    .map(([code, a]) => ({
      code,
      name: STATE_NAMES[code] ?? code,
      region: regionOf(code) ?? 'Other',
      equipmentValue: cents(a.value),
      equipmentQuantity: a.quantity,
      agencies: a.agencies.size,
      installations: a.installations,
    }))
    .sort((x, y) => x.code.localeCompare(y.code));
  const byKey = <T extends { code: string }>(list: Iterable<T>, second: (t: T) => string | number): T[] =>
    [...list].sort((x, y) => x.code.localeCompare(y.code) || String(second(x)).localeCompare(String(second(y))));
  return {
    states,
    yearly: byKey(yearly.values(), (y) => y.year).map((y) => ({ ...y, value: cents(y.value) })),
    categories: byKey(categories.values(), (c) => c.category).map((c) => ({ ...c, value: cents(c.value) })),
    branches: byKey(branches.values(), (b) => b.branch),
    points,
  };
}
