/**
 * The columnar data-asset format ("DCL1") that `dash site` writes for pages that filter rows in the browser.
 * Pure (no Node or DOM APIs): the site build encodes with it and the browser bundle decodes with it.
 *
 * Layout, all integers little-endian:
 *   bytes 0..3   ASCII "DCL1"
 *   bytes 4..7   uint32: byte length H of the header
 *   bytes 8..8+H UTF-8 JSON header: { rows, columns: [{ name, type, offset, byteLength, dictionary? }], meta? }
 *   then each column's values as a typed array, starting at a multiple of 8 (offset counts from byte 0), so the
 *   browser views them in place with no copy.
 * Column types: a numeric typed array (int8 … float64; null is NaN in float columns), or `dict`: strings stored
 * once in the header's dictionary (sorted, null last) and one code per row (uint8/16/32 by dictionary size).
 * A page that filters 131k rows by state and category therefore ships two byte arrays, not 262k strings.
 */

export const COLUMNAR_MAGIC = 'DCL1';

export type NumericType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32' | 'float64';
export type CodeArray = Uint8Array | Uint16Array | Uint32Array;
export type NumericArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

export type ColumnInput =
  | { name: string; type: NumericType; values: ArrayLike<number | null> }
  | { name: string; type: 'dict'; values: ArrayLike<string | null> };

export type DecodedColumn =
  | { name: string; type: NumericType; values: NumericArray }
  | { name: string; type: 'dict'; codes: CodeArray; dictionary: readonly (string | null)[] };

interface HeaderColumn {
  name: string;
  type: NumericType | 'dict';
  offset: number;
  byteLength: number;
  codeType?: 'uint8' | 'uint16' | 'uint32';
  dictionary?: (string | null)[];
}

interface Header {
  rows: number;
  columns: HeaderColumn[];
  meta?: unknown;
}

const ARRAYS = {
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  float32: Float32Array,
  float64: Float64Array,
} as const;

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** Dictionary in a stable order (code-unit sort, null last) so equal inputs give byte-identical, equally hashed assets. */
function dictionaryOf(values: ArrayLike<string | null>): (string | null)[] {
  const seen = new Set<string | null>();
  for (let i = 0; i < values.length; i++) seen.add(values[i] ?? null);
  const strings = [...seen].filter((v): v is string => v !== null).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return seen.has(null) ? [...strings, null] : strings;
}

function codeTypeFor(size: number): 'uint8' | 'uint16' | 'uint32' {
  return size <= 0x100 ? 'uint8' : size <= 0x10000 ? 'uint16' : 'uint32';
}

