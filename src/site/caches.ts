import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { judgeFreshness } from '../cache/freshness.js';
import type { Manifest } from '../cache/manifest.js';
import type { DatasetModule, DatasetName } from '../datasets/types.js';
import { DashError } from '../errors.js';
import type { CacheFile, DatasetSummary } from './contracts/common.js';

export type { CacheFile, DatasetSummary } from './contracts/common.js';

export async function summarizeDatasets(cacheDir: string, manifest: Manifest, modules: DatasetModule[]): Promise<DatasetSummary[]> {
  return Promise.all(
    modules.map(async (module) => {
      const entry = manifest.artefacts[module.name];
      const verdict = await judgeFreshness(module, entry, entry?.inputs ?? [], cacheDir);
      const built = verdict.state === 'missing' ? undefined : entry;
      return {
        name: module.name,
        title: module.title,
        artefact: module.artefact,
        source: built?.source ?? null,
        freshness: verdict.state,
        reason: verdict.reason,
        rows: built?.rows ?? null,
        bytes: built?.bytes ?? null,
        builtAt: built?.builtAt ?? null,
        durationMs: built?.durationMs ?? null,
        warnings: built?.warnings.length ?? 0,
        warningText: built?.warnings ?? [],
      };
    }),
  );
}

/** Every visible file of the cache folder, by name (hidden files are locks, temps and the demo inputs). */
export async function listCacheFiles(cacheDir: string): Promise<CacheFile[]> {
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch {
    return [];
  }
  const files: CacheFile[] = [];
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    const info = await stat(join(cacheDir, name));
    if (info.isFile()) files.push({ name, bytes: info.size, modifiedAt: info.mtime.toISOString() });
  }
  return files;
}

/** Column name → values in row order, as hyparquet decodes them (Date for timestamps, bigint for plain INT64). */
export type CacheColumns<C extends string> = Record<C, unknown[]>;

/** Read access to the caches for page data builders: Parquet through hyparquet, the ECG JSON parsed. */
export class CacheReader {
  readonly cacheDir: string;
  private readonly modules: ReadonlyMap<DatasetName, DatasetModule>;

  constructor(cacheDir: string, modules: DatasetModule[]) {
    this.cacheDir = cacheDir;
    this.modules = new Map(modules.map((m) => [m.name, m]));
  }

  path(dataset: DatasetName): string {
    const module = this.modules.get(dataset);
    if (module === undefined) throw new DashError(`site: unknown dataset "${dataset}"`);
    return join(this.cacheDir, module.artefact);
  }

  /** The requested columns of a Parquet cache; reading only what a page needs keeps Geo Shape and transcripts out. */
  async columns<C extends string>(dataset: DatasetName, columns: readonly C[]): Promise<CacheColumns<C>> {
    const path = this.path(dataset);
    const { asyncBufferFromFile, parquetMetadataAsync, parquetRead } = await import('hyparquet');
    const file = await asyncBufferFromFile(path);
    const metadata = await parquetMetadataAsync(file);
    const present = new Set(metadata.schema.map((s) => s.name));
    const absent = columns.filter((c) => !present.has(c));
    if (absent.length > 0) {
      throw new DashError(`${path}: no column ${absent.map((c) => `"${c}"`).join(', ')} (columns: ${[...present].slice(1).join(', ')}); rebuild it with \`dash cache --force --only ${dataset}\``);
    }
    const rows = Number(metadata.num_rows);
    const out = Object.fromEntries(columns.map((c) => [c, new Array<unknown>(rows)])) as CacheColumns<C>;
    // onChunk hands over whole column chunks, so no row objects are built for 131k rows.
    await parquetRead({
      file,
      metadata,
      columns: [...columns],
      onChunk: ({ columnName, columnData, rowStart }) => {
        const target = out[columnName as C];
        for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i];
      },
    });
    return out;
  }

  async json<T>(dataset: DatasetName): Promise<T> {
    const path = this.path(dataset);
    try {
      return JSON.parse(await readFile(path, 'utf8')) as T;
    } catch (err) {
      throw new DashError(`${path}: not readable as JSON (${(err as Error).message}); rebuild it with \`dash cache --force --only ${dataset}\``);
    }
  }
}

/** The error `dash site` gives when pages need caches that do not exist: each one, who needs it, and the fix. */
export function missingCachesError(missing: { dataset: DatasetName; path: string; pages: string[] }[]): DashError {
  const lines = missing.map((m) => `  ${m.path} (needed by: ${m.pages.join(', ')})`);
  const only = missing.map((m) => m.dataset).join(',');
  return new DashError(`site: missing cache${missing.length > 1 ? 's' : ''}:\n${lines.join('\n')}\nbuild ${missing.length > 1 ? 'them' : 'it'} with \`dash cache --only ${only}\` (or \`dash build\`)`);
}
