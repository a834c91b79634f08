// The word cloud's input (HC-6): font sizes from keyword counts and the seeded random source that makes
// d3-cloud place the words the same way on every load.
import type { KeywordCount } from './keyword-counts.js';

export interface CloudWord {
  text: string;
  records: number;
  /** Font size in px: area grows with the count (square-root scale from the smallest to the largest). */
  size: number;
}

export function cloudWords(counts: readonly KeywordCount[], minPx: number, maxPx: number): CloudWord[] {
  const low = Math.sqrt(Math.min(...counts.map((c) => c.records)));
  const high = Math.sqrt(Math.max(...counts.map((c) => c.records)));
  return counts.map((c) => ({
    text: c.keyword,
    records: c.records,
    size: high > low ? minPx + ((Math.sqrt(c.records) - low) / (high - low)) * (maxPx - minPx) : maxPx,
  }));
}

/** mulberry32: a tiny deterministic generator in [0, 1), so the same seed gives the same layout. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
