import { fileWriter, parquetWrite } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet-writer';

/**
 * Column types of dash's Parquet caches. Every reader (DuckDB, pyarrow, hyparquet) sees:
 * STRING → BYTE_ARRAY UTF8 (logical STRING); INT32 → INT32; INT64 → INT64; DOUBLE → DOUBLE;
 * TIMESTAMP → INT64 logical TIMESTAMP(MILLIS, isAdjustedToUTC=false), a wall-clock time without a zone, as written
 * in the CSV.
 */
export type ColumnType = 'STRING' | 'INT32' | 'INT64' | 'DOUBLE' | 'TIMESTAMP';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** What the column holds; the dataset modules' column tables are the cache's documentation. */
  doc: string;
}

type Cell = string | number | null;

/**
 * Rows accumulated as columns (plain arrays, one per column) while a CSV streams, then written in one pass.
 * Also estimates the uncompressed size, to size row groups.
 */
export class ColumnTable {
  readonly columns: Cell[][];
  private bytes = 0;

  constructor(readonly defs: readonly ColumnDef[]) {
    this.columns = defs.map(() => []);
  }

  get rows(): number {
    return this.columns[0]?.length ?? 0;
  }

  /** `row[i]` belongs to `defs[i]`. */
  push(row: readonly Cell[]): void {
    for (let i = 0; i < this.defs.length; i++) {
      const value = row[i] ?? null;
      (this.columns[i] as Cell[]).push(value);
      this.bytes += typeof value === 'string' ? value.length + 4 : 8;
    }
  }

  get approximateBytes(): number {
    return this.bytes;
  }
}

/** Row groups of about 2 MiB uncompressed, at most 64k rows: small enough for a browser to fetch one at a time. */
export function rowGroupRows(rows: number, approximateBytes: number, targetBytes = 2 * 1024 * 1024): number {
  if (rows === 0) return 1;
  const perRow = Math.max(1, approximateBytes / rows);
  return Math.max(16, Math.min(65_536, Math.floor(targetBytes / perRow)));
}

function schemaElement(def: ColumnDef): SchemaElement {
  const repetition_type = def.nullable ? 'OPTIONAL' : 'REQUIRED';
  switch (def.type) {
    case 'STRING':
      return { name: def.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type };
    case 'INT32':
      return { name: def.name, type: 'INT32', repetition_type };
    case 'INT64':
      return { name: def.name, type: 'INT64', repetition_type };
    case 'DOUBLE':
      return { name: def.name, type: 'DOUBLE', repetition_type };
    case 'TIMESTAMP':
      return { name: def.name, type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MILLIS' }, repetition_type };
  }
}

export interface WriteTableOptions {
  /** Key/value metadata stored in the file footer (e.g. the dash version and dataset). */
  metadata?: Record<string, string>;
  rowGroupSize?: number;
}

/** Writes the table to `path` (the builder's temp file) with an explicit schema, SNAPPY-compressed. */
export function writeParquetTable(path: string, table: ColumnTable, options: WriteTableOptions = {}): void {
  const schema: SchemaElement[] = [{ name: 'root', num_children: table.defs.length }, ...table.defs.map(schemaElement)];
  const columnData = table.defs.map((def, i) => {
    const data = table.columns[i] as Cell[];
    if (!def.nullable && data.some((v) => v === null)) throw new Error(`column "${def.name}" is declared non-null but holds nulls`);
    return { name: def.name, data: def.type === 'INT64' ? data.map((v) => (v === null ? null : BigInt(v))) : data };
  });
  parquetWrite({
    writer: fileWriter(path),
    columnData,
    schema,
    rowGroupSize: options.rowGroupSize ?? rowGroupRows(table.rows, table.approximateBytes),
    kvMetadata: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    createdBy: 'dash (hyparquet-writer)',
  });
}
