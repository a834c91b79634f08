import { describe, expect, it } from 'vitest';
import { NO_FILTER, normalizeFilter, selectRows, yearExtent } from '../../../../site/pages/equipment/selection.js';
import { CATEGORY, columnsOf, ROWS } from './fixture.js';

const columns = columnsOf(ROWS);
const choices = { states: ['CA', 'GU', 'NY', 'PR', 'TX'], categories: Object.values(CATEGORY).sort(), demil: ['A', 'D', 'Q'], extent: [2010, 2014] as const };

describe('yearExtent', () => {
  it('spans the dated rows and ignores undated ones', () => {
    expect(yearExtent(columns)).toEqual([2010, 2014]);
  });
  it("falls back to the original's 1990–2021 when no row is dated", () => {
    expect(yearExtent(columnsOf(ROWS.map((r) => ({ ...r, year: NaN }))))).toEqual([1990, 2021]);
  });
});

describe('selectRows', () => {
  it('keeps every row, undated included, without filters', () => {
    expect([...selectRows(columns, NO_FILTER)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  it('combines states and a narrowed year range, which drops undated rows', () => {
    expect([...selectRows(columns, { ...NO_FILTER, states: ['CA', 'TX'], years: [2010, 2012] })]).toEqual([0, 1, 2, 3]);
  });
  it('filters by category and by DEMIL code', () => {
    expect([...selectRows(columns, { ...NO_FILTER, categories: [CATEGORY.W] })]).toEqual([0, 2, 5]);
    expect([...selectRows(columns, { ...NO_FILTER, demil: ['Q'] })]).toEqual([6, 7, 9]);
  });
  it('selects nothing when no row matches all filters', () => {
    expect(selectRows(columns, { ...NO_FILTER, states: ['GU'], demil: ['A'] }).length).toBe(0);
  });
  it('writes into a scratch buffer when given one, and allocates when it is too short', () => {
    const scratch = new Uint32Array(10).fill(99);
    const rows = selectRows(columns, { ...NO_FILTER, demil: ['Q'] }, scratch);
    expect([...rows]).toEqual([6, 7, 9]);
    expect(rows.buffer).toBe(scratch.buffer);
    expect([...scratch.subarray(0, 4)]).toEqual([6, 7, 9, 99]);
    const short = new Uint32Array(2);
    const own = selectRows(columns, { ...NO_FILTER, demil: ['Q'] }, short);
    expect([...own]).toEqual([6, 7, 9]);
    expect(own.buffer).not.toBe(short.buffer);
  });
});

describe('normalizeFilter', () => {
  it('drops unknown values, reports them and keeps the options order', () => {
    const { filter, ignored } = normalizeFilter({ states: ['TX', 'ZZ', 'CA', 'TX'], demil: ['X'] }, choices);
    expect(filter.states).toEqual(['CA', 'TX']);
    expect(filter.demil).toEqual([]);
    expect(ignored).toEqual(['ZZ', 'X']);
  });
  it('treats a range spanning the extent as no year filter, so undated rows stay in', () => {
    expect(normalizeFilter({ years: [2009, 2015] }, choices).filter.years).toBeNull();
    expect(normalizeFilter({ years: [2014, 2010] }, choices).filter.years).toBeNull();
  });
  it('swaps, rounds and clamps a narrowed range', () => {
    expect(normalizeFilter({ years: [2012.4, 2011] }, choices).filter.years).toEqual([2011, 2012]);
    expect(normalizeFilter({ years: [2000, 2012] }, choices).filter.years).toEqual([2010, 2012]);
    expect(normalizeFilter({ years: [NaN, 2012] }, choices).filter.years).toEqual([2010, 2012]);
  });
});
