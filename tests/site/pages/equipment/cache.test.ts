/**
 * The page's figures against DuckDB reading the same Parquet cache: an independent implementation of every
 * formula (SQL), for the default view and filtered ones. Two caches: the real pipeline's (demo CSV → ingest →
 * equipment.parquet) and a synthetic one with the awkward cases (a year without transfers, an agency name used in two states, blank agency names).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { equipment } from '../../../../src/datasets/equipment.js';
import { EQUIPMENT_FILE } from '../../../../src/datasets/layout.js';
import { equipmentColumns } from '../../../../site/pages/equipment/columns.js';
import { NO_FILTER, yearExtent, type EquipmentFilter } from '../../../../site/pages/equipment/selection.js';
import { computeView, type EquipmentView } from '../../../../site/pages/equipment/view.js';
import { EQUIPMENT_COLUMNS, shapeCombined } from '../../../../src/site/assets/combined.js';
import { ASSET_SOURCE_COLUMNS, shapeEquipmentAsset } from '../../../../src/site/assets/equipment.js';
import { equipmentCacheParquet } from './cache-fixture.js';
import { LOOKUPS, readerOf } from './fixture.js';

let dir: string;
let db: DuckDBConnection;
const views = new Map<string, EquipmentView>();
/** The Combined page's agency total (summed over its states) for the same cache. */
const combinedAgencies = new Map<string, number>();

const FILTERS: [string, EquipmentFilter][] = [
  ['default view', NO_FILTER],
  ['states CA/PR/TX, 2003–2012, DEMIL A/D/Q', { states: ['CA', 'PR', 'TX'], years: [2003, 2012], categories: [], demil: ['A', 'D', 'Q'] }],
  ['categories Vehicles/Other', { ...NO_FILTER, categories: ['Vehicles & Transport', 'Other'] }],
];
const CASES = ['pipeline', 'synthetic'].flatMap((source) => FILTERS.map(([title, filter]) => [source, title, filter] as const));

async function load(source: string, parquet: ArrayBuffer): Promise<void> {
  const path = join(dir, `${source}.parquet`);
  writeFileSync(path, new Uint8Array(parquet));
  const rows = await parquetReadObjects({ file: parquet, columns: ASSET_SOURCE_COLUMNS });
  const cache = Object.fromEntries(ASSET_SOURCE_COLUMNS.map((name) => [name, rows.map((r) => r[name])]));
  const columns = equipmentColumns(readerOf(shapeEquipmentAsset(cache)));
  const extent = yearExtent(columns);
  for (const [title, filter] of FILTERS) views.set(`${source}|${title}`, computeView(columns, filter, LOOKUPS, extent));
  const joined = await parquetReadObjects({ file: parquet, columns: [...EQUIPMENT_COLUMNS] });
  const equipmentCache = Object.fromEntries(EQUIPMENT_COLUMNS.map((name) => [name, joined.map((r) => r[name])])) as unknown as Parameters<typeof shapeCombined>[0];
  const combined = shapeCombined(equipmentCache, { state_abbrev: [], branch: [], 'Site Name': [], lat: [], lon: [] });
  combinedAgencies.set(source, combined.states.reduce((sum, s) => sum + s.agencies, 0));
  await db.run(`CREATE VIEW "${source}" AS SELECT * FROM read_parquet('${path}')`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dash-equipment-'));
  db = await (await DuckDBInstance.create(':memory:')).connect();
  await equipment.writeDemo(dir, { scale: 'small', seed: 20240101, force: false });
  await equipment.build({ source: { kind: 'demo', root: dir, files: [EQUIPMENT_FILE] }, tempPath: join(dir, 'built.parquet'), progress: () => undefined });
  const built = readFileSync(join(dir, 'built.parquet'));
  await load('pipeline', built.buffer.slice(built.byteOffset, built.byteOffset + built.byteLength) as ArrayBuffer);
  await load('synthetic', equipmentCacheParquet());
}, 120_000); // a real demo ingest: slow on a shared 2-core machine

