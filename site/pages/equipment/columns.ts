/**
 * The equipment rows as the page's computations see them: dictionary-encoded strings (one code per row, the
 * strings once) and plain numeric arrays. The shape matches what the columnar data asset decodes to, so the
 * browser passes typed-array views straight in and Node tests pass plain arrays.
 */

export interface DictColumn {
  readonly codes: ArrayLike<number>;
  readonly dictionary: readonly (string | null)[];
}

export interface EquipmentColumns {
  readonly rows: number;
  readonly state: DictColumn;
  readonly agency: DictColumn;
  readonly item: DictColumn;
  readonly category: DictColumn;
  readonly demil: DictColumn;
  readonly quantity: ArrayLike<number>;
  readonly value: ArrayLike<number>;
  /** Ship year; NaN, 0 or null-as-0 mean "no ship date". */
  readonly year: ArrayLike<number>;
}

/** Cache column names (the original's names plus the derived Year and Category). */
export const COLUMN = {
  state: 'State',
  agency: 'Agency Name',
  nsn: 'NSN',
  item: 'Item Name',
  quantity: 'Quantity',
  ui: 'UI',
  value: 'Acquisition Value',
  demil: 'DEMIL Code',
  demilIc: 'DEMIL IC',
  shipDate: 'Ship Date',
  stationType: 'Station Type',
  year: 'Year',
  category: 'Category',
} as const;

export const isDated = (year: number): boolean => year > 0;

/** The dictionary string of a code; a null entry reads as "Unknown" so nothing is shown blank. */
export function label(column: DictColumn, code: number): string {
  return column.dictionary[code] ?? 'Unknown';
}
