import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata } from 'hyparquet';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ColumnTable, CREATED_BY, ROW_GROUP_TARGET_BYTES, rowGroupRows, writeParquetTable, type ColumnDef } from '../../src/cache/parquet.js';
import { bases } from '../../src/datasets/bases.js';
import { equipment } from '../../src/datasets/equipment.js';
import { healthcare } from '../../src/datasets/healthcare.js';
import { BASES_FILE, EQUIPMENT_FILE, HEALTHCARE_FILE } from '../../src/datasets/layout.js';
import { readParquetRows, tempDir } from '../support/fixtures.js';

const DEFS: ColumnDef[] = [
  { name: 'name', type: 'STRING', nullable: false, doc: '' },
  { name: 'n', type: 'INT32', nullable: true, doc: '' },
  { name: 'big', type: 'INT64', nullable: false, doc: '' },
  { name: 'x', type: 'DOUBLE', nullable: false, doc: '' },
  { name: 'when', type: 'TIMESTAMP', nullable: true, doc: '' },
];

async function duck(sql: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowsJson() as unknown[][];
  } finally {
    connection.closeSync();
  }
}

describe('writeParquetTable', { timeout: 120_000 }, () => {
  it('round-trips every type through hyparquet and DuckDB with identical values', async () => {
    const dir = await tempDir();
    const path = join(dir, 't.parquet');
    const table = new ColumnTable(DEFS);
    table.push(['a,"b"\nc', 1, 5_000_000_000, 1.5, Date.UTC(2016, 8, 19, 0, 0, 0, 123)]);
    table.push(['é😀', null, -1, -0.25, null]);
    writeParquetTable(path, table, { rowGroupSize: 1, metadata: { 'dash.dataset': 'test' } });

    const rows = await readParquetRows(path);
    expect(rows).toEqual([
      { name: 'a,"b"\nc', n: 1, big: 5_000_000_000n, x: 1.5, when: new Date('2016-09-19T00:00:00.123Z') },
      { name: 'é😀', n: null, big: -1n, x: -0.25, when: null },
    ]);
    const bytes = await readFile(path);
    const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(meta.row_groups).toHaveLength(2);
    expect(meta.key_value_metadata).toContainEqual({ key: 'dash.dataset', value: 'test' });

    const types = await duck(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${path}')`);
    expect(types).toEqual([
      ['name', 'VARCHAR'],
      ['n', 'INTEGER'],
      ['big', 'BIGINT'],
      ['x', 'DOUBLE'],
      ['when', 'TIMESTAMP'],
    ]);
    expect(await duck(`SELECT name, n, big, x, strftime("when", '%Y-%m-%d %H:%M:%S.%g') FROM '${path}'`)).toEqual([
      ['a,"b"\nc', 1, '5000000000', 1.5, '2016-09-19 00:00:00.123'],
      ['é😀', null, '-1', -0.25, null],
    ]);
  });

  it('refuses nulls in a non-null column', async () => {
    const table = new ColumnTable(DEFS);
    table.push([null, 1, 1, 1, null]);
    const path = join(await tempDir(), 'x.parquet');
    expect(() => writeParquetTable(path, table)).toThrow('column "name" is declared non-null but holds nulls');
  });

  it('writes the whole table as one row group up to 128 MiB, and equal groups of at most that beyond', () => {
    expect(ROW_GROUP_TARGET_BYTES).toBe(128 * 1024 * 1024);
    // The full equipment cache (130,958 rows, ~20 MB) and the bases with their geometry (776 rows, ~27 MB).
    expect(rowGroupRows(130_958, 130_958 * 150)).toBe(130_958);
    expect(rowGroupRows(776, 27_000_000)).toBe(776);
    expect(rowGroupRows(0, 0)).toBe(1);
    // 300 MiB in 1,000,000 rows: three groups of ~100 MiB, never one over the target.
    const rows = rowGroupRows(1_000_000, 300 * 1024 * 1024);
    expect(rows).toBe(333_334);
    expect(rows * 300 * 1.048576).toBeLessThanOrEqual(ROW_GROUP_TARGET_BYTES);
  });

  it("names dash's and the writer's versions in created_by, in the form Parquet readers parse", async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const dash = (require('../../package.json') as { version: string }).version;
    const writerEntry = require.resolve('hyparquet-writer');
    const writer = (JSON.parse(await readFile(join(writerEntry, '../../package.json'), 'utf8')) as { version: string }).version;
    expect(CREATED_BY).toBe(`dash version ${dash} (build hyparquet-writer ${writer})`);

    const path = join(await tempDir(), 'c.parquet');
    const table = new ColumnTable(DEFS);
    for (let i = 0; i < 1000; i++) table.push([`row ${i}`, i, i, i / 2, null]);
    writeParquetTable(path, table);
    const [[createdBy, groups, rows]] = (await duck(
      `SELECT created_by, num_row_groups, num_rows FROM parquet_file_metadata('${path}')`,
    )) as [[string, string, string]];
    expect([createdBy, Number(groups), Number(rows)]).toEqual([CREATED_BY, 1, 1000]);
  });
});

describe('the caches read in DuckDB', { timeout: 120_000 }, () => {
  it('give the same counts and sums as the pipeline computed', async () => {
    const root = await tempDir();
    const results: Record<string, { rows: number; details: Record<string, unknown>; path: string }> = {};
    for (const [module, file] of [
      [equipment, EQUIPMENT_FILE],
      [bases, BASES_FILE],
      [healthcare, HEALTHCARE_FILE],
    ] as const) {
      await module.writeDemo(root, { scale: 'small', seed: 99, force: false });
      const path = join(root, `${module.name}.parquet`);
      const outcome = await module.build({ source: { kind: 'demo', root, files: [file] }, tempPath: path, progress: () => undefined });
      results[module.name] = { rows: outcome.rows, details: outcome.details ?? {}, path };
    }
    const eq = results.equipment!;
    const [[count, quantity, value, undated]] = (await duck(
      `SELECT count(*), sum(Quantity), sum("Acquisition Value"), count(*) FILTER (WHERE "Ship Date" IS NULL) FROM '${eq.path}'`,
    )) as [[string, string, number, string]];
    expect(Number(count)).toBe(eq.rows);
    expect(Number(quantity)).toBe(eq.details.totalQuantity);
    expect(value).toBeCloseTo(eq.details.totalValue as number, 4);
    expect(Number(undated)).toBe(eq.details.undatedRows);

    const ba = results.bases!;
    const [[baseCount, area, latSum]] = (await duck(`SELECT count(*), sum(AREA), sum(lat) FROM '${ba.path}'`)) as [[string, number, number]];
    expect(Number(baseCount)).toBe(776);
    expect(area).toBeCloseTo(ba.details.totalArea as number, 6);
    expect(latSum).toBeCloseTo(ba.details.latSum as number, 6);

    const hc = results.healthcare!;
    const [[records, length, computed]] = (await duck(
      `SELECT count(*), sum(transcription_length), sum(length(coalesce(cleaned_transcription, ''))) FROM '${hc.path}'`,
    )) as [[string, string, string]];
    expect(Number(records)).toBe(hc.rows);
    expect(Number(length)).toBe(hc.details.totalTranscriptionLength);
    expect(Number(computed)).toBe(hc.details.totalTranscriptionLength);
  });
});
