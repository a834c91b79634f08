import { readManifest } from '../cache/manifest.js';
import { loadDatasets } from '../datasets/registry.js';
import type { DatasetName } from '../datasets/types.js';
import { CacheReader, summarizeDatasets, type CacheColumns } from '../site/caches.js';
import { PAGES } from '../site/pages.js';

/**
 * What `dash dev`'s build process does after the start (leaving out the pages the start rebuilt), so that the first
 * edit is as quick as the next ones: each dataset takes in what its cache says about its rows (the bases' checked
 * shapes), and each page's data is made once and thrown away, which fills what page builders remember (the
 * Installations footprints) and has V8 compile their code. At full scale the first bases edit after the start took
 * 3.5 s to reach the open page, and every later one 2.3 s. Nothing is written; a page that cannot be made is left to
 * the next real build to report.
 * `stop` is asked between steps: a change that arrives meanwhile waits for one step at most.
 */
export async function warmUp(cacheDir: string, skipPages: readonly string[], stop: () => boolean): Promise<void> {
  const modules = await loadDatasets();
  const datasets = await summarizeDatasets(cacheDir, await readManifest(cacheDir), modules);
  const caches = new KeepingReader(cacheDir, modules);
  const built = (name: string): boolean => datasets.some((d) => d.name === name && d.freshness !== 'missing');
  for (const module of modules) {
    if (stop()) return;
    if (module.remember && built(module.name)) await module.remember((columns) => caches.columns(module.name, columns)).catch(() => undefined);
  }
  for (const page of PAGES) {
    if (stop()) return;
    if (skipPages.includes(page.id) || !page.caches.every(built)) continue;
    await page.data({ caches, datasets, pages: [], builtAt: new Date() }).catch(() => undefined);
  }
}

/**
 * A cache reader that keeps each column it has read for as long as the warm-up lasts: the bases' Geo Shape column,
 * which the dataset and the Installations page both read, took ~0.5 s to read at full scale each time.
 */
class KeepingReader extends CacheReader {
  private readonly kept = new Map<string, unknown[]>();

  override async columns<C extends string>(dataset: DatasetName, names: readonly C[]): Promise<CacheColumns<C>> {
    const key = (name: string): string => `${dataset}\0${name}`;
    const missing = names.filter((name) => !this.kept.has(key(name)));
    if (missing.length > 0) {
      const read = await super.columns(dataset, missing);
      for (const name of missing) this.kept.set(key(name), read[name]);
    }
    return Object.fromEntries(names.map((name) => [name, this.kept.get(key(name))])) as CacheColumns<C>;
  }
}
