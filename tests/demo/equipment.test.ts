import { describe, expect, it } from 'vitest';
import { equipment } from '../../src/datasets/equipment.js';
import { EQUIPMENT_FILE } from '../../src/datasets/layout.js';
import { CATEGORIES } from '../../src/datasets/lookups/nsn.js';
import { STATE_CODES } from '../../src/datasets/lookups/states.js';
import { EQUIPMENT_SMALL_ROWS, equipmentDemoCsv } from '../../src/demo/equipment.js';
import { buildFrom, tempDir } from '../support/fixtures.js';

describe('equipment demo data (D-8)', { timeout: 120_000 }, () => {
  it('is deterministic from the seed', () => {
    const a = equipmentDemoCsv({ scale: 'small', seed: 7 });
    expect(equipmentDemoCsv({ scale: 'small', seed: 7 })).toBe(a);
    expect(equipmentDemoCsv({ scale: 'small', seed: 8 })).not.toBe(a);
  });

  it('has the Kaggle layout and realistic spread: every state and territory, 1990–2021, many categories and agencies', async () => {
    const root = await tempDir();
    await equipment.writeDemo(root, { scale: 'small', seed: 20240101, force: false });
    const text = equipmentDemoCsv({ scale: 'small', seed: 20240101 });
    expect(text.split('\n', 1)[0]).toBe('State,Agency Name,NSN,Item Name,Quantity,UI,Acquisition Value,DEMIL Code,DEMIL IC,Ship Date,Station Type');
    expect(text).toMatch(/\n[A-Z]{2},[^\n]*,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3},/);
    const { rows, outcome } = await buildFrom(equipment, root, [EQUIPMENT_FILE]);
    expect(outcome.rows).toBe(EQUIPMENT_SMALL_ROWS);
    expect(outcome.warnings).toEqual([]);
    expect(new Set(rows.map((r) => r.State))).toEqual(new Set(STATE_CODES));
    const years = rows.map((r) => r.Year).filter((y): y is number => typeof y === 'number');
    expect(Math.min(...years)).toBe(1990);
    expect(Math.max(...years)).toBe(2021);
    expect(rows.some((r) => r.Year === null)).toBe(true);
    const categories = new Set(rows.map((r) => r.Category));
    expect(categories.size).toBe(CATEGORIES.length);
    expect(new Set(rows.map((r) => r['Agency Name'])).size).toBeGreaterThan(300);
    // Skewed values: the top 1 % of lines hold most of the money.
    const values = rows.map((r) => r['Acquisition Value'] as number).sort((x, y) => y - x);
    const total = values.reduce((s, v) => s + v, 0);
    const top = values.slice(0, Math.ceil(values.length / 100)).reduce((s, v) => s + v, 0);
    expect(top / total).toBeGreaterThan(0.5);
  });

  it('never overwrites an existing file without force, naming it', async () => {
    const root = await tempDir();
    await equipment.writeDemo(root, { scale: 'small', seed: 1, force: false });
    await expect(equipment.writeDemo(root, { scale: 'small', seed: 2, force: false })).rejects.toThrow(
      /Military_Equipment_for_Local_Law_Enforcement\/dod_all_states\.csv already exists; pass --force to overwrite it/,
    );
    await expect(equipment.writeDemo(root, { scale: 'small', seed: 2, force: true })).resolves.toHaveLength(1);
  });
});
