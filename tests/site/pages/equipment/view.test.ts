import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../../../site/pages/equipment/selection.js';
import { growthDomain, timelineFrame } from '../../../../site/pages/equipment/series.js';
import { computeView } from '../../../../site/pages/equipment/view.js';
import { CATEGORY, columnsOf, LOOKUPS, ROWS } from './fixture.js';

const columns = columnsOf(ROWS);
const extent = [2010, 2014] as const;
const all = computeView(columns, NO_FILTER, LOOKUPS, extent);

describe('default view (all rows)', () => {
  it('KPIs count undated rows and distinct agencies and states', () => {
    expect(all.kpis).toEqual({ rows: 10, items: 132, value: 145000, agencies: 6, states: 5 });
  });

  it('EQ-1 ranks categories on dated quantity and fills missing years with 0', () => {
    expect(all.timeline.categories).toEqual([CATEGORY.W, CATEGORY.R, CATEGORY.V]);
    expect(all.timeline.years).toEqual([2010, 2011, 2012, 2013, 2014]);
    expect(all.timeline.points.filter((p) => p.category === CATEGORY.W).map((p) => p.quantity)).toEqual([10, 0, 5, 3, 0]);
    expect(all.timeline.points.filter((p) => p.category === CATEGORY.R).map((p) => p.quantity)).toEqual([0, 0, 0, 1, 10]);
    expect(all.timeline.yMax).toBeCloseTo(11, 10);
    expect(timelineFrame(all.timeline, 2011).map((p) => `${p.category}:${p.year}`)).toEqual([
      `${CATEGORY.W}:2010`, `${CATEGORY.W}:2011`, `${CATEGORY.R}:2010`, `${CATEGORY.R}:2011`, `${CATEGORY.V}:2010`, `${CATEGORY.V}:2011`,
    ]);
  });

  it('EQ-2 ranks items by quantity', () => {
    expect(all.topItems).toEqual([
      { name: 'BOOTS', value: 100 },
      { name: 'RIFLE', value: 18 },
      { name: 'RADIO', value: 11 },
      { name: 'TRUCK', value: 3 },
    ]);
  });

  it('EQ-3 sums per state with selected rows, territories included', () => {
    expect(all.states).toEqual([
      { state: 'CA', rows: 3, value: 51500, quantity: 16 },
      { state: 'GU', rows: 2, value: 0, quantity: 5 },
      { state: 'NY', rows: 2, value: 1200, quantity: 6 },
      { state: 'PR', rows: 1, value: 300, quantity: 3 },
      { state: 'TX', rows: 2, value: 92000, quantity: 102 },
    ]);
  });

  it('EQ-4 labels the empty year and the year after it instead of comparing across the gap', () => {
    expect(all.growth.map((g) => [g.year, g.status])).toEqual([
      [2011, 'no-transfers'],
      [2012, 'no-prior-year'],
      [2013, 'ok'],
      [2014, 'ok'],
    ]);
    expect(all.growth[2]?.growth).toBeCloseTo(((300 - 50500) / 50500) * 100, 10);
    expect(all.growth[3]?.growth).toBeCloseTo(300, 10);
  });

  it('EQ-5 divides by population and lists states without one', () => {
    expect(all.perCapita.withoutPopulation).toEqual(['GU']);
    expect(all.perCapita.rows.map((r) => r.state)).toEqual(['CA', 'NY', 'PR', 'TX']);
    expect(all.perCapita.rows[0]?.perCapita).toBeCloseTo(51500 / 39538223, 15);
  });

  it('EQ-6 stacks DEMIL labels inside the categories of largest value', () => {
    expect(all.demil.categories).toEqual([CATEGORY.V, CATEGORY.C, CATEGORY.W, CATEGORY.R]);
    expect(all.demil.labels).toEqual(['Non-MLI', 'MLI: total destruction', 'CCLI']);
    expect(all.demil.segments.map((s) => [s.category, s.code, s.value])).toEqual([
      [CATEGORY.V, 'A', 140000],
      [CATEGORY.C, 'A', 2000],
      [CATEGORY.W, 'D', 1800],
      [CATEGORY.R, 'Q', 1200],
    ]);
  });

  it('EQ-7 ranks states strictly by value with the region as an attribute', () => {
    expect(all.topStates).toEqual([
      { state: 'TX', value: 92000, region: 'South', rank: 1 },
      { state: 'CA', value: 51500, region: 'West', rank: 2 },
      { state: 'NY', value: 1200, region: 'Northeast', rank: 3 },
      { state: 'PR', value: 300, region: 'Territories', rank: 4 },
    ]);
  });

  it('EQ-8 keeps positive-value items per category, categories by value', () => {
    expect(all.treemap).toEqual([
      { category: CATEGORY.V, item: 'TRUCK', value: 140000, quantity: 3 },
      { category: CATEGORY.C, item: 'BOOTS', value: 2000, quantity: 100 },
      { category: CATEGORY.W, item: 'RIFLE', value: 1800, quantity: 18 },
      { category: CATEGORY.R, item: 'RADIO', value: 1200, quantity: 11 },
    ]);
  });

  it('EQ-9 averages value per item where quantity is positive', () => {
    expect(all.averageValue.map((a) => [a.state, a.average])).toEqual([
      ['CA', 51500 / 16],
      ['TX', 92000 / 102],
      ['NY', 200],
      ['PR', 100],
      ['GU', 0],
    ]);
  });

  it('EQ-10 ranks agencies by value and leaves out zero-value ones', () => {
    expect(all.topAgencies.map((a) => a.name)).toEqual(['HPD, TX', 'LAPD, CA', 'NYPD, NY', 'SFPD, CA', 'PRPD, PR']);
  });
});

