/**
 * Every sum the page's KPIs and charts need, gathered in ONE pass over the selected rows into arrays indexed by
 * dictionary code. A filter change costs one scan of the selection (131k rows at most) whatever the number of
 * charts; the chart series are then cheap reads of these arrays.
 */
import { isDated, type EquipmentColumns } from './columns.js';

export interface Totals {
  readonly rows: number;
  readonly quantity: number;
  readonly value: number;
  /** Rows per state code: a state is "in the selection" when it has rows, even if its sums are 0. */
  readonly stateRows: Uint32Array;
  readonly stateValue: Float64Array;
  readonly stateQuantity: Float64Array;
  readonly agencyRows: Uint32Array;
  readonly agencyValue: Float64Array;
  readonly itemQuantity: Float64Array;
  readonly categoryValue: Float64Array;
  /** Quantity of dated rows only: the timeline ranks categories among the rows it can place on the time axis. */
  readonly categoryDatedQuantity: Float64Array;
  /** First year of the per-year arrays (the data's year extent, so arrays do not move with the filter). */
  readonly firstYear: number;
  readonly yearRows: Uint32Array;
  readonly yearValue: Float64Array;
  /** [yearIndex * categories + category] */
  readonly yearCategoryQuantity: Float64Array;
  /** [category * demilCodes + demil] */
  readonly categoryDemilValue: Float64Array;
  /** [item * categories + category] — an item name can appear under several NSN categories. */
  readonly itemCategoryValue: Float64Array;
  readonly itemCategoryQuantity: Float64Array;
}

export function accumulate(columns: EquipmentColumns, rows: Uint32Array, extent: readonly [number, number]): Totals {
  const nState = columns.state.dictionary.length;
  const nAgency = columns.agency.dictionary.length;
  const nItem = columns.item.dictionary.length;
  const nCat = columns.category.dictionary.length;
  const nDemil = columns.demil.dictionary.length;
  const firstYear = extent[0];
  const nYear = extent[1] - extent[0] + 1;
  const t = {
    rows: rows.length,
    quantity: 0,
    value: 0,
    stateRows: new Uint32Array(nState),
    stateValue: new Float64Array(nState),
    stateQuantity: new Float64Array(nState),
    agencyRows: new Uint32Array(nAgency),
    agencyValue: new Float64Array(nAgency),
    itemQuantity: new Float64Array(nItem),
    categoryValue: new Float64Array(nCat),
    categoryDatedQuantity: new Float64Array(nCat),
    firstYear,
    yearRows: new Uint32Array(nYear),
    yearValue: new Float64Array(nYear),
    yearCategoryQuantity: new Float64Array(nYear * nCat),
    categoryDemilValue: new Float64Array(nCat * nDemil),
    itemCategoryValue: new Float64Array(nItem * nCat),
    itemCategoryQuantity: new Float64Array(nItem * nCat),
  };
  const { state, agency, item, category, demil } = columns;
  let quantity = 0;
  let value = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const q = columns.quantity[i] as number;
    const v = columns.value[i] as number;
    const s = state.codes[i] as number;
    const a = agency.codes[i] as number;
    const it = item.codes[i] as number;
    const c = category.codes[i] as number;
    quantity += q;
    value += v;
    t.stateRows[s]! += 1;
    t.stateValue[s]! += v;
    t.stateQuantity[s]! += q;
    t.agencyRows[a]! += 1;
    t.agencyValue[a]! += v;
    t.itemQuantity[it]! += q;
    t.categoryValue[c]! += v;
    t.categoryDemilValue[c * nDemil + (demil.codes[i] as number)]! += v;
    t.itemCategoryValue[it * nCat + c]! += v;
    t.itemCategoryQuantity[it * nCat + c]! += q;
    const year = columns.year[i] as number;
    if (isDated(year)) {
      const y = year - firstYear;
      t.categoryDatedQuantity[c]! += q;
      t.yearRows[y]! += 1;
      t.yearValue[y]! += v;
      t.yearCategoryQuantity[y * nCat + c]! += q;
    }
  }
  t.quantity = quantity;
  t.value = value;
  return t;
}
