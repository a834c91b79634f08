import { writeFile } from 'node:fs/promises';
import type { DatasetModule } from '../datasets/types.js';
import { writeEcgDemo } from '../demo/ecg.js';
import { locateEcg, resolveEcgFiles } from './files.js';
import { precomputeEcg } from './precompute.js';
import { ECG_SCHEMA_VERSION } from './schema.js';

/** The ECG dataset: four headerless numeric CSVs → `ecg_precomputed.json` (layout in schema.ts). */
export const ecg: DatasetModule = {
  name: 'ecg',
  title: 'ECG heartbeats',
  artefact: 'ecg_precomputed.json',
  // The schema version: bump it when the JSON layout or any computation changes, and older caches count as stale.
  version: String(ECG_SCHEMA_VERSION),
  demoVersion: '1',
  locate: locateEcg,
  writeDemo: writeEcgDemo,
  build: async ({ source, tempPath, progress }) => {
    const files = resolveEcgFiles(source);
    const result = await precomputeEcg({ root: source.root, files, source: source.kind }, { progress });
    await writeFile(tempPath, JSON.stringify(result.document));
    return { rows: result.rows, warnings: [], details: { rowsPerFile: result.rowsPerFile } };
  },
};
