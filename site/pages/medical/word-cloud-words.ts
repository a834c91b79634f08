// The word cloud's input (HC-6): font sizes from keyword counts. (The layout is seeded with
// src/demo/random.ts so d3-cloud places the words the same way on every load.)
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