describe('an agency is a (state, agency name) pair', () => {
  const row = { item: 'RIFLE', quantity: 1, demil: 'D', year: 2012, category: CATEGORY.W };
  // BEDFORD POLICE DEPT in VA and in TX are two agencies; together they would outrank ARLINGTON, apart they do not.
  const columns = columnsOf([
    { ...row, state: 'VA', agency: 'BEDFORD POLICE DEPT', value: 600 },
    { ...row, state: 'VA', agency: 'BEDFORD POLICE DEPT', value: 100 },
    { ...row, state: 'TX', agency: 'BEDFORD POLICE DEPT', value: 500 },
    { ...row, state: 'VA', agency: 'ARLINGTON POLICE DEPT', value: 1000 },
    { ...row, state: 'TX', agency: '', value: 5000 },
  ]);
  const view = computeView(columns, NO_FILTER, LOOKUPS, [2012, 2012]);

  it('counts the same name in two states twice, and a line without a name not at all', () => {
    expect(view.kpis).toEqual({ rows: 5, items: 5, value: 7200, agencies: 3, states: 2 });
    expect(computeView(columns, { ...NO_FILTER, states: ['TX'] }, LOOKUPS, [2012, 2012]).kpis.agencies).toBe(1);
  });

  it('ranks and labels each pair on its own', () => {
    expect(view.topAgencies).toEqual([
      { name: 'ARLINGTON POLICE DEPT, VA', value: 1000 },
      { name: 'BEDFORD POLICE DEPT, VA', value: 700 },
      { name: 'BEDFORD POLICE DEPT, TX', value: 500 },
    ]);
  });
});

describe('filtered views', () => {
  it('states CA+TX in 2010–2012 drop the undated row and compare only adjacent years', () => {
    const view = computeView(columns, { ...NO_FILTER, states: ['CA', 'TX'], years: [2010, 2012] }, LOOKUPS, extent);
    expect(view.kpis).toEqual({ rows: 4, items: 18, value: 141500, agencies: 3, states: 2 });
    expect(view.growth.map((g) => g.status)).toEqual(['no-transfers', 'no-prior-year']);
    expect(view.topItems.map((i) => i.name)).toEqual(['RIFLE', 'TRUCK']);
  });

  it('a zero-value previous year gives a labelled zero base, never an infinite bar', () => {
    const view = computeView(columns, { ...NO_FILTER, states: ['GU'] }, LOOKUPS, extent);
    expect(view.growth).toEqual([{ year: 2014, value: 0, previous: 0, growth: null, status: 'zero-base' }]);
    expect(view.topStates).toEqual([]);
    expect(view.averageValue).toEqual([{ state: 'GU', value: 0, quantity: 5, average: 0 }]);
  });

  it('an empty selection gives empty series, not all data', () => {
    const view = computeView(columns, { ...NO_FILTER, states: ['GU'], demil: ['A'] }, LOOKUPS, extent);
    expect(view.kpis).toEqual({ rows: 0, items: 0, value: 0, agencies: 0, states: 0 });
    expect([view.timeline.points, view.topItems, view.states, view.growth, view.treemap, view.topAgencies]).toEqual([[], [], [], [], [], []]);
  });
});

describe('growthDomain', () => {
  const g = (year: number, growth: number | null) => ({ year, value: 0, previous: 0, growth, status: growth === null ? ('zero-base' as const) : ('ok' as const) });
  it('clips a runaway growth so it does not flatten the other bars, and reports it', () => {
    const rows = [g(2001, 2500), g(2002, 20), g(2003, -30), g(2004, 40), g(2005, 10), g(2006, null)];
    const { domain, clipped } = growthDomain(rows);
    // |growth| sorted: 10, 20, 30, 40, 2500 → median 30 → cap max(100, 4 × 30) = 120.
    expect(domain).toEqual([-30, 120]);
    expect(clipped.map((r) => r.year)).toEqual([2001]);
  });
  it('keeps every bar when none is extreme', () => {
    // median |growth| of 150 and 60 is 105 → cap 420.
    expect(growthDomain([g(2001, 150), g(2002, -60)])).toEqual({ domain: [-60, 150], clipped: [] });
  });
  it('has a symmetric default when there is no growth figure', () => {
    expect(growthDomain([g(2001, null)]).domain).toEqual([-100, 100]);
  });
});
