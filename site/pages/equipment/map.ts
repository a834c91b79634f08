/**
 * Where each state's figure is drawn. The main map (Albers USA) holds the 50 states and DC; the territories get
 * insets of their own (the original could not draw them at all, inventory §8.11); any other code in the data
 * (e.g. a military post code) is listed under the map, so no figure is silently dropped.
 */
import type { StateTotal } from './series.js';

export interface MapPlacement<T extends { state: string }> {
  readonly mainland: ReadonlyMap<string, T>;
  /** Every territory in the given order, with its figure or null when the selection has none there. */
  readonly territories: readonly { code: string; total: T | null }[];
  readonly unplaced: readonly T[];
}

export function placeOnMap<T extends { state: string } = StateTotal>(
  totals: readonly T[],
  mainlandCodes: ReadonlySet<string>,
  territoryCodes: readonly string[],
): MapPlacement<T> {
  const mainland = new Map<string, T>();
  const inTerritory = new Map<string, T>();
  const unplaced: T[] = [];
  for (const total of totals) {
    if (mainlandCodes.has(total.state)) mainland.set(total.state, total);
    else if (territoryCodes.includes(total.state)) inTerritory.set(total.state, total);
    else unplaced.push(total);
  }
  return { mainland, territories: territoryCodes.map((code) => ({ code, total: inTerritory.get(code) ?? null })), unplaced };
}
