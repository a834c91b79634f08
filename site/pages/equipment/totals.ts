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
  const nCat = columns.category.dictionary.length;
  const nDemil = columns.demil.dictionary.length;
  const nItem = columns.item.dictionary.length;
  const firstYear = extent[0];
  const nYear = extent[1] - extent[0] + 1;
  // Locals, not object fields, in the hot loop: V8 keeps them in registers across the typed-array stores.
  const stateRows = new Uint32Array(columns.state.dictionary.length);
  const stateValue = new Float64Array(stateRows.length);
  const stateQuantity = new Float64Array(stateRows.length);
  const agencyRows = new Uint32Array(columns.agency.dictionary.length);
  const agencyValue = new Float64Array(agencyRows.length);
  const itemQuantity = new Float64Array(nItem);
  const categoryValue = new Float64Array(nCat);
  const categoryDatedQuantity = new Float64Array(nCat);
  const yearRows = new Uint32Array(nYear);
  const yearValue = new Float64Array(nYear);
  const yearCategoryQuantity = new Float64Array(nYear * nCat);
  const categoryDemilValue = new Float64Array(nCat * nDemil);
  const itemCategoryValue = new Float64Array(nItem * nCat);
  const itemCategoryQuantity = new Float64Array(nItem * nCat);
  const stateCodes = columns.state.codes;
  const agencyCodes = columns.agency.codes;
  const itemCodes = columns.item.codes;
  const categoryCodes = columns.category.codes;
  const demilCodes = columns.demil.codes;
  const quantities = columns.quantity;
  const values = columns.value;
  const years = columns.year;
  let quantity = 0;
  let value = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const q = quantities[i] as number;
    const v = values[i] as number;
    const s = stateCodes[i] as number;
    const a = agencyCodes[i] as number;
    const ic = (itemCodes[i] as number) * nCat + (categoryCodes[i] as number);
    const c = categoryCodes[i] as number;
    quantity += q;
    value += v;
    stateRows[s]! += 1;
    stateValue[s]! += v;
    stateQuantity[s]! += q;
    agencyRows[a]! += 1;
    agencyValue[a]! += v;
    itemQuantity[itemCodes[i] as number]! += q;
    categoryValue[c]! += v;
    categoryDemilValue[c * nDemil + (demilCodes[i] as number)]! += v;
    itemCategoryValue[ic]! += v;
    itemCategoryQuantity[ic]! += q;
    const year = years[i] as number;
    if (isDated(year)) {
      const y = year - firstYear;
      categoryDatedQuantity[c]! += q;
      yearRows[y]! += 1;
      yearValue[y]! += v;
      yearCategoryQuantity[y * nCat + c]! += q;
    }
  }
  return {
    rows: rows.length,
    quantity,
    value,
    stateRows,
    stateValue,
    stateQuantity,
    agencyRows,
    agencyValue,
    itemQuantity,
    categoryValue,
    categoryDatedQuantity,
    firstYear,
    yearRows,
    yearValue,
    yearCategoryQuantity,
    categoryDemilValue,
    itemCategoryValue,
    itemCategoryQuantity,
  };
}
