import { describe, expect, it } from 'vitest';
import { decodeState, defaults, encodeState, mergeSearch, type Schema } from '../../../site/lib/url-state.js';

const schema = {
  states: { kind: 'list' },
  years: { kind: 'range', default: [1990, 2020] },
  metric: { kind: 'enum', values: ['value', 'count'], default: 'value' },
  q: { kind: 'string' },
  min: { kind: 'number', default: 0, min: 0, max: 50 },
  log: { kind: 'bool' },
} satisfies Schema;

describe('URL state', () => {
  it('leaves defaults out, so the plain page URL means "no filters"', () => {
    expect(encodeState(schema, defaults(schema))).toBe('');
  });

  it('round-trips every kind of field', () => {
    const state = { states: ['CA', 'TX'], years: [2005, 2014] as [number, number], metric: 'count', q: 'chest pain & "cough"', min: 5, log: true };
    const search = encodeState(schema, state);
    expect(search).toBe('?states=CA&states=TX&years=2005..2014&metric=count&q=chest+pain+%26+%22cough%22&min=5&log=1');
    expect(decodeState(schema, search)).toEqual(state);
  });

  it('keeps values that contain commas intact (lists repeat the key)', () => {
    const search = encodeState(schema, { ...defaults(schema), states: ['Sheriff, County'] });
    expect(decodeState(schema, search).states).toEqual(['Sheriff, County']);
  });

  it('falls back to defaults for malformed or unknown values, and clamps numbers', () => {
    const state = decodeState(schema, '?years=abc&metric=bogus&min=999&other=1&states=&states=NY&states=NY');
    expect(state.years).toEqual([1990, 2020]);
    expect(state.metric).toBe('value');
    expect(state.min).toBe(50);
    expect(state.states).toEqual(['NY']);
    expect(decodeState(schema, '?min=').min).toBe(0);
  });

  it('orders a reversed range', () => {
    expect(decodeState(schema, '?years=2014..2005').years).toEqual([2005, 2014]);
  });

  it('keeps query keys other components own when writing its own', () => {
    expect(mergeSearch(schema, { ...defaults(schema), metric: 'count' }, '?sort=rows&metric=value')).toBe('?metric=count&sort=rows');
    expect(mergeSearch(schema, defaults(schema), '?metric=count')).toBe('');
  });
});