afterAll(() => {
  db?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const list = (values: readonly string[]): string => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/** The filter as SQL, written from the spec rather than from the page's code. */
let table = '';

function where(f: EquipmentFilter): string {
  const clauses = ['TRUE'];
  if (f.states.length) clauses.push(`State IN (${list(f.states)})`);
  if (f.categories.length) clauses.push(`Category IN (${list(f.categories)})`);
  if (f.demil.length) clauses.push(`"DEMIL Code" IN (${list(f.demil)})`);
  if (f.years) clauses.push(`Year BETWEEN ${f.years[0]} AND ${f.years[1]}`);
  return clauses.join(' AND ');
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await db.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

const num = (v: unknown): number => Number(v);

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - (expected[i] as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i] as number))));
}

it.each(['pipeline', 'synthetic'])('%s cache: Equipment and Combined count the same agencies', (source) => {
  const equipmentCount = views.get(`${source}|default view`)!.kpis.agencies;
  expect(equipmentCount).toBeGreaterThan(10);
  expect(equipmentCount).toBe(combinedAgencies.get(source));
});

describe.each(CASES)('%s cache, %s, agrees with DuckDB', (source, title, filter) => {
  const view = (): EquipmentView => views.get(`${source}|${title}`)!;
  beforeAll(() => {
    table = `"${source}"`;
  });

  it('KPIs', async () => {
    const [k] = await query(
      `SELECT count(*) n, sum(Quantity) q, sum("Acquisition Value") v, count(DISTINCT (State, "Agency Name")) FILTER (WHERE trim("Agency Name") <> '') a, count(DISTINCT State) s FROM ${table} WHERE ${where(filter)}`,
    );
    const { rows, items, value, agencies, states } = view().kpis;
    expect(rows).toBeGreaterThan(100);
    expect([rows, items, agencies, states]).toEqual([num(k!.n), num(k!.q), num(k!.a), num(k!.s)]);
    expectClose([value], [num(k!.v)]);
  });

  it('EQ-2 top 15 items by quantity', async () => {
    const r = await query(`SELECT "Item Name" k, sum(Quantity) q FROM ${table} WHERE ${where(filter)} GROUP BY 1 HAVING q > 0 ORDER BY q DESC, k LIMIT 15`);
    expect(view().topItems).toEqual(r.map((x) => ({ name: x.k, value: num(x.q) })));
  });

  it('EQ-3 per-state value and quantity', async () => {
    const r = await query(`SELECT State k, count(*) n, sum("Acquisition Value") v, sum(Quantity) q FROM ${table} WHERE ${where(filter)} GROUP BY 1 ORDER BY 1`);
    expect(view().states.map((s) => [s.state, s.rows, s.quantity])).toEqual(r.map((x) => [x.k, num(x.n), num(x.q)]));
    expectClose(view().states.map((s) => s.value), r.map((x) => num(x.v)));
  });

  it('EQ-1 yearly quantity of the top 5 categories', async () => {
    const top = await query(
      `SELECT Category k, sum(Quantity) q FROM ${table} WHERE ${where(filter)} AND Year IS NOT NULL GROUP BY 1 HAVING q > 0 ORDER BY q DESC, k LIMIT 5`,
    );
    expect(view().timeline.categories).toEqual(top.map((x) => x.k));
    const r = await query(
      `WITH span AS (SELECT min(Year)::INT lo, max(Year)::INT hi FROM ${table} WHERE ${where(filter)}),
            cats AS (SELECT unnest([${list(top.map((x) => String(x.k)))}]) k, generate_subscripts([${list(top.map((x) => String(x.k)))}], 1) o),
            grid AS (SELECT k, o, y FROM cats, span, range(lo, hi + 1) r(y))
       SELECT grid.k, grid.y, coalesce(sum(t.Quantity), 0) q FROM grid
       LEFT JOIN ${table} t ON t.Category = grid.k AND t.Year = grid.y AND ${where(filter).replace(/(^|AND )(?=State|Category|"DEMIL|Year)/g, '$1t.')}
       GROUP BY grid.k, grid.o, grid.y ORDER BY grid.o, grid.y`,
    );
    expect(view().timeline.points).toEqual(r.map((x) => ({ category: x.k, year: num(x.y), quantity: num(x.q) })));
  });

  it('EQ-4 growth on the previous calendar year, gaps and zero bases labelled', async () => {
    const r = await query(
      `WITH span AS (SELECT min(Year)::INT lo, max(Year)::INT hi FROM ${table} WHERE ${where(filter)}),
            per AS (SELECT Year::INT y, count(*) n, sum("Acquisition Value") v FROM ${table} WHERE ${where(filter)} AND Year IS NOT NULL GROUP BY 1),
            grid AS (SELECT y, n, v, lag(n) OVER (ORDER BY y) pn, lag(v) OVER (ORDER BY y) pv FROM span, range(lo, hi + 1) r(y) LEFT JOIN per USING (y))
       SELECT y, CASE WHEN n IS NULL THEN 'no-transfers' WHEN pn IS NULL THEN 'no-prior-year' WHEN pv = 0 THEN 'zero-base' ELSE 'ok' END status,
              CASE WHEN n IS NOT NULL AND pn IS NOT NULL AND pv <> 0 THEN (v - pv) / pv * 100 END g
       FROM grid QUALIFY row_number() OVER (ORDER BY y) > 1 ORDER BY y`,
    );
    expect(view().growth.map((g) => [g.year, g.status])).toEqual(r.map((x) => [num(x.y), x.status]));
    expectClose(view().growth.map((g) => g.growth ?? 0), r.map((x) => (x.g === null ? 0 : num(x.g))));
    if (source === 'synthetic' && filter === NO_FILTER) expect(view().growth.find((g) => g.year === 1999)?.status).toBe('no-transfers');
  });

  it('EQ-6 DEMIL value inside the top 8 categories', async () => {
    const top = await query(`SELECT Category k, sum("Acquisition Value") v FROM ${table} WHERE ${where(filter)} GROUP BY 1 HAVING v > 0 ORDER BY v DESC, k LIMIT 8`);
    expect(view().demil.categories).toEqual(top.map((x) => x.k));
    const r = await query(
      `SELECT Category c, "DEMIL Code" d, sum("Acquisition Value") v FROM ${table} WHERE ${where(filter)} AND Category IN (${list(top.map((x) => String(x.k)))})
       GROUP BY 1, 2 HAVING v <> 0`,
    );
    const key = (c: unknown, d: unknown): string => `${String(c)}|${String(d)}`;
    const expected = new Map(r.map((x) => [key(x.c, x.d), num(x.v)]));
    const segments = view().demil.segments;
    expect(segments.length).toBe(expected.size);
    for (const s of segments) expectClose([s.value], [expected.get(key(s.category, s.code)) ?? NaN]);
  });

  it('EQ-7 top 10 states, EQ-9 average value per item, EQ-10 top 20 agencies', async () => {
    const states = await query(`SELECT State k, sum("Acquisition Value") v FROM ${table} WHERE ${where(filter)} GROUP BY 1 HAVING v > 0 ORDER BY v DESC, k LIMIT 10`);
    expect(view().topStates.map((s) => s.state)).toEqual(states.map((x) => x.k));
    const avg = await query(
      `SELECT State k, sum("Acquisition Value") / sum(Quantity) a FROM ${table} WHERE ${where(filter)} GROUP BY 1 HAVING sum(Quantity) > 0 ORDER BY a DESC, k LIMIT 25`,
    );
    expect(view().averageValue.map((s) => s.state)).toEqual(avg.map((x) => x.k));
    expectClose(view().averageValue.map((s) => s.average), avg.map((x) => num(x.a)));
    const agencies = await query(
      `SELECT "Agency Name" || ', ' || State k, sum("Acquisition Value") v FROM ${table} WHERE ${where(filter)} AND trim("Agency Name") <> '' GROUP BY State, "Agency Name" HAVING v > 0 ORDER BY v DESC, k LIMIT 20`,
    );
    expect(view().topAgencies.map((a) => a.name)).toEqual(agencies.map((x) => x.k));
    expectClose(view().topAgencies.map((a) => a.value), agencies.map((x) => num(x.v)));
  });

  it('EQ-8 top 10 items per category by value', async () => {
    const r = await query(
      `SELECT Category c, "Item Name" i, sum("Acquisition Value") v, sum(Quantity) q FROM ${table} WHERE ${where(filter)} GROUP BY 1, 2 HAVING v > 0
       QUALIFY row_number() OVER (PARTITION BY c ORDER BY v DESC, i) <= 10`,
    );
    const leaves = [...view().treemap].sort((a, b) => (a.category + a.item < b.category + b.item ? -1 : 1));
    const expected = r.sort((a, b) => (String(a.c) + String(a.i) < String(b.c) + String(b.i) ? -1 : 1));
    expect(leaves.map((l) => [l.category, l.item, l.quantity])).toEqual(expected.map((x) => [x.c, x.i, num(x.q)]));
  });
});
