import { writeFile } from 'node:fs/promises';
import type { DatasetModule } from '../datasets/types.js';
import { writeEcgDemo } from '../demo/ecg.js';
import { ECG_FILES, ECG_FOLDER, locateEcg, resolveEcgFiles } from './files.js';
import { precomputeEcg } from './precompute.js';

/** The ECG dataset: four headerless numeric CSVs → `ecg_precomputed.json` (layout in schema.ts). */
export const ecg: DatasetModule = {
  name: 'ecg',
  title: 'ECG heartbeats',
  artefact: 'ecg_precomputed.json',
  // Bump when the JSON layout or any computation changes: older caches then count as stale.
  version: '1',
  demoVersion: '1',
  expects: `${ECG_FOLDER}/{${ECG_FILES.map((f) => f.name).join(',')}}.csv (or each as <name>_sample.csv)`,
  locate: locateEcg,
  writeDemo: writeEcgDemo,
  build: async ({ source, tempPath, progress }) => {
    const files = resolveEcgFiles(source);
    const result = await precomputeEcg({ root: source.root, files, source: source.kind }, { progress });
    await writeFile(tempPath, JSON.stringify(result.document));
    return { rows: result.rows, warnings: [], details: { rowsPerFile: result.rowsPerFile } };
  },
};
