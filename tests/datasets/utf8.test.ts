import { describe, expect, it } from 'vitest';
import { Utf8Check } from '../../src/datasets/utf8.js';

describe('Utf8Check', () => {
  it('finds invalid bytes whatever the chunk boundaries (a multi-byte character cut in two is fine)', () => {
    const text = Buffer.from('a\u00e9\u20ac\u{1F600}\nb\n');
    const bad = Buffer.concat([text, Buffer.from([0xff]), text]);
    for (let size = 1; size <= 5; size++) {
      const check = new Utf8Check();
      for (let i = 0; i < bad.length; i += size) check.push(bad.subarray(i, i + size));
      check.end();
      expect([size, check.count, check.found.map((f) => f.line)]).toEqual([size, 1, [3]]);
    }
  });


  it('accepts every valid sequence and names each kind of invalid one', () => {
    const check = new Utf8Check(10);
    check.push(Buffer.from('plain \u00e9 \u0800 \uffff \u{10000} \u{10FFFF}\n'));
    expect(check.count).toBe(0);
    // overlong 2-byte, overlong 3-byte, a surrogate, above U+10FFFF, a lone continuation byte, a truncated end
    for (const bytes of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80]]) check.push(Buffer.from([...bytes, 0x0a]));
    check.push(Buffer.from([0xe2, 0x82]));
    check.end();
    expect([check.count, check.found.map((f) => f.line)]).toEqual([6, [2, 3, 4, 5, 6, 7]]);
  });
});
