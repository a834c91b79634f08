import { describe, expect, it } from 'vitest';
import {
  byComponent,
  componentByStatus,
  countByState,
  jointBaseBreakdown,
  statusShares,
  topStatesByComponent,
} from '../../../../site/pages/installations/aggregates.js';
import { FIXTURE } from './fixture.js';

describe('countByState', () => {
  it('counts installations per state and territory, largest first, ties alphabetical', () => {
    expect(countByState(FIXTURE)).toEqual([
      { state: 'Texas', stateAbbrev: 'TX', count: 6 },
      { state: 'Virginia', stateAbbrev: 'VA', count: 3 },
      { state: 'California', stateAbbrev: 'CA', count: 2 },
      { state: 'Guam', stateAbbrev: 'GU', count: 2 },
      { state: 'Puerto Rico', stateAbbrev: 'PR', count: 1 },
    ]);
  });
});

describe('statusShares', () => {
  it('counts per status with shares of the total', () => {
    const shares = statusShares(FIXTURE);
    expect(shares.map((s) => [s.status, s.count])).toEqual([
      ['Active', 11],
      ['Inactive', 2],
      ['Unknown', 1],
    ]);
    expect(shares[0]?.share).toBeCloseTo(11 / 14, 12);
  });
});

describe('componentByStatus', () => {
  it('counts per component and status in legend order', () => {
    expect(componentByStatus(FIXTURE).map((c) => `${c.component}/${c.group}=${c.count}`)).toEqual([
      'AF Active/Active=3',
      'Army Active/Active=1',
      'Army Active/Inactive=1',
      'Army Guard/Active=1',
      'Army Reserve/Active=1',
      'MC Active/Active=2',
      'Navy Active/Active=2',
      'Navy Reserve/Inactive=1',
      'WHS/Active=1',
      'DLA/Unknown=1',
    ]);
  });
});

describe('topStatesByComponent', () => {
  it('keeps the top N states largest first and splits each by component', () => {
    const top = topStatesByComponent(FIXTURE, 3);
    expect(top.order).toEqual(['Texas', 'Virginia', 'California']);
    expect(top.totals.get('Texas')).toBe(6);
    expect(top.cells.filter((c) => c.group === 'Texas').map((c) => [c.component, c.count])).toEqual([
      ['AF Active', 2],
      ['Army Active', 2],
      ['Army Guard', 1],
      ['DLA', 1],
    ]);
    expect(top.cells.some((c) => c.group === 'Guam')).toBe(false);
  });

  it('defaults to 20 states', () => {
    expect(topStatesByComponent(FIXTURE).order).toHaveLength(5);
  });
});

describe('jointBaseBreakdown', () => {
  it('ranks joint bases, splits them by component and counts the rest apart', () => {
    const joint = jointBaseBreakdown(FIXTURE);
    expect(joint.order).toEqual(['Joint Base San Antonio', 'Joint Region Marianas']);
    expect(joint.notJoint).toBe(9);
    expect(joint.cells.map((c) => `${c.group}:${c.component}=${c.count}`)).toEqual([
      'Joint Base San Antonio:AF Active=2',
      'Joint Region Marianas:AF Active=1',
      'Joint Base San Antonio:Army Active=1',
      'Joint Region Marianas:Navy Active=1',
    ]);
  });
});

describe('byComponent', () => {
  it('makes one panel for every component present, in legend order', () => {
    const panels = byComponent(FIXTURE);
    expect(panels.map((p) => p.component)).toEqual(['AF Active', 'Army Active', 'Army Guard', 'Army Reserve', 'MC Active', 'Navy Active', 'Navy Reserve', 'WHS', 'DLA']);
    expect(panels[0]?.rows.map((r) => r.name)).toEqual(['Randolph', 'Lackland', 'Andersen']);
  });
});
