/**
 * The equipment rows as the page's computations see them: dictionary-encoded strings (one code per row, the
 * strings once) and plain numeric arrays. The shape matches what the columnar data asset decodes to, so the
 * browser passes typed-array views straight in and Node tests pass plain arrays.
 */
import { agencyPairs } from '../../../src/site/agency.js';
import { COLUMN, ENCODED, formatNsn } from '../../../src/site/assets/equipment.js';

export interface DictColumn {
  readonly codes: ArrayLike<number>;
  readonly dictionary: readonly (string | null)[];
}

export interface EquipmentColumns {
  readonly rows: number;
  readonly state: DictColumn;
  /** The (state, agency name) pair of each row, labelled "NAME, ST"; null for lines without an agency name. */
  readonly agency: DictColumn;
  readonly item: DictColumn;
  readonly category: DictColumn;
  readonly demil: DictColumn;
  readonly quantity: ArrayLike<number>;
  readonly value: ArrayLike<number>;
  /** Ship year; NaN, 0 or null-as-0 mean "no ship date". */
  readonly year: ArrayLike<number>;
}

export const isDated = (year: number): boolean => year > 0;

/** The dictionary string of a code; a null entry reads as "Unknown" so nothing is shown blank. */
export function label(column: DictColumn, code: number): string {
  return column.dictionary[code] ?? 'Unknown';
}

/** The decoded data asset, as the columnar decoder exposes it. */
export interface AssetReader {
  readonly rows: number;
  readonly columns: ReadonlyMap<string, unknown>;
  dict(name: string): DictColumn;
  numbers(name: string): ArrayLike<number>;
}

/** Acquisition Value in dollars, whichever form the asset holds it in (whole cents or float64 dollars). */
function dollars(asset: AssetReader): ArrayLike<number> {
  if (!asset.columns.has(ENCODED.valueCents)) return asset.numbers(COLUMN.value);
  const cents = asset.numbers(ENCODED.valueCents);
  const out = new Float64Array(asset.rows);
  for (let i = 0; i < asset.rows; i++) out[i] = (cents[i] as number) / 100;
  return out;
}

/** A row's NSN as text, whichever form the asset holds it in (FSC + NIIN numbers, or a dictionary). */
export function nsnReader(asset: AssetReader): (row: number) => string | null {
  if (asset.columns.has(ENCODED.nsnFsc)) {
    const fsc = asset.numbers(ENCODED.nsnFsc);
    const niin = asset.numbers(ENCODED.nsnNiin);
    return (row) => formatNsn(fsc[row] as number, niin[row] as number);
  }
  const nsn = asset.dict(COLUMN.nsn);
  return (row) => nsn.dictionary[nsn.codes[row] as number] ?? null;
}

/** The computations' view of the asset; Year comes from the ship-date dictionary (one parse per distinct day). */
export function equipmentColumns(asset: AssetReader): EquipmentColumns {
  const days = asset.dict(COLUMN.shipDate);
  const yearOfDay = days.dictionary.map((day) => (day === null ? 0 : Number(day.slice(0, 4))));
  const year = new Int16Array(asset.rows);
  for (let i = 0; i < asset.rows; i++) year[i] = yearOfDay[days.codes[i] as number] as number;
  const state = asset.dict(COLUMN.state);
  return {
    rows: asset.rows,
    state,
    agency: agencyPairs(state, asset.dict(COLUMN.agency), asset.rows),
    item: asset.dict(COLUMN.item),
    category: asset.dict(COLUMN.category),
    demil: asset.dict(COLUMN.demil),
    quantity: asset.numbers(COLUMN.quantity),
    value: dollars(asset),
    year,
  };
}
