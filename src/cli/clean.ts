import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_DIR } from '../cache/builder.js';
import { MANIFEST_FILE } from '../cache/manifest.js';
import { loadDatasets } from '../datasets/registry.js';
import { DashError, EXIT_OK } from '../errors.js';
import { pathExists } from '../filesystem.js';
import { commandContext, type Io } from './io.js';

/** The file `dash site` leaves in the site folder so `dash clean` only ever deletes a folder dash made. */
export const SITE_MARKER = '.dash-site';

export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  const context = await commandContext(io, options);
  const both = options.caches === undefined && options.dist === undefined;
  if (both || options.caches) {
    // Only dash's own files: a cache folder pointed at a shared directory must not lose anything else.
    const artefacts = (await loadDatasets()).map((m) => m.artefact);
    const names = [...artefacts, MANIFEST_FILE, DEMO_DIR];
    const cache = context.paths.cache;
    if (!(await pathExists(cache))) {
      context.reporter.info(`caches: ${cache} does not exist; nothing to remove`);
    } else {
      const removed: string[] = [];
      for (const name of names) {
        const path = join(cache, name);
        if (await pathExists(path)) {
          await rm(path, { recursive: true, force: true });
          removed.push(name);
        }
      }
      const gone = await removeIfEmpty(cache);
      if (removed.length === 0) context.reporter.info(gone ? `caches: removed the empty folder ${cache}` : `caches: no dash cache in ${cache}; nothing to remove`);
      else context.reporter.info(`caches: removed ${removed.join(', ')} from ${cache}${gone ? ' (and the folder, now empty)' : ''}`);
    }
  }
  if (both || options.dist) {
    const out = context.paths.out;
    if (await pathExists(out)) {
      const entries = await readdir(out);
      if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
        throw new DashError(`${out} was not made by \`dash site\` (no ${SITE_MARKER} marker); not deleting it`);
      }
      await rm(out, { recursive: true, force: true });
      context.reporter.info(`site: removed ${out}`);
    } else {
      context.reporter.info(`site: ${out} does not exist; nothing to remove`);
    }
  }
  return EXIT_OK;
}

/** Removes the folder if nothing but stale lock files is left in it; says whether it did. */
async function removeIfEmpty(dir: string): Promise<boolean> {
  const left = (await readdir(dir)).filter((n) => !/^\..*\.lock$/.test(n));
  if (left.length > 0) return false;
  await rm(dir, { recursive: true, force: true });
  return true;
}
