import { describe, expect, it } from 'vitest';
import { planShards, shardOf } from '../../../src/site/medical/transcript-shards.js';

describe('planShards', () => {
  it('starts a new shard once the previous one reached the target', () => {
    expect(planShards([100, 100, 100, 100, 100], 250)).toEqual([0, 3]);
    expect(planShards([1000, 10, 10, 300, 5], 250)).toEqual([0, 1, 4]);
    expect(planShards([], 250)).toEqual([]);
  });

  it('rejects a size that is not positive', () => {
    expect(() => planShards([1], 0)).toThrow(/positive/);
  });
});

describe('shardOf', () => {
  it('finds the shard whose range holds the record', () => {
    const firsts = [0, 3, 7];
    expect([0, 2, 3, 6, 7, 100].map((r) => shardOf(firsts, r))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
