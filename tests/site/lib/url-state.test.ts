import { describe, expect, it } from 'vitest';
import { decodeState, defaults, encodeState, mergeSearch, readState, type Schema } from '../../../site/lib/url-state.js';

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

describe('URL values that cannot be used', () => {
  const codes = {
    state: { kind: 'list', values: ['CA', 'GU', 'TX'], resolve: (raw: string) => ({ guam: 'GU', texas: 'TX' })[raw.toLowerCase()] ?? null },
    years: { kind: 'range', default: [1990, 2020] },
    metric: { kind: 'enum', values: ['value', 'count'], default: 'value' },
    min: { kind: 'number', default: 0, min: 0, max: 50 },
    log: { kind: 'bool' },
  } satisfies Schema;

  it('accepts a name where a code is expected, and a code in any case', () => {
    const { state, ignored } = readState(codes, '?state=Guam&state=tx&state=CA');
    expect(state.state).toEqual(['GU', 'TX', 'CA']);
    expect(ignored).toEqual([]);
  });

  it('lists every value it dropped, with what was expected, and keeps the rest', () => {
    const { state, ignored } = readState(codes, '?state=Atlantis&state=CA&years=3000-1000&metric=bogus&min=999&log=maybe');
    expect(state).toEqual({ state: ['CA'], years: [1990, 2020], metric: 'value', min: 50, log: false });
    expect(ignored).toEqual([
      { key: 'state', value: 'Atlantis', expected: 'one of the choices the filter offers' },
      { key: 'years', value: '3000-1000', expected: 'FROM..TO, e.g. 1990..2020' },
      { key: 'metric', value: 'bogus', expected: 'one of value, count' },
      { key: 'min', value: '999', expected: 'a number from 0 to 50; 50 is used' },
      { key: 'log', value: 'maybe', expected: '1 or 0' },
    ]);
  });

  it('reports nothing for a clean address', () => {
    expect(readState(codes, '?state=CA&years=2000..2010&metric=count&min=5&log=1').ignored).toEqual([]);
  });
});
