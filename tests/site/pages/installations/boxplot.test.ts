import { describe, expect, it } from 'vitest';
import { areaBoxStats, quantileSorted } from '../../../../site/pages/installations/boxplot.js';
import type { Installation } from '../../../../site/pages/installations/installations.js';
import { FIXTURE } from './fixture.js';

describe('quantileSorted', () => {
  it('interpolates linearly between ranks (R type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted([7], 0.75)).toBe(7);
    expect(() => quantileSorted([], 0.5)).toThrow(/empty/);
  });
});

describe('areaBoxStats', () => {
  const stats = areaBoxStats(FIXTURE);
  const of = (component: string) => stats.find((s) => s.component === component);

  it('computes quartiles on log10(area) and reports them in area units', () => {
    const af = of('AF Active');
    // areas 1000, 1000, 10000 → log10 3, 3, 4: q1 3, median 3, q3 3.5.
    expect(af?.n).toBe(3);
    expect(af?.q1).toBeCloseTo(1000, 6);
    expect(af?.median).toBeCloseTo(1000, 6);
    expect(af?.q3).toBeCloseTo(10 ** 3.5, 6);
    expect([af?.low, af?.high]).toEqual([1000, 10000]);
    const army = of('Army Active');
    // areas 1, 100 → log10 0, 2: q1 0.5, median 1, q3 1.5.
    expect(army?.median).toBeCloseTo(10, 9);
    expect(army?.q1).toBeCloseTo(10 ** 0.5, 9);
  });

  it('leaves out areas ≤ 0 (no WHS box) and keeps components in legend order', () => {
    expect(of('WHS')).toBeUndefined();
    expect(stats.map((s) => s.component)).toEqual(['AF Active', 'Army Active', 'Army Guard', 'Army Reserve', 'MC Active', 'Navy Active', 'Navy Reserve', 'DLA']);
  });

  it('flags areas beyond 1.5 IQR (in decades) as outliers and ends the whiskers inside', () => {
    const base = FIXTURE[0] as Installation;
    const rows = [10, 10, 10, 20, 100000].map((area, i) => ({ ...base, name: `n${i}`, component: 'Navy Active', areaKm2: area }));
    const [navy] = areaBoxStats(rows);
    // log10: 1, 1, 1, 1.301, 5 → q1 1, q3 1.301, fence 0.4515 → 100000 lies out.
    expect(navy?.outliers.map((r) => r.name)).toEqual(['n4']);
    expect(navy?.low).toBe(10);
    expect(navy?.high).toBeCloseTo(20, 9);
    expect(navy?.q3).toBeCloseTo(20, 9);
  });
});
