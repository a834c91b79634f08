import type { Paths } from '../config.js';
import type { DatasetModule, DatasetName, SourceKind } from '../datasets/types.js';
import { inputIdentity, judgeFreshness, type Freshness } from './freshness.js';
import { readManifest, type ManifestEntry } from './manifest.js';

/** One row of `dash status`. */
export interface DatasetStatus {
  name: DatasetName;
  title: string;
  artefact: string;
  source: SourceKind;
  inputs: string[];
  cache: Freshness;
  reason: string;
  rows: number | null;
  bytes: number | null;
  builtAt: string | null;
  durationMs: number | null;
  /** The source the cache was built from, which may differ from what is found now (then it is stale). */
  builtFrom: SourceKind | null;
  inputSha256: string[];
}

export async function inspectDatasets(paths: Paths, modules: DatasetModule[]): Promise<DatasetStatus[]> {
  const manifest = await readManifest(paths.cache);
  return Promise.all(
    modules.map(async (module) => {
      const located = await module.locate(paths.datasets);
      const entry: ManifestEntry | undefined = manifest.artefacts[module.name];
      const inputs = await inputIdentity(module, located, entry?.inputs);
      const verdict = await judgeFreshness(module, entry, inputs, paths.cache);
      const built = verdict.state === 'missing' ? undefined : entry;
      return {
        name: module.name,
        title: module.title,
        artefact: module.artefact,
        source: located?.kind ?? 'demo',
        inputs: inputs.map((i) => i.path),
        cache: verdict.state,
        reason: verdict.reason,
        rows: built?.rows ?? null,
        bytes: built?.bytes ?? null,
        builtAt: built?.builtAt ?? null,
        durationMs: built?.durationMs ?? null,
        builtFrom: built?.source ?? null,
        inputSha256: inputs.map((i) => i.sha256),
      };
    }),
  );
}
