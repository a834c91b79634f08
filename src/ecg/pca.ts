/**
 * 2-D PCA of the stored train samples (≤ 250 × 187: a small matrix, DESIGN §5), mean-centred and unscaled like the
 * original's scikit-learn PCA. Signs are made deterministic the way scikit-learn does (`svd_flip` on the
 * components): each component's largest-magnitude loading is positive.
 */
import { PCA } from 'ml-pca';
import type { PcaEmbedding } from './schema.js';

/** null when there are 2 rows or fewer (the original computed PCA only above that). */
export function pcaEmbedding(rows: number[][], labels: string[]): PcaEmbedding | null {
  if (rows.length <= 2) return null;
  const pca = new PCA(rows, { center: true, scale: false });
  const vectors = pca.getEigenvectors();
  const ratios = pca.getExplainedVariance();
  const projected = pca.predict(rows, { nComponents: 2 });
  const components = Math.min(2, vectors.columns);
  const coordinates: [number[], number[]] = [[], []];
  for (let c = 0; c < 2; c++) {
    if (c >= components) {
      coordinates[c] = rows.map(() => 0);
      continue;
    }
    let largest = 0;
    for (let i = 1; i < vectors.rows; i++) if (Math.abs(vectors.get(i, c)) > Math.abs(vectors.get(largest, c))) largest = i;
    const sign = vectors.get(largest, c) < 0 ? -1 : 1;
    coordinates[c] = rows.map((_, r) => sign * projected.get(r, c));
  }
  const ratio = (c: number): number => (Number.isFinite(ratios[c]) ? (ratios[c] as number) : 0);
  return { x: coordinates[0], y: coordinates[1], labels, explained_variance: [ratio(0), ratio(1)] };
}
