import { describe, expect, it } from 'vitest';
import { agencyLabel, agencyPairs, namesAgency } from '../../src/site/agency.js';

describe('agencies as (state, name) pairs', () => {
  it('labels a pair with its state code', () => {
    expect(agencyLabel('VA', 'BEDFORD POLICE DEPT')).toBe('BEDFORD POLICE DEPT, VA');
    expect(agencyLabel('', 'BEDFORD POLICE DEPT')).toBe('BEDFORD POLICE DEPT, no state');
    expect([namesAgency('X'), namesAgency(' '), namesAgency(''), namesAgency(null)]).toEqual([true, false, false, false]);
  });

  it('gives one code per pair, labels in order, blank names one null entry last', () => {
    // Rows: (VA, BEDFORD) (TX, BEDFORD) (VA, BEDFORD) (TX, "") (VA, ARLINGTON)
    const state = { dictionary: ['TX', 'VA'], codes: [1, 0, 1, 0, 1] };
    const name = { dictionary: ['', 'ARLINGTON PD', 'BEDFORD PD'], codes: [2, 2, 2, 0, 1] };
    const pairs = agencyPairs(state, name, 5);
    expect(pairs.dictionary).toEqual(['ARLINGTON PD, VA', 'BEDFORD PD, TX', 'BEDFORD PD, VA', null]);
    expect([...pairs.codes]).toEqual([2, 1, 2, 3, 0]);
  });

  it('has no null entry when every line names its agency', () => {
    expect(agencyPairs({ dictionary: ['VA'], codes: [0] }, { dictionary: ['A'], codes: [0] }, 1).dictionary).toEqual(['A, VA']);
  });
});
