import { describe, expect, it } from 'vitest';
import { hashString, Random } from '../../src/demo/random.js';

describe('Random', () => {
  it('gives the same sequence for the same seed on every run (golden values)', () => {
    const r = new Random(42);
    expect([r.uint32(), r.uint32(), r.uint32()]).toEqual([3825871779, 1851418855, 1383259262]);
    expect(Random.derive(20240101, 'equipment').uint32()).toBe(3293364240);
  });

  it('differs between seeds and between derived labels', () => {
    expect(new Random(1).uint32()).not.toBe(new Random(2).uint32());
    expect(Random.derive(7, 'a').uint32()).not.toBe(Random.derive(7, 'b').uint32());
    expect(Random.derive(7, 'a').uint32()).toBe(Random.derive(7, 'a').uint32());
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const r = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('draws normals with the requested mean and spread', () => {
    const r = new Random(11);
    const n = 20000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal(5, 2);
      sum += x;
      sq += x * x;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(5, 1);
    expect(Math.sqrt(sq / n - mean * mean)).toBeCloseTo(2, 1);
  });

  it('weightedIndex never picks a zero weight and follows the proportions', () => {
    const r = new Random(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10000; i++) counts[r.weightedIndex([1, 0, 3])]!++;
    expect(counts[1]).toBe(0);
    expect((counts[2] as number) / (counts[0] as number)).toBeGreaterThan(2.6);
    expect((counts[2] as number) / (counts[0] as number)).toBeLessThan(3.4);
  });

  it('sampleIndices returns k distinct sorted indices below n', () => {
    const picked = new Random(9).sampleIndices(100, 50);
    expect(picked).toHaveLength(50);
    expect(new Set(picked).size).toBe(50);
    expect(picked.every((i, k) => i >= 0 && i < 100 && (k === 0 || i > (picked[k - 1] as number)))).toBe(true);
    expect(new Random(9).sampleIndices(3, 10)).toEqual([0, 1, 2]);
  });

  it('hashes labels with FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});
