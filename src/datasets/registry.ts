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

/**
 * Parses `--only`, given once or more (`--only equipment --only bases` and `--only equipment,bases` are the same):
 * repeats merge, and an empty name (`equipment,,`) or an unknown one is a usage error listing the valid names.
 */
export function parseOnly(value: string | readonly string[] | undefined): DatasetName[] {
  if (value === undefined) return [...DATASET_NAMES];
  const given = (typeof value === 'string' ? [value] : value).flatMap((v) => v.split(',')).map((s) => s.trim().toLowerCase());
  const expected = `expected a comma-separated list of ${DATASET_NAMES.join(', ')}`;
  if (given.length === 0 || given.some((n) => n === '')) {
    throw usageError(`--only: empty dataset name in "${(typeof value === 'string' ? [value] : value).join(' ')}"; ${expected}`);
  }
  const unknown = given.filter((n) => !(DATASET_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0) throw usageError(`--only: unknown dataset ${unknown.map((u) => `"${u}"`).join(', ')}; ${expected}`);
  return DATASET_NAMES.filter((n) => given.includes(n));
}
