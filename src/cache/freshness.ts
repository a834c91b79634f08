import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetModule, ResolvedSource } from '../datasets/types.js';
import { fingerprintFile, type InputFingerprint } from './fingerprint.js';
import type { ManifestEntry } from './manifest.js';

export type Freshness = 'fresh' | 'stale' | 'missing';

export interface FreshnessVerdict {
  state: Freshness;
  /** Why it is stale or missing, for `dash status` and the build log. */
  reason: string;
}

/** The seed the demo data of `dash build` uses when a dataset has no input; `dash demo --seed` defaults to it too. */
export const DEMO_SEED = 20240101;

/**
 * The input identity of a dataset. Real files are hashed by content (a CI cache restore changes mtimes, never
 * content); the built-in demo is identified by its generator version and seed, so it need not be generated to be checked.
 * `known` (the manifest's fingerprints) spares hashing files whose size and modification time are unchanged.
 */
export async function inputIdentity(module: DatasetModule, source: ResolvedSource | null, known: readonly InputFingerprint[] = []): Promise<InputFingerprint[]> {
  if (source === null) return [demoFingerprint(module)];
  return Promise.all(source.files.map((file) => fingerprintFile(join(source.root, file), file, known.find((k) => k.path === file))));
}

export function demoFingerprint(module: DatasetModule): InputFingerprint {
  const sha256 = createHash('sha256').update(`dash-demo:${module.name}:${module.demoVersion}:${DEMO_SEED}:small`).digest('hex');
  return { path: `demo:${module.name}`, size: 0, mtimeMs: 0, sha256 };
}

export async function judgeFreshness(
  module: DatasetModule,
  entry: ManifestEntry | undefined,
  inputs: InputFingerprint[],
  cacheDir: string,
): Promise<FreshnessVerdict> {
  let bytes: number | undefined;
  try {
    bytes = (await stat(join(cacheDir, module.artefact))).size;
  } catch {
    bytes = undefined;
  }
  if (bytes === undefined) return { state: 'missing', reason: `${module.artefact} does not exist` };
  if (!entry) return { state: 'stale', reason: 'not recorded in manifest.json' };
  if (entry.pipelineVersion !== module.version) {
    return { state: 'stale', reason: `built by pipeline version ${entry.pipelineVersion}, now ${module.version}` };
  }
  if (entry.bytes !== bytes) return { state: 'stale', reason: `${module.artefact} changed on disk since it was built` };
  const key = (list: InputFingerprint[]): string =>
    list
      .map((f) => `${f.path}\0${f.sha256}`)
      .sort()
      .join('\n');
  if (key(entry.inputs) !== key(inputs)) {
    const before = new Map(entry.inputs.map((f) => [f.path, f.sha256]));
    const changed = inputs.filter((f) => before.get(f.path) !== f.sha256).map((f) => f.path);
    const removed = entry.inputs.filter((f) => !inputs.some((g) => g.path === f.path)).map((f) => f.path);
    const parts = [];
    if (changed.length > 0) parts.push(`changed: ${changed.join(', ')}`);
    if (removed.length > 0) parts.push(`no longer present: ${removed.join(', ')}`);
    return { state: 'stale', reason: `inputs differ (${parts.join('; ')})` };
  }
  return { state: 'fresh', reason: 'inputs and pipeline version unchanged' };
}
