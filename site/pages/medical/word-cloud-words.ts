// The word cloud's input (HC-6): font sizes from the words' weights. (The layout is seeded with
// src/demo/random.ts so d3-cloud places the words the same way on every load.)

export interface CloudItem {
  text: string;
  /** What the size encodes (a z-score of distinctiveness); positive. */
  weight: number;
  /** The hover text: the figures behind the word. */
  title: string;
}

export interface CloudWord extends CloudItem {
  /** Font size in px: area grows with the weight (square-root scale from the smallest to the largest). */
  size: number;
}

export function cloudWords(items: readonly CloudItem[], minPx: number, maxPx: number): CloudWord[] {
  const low = Math.sqrt(Math.min(...items.map((c) => c.weight)));
  const high = Math.sqrt(Math.max(...items.map((c) => c.weight)));
  return items.map((c) => ({ ...c, size: high > low ? minPx + ((Math.sqrt(c.weight) - low) / (high - low)) * (maxPx - minPx) : maxPx }));
}
