import { join } from 'node:path';
import { ColumnTable, writeParquetTable, type ColumnDef } from '../cache/parquet.js';
import { InputError } from '../errors.js';
import { DASH_VERSION } from '../version.js';
import { CoercionLog, readCsv, type CsvFormat } from './csv.js';
import { inputFileAt } from './input.js';
import type { BuildContext, BuildOutcome, ResolvedSource } from './types.js';

export type Cell = string | number | null;

/**
 * One dataset's row transform: the CSV fields in `format.columns` order → the output row in `columns` order, or null to
 * drop the record. Coercion problems go to `log` with the record's line.
 */
export type RowTransform = (values: (string | undefined)[], line: number, log: CoercionLog) => Cell[] | null;

export interface CsvDataset {
  name: string;
  version: string;
  format: CsvFormat;
  columns: readonly ColumnDef[];
  transform: RowTransform;
  /** Figures of the finished table kept in the manifest (totals the tests and DuckDB check against). */
  details?: (table: ColumnTable) => Record<string, unknown>;
}

/** Streams every input file of `context.source` through the transform into one Parquet file at `context.tempPath`. */
export async function ingestCsv(dataset: CsvDataset, context: BuildContext): Promise<BuildOutcome> {
  const table = new ColumnTable(dataset.columns);
  const warnings: string[] = [];
  let dropped = 0;
  let records = 0;
  const headerOnly: string[] = [];
  for (const file of context.source.files) {
    context.progress(`reading ${file}`);
    const log = new CoercionLog();
    const read = await readCsv(
      { path: join(context.source.root, file), display: file },
      dataset.format,
      (values, line) => {
        const row = dataset.transform(values, line, log);
        if (row === null) dropped++;
        else table.push(row);
      },
      log,
    );
    records += read.records;
    if (read.records === 0) headerOnly.push(file);
    warnings.push(...log.warnings(file));
  }
  // A header and no rows is never a dataset: building it would replace a good cache with an empty one, so it fails
  // (the previous cache stays). One empty file among several (a state with no transfers) is only a warning.
  if (table.rows === 0) {
    const [first = ''] = context.source.files;
    const problem =
      records === 0
        ? `the file has a header and no data rows; expected at least one record${context.source.files.length > 1 ? ` (and so have the ${context.source.files.length - 1} other file(s))` : ''}`
        : `every one of the ${records.toLocaleString('en-US')} records was dropped, so the dataset would be empty: ${warnings[0] ?? ''}`;
    throw new InputError(first, problem, { line: 2 });
  }
  if (headerOnly.length > 0) warnings.push(`${headerOnly.length} file(s) with a header and no data rows (${headerOnly.slice(0, 5).join(', ')}${headerOnly.length > 5 ? ', …' : ''})`);
  context.progress(`writing ${table.rows.toLocaleString('en-US')} rows`);
  writeParquetTable(context.tempPath, table, { metadata: { 'dash.dataset': dataset.name, 'dash.version': DASH_VERSION, 'dash.pipeline': dataset.version } });
  return { rows: table.rows, warnings, details: { files: context.source.files.length, droppedRows: dropped, ...dataset.details?.(table) } };
}

/** The dataset's single Kaggle file, when it exists; anything else at its path is an error (input.ts). */
export async function locateFile(datasetsDir: string, relative: string): Promise<ResolvedSource | null> {
  return (await inputFileAt(datasetsDir, relative)) ? { kind: 'full', root: datasetsDir, files: [relative] } : null;
}

/** Sum of a numeric column (nulls skipped). */
export function columnSum(table: ColumnTable, name: string): number {
  const index = table.defs.findIndex((d) => d.name === name);
  let sum = 0;
  for (const v of table.columns[index] ?? []) if (typeof v === 'number') sum += v;
  return sum;
}

export function nullCount(table: ColumnTable, name: string): number {
  const index = table.defs.findIndex((d) => d.name === name);
  return (table.columns[index] ?? []).filter((v) => v === null).length;
}
