/**
 * Shapes the equipment cache rows into the Equipment page's data assets: every cache column the CSV export needs,
 * strings dictionary-encoded, Year derived in the browser from the date dictionary instead of shipped per row.
 * Rows are sorted by state, agency and date so the code columns form long runs and compress well. The columns only
 * the export shows (NSN, UI, DEMIL IC, Station Type) go in a second asset, in the same row order, fetched on the
 * first export: the NSN alone is a third of the compressed data, and no chart reads it.
 *
 * Two columns have a compact form when every row allows it (the page reads either):
 * - NSN as two numbers, FSC (4 digits) and NIIN (9 digits), when all are "dddd-dd-ddd-dddd": at full scale nearly
 *   every line has its own NSN, and a dictionary of 131k strings plus 32-bit codes is twice the size;
 * - Acquisition Value as whole cents in a uint32 when all are non-negative whole cents below $42.9M: float64
 *   dollars carry noise bytes that do not compress.
 */

/** Cache column names (the original's names plus the derived Year and Category); the page reads the asset by them. */
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

/** The compact forms' column names (see above). */
export const ENCODED = { nsnFsc: 'NSN FSC', nsnNiin: 'NSN NIIN', valueCents: 'Acquisition Value (cents)' } as const;

export type AssetColumn =
  | { name: string; type: 'dict'; values: (string | null)[] }
  | { name: string; type: 'int32' | 'uint16' | 'uint32' | 'float64'; values: number[] };

const NSN_PATTERN = /^(\d{4})-(\d{2})-(\d{3})-(\d{4})$/;

/** The NSN text of its numeric form: FSC 1005 and NIIN 12345678 → "1005-01-234-5678". */
export function formatNsn(fsc: number, niin: number): string {
  const digits = String(niin).padStart(9, '0');
  return `${String(fsc).padStart(4, '0')}-${digits.slice(0, 2)}-${digits.slice(2, 5)}-${digits.slice(5)}`;
}

function nsnColumns(values: readonly (string | null)[]): AssetColumn[] {
  const fsc: number[] = [];
  const niin: number[] = [];
  for (const value of values) {
    const m = NSN_PATTERN.exec(value ?? '');
    if (m === null) return [{ name: COLUMN.nsn, type: 'dict', values: [...values] }];
    fsc.push(Number(m[1]));
    niin.push(Number(`${m[2]}${m[3]}${m[4]}`));
  }
  return [
    { name: ENCODED.nsnFsc, type: 'uint16', values: fsc },
    { name: ENCODED.nsnNiin, type: 'uint32', values: niin },
  ];
}

function valueColumn(values: readonly number[]): AssetColumn {
  const cents = values.map((v) => Math.round(v * 100));
  const exact = cents.every((c, i) => c >= 0 && c <= 0xffffffff && c / 100 === values[i]);
  return exact ? { name: ENCODED.valueCents, type: 'uint32', values: cents } : { name: COLUMN.value, type: 'float64', values: [...values] };
}

/** Cache columns by name, values in row order as hyparquet decodes them (bigint for INT64, Date for timestamps). */
export type CacheColumns = Readonly<Record<string, readonly unknown[]>>;

const STRING_COLUMNS = [COLUMN.state, COLUMN.agency, COLUMN.nsn, COLUMN.item, COLUMN.ui, COLUMN.demil, COLUMN.demilIc, COLUMN.stationType, COLUMN.category] as const;

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

function number(value: unknown): number {
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Calendar day of a ship date as YYYY-MM-DD (UTC), or null; the page shows and exports days, not instants. */
export function shipDay(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'bigint' ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

interface Shaped {
  strings: (string | null)[];
  quantity: number;
  value: number;
  day: string | null;
}

const compare = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** The cache columns the asset is made of (Year is left out: the page derives it). */
export const ASSET_SOURCE_COLUMNS = [...STRING_COLUMNS, COLUMN.quantity, COLUMN.value, COLUMN.shipDate];

/** The columns only the CSV export reads, in whichever form `shapeEquipmentAsset` chose. */
export const DETAIL_COLUMNS: readonly string[] = [COLUMN.nsn, ENCODED.nsnFsc, ENCODED.nsnNiin, COLUMN.ui, COLUMN.demilIc, COLUMN.stationType];

/** The page's two assets: `rows` for the charts (loaded with the page), `details` for the export (on demand). */
export function splitEquipmentAsset(columns: readonly AssetColumn[]): { rows: AssetColumn[]; details: AssetColumn[] } {
  return { rows: columns.filter((c) => !DETAIL_COLUMNS.includes(c.name)), details: columns.filter((c) => DETAIL_COLUMNS.includes(c.name)) };
}

export function shapeEquipmentAsset(cache: CacheColumns): AssetColumn[] {
  const column = (name: string): readonly unknown[] => {
    const values = cache[name];
    if (values === undefined) throw new Error(`equipment asset: the cache has no column "${name}"`);
    return values;
  };
  const strings = STRING_COLUMNS.map(column);
  const [quantities, values, days] = [column(COLUMN.quantity), column(COLUMN.value), column(COLUMN.shipDate)];
  const shaped: Shaped[] = [];
  for (let i = 0; i < quantities.length; i++) {
    shaped.push({
      strings: strings.map((c) => text(c[i])),
      quantity: number(quantities[i]),
      value: number(values[i]),
      day: shipDay(days[i]),
    });
  }
  // State, then agency, then day: long runs in the busiest code columns.
  shaped.sort((a, b) => compare(a.strings[0]!, b.strings[0]!) || compare(a.strings[1]!, b.strings[1]!) || compare(a.day, b.day));
  const dict = (index: number): (string | null)[] => shaped.map((r) => r.strings[index] ?? null);
  return [
    { name: COLUMN.state, type: 'dict', values: dict(0) },
    { name: COLUMN.agency, type: 'dict', values: dict(1) },
    ...nsnColumns(dict(2)),
    { name: COLUMN.item, type: 'dict', values: dict(3) },
    { name: COLUMN.quantity, type: 'int32', values: shaped.map((r) => r.quantity) },
    { name: COLUMN.ui, type: 'dict', values: dict(4) },
    valueColumn(shaped.map((r) => r.value)),
    { name: COLUMN.demil, type: 'dict', values: dict(5) },
    { name: COLUMN.demilIc, type: 'dict', values: dict(6) },
    { name: COLUMN.shipDate, type: 'dict', values: shaped.map((r) => r.day) },
    { name: COLUMN.stationType, type: 'dict', values: dict(7) },
    { name: COLUMN.category, type: 'dict', values: dict(8) },
  ];
}
