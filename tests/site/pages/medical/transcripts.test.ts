import { describe, expect, it } from 'vitest';
import { transcriptStore } from '../../../../site/pages/medical/transcripts.js';

describe('transcriptStore', () => {
  const shards = [['t0', 't1', 't2'], ['t3'], ['t4', '']];
  const shardFirst = [0, 3, 4];

  it('fetches the shard holding the record once and picks the record from it', async () => {
    const loads: number[] = [];
    const store = transcriptStore(shardFirst, async (s) => {
      loads.push(s);
      return shards[s]!;
    });
    expect(await Promise.all([store.text(1), store.text(2), store.text(4), store.text(0)])).toEqual(['t1', 't2', 't4', 't0']);
    expect(await store.text(5)).toBe('');
    expect(loads).toEqual([0, 2]);
  });

  it('tries a shard again after a failed download', async () => {
    let calls = 0;
    const store = transcriptStore(shardFirst, async (s) => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return shards[s]!;
    });
    await expect(store.text(3)).rejects.toThrow('offline');
    expect(await store.text(3)).toBe('t3');
    expect(calls).toBe(2);
  });
});
