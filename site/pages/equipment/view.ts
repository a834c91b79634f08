/** Everything the Equipment page draws for one filter: the page renders this and computes nothing itself. */
import type { EquipmentColumns } from './columns.js';
import { selectRows, type EquipmentFilter } from './selection.js';
import {
  averageValue,
  demilBreakdown,
  growth,
  kpis,
  perCapita,
  stateTotals,
  timeline,
  topAgencies,
  topItems,
  topStates,
  treemap,
  type EquipmentLookups,
} from './series.js';
import { accumulate } from './totals.js';

/** `scratch`: a buffer of `columns.rows` the selected row indices are written into (see selectRows). */
export function computeView(columns: EquipmentColumns, filter: EquipmentFilter, lookups: EquipmentLookups, extent: readonly [number, number], scratch?: Uint32Array) {
  const rows = selectRows(columns, filter, scratch);
  const t = accumulate(columns, rows, extent);
  const states = stateTotals(t, columns);
  return {
    rows,
    kpis: kpis(t, columns),
    timeline: timeline(t, columns),
    topItems: topItems(t, columns),
    states,
    growth: growth(t),
    perCapita: perCapita(states, lookups),
    demil: demilBreakdown(t, columns, lookups),
    topStates: topStates(states, lookups),
    treemap: treemap(t, columns),
    averageValue: averageValue(states),
    topAgencies: topAgencies(t, columns),
  };
}

export type EquipmentView = ReturnType<typeof computeView>;
