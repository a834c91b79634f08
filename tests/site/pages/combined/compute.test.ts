import { describe, expect, it } from 'vitest';
import {
  agencyReach,
  branchCategoryHeat,
  butterfly,
  compositeRanking,
  filterStates,
  leastSquares,
  median,
  quadrants,
  regionTotals,
  valuePerInstallation,
  withBoth,
  yearlyValue,
} from '../../../../site/pages/combined/compute.js';
import type { StateRow } from '../../../../src/site/contracts/combined.js';

const row = (code: string, region: string, equipmentValue: number, installations: number, agencies = 1, equipmentQuantity = 10): StateRow => ({
  code,
  name: `State ${code}`,
  region,
  equipmentValue,
  equipmentQuantity,
  agencies,
  installations,
});

const STATES: StateRow[] = [
  row('TX', 'South', 1000, 10, 5, 100),
  row('CA', 'West', 800, 20, 4, 50),
  row('NY', 'Northeast', 200, 2, 3, 40),
  row('OH', 'Midwest', 400, 0, 2, 20),
  row('PR', 'Territories', 0, 3, 0, 0),
];

describe('filterStates', () => {
  it('keeps all with no filters, filters by region and minimum installations', () => {
    expect(filterStates(STATES, { regions: [], minInstallations: 0 }).map((s) => s.code)).toEqual(['TX', 'CA', 'NY', 'OH', 'PR']);
    expect(filterStates(STATES, { regions: ['South', 'Territories'], minInstallations: 0 }).map((s) => s.code)).toEqual(['TX', 'PR']);
    expect(filterStates(STATES, { regions: [], minInstallations: 3 }).map((s) => s.code)).toEqual(['TX', 'CA', 'PR']);
  });

  it('returns nothing, not everything, when no state passes', () => {
    expect(filterStates(STATES, { regions: ['Northeast'], minInstallations: 5 })).toEqual([]);
    expect(yearlyValue([], [{ code: 'TX', year: 2000, value: 5 }])).toEqual({ years: [], installations: 0 });
  });
});

describe('yearlyValue', () => {
  it('sums value per year over the selected states only', () => {
    const yearly = [
      { code: 'TX', year: 2001, value: 5 },
      { code: 'CA', year: 2001, value: 7 },
      { code: 'NY', year: 1999, value: 1 },
      { code: 'OH', year: 2001, value: 100 },
    ];
    expect(yearlyValue(STATES.slice(0, 3), yearly)).toEqual({
      years: [
        { year: 1999, value: 1 },
        { year: 2001, value: 12 },
      ],
      installations: 32,
    });
  });
});

describe('leastSquares', () => {
  it('fits an exact line with r² = 1', () => {
    const fit = leastSquares([
      { x: 1, y: 3 },
      { x: 2, y: 5 },
      { x: 4, y: 9 },
    ]);
    expect(fit?.slope).toBeCloseTo(2, 12);
    expect(fit?.intercept).toBeCloseTo(1, 12);
    expect(fit?.r2).toBeCloseTo(1, 12);
  });

  it('matches a hand-computed noisy fit', () => {
    // x = 1..4, y = 2, 3, 5, 4: sxx = 5, sxy = 4, syy = 5 → slope 0.8, intercept 1.5, r² = 16/25.
    const fit = leastSquares([
      { x: 1, y: 2 },
      { x: 2, y: 3 },
      { x: 3, y: 5 },
      { x: 4, y: 4 },
    ]);
    expect(fit).toEqual({ slope: 0.8, intercept: 1.5, r2: 0.64, n: 4 });
  });

  it('refuses fewer than two points or a vertical spread of x', () => {
    expect(leastSquares([{ x: 1, y: 1 }])).toBeNull();
    expect(leastSquares([{ x: 1, y: 1 }, { x: 1, y: 2 }])).toBeNull();
  });
});

