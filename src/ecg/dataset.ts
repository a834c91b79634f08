import { writeFile } from 'node:fs/promises';
import type { DatasetModule } from '../datasets/types.js';
import { writeEcgDemo } from '../demo/ecg.js';
import { DashError, InputError } from '../errors.js';
import { ECG_FILES, ECG_FOLDER, locateEcg, resolveEcgFiles } from './files.js';
import { precomputeEcg } from './precompute.js';
import { ECG_SCHEMA_VERSION } from './schema.js';

/** The ECG dataset: four headerless numeric CSVs → `ecg_precomputed.json` (layout in schema.ts). */
export const ecg: DatasetModule = {
  name: 'ecg',
  title: 'ECG heartbeats',
  artefact: 'ecg_precomputed.json',
  // The schema version: bump it when the JSON layout or any computation changes, and older caches count as stale.
  // 2 also reads -0 as 0 (the sample keys of such beats change) and correlates a flat class mean as 0, not NaN.
  version: String(ECG_SCHEMA_VERSION),
  demoVersion: '1',
  expects: `${ECG_FOLDER}/{${ECG_FILES.map((f) => f.name).join(',')}}.csv (or each as <name>_sample.csv)`,
  locate: locateEcg,
  writeDemo: writeEcgDemo,
  build: async ({ source, tempPath, progress }) => {
    const files = resolveEcgFiles(source);
    const result = await precomputeEcg({ root: source.root, files, source: source.kind }, { progress });
    for (const [file, rows] of Object.entries(result.rowsPerFile)) {
      // An empty file would silently drop its classes from the page; the previous cache stays instead.
      if (rows === 0) throw new InputError(file, 'the file has no rows; expected rows of 187 samples and a label', { line: 1 });
    }
    await writeFile(tempPath, JSON.stringify(result.document, finiteOnly));
    return { rows: result.rows, warnings: [], details: { rowsPerFile: result.rowsPerFile } };
  },
};

/**
 * JSON.stringify writes NaN and ±Infinity as null, which the page would draw as gaps or zeros. The parser admits
 * only finite values in range and the computations guard their divisions, so this never fires; if a change ever
 * breaks that, the build fails (keeping the previous cache) instead of writing a wrong number.
 */
function finiteOnly(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new DashError(`ecg: the precompute produced ${value} for "${key}" (a bug); nothing was written`);
  return value;
}
