/**
 * 2-D PCA of the stored train samples (≤ 250 × 187: a small matrix, DESIGN §5), mean-centred and unscaled like the
 * original's scikit-learn PCA, with the explained-variance ratios of PC1 and PC2 (shares of the total variance).
 *
 * Only the two leading components are needed, so they are found by subspace iteration with Rayleigh–Ritz on the
 * smaller of XᵀX (p×p) and XXᵀ (n×n), in typed arrays. ml-pca's full SVD of the same 250 × 187 matrix gives the same
 * figures (the test checks it) but cost ~10× more, most of it JIT warm-up of its generic matrix code on a one-off
 * call, a large share of the 2-second budget of the whole precompute.
 *
 * Signs follow scikit-learn's `svd_flip` on the components: each component's largest-magnitude loading is positive.
 */
import { Random } from '../demo/random.js';
import type { PcaEmbedding } from './schema.js';

const BLOCK = 8;
const MAX_ITERATIONS = 1000;
const TOLERANCE = 1e-12;

/** null when there are 2 rows or fewer (the original computed PCA only above that). */
export function pcaEmbedding(rows: readonly (readonly number[])[], labels: string[]): PcaEmbedding | null {
  const n = rows.length;
  if (n <= 2) return null;
  const p = (rows[0] as readonly number[]).length;
  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += (rows[i] as readonly number[])[j] as number;
    mean /= n;
    for (let i = 0; i < n; i++) x[i * p + j] = ((rows[i] as readonly number[])[j] as number) - mean;
  }
  const gram = n <= p;
  const m = gram ? n : p;
  const a = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let c = r; c < m; c++) {
      let sum = 0;
      if (gram) for (let k = 0; k < p; k++) sum += (x[r * p + k] as number) * (x[c * p + k] as number);
      else for (let k = 0; k < n; k++) sum += (x[k * p + r] as number) * (x[k * p + c] as number);
      a[r * m + c] = sum;
      a[c * m + r] = sum;
    }
  }
  let total = 0;
  for (let i = 0; i < m; i++) total += a[i * m + i] as number;
  const { values, vectors } = leadingEigenpairs(a, m, Math.min(2, m));

  const coordinates: [number[], number[]] = [new Array(n).fill(0), new Array(n).fill(0)];
  const ratios: [number, number] = [0, 0];
  values.forEach((value, component) => {
    const vector = vectors[component] as Float64Array;
    // The loading vector in sample space: the eigenvector itself, or Xᵀu / |Xᵀu| from an eigenvector u of XXᵀ.
    const loading = new Float64Array(p);
    if (gram) {
      for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) loading[j] = (loading[j] as number) + (x[i * p + j] as number) * (vector[i] as number);
      const norm = Math.hypot(...loading) || 1;
      for (let j = 0; j < p; j++) loading[j] = (loading[j] as number) / norm;
    } else loading.set(vector);
    let largest = 0;
    for (let j = 1; j < p; j++) if (Math.abs(loading[j] as number) > Math.abs(loading[largest] as number)) largest = j;
    const sign = (loading[largest] as number) < 0 ? -1 : 1;
    const out = coordinates[component] as number[];
    for (let i = 0; i < n; i++) {
      let score = 0;
      for (let j = 0; j < p; j++) score += (x[i * p + j] as number) * (loading[j] as number);
      out[i] = sign * score;
    }
    ratios[component] = total > 0 ? Math.max(0, value) / total : 0;
  });
  return { x: coordinates[0], y: coordinates[1], labels, explained_variance: ratios };
}

/**
 * The `count` largest eigenvalues and unit eigenvectors of the symmetric positive semi-definite m×m matrix `a`
 * (row-major), by orthogonal iteration on a block of BLOCK vectors with a Rayleigh–Ritz step each round; it stops
 * when every wanted Ritz pair's residual |Av − θv| is below TOLERANCE × θ₁.
 */
