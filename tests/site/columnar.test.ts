import { describe, expect, it } from 'vitest';
import { decodeTable, encodeTable } from '../../src/site/columnar.js';

describe('columnar data assets (DCL1)', () => {
  it('round-trips dictionary and numeric columns, with nulls', () => {
    const bytes = encodeTable(
      [
        { name: 'state', type: 'dict', values: ['TX', 'CA', null, 'TX'] },
        { name: 'year', type: 'int16', values: [2014, 2009, 0, 2020] },
        { name: 'value', type: 'float64', values: [1.5, null, 3e9, -2] },
      ],
      { source: 'demo' },
    );
    const table = decodeTable(bytes);
    expect(table.rows).toBe(4);
    expect(table.meta).toEqual({ source: 'demo' });
    const state = table.dict('state');
    expect(state.dictionary).toEqual(['CA', 'TX', null]);
    expect([...state.codes]).toEqual([1, 0, 2, 1]);
    expect([...table.numbers('year')]).toEqual([2014, 2009, 0, 2020]);
    expect(table.value('value', 1)).toBeNull();
    expect(table.value('value', 2)).toBe(3e9);
    expect(table.value('state', 2)).toBeNull();
    expect(table.value('state', 3)).toBe('TX');
  });

  it('places every column at an 8-byte offset so typed arrays view the buffer without copying', () => {
    const bytes = encodeTable([
      { name: 'a', type: 'uint8', values: [1, 2, 3] },
      { name: 'b', type: 'float64', values: [0.5, 0.25, 0.125] },
      { name: 'c', type: 'int32', values: [-1, -2, -3] },
    ]);
    const table = decodeTable(bytes);
    for (const name of ['a', 'b', 'c']) {
      const values = table.numbers(name);
      expect(values.byteOffset % 8).toBe(0);
      expect(values.buffer).toBe(bytes.buffer);
    }
    expect([...table.numbers('b')]).toEqual([0.5, 0.25, 0.125]);
  });

  it('picks the narrowest code type for the dictionary size', () => {
    const small = Array.from({ length: 256 }, (_, i) => `s${i}`);
    const large = Array.from({ length: 257 }, (_, i) => `s${i}`);
    expect(decodeTable(encodeTable([{ name: 'x', type: 'dict', values: small }])).dict('x').codes).toBeInstanceOf(Uint8Array);
    const wide = decodeTable(encodeTable([{ name: 'x', type: 'dict', values: large }])).dict('x');
    expect(wide.codes).toBeInstanceOf(Uint16Array);
    expect(wide.dictionary[wide.codes[256] as number]).toBe('s256');
  });

  it('is deterministic: equal inputs give identical bytes (and so identical hashed names)', () => {
    const make = (): Uint8Array => encodeTable([{ name: 'k', type: 'dict', values: ['b', 'a', 'b'] }]);
    expect(Buffer.from(make()).equals(Buffer.from(make()))).toBe(true);
  });

  it('decodes from an unaligned Node buffer slice', () => {
    const bytes = encodeTable([{ name: 'v', type: 'float64', values: [7, 8] }]);
    const padded = new Uint8Array(bytes.byteLength + 3);
    padded.set(bytes, 3);
    expect([...decodeTable(padded.subarray(3)).numbers('v')]).toEqual([7, 8]);
  });

  it('rejects columns of different lengths, duplicate names and foreign files, saying which', () => {
    expect(() => encodeTable([{ name: 'a', type: 'uint8', values: [1, 2] }, { name: 'b', type: 'uint8', values: [1] }])).toThrow('column "b" has 1 values, expected 2 like "a"');
    expect(() => encodeTable([{ name: 'a', type: 'uint8', values: [1] }, { name: 'a', type: 'uint8', values: [1] }])).toThrow('duplicate column "a"');
    expect(() => decodeTable(new TextEncoder().encode('{"not":"columnar"}'))).toThrow('not a DCL1 data asset (starts with "{"no")');
    const table = decodeTable(encodeTable([{ name: 'a', type: 'uint8', values: [1] }]));
    expect(() => table.column('zzz')).toThrow('no column "zzz" (columns: a)');
    expect(() => table.dict('a')).toThrow('column "a" holds uint8 numbers, not strings');
  });

  it('reports a truncated asset instead of reading garbage', () => {
    const bytes = encodeTable([{ name: 'v', type: 'float64', values: [1, 2, 3, 4] }]);
    expect(() => decodeTable(bytes.subarray(0, bytes.byteLength - 8))).toThrow('column "v" runs past the end of the asset');
  });
});
