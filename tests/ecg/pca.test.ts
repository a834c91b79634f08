import { describe, expect, it } from 'vitest';
import { Random } from '../../src/demo/random.js';
import { pcaEmbedding } from '../../src/ecg/pca.js';

/** The two leading eigenpairs of the sample covariance by power iteration with deflation, and its trace. */
function bruteForce(rows: number[][]): { values: number[]; vectors: number[][]; trace: number } {
  const n = rows.length;
  const p = (rows[0] as number[]).length;
  const mean = Array.from({ length: p }, (_, j) => rows.reduce((s, r) => s + (r[j] as number), 0) / n);
  const cov = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => rows.reduce((s, r) => s + ((r[i] as number) - (mean[i] as number)) * ((r[j] as number) - (mean[j] as number)), 0) / (n - 1)),
  );
  const trace = cov.reduce((s, r, i) => s + (r[i] as number), 0);
  const values: number[] = [];
  const vectors: number[][] = [];
  for (let k = 0; k < 2; k++) {
    let v = Array.from({ length: p }, (_, i) => 1 + i / p);
    let lambda = 0;
    for (let iteration = 0; iteration < 3000; iteration++) {
      const w = cov.map((r) => r.reduce((s, c, j) => s + c * (v[j] as number), 0));
      for (const [u, l] of vectors.map((u, m) => [u, values[m] as number] as const)) {
        const dot = u.reduce((s, c, j) => s + c * (v[j] as number), 0);
        u.forEach((c, j) => (w[j] = (w[j] as number) - l * dot * c));
      }
      lambda = Math.hypot(...w);
      v = w.map((c) => c / lambda);
    }
    values.push(lambda);
    vectors.push(v);
  }
  return { values, vectors, trace };
}

describe('pcaEmbedding', () => {
  // Points along two known directions plus noise, so the first two components are well separated.
  const random = new Random(21);
  const rows = Array.from({ length: 60 }, () => {
    const a = random.normal(0, 3);
    const b = random.normal(0, 1);
    return Array.from({ length: 12 }, (_, j) => a * Math.sin(j) + b * Math.cos(2 * j) + random.normal(0, 0.1));
  });
  const labels = rows.map((_, i) => (i % 2 === 0 ? 'even' : 'odd'));
  const embedding = pcaEmbedding(rows, labels);
  const reference = bruteForce(rows);

  it('gives the explained-variance ratios of a brute-force 2-component decomposition', () => {
    expect(embedding?.explained_variance[0]).toBeCloseTo((reference.values[0] as number) / reference.trace, 9);
    expect(embedding?.explained_variance[1]).toBeCloseTo((reference.values[1] as number) / reference.trace, 9);
    expect(embedding?.labels).toEqual(labels);
  });

  it('projects the centred rows on the components, signed so the largest loading is positive', () => {
    const n = rows.length;
    const mean = (rows[0] as number[]).map((_, j) => rows.reduce((s, r) => s + (r[j] as number), 0) / n);
    const coordinates = [embedding?.x ?? [], embedding?.y ?? []];
    reference.vectors.forEach((v, k) => {
      const largest = v.reduce((best, c, j) => (Math.abs(c) > Math.abs(v[best] as number) ? j : best), 0);
      const sign = (v[largest] as number) < 0 ? -1 : 1;
      rows.forEach((r, i) => {
        const expected = sign * r.reduce((s, c, j) => s + (c - (mean[j] as number)) * (v[j] as number), 0);
        expect(coordinates[k]?.[i]).toBeCloseTo(expected, 8);
      });
    });
  });

  it('is absent for two rows or fewer, as in the original', () => {
    expect(pcaEmbedding([[1, 2], [3, 4]], ['a', 'b'])).toBeNull();
  });
});