/** Encodes equally long columns into one DCL1 buffer; `meta` is any JSON the page wants next to its rows. */
export function encodeTable(columns: readonly ColumnInput[], meta?: unknown): Uint8Array {
  const rows = columns[0]?.values.length ?? 0;
  const names = new Set<string>();
  const bodies: { header: HeaderColumn; bytes: Uint8Array }[] = [];
  for (const column of columns) {
    if (column.values.length !== rows) {
      throw new Error(`columnar: column "${column.name}" has ${column.values.length} values, expected ${rows} like "${columns[0]?.name}"`);
    }
    if (names.has(column.name)) throw new Error(`columnar: duplicate column "${column.name}"`);
    names.add(column.name);
    if (column.type === 'dict') {
      const dictionary = dictionaryOf(column.values);
      const index = new Map(dictionary.map((v, i) => [v, i]));
      const codeType = codeTypeFor(dictionary.length);
      const codes = new ARRAYS[codeType](rows);
      for (let i = 0; i < rows; i++) codes[i] = index.get(column.values[i] ?? null) as number;
      bodies.push({ header: { name: column.name, type: 'dict', codeType, dictionary, offset: 0, byteLength: codes.byteLength }, bytes: new Uint8Array(codes.buffer) });
    } else {
      const Array_ = ARRAYS[column.type];
      if (Array_ === undefined) throw new Error(`columnar: column "${column.name}" has unknown type "${String(column.type)}"`);
      const values = new Array_(rows);
      const isFloat = column.type === 'float32' || column.type === 'float64';
      for (let i = 0; i < rows; i++) {
        const v = column.values[i];
        values[i] = v === null || v === undefined ? (isFloat ? NaN : 0) : v;
      }
      bodies.push({ header: { name: column.name, type: column.type, offset: 0, byteLength: values.byteLength }, bytes: new Uint8Array(values.buffer) });
    }
  }
  // Offsets depend on the header's length, which depends on the offsets' digits: iterate until stable.
  const header: Header = { rows, columns: bodies.map((b) => b.header), ...(meta === undefined ? {} : { meta }) };
  let headerBytes = new Uint8Array(0);
  for (let guess = 0; ; ) {
    let offset = align8(8 + guess);
    for (const body of bodies) {
      body.header.offset = offset;
      offset = align8(offset + body.bytes.byteLength);
    }
    headerBytes = new TextEncoder().encode(JSON.stringify(header));
    if (align8(8 + headerBytes.byteLength) === align8(8 + guess)) break;
    guess = headerBytes.byteLength;
  }
  const last = bodies[bodies.length - 1];
  const total = last === undefined ? align8(8 + headerBytes.byteLength) : last.header.offset + last.bytes.byteLength;
  const out = new Uint8Array(total);
  out.set(new TextEncoder().encode(COLUMNAR_MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.byteLength, true);
  out.set(headerBytes, 8);
  for (const body of bodies) out.set(body.bytes, body.header.offset);
  return out;
}

export class DecodedTable {
  readonly rows: number;
  readonly meta: unknown;
  readonly columns: ReadonlyMap<string, DecodedColumn>;

  constructor(rows: number, meta: unknown, columns: Map<string, DecodedColumn>) {
    this.rows = rows;
    this.meta = meta;
    this.columns = columns;
  }

  column(name: string): DecodedColumn {
    const column = this.columns.get(name);
    if (column === undefined) throw new Error(`columnar: no column "${name}" (columns: ${[...this.columns.keys()].join(', ')})`);
    return column;
  }

  /** A numeric column's typed array. */
  numbers(name: string): NumericArray {
    const column = this.column(name);
    if (column.type === 'dict') throw new Error(`columnar: column "${name}" holds strings, not numbers`);
    return column.values;
  }

  /** A string column's codes and dictionary: filter on codes, look strings up only for display. */
  dict(name: string): { codes: CodeArray; dictionary: readonly (string | null)[] } {
    const column = this.column(name);
    if (column.type !== 'dict') throw new Error(`columnar: column "${name}" holds ${column.type} numbers, not strings`);
    return column;
  }

  /** One cell as a plain value (string, number or null); for tables and CSV, not for hot loops. */
  value(name: string, row: number): string | number | null {
    const column = this.column(name);
    if (column.type === 'dict') return column.dictionary[column.codes[row] as number] ?? null;
    const v = column.values[row] as number;
    return Number.isNaN(v) ? null : v;
  }
}

/** Decodes a DCL1 buffer; numeric columns are views on `input` when it is 8-byte aligned (always, for fetched data). */
export function decodeTable(input: ArrayBuffer | Uint8Array): DecodedTable {
  let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (bytes.byteLength < 8 || magic !== COLUMNAR_MAGIC) {
    throw new Error(`columnar: not a ${COLUMNAR_MAGIC} data asset (starts with "${magic.replace(/[^\x20-\x7e]/g, '?')}")`);
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  const buffer = bytes.buffer as ArrayBuffer;
  const columns = new Map<string, DecodedColumn>();
  for (const c of header.columns) {
    if (c.offset + c.byteLength > bytes.byteLength) throw new Error(`columnar: column "${c.name}" runs past the end of the asset (truncated download?)`);
    const start = bytes.byteOffset + c.offset;
    if (c.type === 'dict') {
      const Codes = ARRAYS[c.codeType ?? 'uint32'];
      columns.set(c.name, { name: c.name, type: 'dict', codes: new Codes(buffer, start, header.rows) as CodeArray, dictionary: c.dictionary ?? [] });
    } else {
      columns.set(c.name, { name: c.name, type: c.type, values: new ARRAYS[c.type](buffer, start, header.rows) });
    }
  }
  return new DecodedTable(header.rows, header.meta, columns);
}
