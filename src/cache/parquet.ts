import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileWriter, parquetWrite } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet-writer';
import { DASH_VERSION } from '../version.js';

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

/** Row groups of at most this many uncompressed bytes: the size DuckDB, Spark and pyarrow-written files use. */
export const ROW_GROUP_TARGET_BYTES = 128 * 1024 * 1024;

/**
 * Rows per row group: the whole table when it fits in `targetBytes` (every cache dash writes does, so readers see
 * one row group and DuckDB/pandas read each column in one piece), else equal groups of at most about that size.
 * Nothing reads these files in a browser: the site gets its own assets.
 */
export function rowGroupRows(rows: number, approximateBytes: number, targetBytes = ROW_GROUP_TARGET_BYTES): number {
  if (rows === 0) return 1;
  const groups = Math.max(1, Math.ceil(approximateBytes / targetBytes));
  return Math.ceil(rows / groups);
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(name);
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // not the package's folder yet
    }
  }
  throw new Error(`cannot find the version of ${name} (resolved to ${entry})`);
}

/**
 * The footer's created_by, in the form Parquet readers parse (`<app> version <semver> (build <detail>)`, as
 * parquet-mr and parquet-cpp write it): which dash and which writer made the file, for reader workarounds.
 */
export const CREATED_BY = `dash version ${DASH_VERSION} (build hyparquet-writer ${packageVersion('hyparquet-writer')})`;

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
    createdBy: CREATED_BY,
  });
}
