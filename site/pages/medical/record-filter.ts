// The Medical Records filters: specialties (empty = all) and the search result, over record indices.
import type { SpecialtyColumns } from './specialty-stats.js';

export interface RecordFilter {
  /** Selected specialty names; empty means every specialty. */
  specialties: readonly string[];
  /** Record indices matching the search, ascending, or null when there is no search. */
  matches: ArrayLike<number> | null;
}

/** Indices of the records passing both filters, ascending. Unknown specialty names select nothing. */
export function filterRecords(records: Pick<SpecialtyColumns, 'specialties' | 'specialty'>, filter: RecordFilter): Uint32Array {
  const wanted = new Set(filter.specialties);
  const keep = (row: number): boolean => wanted.size === 0 || wanted.has(records.specialties[records.specialty[row]!] ?? '');
  const kept: number[] = [];
  if (filter.matches) {
    for (let i = 0; i < filter.matches.length; i++) if (keep(filter.matches[i]!)) kept.push(filter.matches[i]!);
  } else {
    for (let row = 0; row < records.specialty.length; row++) if (keep(row)) kept.push(row);
  }
  return Uint32Array.from(kept);
}
