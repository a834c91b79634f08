import { describe, expect, it } from 'vitest';
import { PCA } from 'ml-pca';
import { Random } from '../../src/demo/random.js';
import { leadingEigenpairs, pcaEmbedding } from '../../src/ecg/pca.js';

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

  it('agrees with ml-pca (full SVD) on fewer rows than columns, where it works on XXᵀ', () => {
    const wide = Array.from({ length: 25 }, (_, i) => Array.from({ length: 40 }, (_, j) => Math.sin(i * j) + 0.3 * Math.cos(i + j / 3) + random.normal(0, 0.05)));
    const ours = pcaEmbedding(wide, wide.map(() => 'a'));
    const svd = new PCA(wide, { center: true, scale: false });
    const ratios = svd.getExplainedVariance();
    expect(ours?.explained_variance[0]).toBeCloseTo(ratios[0] as number, 10);
    expect(ours?.explained_variance[1]).toBeCloseTo(ratios[1] as number, 10);
    const projected = svd.predict(wide, { nComponents: 2 });
    wide.forEach((_, i) => {
      expect(Math.abs(ours?.x[i] as number)).toBeCloseTo(Math.abs(projected.get(i, 0)), 8);
      expect(Math.abs(ours?.y[i] as number)).toBeCloseTo(Math.abs(projected.get(i, 1)), 8);
    });
  });

  it('is absent for two rows or fewer, as in the original', () => {
    expect(pcaEmbedding([[1, 2], [3, 4]], ['a', 'b'])).toBeNull();
  });
});

describe('leadingEigenpairs', () => {
  it('finds the two largest eigenvalues of a matrix with a known spectrum', () => {
    // Q diag(9, 4, 1, 0.5, 0.25, 0, 0, 0, 0, 0) Qᵀ with Q a rotation in the (0, 9) and (1, 5) planes.
    const m = 10;
    const spectrum = [9, 4, 1, 0.5, 0.25, 0, 0, 0, 0, 0];
    const a = new Float64Array(m * m);
    const q = Array.from({ length: m }, (_, i) => Float64Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)));
    const rotate = (i: number, j: number, angle: number): void => {
      const [u, v] = [q[i] as Float64Array, q[j] as Float64Array];
      for (let k = 0; k < m; k++) [u[k], v[k]] = [Math.cos(angle) * (u[k] as number) - Math.sin(angle) * (v[k] as number), Math.sin(angle) * (u[k] as number) + Math.cos(angle) * (v[k] as number)];
    };
    rotate(0, 9, 0.7);
    rotate(1, 5, -0.4);
    spectrum.forEach((lambda, e) => {
      const v = q[e] as Float64Array;
      for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) a[r * m + c] = (a[r * m + c] as number) + lambda * (v[r] as number) * (v[c] as number);
    });
    const { values, vectors } = leadingEigenpairs(a, m, 2);
    expect(values[0]).toBeCloseTo(9, 12);
    expect(values[1]).toBeCloseTo(4, 12);
    const alignment = (x: Float64Array, y: Float64Array): number => Math.abs(x.reduce((s, v, k) => s + v * (y[k] as number), 0));
    expect(alignment(vectors[0] as Float64Array, q[0] as Float64Array)).toBeCloseTo(1, 12);
    expect(alignment(vectors[1] as Float64Array, q[1] as Float64Array)).toBeCloseTo(1, 12);
  });
});
