import { describe, expect, it } from 'vitest';
import { Random } from '../../src/demo/random.js';
import { BottomK, beatKey, ptbTrainMask } from '../../src/ecg/sampling.js';
import { BEAT_LENGTH, FIELDS_PER_ROW } from '../../src/ecg/schema.js';

function row(values: number[]): { row: Float64Array; words: Int32Array } {
  const r = new Float64Array(FIELDS_PER_ROW);
  r.set(values);
  return { row: r, words: new Int32Array(r.buffer) };
}

describe('beatKey', () => {
  it('depends on the seed and every value, and is a 53-bit integer', () => {
    const a = row([0.25, 0.5, 0.75]);
    const b = row([0.25, 0.5, 0.75]);
    const c = row([0.25, 0.5, 0.75]);
    c.row[186] = 1e-9;
    const key = beatKey(a.words, 42);
    expect(beatKey(b.words, 42)).toBe(key);
    expect(beatKey(a.words, 43)).not.toBe(key);
    expect(beatKey(c.words, 42)).not.toBe(key);
    expect(Number.isSafeInteger(key)).toBe(true);
  });

  it('spreads keys evenly (bottom-k is then a uniform sample)', () => {
    const random = new Random(5);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 5000; i++) {
      const r = row(Array.from({ length: 5 }, () => random.next()));
      buckets[Math.floor(beatKey(r.words, 42) / 2 ** 53 * 10)]++;
    }
    for (const count of buckets) expect(Math.abs(count - 500)).toBeLessThan(100);
  });
});

describe('BottomK', () => {
  it('keeps the beats with the smallest keys, ascending, whatever the offer order', () => {
    const random = new Random(1);
    const keys = Array.from({ length: 300 }, () => random.uint32());
    const beat = (k: number): number[] => Array.from({ length: BEAT_LENGTH }, (_, i) => k + i);
    const forward = new BottomK(50);
    keys.forEach((k) => forward.offer(k, beat(k)));
    const backward = new BottomK(50);
    [...keys].reverse().forEach((k) => backward.offer(k, beat(k)));
    const expected = [...keys].sort((a, b) => a - b).slice(0, 50);
    const result = forward.result();
    expect(Array.from(result.keys)).toEqual(expected);
    expect(Array.from(result.beats.subarray(3 * BEAT_LENGTH, 3 * BEAT_LENGTH + 2))).toEqual([expected[3], (expected[3] as number) + 1]);
    expect(backward.result()).toEqual(result);
  });

  it('merges partial samples into the sample of the whole', () => {
    const parts = [new BottomK(3), new BottomK(3)];
    [9, 4, 7, 1].forEach((k) => parts[0]?.offer(k, new Array(BEAT_LENGTH).fill(k)));
    [8, 2, 6].forEach((k) => parts[1]?.offer(k, new Array(BEAT_LENGTH).fill(k)));
    const all = new BottomK(3);
    for (const p of parts) all.offerAll(p.result());
    expect(Array.from(all.result().keys)).toEqual([1, 2, 4]);
  });
});

describe('ptbTrainMask', () => {
  it('puts floor(0.8 N) rows in train, reproducibly from the seed', () => {
    const mask = ptbTrainMask(14_552, 42);
    expect(mask.reduce((a, b) => a + b, 0)).toBe(11_641);
    expect(ptbTrainMask(14_552, 42)).toEqual(mask);
    expect(ptbTrainMask(14_552, 43)).not.toEqual(mask);
    // Both source files (normal rows first, then abnormal) land in both splits.
    expect(mask.slice(0, 4046).reduce((a, b) => a + b, 0) / 4046).toBeCloseTo(0.8, 1);
  });
});
