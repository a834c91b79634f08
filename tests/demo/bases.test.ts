import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bases } from '../../src/datasets/bases.js';
import { BASES_FILE } from '../../src/datasets/layout.js';
import { STATE_CODES } from '../../src/datasets/lookups/states.js';
import { BASES_ROWS, basesDemoCsv } from '../../src/demo/bases.js';
import { buildFrom, tempDir } from '../support/fixtures.js';

describe('bases demo data (D-8)', { timeout: 120_000 }, () => {
  it('is deterministic from the seed', () => {
    expect(basesDemoCsv({ scale: 'small', seed: 3 })).toBe(basesDemoCsv({ scale: 'small', seed: 3 }));
    expect(basesDemoCsv({ scale: 'small', seed: 4 })).not.toBe(basesDemoCsv({ scale: 'small', seed: 3 }));
  });

  it('writes 776 installations: BOM, semicolons, quoted GeoJSON polygons, every component code and state', async () => {
    const root = await tempDir();
    await bases.writeDemo(root, { scale: 'small', seed: 20240101, force: false });
    const raw = await readFile(join(root, BASES_FILE));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8');
    expect(text.slice(1, text.indexOf('\n'))).toBe(
      'Geo Point;Geo Shape;OBJECTID_1;OBJECTID;COMPONENT;Site Name;Joint Base;State Terr;COUNTRY;Oper Stat;PERIMETER;AREA;Shape_Leng;Shape_Area',
    );
    expect(text).toContain(';"{""coordinates"": [[[');
    const { rows, outcome } = await buildFrom(bases, root, [BASES_FILE]);
    expect(outcome.rows).toBe(BASES_ROWS);
    expect(outcome.warnings).toEqual([]);
    expect([...new Set(rows.map((r) => r.COMPONENT))].sort()).toEqual([
      'AF Active',
      'AF Guard',
      'AF Reserve',
      'Army Active',
      'Army Guard',
      'Army Reserve',
      'MC Active',
      'MC Reserve',
      'Navy Active',
      'Navy Reserve',
      'WHS',
    ]);
    expect(new Set(rows.map((r) => r.state_abbrev))).toEqual(new Set(STATE_CODES));
    expect(new Set(rows.map((r) => r.branch)).size).toBe(5);
    // Each footprint is a small closed polygon around its Geo Point.
    for (const row of rows.slice(0, 50)) {
      const ring = JSON.parse(row['Geo Shape'] as string).coordinates[0] as [number, number][];
      expect(ring[0]).toEqual(ring.at(-1));
      const [lon, lat] = ring[0] as [number, number];
      expect(Math.abs(lat - (row.lat as number))).toBeLessThan(0.5);
      expect(Math.abs(lon - (row.lon as number))).toBeLessThan(1);
    }
  });
});
