import { usageError } from '../errors.js';
import { DATASET_NAMES, type DatasetModule, type DatasetName } from './types.js';

type Loader = () => Promise<DatasetModule>;

// Loaded lazily: `dash status` on one dataset should not pay for the ECG workers' imports.
const LOADERS: Record<DatasetName, Loader> = {
  equipment: async () => (await import('./equipment.js')).equipment,
  bases: async () => (await import('./bases.js')).bases,
  healthcare: async () => (await import('./healthcare.js')).healthcare,
  ecg: async () => (await import('../ecg/dataset.js')).ecg,
};

export async function loadDatasets(names: readonly DatasetName[] = DATASET_NAMES): Promise<DatasetModule[]> {
  return Promise.all(names.map((name) => LOADERS[name]()));
}

/** Parses `--only equipment,bases`; unknown names are a usage error listing the valid ones. */
export function parseOnly(value: string | undefined): DatasetName[] {
  if (value === undefined) return [...DATASET_NAMES];
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const unknown = names.filter((n) => !(DATASET_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw usageError(`--only: unknown dataset ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; expected a comma-separated list of ${DATASET_NAMES.join(', ')}`);
  }
  return DATASET_NAMES.filter((n) => names.includes(n));
}
