// The full transcriptions (~18 MB at full scale) are split into consecutive shards that the page fetches
// one at a time when a record is opened, instead of shipping all the text up front.

/** Record index at which each shard starts: shards hold consecutive records, each about `targetChars` of text. */
export function planShards(lengths: readonly number[], targetChars: number): number[] {
  if (!(targetChars > 0)) throw new RangeError(`shard size must be positive, got ${targetChars}`);
  const firsts: number[] = [];
  let filled = targetChars;
  lengths.forEach((length, record) => {
    if (filled >= targetChars) {
      firsts.push(record);
      filled = 0;
    }
    filled += length;
  });
  return firsts;
}

/** The shard holding `record`, given the shard starts from planShards. */
export function shardOf(firsts: readonly number[], record: number): number {
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (firsts[mid]! <= record) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