export function leadingEigenpairs(a: Float64Array, m: number, count: number): { values: number[]; vectors: Float64Array[] } {
  const b = Math.min(m, BLOCK);
  const random = new Random(1);
  let q: Float64Array[] = Array.from({ length: b }, () => Float64Array.from({ length: m }, () => random.next() - 0.5));
  orthonormalise(q, m);
  let values: number[] = [];
  let vectors: Float64Array[] = [];
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const z = q.map((v) => multiply(a, m, v));
    const h = new Float64Array(b * b);
    for (let i = 0; i < b; i++) for (let j = 0; j < b; j++) h[i * b + j] = dot(q[i] as Float64Array, z[j] as Float64Array);
    for (let i = 0; i < b; i++) for (let j = 0; j < i; j++) h[i * b + j] = h[j * b + i] = ((h[i * b + j] as number) + (h[j * b + i] as number)) / 2;
    const { values: theta, vectors: s } = jacobiEigen(h, b);
    const ritz = s.map((column) => combine(q, column, m));
    const images = s.map((column) => combine(z, column, m));
    values = theta.slice(0, count);
    vectors = ritz.slice(0, count);
    const scale = Math.abs(theta[0] as number) || 1;
    let converged = true;
    for (let k = 0; k < count; k++) {
      let residual = 0;
      const v = ritz[k] as Float64Array;
      const av = images[k] as Float64Array;
      for (let i = 0; i < m; i++) residual += ((av[i] as number) - (theta[k] as number) * (v[i] as number)) ** 2;
      if (Math.sqrt(residual) > TOLERANCE * scale) converged = false;
    }
    if (converged) break;
    q = images;
    orthonormalise(q, m);
  }
  return { values, vectors };
}

function multiply(a: Float64Array, m: number, v: Float64Array): Float64Array {
  const out = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    let sum = 0;
    const row = r * m;
    for (let c = 0; c < m; c++) sum += (a[row + c] as number) * (v[c] as number);
    out[r] = sum;
  }
  return out;
}

function dot(u: Float64Array, v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += (u[i] as number) * (v[i] as number);
  return sum;
}

/** Σ_j basis[j] · weights[j]. */
function combine(basis: Float64Array[], weights: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m);
  basis.forEach((v, j) => {
    const w = weights[j] as number;
    for (let i = 0; i < m; i++) out[i] = (out[i] as number) + w * (v[i] as number);
  });
  return out;
}

/** Modified Gram–Schmidt, twice for stability; a vector that vanishes (rank-deficient input) becomes a unit vector. */
function orthonormalise(vectors: Float64Array[], m: number): void {
  vectors.forEach((v, j) => {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        const u = vectors[k] as Float64Array;
        const d = dot(u, v);
        for (let i = 0; i < m; i++) v[i] = (v[i] as number) - d * (u[i] as number);
      }
    }
    let norm = Math.sqrt(dot(v, v));
    if (norm < 1e-150) {
      v.fill(0);
      v[j % m] = 1;
      norm = 1;
    }
    for (let i = 0; i < m; i++) v[i] = (v[i] as number) / norm;
  });
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations; pairs sorted by descending value. */
function jacobiEigen(input: Float64Array, b: number): { values: number[]; vectors: Float64Array[] } {
  const h = Float64Array.from(input);
  const v = new Float64Array(b * b);
  for (let i = 0; i < b; i++) v[i * b + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diagonal = 0;
    for (let i = 0; i < b; i++) {
      diagonal += (h[i * b + i] as number) ** 2;
      for (let j = i + 1; j < b; j++) off += (h[i * b + j] as number) ** 2;
    }
    if (off <= 1e-32 * diagonal || off === 0) break;
    for (let p = 0; p < b; p++) {
      for (let r = p + 1; r < b; r++) {
        const hpr = h[p * b + r] as number;
        if (hpr === 0) continue;
        const theta = ((h[r * b + r] as number) - (h[p * b + p] as number)) / (2 * hpr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < b; k++) {
          const hkp = h[k * b + p] as number;
          const hkr = h[k * b + r] as number;
          h[k * b + p] = c * hkp - s * hkr;
          h[k * b + r] = s * hkp + c * hkr;
        }
        for (let k = 0; k < b; k++) {
          const hpk = h[p * b + k] as number;
          const hrk = h[r * b + k] as number;
          h[p * b + k] = c * hpk - s * hrk;
          h[r * b + k] = s * hpk + c * hrk;
        }
        for (let k = 0; k < b; k++) {
          const vkp = v[k * b + p] as number;
          const vkr = v[k * b + r] as number;
          v[k * b + p] = c * vkp - s * vkr;
          v[k * b + r] = s * vkp + c * vkr;
        }
      }
    }
  }
  const order = Array.from({ length: b }, (_, i) => i).sort((i, j) => (h[j * b + j] as number) - (h[i * b + i] as number));
  return {
    values: order.map((i) => h[i * b + i] as number),
    vectors: order.map((i) => Float64Array.from({ length: b }, (_, k) => v[k * b + i] as number)),
  };
}
