import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMIL_CODES, demilLabel } from '../../../src/datasets/lookups/demil.js';
import { CATEGORIES, categoryForNsn, NSN_PREFIX_CATEGORIES } from '../../../src/datasets/lookups/nsn.js';
import { POPULATION_2020 } from '../../../src/datasets/lookups/populations.js';
import { REGION_STATES, regionOf } from '../../../src/datasets/lookups/regions.js';
import { STATE_CODES, STATE_NAMES, stateCodeOf, TERRITORY_CODES } from '../../../src/datasets/lookups/states.js';

describe('NSN categories', () => {
  it('maps 46 prefixes onto 22 categories plus Other', () => {
    expect(Object.keys(NSN_PREFIX_CATEGORIES)).toHaveLength(46);
    expect(CATEGORIES).toHaveLength(23);
    expect(CATEGORIES.at(-1)).toBe('Other');
  });

  it('takes the first two NSN digits', () => {
    expect(categoryForNsn('1005-01-128-9936')).toBe('Weapons & Firearms');
    expect(categoryForNsn('2320-01-371-9584')).toBe('Vehicles & Transport');
    expect(categoryForNsn('1385-01-574-4707')).toBe('Ammunition & Explosives');
    expect(categoryForNsn('6515-01-521-4576')).toBe('Medical Equipment');
    expect(categoryForNsn('8465-01-525-0577')).toBe('Clothing & Textiles');
    expect(categoryForNsn('8520-00-000-0000')).toBe('Personal Gear');
    expect(categoryForNsn(' 7021-01-')).toBe('IT & Computing');
  });

  it('puts unmapped, short and missing NSNs in Other', () => {
    expect(categoryForNsn('9905-00-000-0000')).toBe('Other');
    expect(categoryForNsn('27')).toBe('Other');
    expect(categoryForNsn('1')).toBe('Other');
    expect(categoryForNsn('')).toBe('Other');
    expect(categoryForNsn(null)).toBe('Other');
  });
});

describe('DEMIL codes', () => {
  it('labels the official codes and passes unknown codes through', () => {
    expect(Object.keys(DEMIL_CODES).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'P', 'Q', 'Unknown']);
    expect(demilLabel('D')).toBe('D – MLI (SME), total destruction');
    expect(demilLabel(' q ')).toBe('Q – CCLI, no demil');
    expect(demilLabel('Z')).toBe('Z');
    expect(demilLabel('Unknown')).toBe('Unknown');
  });
});

describe('states, regions and populations', () => {
  it('has 50 states, DC and 5 territories', () => {
    expect(STATE_CODES).toHaveLength(56);
    expect(TERRITORY_CODES.every((c) => STATE_NAMES[c] !== undefined)).toBe(true);
    expect(STATE_NAMES.DC).toBe('District of Columbia');
    expect(STATE_NAMES.MP).toBe('Northern Mariana Islands');
  });

  it('maps names to codes both ways, case-insensitively, with aliases', () => {
    expect(stateCodeOf('Texas')).toBe('TX');
    expect(stateCodeOf('  new   york ')).toBe('NY');
    expect(stateCodeOf('Virgin Islands')).toBe('VI');
    expect(stateCodeOf('ca')).toBe('CA');
    expect(stateCodeOf('Atlantis')).toBeNull();
    for (const [code, name] of Object.entries(STATE_NAMES)) expect(stateCodeOf(name)).toBe(code);
  });

  it('puts every code in exactly one region: 9/12/17/13 and the territories', () => {
    expect(Object.fromEntries(Object.entries(REGION_STATES).map(([r, c]) => [r, c.length]))).toEqual({
      Northeast: 9,
      Midwest: 12,
      South: 17,
      West: 13,
      Territories: 5,
    });
    const all = Object.values(REGION_STATES).flat();
    expect(new Set(all).size).toBe(56);
    expect([...all].sort()).toEqual([...STATE_CODES].sort());
    expect(regionOf('dc')).toBe('South');
    expect(regionOf('GU')).toBe('Territories');
    expect(regionOf('XX')).toBeNull();
  });

  it('has the 2020 census counts: 331,449,281 for the states and DC', () => {
    expect(Object.keys(POPULATION_2020).sort()).toEqual([...STATE_CODES].sort());
    const statesAndDc = STATE_CODES.filter((c) => !TERRITORY_CODES.includes(c));
    expect(statesAndDc.reduce((s, c) => s + (POPULATION_2020[c] as number), 0)).toBe(331_449_281);
    expect(POPULATION_2020.CA).toBe(39_538_223);
    expect(POPULATION_2020.PR).toBe(3_285_874);
  });
});

describe('lookup modules', () => {
  it('import nothing, so the browser can load them as they are', () => {
    const dir = fileURLToPath(new URL('../../../src/datasets/lookups/', import.meta.url));
    for (const file of readdirSync(dir)) {
      expect(readFileSync(dir + file, 'utf8'), file).not.toMatch(/^import /m);
    }
  });
});
