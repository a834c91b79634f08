import { describe, expect, it } from 'vitest';
import { shapeCombined } from '../../../src/site/assets/combined.js';

describe('shapeCombined', () => {
  const data = shapeCombined(
    {
      State: ['TX', 'TX', 'PR', 'CA', 'TX'],
      'Agency Name': ['Austin PD', 'Austin PD', 'San Juan PD', 'LAPD', 'Dallas PD'],
      Quantity: [2, 1n, 5, 1, 3],
      'Acquisition Value': [100.1, 0.2, 50, 1000, 10],
      Year: [2001, 2001, null, 2010, 2005],
      Category: ['Vehicles', 'Weapons', 'Vehicles', 'Vehicles', 'Vehicles'],
    },
    {
      state_abbrev: ['TX', 'TX', 'GU', null, 'CA'],
      branch: ['Army', 'Navy', 'Navy', 'Army', 'Air Force'],
      'Site Name': ['Fort A', 'NAS B', 'Base C', 'Abroad', 'AFB D'],
      lat: [30, 31, 13.4, 50, 34],
      lon: [-97, -98, 144.8, 8, -118],
    },
  );

  it('joins equipment and installations per state, with regions and names', () => {
    expect(data.states).toEqual([
      { code: 'CA', name: 'California', region: 'West', equipmentValue: 1000, equipmentQuantity: 1, agencies: 1, installations: 1 },
      { code: 'GU', name: 'Guam', region: 'Territories', equipmentValue: 0, equipmentQuantity: 0, agencies: 0, installations: 1 },
      { code: 'PR', name: 'Puerto Rico', region: 'Territories', equipmentValue: 50, equipmentQuantity: 5, agencies: 1, installations: 0 },
      { code: 'TX', name: 'Texas', region: 'South', equipmentValue: 110.3, equipmentQuantity: 6, agencies: 2, installations: 2 },
    ]);
  });

  it('keeps undated rows out of the yearly series only', () => {
    expect(data.yearly).toEqual([
      { code: 'CA', year: 2010, value: 1000 },
      { code: 'TX', year: 2001, value: 100.3 },
      { code: 'TX', year: 2005, value: 10 },
    ]);
    expect(data.categories.find((c) => c.code === 'PR')).toEqual({ code: 'PR', category: 'Vehicles', value: 50 });
  });

  it('counts branches and points of installations that have a state code', () => {
    expect(data.branches).toEqual([
      { code: 'CA', branch: 'Air Force', count: 1 },
      { code: 'GU', branch: 'Navy', count: 1 },
      { code: 'TX', branch: 'Army', count: 1 },
      { code: 'TX', branch: 'Navy', count: 1 },
    ]);
    expect(data.points.map((p) => p.name)).toEqual(['Fort A', 'NAS B', 'Base C', 'AFB D']);
  });

  it('counts an agency name used in two states as two agencies, a blank name as none', () => {
    const equipment = {
      State: ['VA', 'TX', 'VA', 'TX'],
      'Agency Name': ['BEDFORD POLICE DEPT', 'BEDFORD POLICE DEPT', 'BEDFORD POLICE DEPT', '  '],
      Quantity: [1, 1, 1, 1],
      'Acquisition Value': [1, 1, 1, 1],
      Year: [2001, 2001, 2001, 2001],
      Category: ['Vehicles', 'Vehicles', 'Vehicles', 'Vehicles'],
    };
    const noBases = { state_abbrev: [], branch: [], 'Site Name': [], lat: [], lon: [] };
    const states = shapeCombined(equipment, noBases).states;
    expect(states.map((s) => [s.code, s.agencies])).toEqual([['TX', 1], ['VA', 1]]);
  });
});
