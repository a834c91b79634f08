import { describe, expect, it } from 'vitest';
import type { CacheReader } from '../../../src/site/caches.js';
import { decodeTable, encodeTable } from '../../../src/site/columnar.js';
import { MEDICAL_ASSETS, type MedicalMeta } from '../../../src/site/contracts/medical.js';
import type { DataAsset } from '../../../src/site/page.js';
import { medical } from '../../../src/site/pages/medical.js';
import { decodeSearchIndex, searchRecords } from '../../../src/site/search/search-index.js';
import { CARDIO, FIXTURE_ROWS, SURGERY } from '../medical/fixture.js';

// The cache as hyparquet hands it over: one array per requested column.
const caches = {
  columns: async (_dataset: string, names: readonly string[]) =>
    Object.fromEntries(names.map((name) => [name, FIXTURE_ROWS.map((row) => (row as unknown as Record<string, unknown>)[name])])),
} as unknown as CacheReader;

const assets = await medical.data({ caches, datasets: [], pages: [], builtAt: new Date(0) });
const byName = new Map(assets.map((asset) => [asset.name, asset]));
const table = (name: string) => {
  const asset = byName.get(name) as Extract<DataAsset, { kind: 'columnar' }>;
  return decodeTable(encodeTable(asset.columns, asset.meta));
};

describe('the medical page data', () => {
  it('ships the records columns the page draws from, before the first chart', () => {
    const records = table(MEDICAL_ASSETS.records);
    expect(records.rows).toBe(9);
    expect([...records.numbers('serial')]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect([0, 3, 8].map((i) => records.value('specialty', i))).toEqual([SURGERY, CARDIO, 'Dermatology']);
    expect([...records.numbers('length')]).toEqual([100, 200, 300, 500, 700, 100, 150, 1000, 50]);
    expect(records.value('keywords', 1)).toBe('surgery, gallbladder, appendectomy, ab, ');
    expect(byName.get(MEDICAL_ASSETS.records)!.preload).toBeUndefined();
  });

  it('ships the keyword pairs of HC-6', () => {
    const keywords = table(MEDICAL_ASSETS.keywords);
    const pairs = [...keywords.numbers('record')].map((record, k) => [record, keywords.value('keyword', k)]);
    expect(pairs.filter(([, keyword]) => keyword === 'gallbladder').map(([record]) => record)).toEqual([0, 1, 2, 3]);
  });

  it('fetches the search index and the transcript shards only on demand', () => {
    const search = table(MEDICAL_ASSETS.search);
    expect(byName.get(MEDICAL_ASSETS.search)!.preload).toBe(false);
    const index = decodeSearchIndex(search.numbers('bytes') as Uint8Array);
    expect([...searchRecords(index, 'tourniquet').docs!]).toEqual([0]);
    const { shardFirst } = table(MEDICAL_ASSETS.records).meta as MedicalMeta;
    const shards = shardFirst.map((_, s) => byName.get(MEDICAL_ASSETS.shard(s)) as Extract<DataAsset, { kind: 'json' }>);
    expect(shards.every((shard) => shard.preload === false)).toBe(true);
    expect(shards.flatMap((shard) => shard.value as string[])).toEqual(FIXTURE_ROWS.map((row) => row.transcription));
  });
});
