/** The four ECG input files (DESIGN §3) and how they are found: the full file, else `<name>_sample.csv`. */
import { inputFileAt } from '../datasets/input.js';
import type { ResolvedSource, SourceKind } from '../datasets/types.js';
import { DashError } from '../errors.js';
import type { EcgDatasetKey } from './schema.js';

export const ECG_FOLDER = 'ecg_data';

export interface EcgFile {
  /** File name without `.csv`. */
  name: string;
  dataset: EcgDatasetKey;
  /** Labels a row of this file may carry (MIT-BIH 0–4; each PTB file holds one class). */
  labels: readonly number[];
}

/** In the order the precompute reads them: MIT-BIH train, test, then PTB normal, abnormal. */
export const ECG_FILES: readonly EcgFile[] = [
  { name: 'mitbih_train', dataset: 'mitbih', labels: [0, 1, 2, 3, 4] },
  { name: 'mitbih_test', dataset: 'mitbih', labels: [0, 1, 2, 3, 4] },
  { name: 'ptbdb_normal', dataset: 'ptbdb', labels: [0] },
  { name: 'ptbdb_abnormal', dataset: 'ptbdb', labels: [1] },
];

export const fullPath = (file: EcgFile): string => `${ECG_FOLDER}/${file.name}.csv`;
export const samplePath = (file: EcgFile): string => `${ECG_FOLDER}/${file.name}_sample.csv`;

/**
 * Per file, the full file if present, else its sample; null when none of the four has either. The kind is `full`
 * only when all four are full files. A file with neither is left out; the build names it.
 */
export async function locateEcg(datasetsDir: string): Promise<ResolvedSource | null> {
  const files: string[] = [];
  let kind: SourceKind = 'full';
  for (const file of ECG_FILES) {
    if (await inputFileAt(datasetsDir, fullPath(file))) files.push(fullPath(file));
    else if (await inputFileAt(datasetsDir, samplePath(file))) {
      files.push(samplePath(file));
      kind = 'sample';
    }
  }
  return files.length === 0 ? null : { kind, root: datasetsDir, files };
}

/** The located path of each of the four files, in ECG_FILES order; throws naming the files that are missing. */
export function resolveEcgFiles(source: ResolvedSource): string[] {
  const found = ECG_FILES.map((file) => source.files.find((f) => f === fullPath(file) || f === samplePath(file)));
  const missing = ECG_FILES.filter((_, i) => found[i] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => `${fullPath(f)} (or ${f.name}_sample.csv)`).join(', ');
    throw new DashError(`ECG input incomplete under ${source.root}: missing ${names}; the precompute needs all four files`);
  }
  return found as string[];
}