describe('quadrants', () => {
  it('classifies against the medians of the states with both installations and value', () => {
    const both = withBoth(STATES);
    expect(both.map((s) => s.code)).toEqual(['TX', 'CA', 'NY']);
    const q = quadrants(both);
    expect(q.medianInstallations).toBe(10);
    expect(q.medianValue).toBe(800);
    expect(Object.fromEntries(q.points.map((p) => [p.state.code, p.quadrant]))).toEqual({
      TX: 'Many installations, high value',
      CA: 'Many installations, high value',
      NY: 'Few installations, low value',
    });
  });

  it('takes the mean of the middle pair for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('rankings', () => {
  it('butterfly normalises each side to its maximum within the top states, largest value first', () => {
    const rows = butterfly(STATES, 3);
    expect(rows.map((r) => [r.state.code, r.installationsPct, r.valuePct])).toEqual([
      ['TX', 50, 100],
      ['CA', 100, 80],
      ['OH', 0, 40],
    ]);
  });

  it('value per installation is ranked and skips states without installations', () => {
    expect(valuePerInstallation(STATES).map((r) => [r.state.code, r.valuePerInstallation])).toEqual([
      ['NY', 100], // ties ranked by name
      ['TX', 100],
      ['CA', 40],
      ['PR', 0],
    ]);
  });

  it('composite ranking is 50 % installations and 50 % value, each against its maximum', () => {
    const rows = compositeRanking(STATES);
    expect(rows.map((r) => [r.state.code, r.composite])).toEqual([
      ['CA', 90], // 0.5·100 + 0.5·80
      ['TX', 75], // 0.5·50 + 0.5·100
      ['OH', 20], // 0.5·0 + 0.5·40
      ['NY', 15], // 0.5·10 + 0.5·20
      ['PR', 7.5], // 0.5·15 + 0
    ]);
  });
});

describe('regionTotals', () => {
  it('sums each measure per region, and gives it as % of the largest region shown', () => {
    const regions = regionTotals(STATES.slice(0, 3));
    const south = regions.find((r) => r.region === 'South');
    const west = regions.find((r) => r.region === 'West');
    expect(regions.map((r) => r.region)).toEqual(['Northeast', 'South', 'West']);
    expect(south?.normalised).toEqual({ 'Equipment value': 100, 'Items shipped': 100, Installations: 50, Agencies: 100 });
    expect(west?.normalised).toEqual({ 'Equipment value': 80, 'Items shipped': 50, Installations: 100, Agencies: 80 });
  });

  it('gives 0, not NaN, on a measure that is 0 everywhere', () => {
    expect(regionTotals([row('PR', 'Territories', 0, 3, 0, 0)])[0]?.normalised).toEqual({
      'Equipment value': 0,
      'Items shipped': 0,
      Installations: 100,
      Agencies: 0,
    });
  });
});

describe('branchCategoryHeat', () => {
  it('sums category value over the selected states where each branch is present', () => {
    const heat = branchCategoryHeat(
      STATES.filter((s) => s.code !== 'NY'),
      [
        { code: 'TX', branch: 'Army', count: 3 },
        { code: 'CA', branch: 'Army', count: 1 },
        { code: 'CA', branch: 'Navy', count: 2 },
        { code: 'NY', branch: 'Navy', count: 2 },
      ],
      [
        { code: 'TX', category: 'Vehicles', value: 600 },
        { code: 'TX', category: 'Weapons', value: 400 },
        { code: 'CA', category: 'Vehicles', value: 800 },
        { code: 'NY', category: 'Weapons', value: 200 },
      ],
      1,
    );
    expect(heat.branches).toEqual(['Army', 'Navy']);
    expect(heat.categories).toEqual(['Vehicles']);
    expect(heat.cells).toEqual([
      { branch: 'Army', category: 'Vehicles', value: 1400 },
      { branch: 'Navy', category: 'Vehicles', value: 800 },
    ]);
  });
});

describe('agencyReach', () => {
  it('keeps states with agencies and installations', () => {
    expect(agencyReach(STATES).map((s) => s.code)).toEqual(['TX', 'CA', 'NY']);
  });
});
